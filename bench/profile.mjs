// `node bench/profile.mjs check FILE --format json`: runs cofin, built
// unminified (names kept), under `node --cpu-prof`, and prints the functions
// with the most self time. The profile stays in the temporary folder for a viewer.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'cofin-profile-'));
const outfile = join(dir, 'cofin.cjs');
await build({
  entryPoints: [new URL('../src/bin.ts', import.meta.url).pathname],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  mainFields: ['module', 'main'],
  // as scripts/build.mjs: a CommonJS bundle has no import.meta, so it gets its file's URL
  banner: { js: "var __cofinFileUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: { __COFIN_VERSION__: JSON.stringify(version), 'import.meta.url': '__cofinFileUrl' },
  logLevel: 'warning',
});
const run = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, outfile, ...process.argv.slice(2)], {
  stdio: ['inherit', 'ignore', 'inherit'],
});
const written = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
if (written === undefined) throw new Error(`no profile in ${dir}: cofin exited ${run.status}`);
const profile = JSON.parse(readFileSync(join(dir, written), 'utf8'));
const self = new Map();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const dt = profile.timeDeltas;
let total = 0;
profile.samples.forEach((id, i) => {
  const n = byId.get(id);
  const key = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*\//, '')}:${n.callFrame.lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0));
  total += dt[i] ?? 0;
});
console.log(`exit ${run.status}; ${(total / 1000).toFixed(0)} ms sampled; profile in ${dir}`);
for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 30))) {
  console.log(`${((100 * us) / total).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(6)} ms  ${key}`);
}
