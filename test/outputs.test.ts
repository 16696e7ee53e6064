import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../src/cli.js';
// @ts-expect-error: a plain ES module shared with scripts/output-hashes.mjs
import { hashResult, outputCases, runCase } from './outputs/cases.mjs';

// Issue 17 made the check path faster; its outputs must not change. The
// reference hashes were recorded from the release before that work (commit in
// the file) by `node scripts/output-hashes.mjs CHECKOUT`; a case whose output
// differs fails here with its command.
const root = new URL('..', import.meta.url).pathname;
const reference = JSON.parse(readFileSync(join(root, 'test', 'outputs', 'reference.json'), 'utf8')) as {
  commit: string;
  cases: number;
  hashes: Record<string, string>;
};
type Case = { name: string; cwd: string; argv: string[] };
const cases = outputCases(root, join(tmpdir(), 'cofin-output-shapes')) as Case[];

describe(`outputs are byte-identical to ${reference.commit}'s`, () => {
  it('runs every recorded case, and only those', () => {
    expect(cases.map((c) => c.name).sort()).toEqual(Object.keys(reference.hashes).sort());
    expect(cases.length).toBe(reference.cases);
  });

  it.each(cases)('$name', async (c: Case) => {
    expect(await hashResult(await runCase(main, c))).toBe(reference.hashes[c.name]);
  });
});
