// Builds dist/: the CLI as one CommonJS bundle with a V8 code cache (see
// bin/cofin.cjs), and the library API as an ES module.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

// commander loads child_process only for executable subcommands, which cofin
// has none of; loading it (and net, dgram) costs a few ms of every start-up.
const noChildProcess = {
  name: 'no-child-process',
  setup(builder) {
    builder.onResolve({ filter: /^(node:)?child_process$/ }, () => ({ path: 'child_process', namespace: 'stub' }));
    builder.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
  },
};

const common = {
  bundle: true,
  // jsonc-parser's "main" is a UMD build with requires esbuild cannot follow; its ES module build bundles cleanly.
  mainFields: ['module', 'main'],
  platform: 'node',
  target: 'node20',
  define: { __COFIN_VERSION__: JSON.stringify(version) },
  logLevel: 'warning',
};
// Minified: less source to read and pre-parse at every start.
await build({ ...common, entryPoints: ['src/bin.ts'], outfile: 'dist/cofin.cjs', format: 'cjs', minify: true, plugins: [noChildProcess] });
await build({ ...common, entryPoints: ['src/index.ts'], outfile: 'dist/index.js', format: 'esm', packages: 'external' });

// Fill a code cache per command with the functions a typical run compiles.
const bin = new URL('../bin/cofin.cjs', import.meta.url).pathname;
const fixture = new URL('../fixtures/ventspils-digital-centre.yaml', import.meta.url).pathname;
for (const args of [['check', fixture], ['split', '12758', 'erdf=85%', 'municipal=10%', 'state=5%', '--unit', '1'], ['--help']]) {
  execFileSync(process.execPath, [bin, ...args], { env: { ...process.env, COFIN_WRITE_CODE_CACHE: '1' }, stdio: 'ignore' });
}
