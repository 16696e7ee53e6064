// The commands whose output must stay byte-identical while the check path is
// made faster (issue 17): every budget fixture, and the bench's shapes small,
// in every output format of check and report. Shared by test/outputs.test.ts
// and scripts/output-hashes.mjs, which records the reference hashes.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SHAPES, writeFolder, writeShape } from '../../bench/shapes.mjs';

const CHECK = ['table', 'json', 'github', 'junit'];
const REPORT = ['table', 'json', 'csv', 'md'];
const BUDGET = /\.(ya?ml|json|csv)$/;

/** Budget fixtures under `root` (relative paths, as the commands print them). */
function fixtures(root) {
  const files = [];
  for (const dir of ['fixtures', 'fixtures/fail', 'fixtures/project', 'fixtures/invalid', 'fixtures/folder/budgets']) {
    for (const name of readdirSync(join(root, dir)).sort()) if (BUDGET.test(name)) files.push(`${dir}/${name}`);
  }
  return files;
}

/**
 * Every case: `{ name, cwd, argv }`. The shapes are written into `shapesDir`:
 * 1 200 partners, past the 1 000 a check keeps (so the streamed second pass
 * runs) and past the 20 a table shows in full.
 */
export function outputCases(root, shapesDir) {
  const cases = [];
  for (const file of fixtures(root)) {
    const invalid = file.startsWith('fixtures/invalid/');
    for (const format of invalid ? ['table', 'json'] : CHECK)
      cases.push({ cwd: root, argv: ['check', file, '--format', format] });
    if (!invalid) for (const format of REPORT) cases.push({ cwd: root, argv: ['report', file, '--format', format] });
    // the HTML report of each fixture (its text is all from html`` templates, which no other test holds byte for byte)
    if (!invalid) cases.push({ cwd: root, argv: ['report', file, '--format', 'html'] });
  }
  for (const format of CHECK) cases.push({ cwd: root, argv: ['check', 'fixtures/folder', '--format', format] });
  cases.push({ cwd: root, argv: ['check', 'fixtures', '--verbose'] });
  for (const shape of SHAPES) writeShape(shapesDir, shape, 1200);
  for (const shape of ['cents', 'declared']) for (const ext of ['json', 'yaml']) writeFolder(shapesDir, shape, ext, 30);
  for (const shape of SHAPES) {
    for (const ext of ['json', 'yaml', 'csv']) {
      const file = `partners-${shape}.${ext}`;
      for (const format of CHECK) cases.push({ cwd: shapesDir, argv: ['check', file, '--format', format] });
      for (const format of REPORT) cases.push({ cwd: shapesDir, argv: ['report', file, '--format', format] });
    }
  }
  for (const shape of ['cents', 'declared'])
    for (const ext of ['json', 'yaml'])
      for (const format of ['table', 'github'])
        cases.push({ cwd: shapesDir, argv: ['check', `files-${shape}-${ext}`, '--format', format] });
  return cases.map((c) => ({ ...c, name: `${c.cwd === root ? '' : 'shapes: '}${c.argv.join(' ')}` }));
}

/** Runs cofin's `main` in-process on a case: exit code, stdout and stderr, no terminal, no environment. */
export async function runCase(main, c) {
  const { Readable } = await import('node:stream');
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: { write: (text) => ((stdout += text), true), isTTY: false },
    stderr: { write: (text) => ((stderr += text), true), isTTY: false },
    stdin: Readable.from([]),
    env: {},
    cwd: c.cwd,
  };
  const code = await main(c.argv, io);
  return { code, stdout, stderr };
}

/** The hash a case's result is recorded as. */
export async function hashResult(result) {
  const { createHash } = await import('node:crypto');
  return createHash('sha256')
    .update(`${result.code}\n${result.stdout}\n\u0000${result.stderr}`)
    .digest('hex')
    .slice(0, 24);
}
