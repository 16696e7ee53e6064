// Records the outputs test/outputs.test.ts holds the check path to:
// `node scripts/output-hashes.mjs /path/to/a/cofin/checkout > test/outputs/reference.json`
// bundles that checkout's src/cli.ts (the release the outputs must not change
// from), runs every case of test/outputs/cases.mjs in-process and writes a hash each.
import { build } from 'esbuild';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { outputCases, runCase, hashResult } from '../test/outputs/cases.mjs';

const checkout = resolve(process.argv[2] ?? '.');
const root = resolve(new URL('..', import.meta.url).pathname);
const dir = mkdtempSync(join(tmpdir(), 'cofin-outputs-'));
const { version } = JSON.parse(readFileSync(join(checkout, 'package.json'), 'utf8'));
await build({
  entryPoints: [join(checkout, 'src', 'cli.ts')],
  outfile: join(dir, 'cli.mjs'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  mainFields: ['module', 'main'],
  define: { __COFIN_VERSION__: JSON.stringify(version) },
  logLevel: 'warning',
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
});
const { main } = await import(join(dir, 'cli.mjs'));
const commit = process.env.COFIN_COMMIT ?? 'unknown';
const hashes = {};
for (const c of outputCases(root, join(tmpdir(), 'cofin-output-shapes')))
  hashes[c.name] = await hashResult(await runCase(main, c));
process.stdout.write(`${JSON.stringify({ commit, cases: Object.keys(hashes).length, hashes }, null, 1)}\n`);
