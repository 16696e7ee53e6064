import { defineConfig } from 'vitest/config';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  define: { __COFIN_VERSION__: JSON.stringify(version) },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // every YAML budget a test loads, read both ways (test/yaml-both-ways.setup.ts)
    setupFiles: process.env.COFIN_YAML_BOTH_WAYS ? ['test/yaml-both-ways.setup.ts'] : [],
    testTimeout: 30_000,
    // The JSON report feeds the summary line of .ci/run.
    reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
  },
});
