#!/usr/bin/env node
// The verdict of `cofin extract DOC | cofin check -` for every document of the development corpus (or --dir DIR),
// one line each (`id verdict conflicts`), so that a change's verdicts can be compared before and after.
// Never the held-out corpus. A measurement, not a test.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'bin', 'cofin.cjs');
const at = process.argv.indexOf('--dir');
const dir = at > 0 ? resolve(process.argv[at + 1]) : join(root, 'fixtures', 'corpus');
if (dir.includes('holdout')) {
  console.error('corpus-verdicts: the held-out corpus is the lead measure');
  process.exit(2);
}
for (const name of readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort()) {
  const extract = spawnSync('node', [cli, 'extract', join(dir, name)], { encoding: 'utf8' });
  if (extract.status !== 0) {
    console.log(`${name} refused 0`);
    continue;
  }
  const conflicts = (extract.stdout.match(/^\s*# check: conflict:/gm) ?? []).length;
  const check = spawnSync('node', [cli, 'check', '-'], { input: extract.stdout, encoding: 'utf8' });
  console.log(`${name} ${check.status === 0 ? 'pass' : check.status === 1 ? 'fail' : 'invalid'} ${conflicts}`);
}
