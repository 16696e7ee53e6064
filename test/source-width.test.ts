import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// The formatter's width (.prettierrc): Prettier leaves long comments and strings alone, so this keeps them in
// it. Columns are counted in code points, as an editor shows them.
const WIDTH = 120;
const root = new URL('..', import.meta.url).pathname;

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );

const tooLong = (file: string): string[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line, i) =>
      [...line].length > WIDTH ? [`${relative(root, file)}:${i + 1}: ${[...line].length} columns`] : [],
    );

describe('source width', () => {
  it(`finds every .ts file under src/`, () => {
    expect(sources(join(root, 'src')).length).toBeGreaterThan(50);
  });
  it(`has no line in src/ over ${WIDTH} columns`, () => {
    // html`` templates too, whose text Prettier leaves alone (embeddedLanguageFormatting: off): a long one is cut
    // into named pieces, which the tag joins as they were (issue 14).
    expect(sources(join(root, 'src')).flatMap(tooLong)).toEqual([]);
  });
  it('counts columns in code points, and fails on a line one column over', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cofin-width-'));
    const file = join(dir, 'x.ts');
    writeFileSync(file, `${'ā'.repeat(WIDTH)}\n// ${'x'.repeat(WIDTH - 2)}\n`);
    expect(tooLong(file)).toEqual([`${relative(root, file)}:2: ${WIDTH + 1} columns`]);
  });
});
