import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Table from 'cli-table3';
import { PackedRows, drawTable, renderTable, tableLines, wrapWords } from '../src/render/table.js';

const text = fc.string({
  unit: fc.constantFrom(...'aZ 09.,%-€—…āčēģīķļņšūžĀŠ✓✗≈()\u00a0\u202f'.split('')),
  maxLength: 12,
});
/** Cells as the renderers make them: plain, or coloured and bold as chalk writes them. */
const cell = fc.oneof(
  text,
  text.map((t) => `\u001b[32m${t}\u001b[39m`),
  text.map((t) => `\u001b[1m\u001b[31m${t}\u001b[39m\u001b[22m`),
  text.map((t) => `\u001b[2m(${t})\u001b[22m`),
);
/** The reference: cli-table3 itself, as renderTable used it for every table. */
function cliTable3(head: string[], rows: string[][], right: number[], total: boolean): string {
  const table = new Table({
    head,
    style: { head: [], border: [] },
    colAligns: head.map((_, i) => (right.includes(i) ? 'right' : 'left')),
  });
  table.push(...rows);
  const lines = table.toString().split('\n');
  const rules = lines.map((line, i) => (line.startsWith('├') ? i : -1)).filter((i) => i >= 0);
  const keep = new Set([rules[0], total ? rules.at(-1) : undefined]);
  return lines.filter((line, i) => !line.startsWith('├') || keep.has(i)).join('\n');
}

describe('tables', () => {
  it('draws tables of plain and coloured cells exactly as cli-table3 does', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((columns) =>
          fc.record({
            head: fc.array(cell, { minLength: columns, maxLength: columns }),
            rows: fc.array(fc.array(cell, { minLength: columns, maxLength: columns }), { minLength: 1, maxLength: 12 }),
            right: fc.subarray(Array.from({ length: columns }, (_, i) => i)),
            total: fc.boolean(),
          }),
        ),
        ({ head, rows, right, total }) => {
          expect(drawTable(head, rows, right, total)).toBe(cliTable3(head, rows, right, total));
          expect(renderTable(head, rows, right, total)).toBe(cliTable3(head, rows, right, total));
        },
      ),
      { seed: 20261126, numRuns: 500 },
    );
  });

  it('draws wide characters and emoji by their display width, exactly as cli-table3 does', () => {
    const wide = fc.string({
      unit: fc.constantFrom(
        ...['a', 'Z', ' ', '1', 'ā', '€', '日', '本', '語', '한', '😀', '👍🏽', 'é', '\u0301', '\u200b', 'Ｆ'],
      ),
      maxLength: 10,
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((columns) =>
          fc.record({
            head: fc.array(wide, { minLength: columns, maxLength: columns }),
            rows: fc.array(fc.array(fc.oneof(wide, cell), { minLength: columns, maxLength: columns }), {
              minLength: 1,
              maxLength: 8,
            }),
            right: fc.subarray(Array.from({ length: columns }, (_, i) => i)),
            total: fc.boolean(),
          }),
        ),
        ({ head, rows, right, total }) => {
          expect(renderTable(head, rows, right, total)).toBe(cliTable3(head, rows, right, total));
        },
      ),
      { seed: 20261202, numRuns: 500 },
    );
  });

  it('draws 20 000 rows with a wide character in one pass', () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => [`Partner ${i} 日本`, 'LV']);
    expect(renderTable(['Partner', 'Country'], rows, []).split('\n')).toHaveLength(20_000 + 4);
  });

  it('leaves cells it cannot measure (line breaks) to cli-table3', () => {
    for (const cells of [
      ['日本', 'x'],
      ['a\nb', 'y'],
      ['😀', 'z'],
    ]) {
      expect(renderTable(['A', 'B'], [cells], [1])).toBe(cliTable3(['A', 'B'], [cells], [1], false));
    }
    expect(renderTable(['A', 'B'], [['日本', 'x']], [1])).toContain('│ 日本 │ x │');
  });

  it('draws a table of 20 000 rows in one pass', () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => [`Partner ${i}`, 'LV', `${i} 000,00\u00a0€`]);
    const lines = renderTable(['Partner', 'Country', 'Budget'], rows, [2], true).split('\n');
    // top, header, rule, the rows, the rule above the total, bottom
    expect(lines).toHaveLength(20_000 + 5);
    expect(lines[3]).toBe(`│ Partner 0     │ LV      │ ${'0 000,00\u00a0€'.padStart('19999 000,00\u00a0€'.length)} │`);
    expect(lines.at(-3)!.startsWith('├')).toBe(true);
  });

  describe("narrowed to a terminal's width (issue 13)", () => {
    const word = fc.string({ unit: fc.constantFrom(...'abcdefgāčē-()'.split('')), minLength: 1, maxLength: 22 });
    const phrase = fc.array(word, { minLength: 1, maxLength: 5 }).map((words) => words.join(' '));
    const number = fc.bigInt({ min: 0n, max: 10n ** 9n }).map((n) => n.toString().replace(/\B(?=(\d{3})+$)/g, ' '));

    it("wraps a cell's words into lines no wider than asked, keeping every character in order", () => {
      fc.assert(
        fc.property(phrase, fc.integer({ min: 1, max: 30 }), (cell, columns) => {
          const lines = wrapWords(cell, columns);
          for (const line of lines) expect(line.length).toBeLessThanOrEqual(columns);
          expect(lines.join('').replace(/ /g, '')).toBe(cell.replace(/ /g, ''));
          if (cell.split(' ').every((w) => w.length <= columns)) expect(lines.join(' ')).toBe(cell);
        }),
        { seed: 20261202, numRuns: 500 },
      );
    });

    it('fits the width when the text columns can narrow that far; never cuts a number; unchanged when it fits', () => {
      let narrowedCases = 0;
      fc.assert(
        fc.property(
          fc.integer({ min: 2, max: 5 }).chain((columns) =>
            fc.record({
              numeric: fc.subarray(
                Array.from({ length: columns }, (_, i) => i),
                { maxLength: columns - 1 },
              ),
              head: fc.array(phrase, { minLength: columns, maxLength: columns }),
              rows: fc.array(
                fc.tuple(
                  fc.array(phrase, { minLength: columns, maxLength: columns }),
                  fc.array(number, { minLength: columns, maxLength: columns }),
                ),
                { minLength: 1, maxLength: 6 },
              ),
              maxWidth: fc.integer({ min: 20, max: 140 }),
              total: fc.boolean(),
            }),
          ),
          ({ numeric, head, rows: pairs, maxWidth, total }) => {
            const rows = pairs.map(([texts, numbers]) =>
              texts.map((text, i) => (numeric.includes(i) ? numbers[i]! : text)),
            );
            const natural = drawTable(head, rows, numeric, total);
            const fitted = drawTable(head, rows, numeric, total, undefined, maxWidth);
            const width = (table: string) => table.split('\n')[0]!.length;
            if (width(natural) <= maxWidth) {
              expect(fitted).toBe(natural);
              return;
            }
            narrowedCases++;
            const lines = fitted.split('\n');
            for (const line of lines) expect(line.length).toBe(width(fitted)); // a whole box
            // the narrowest it may go: numbers at their width, text at its longest word (8 to 16 columns)
            const floor = head.reduce((sum, cell, c) => {
              const cells = [cell, ...rows.map((r) => r[c]!)];
              const naturalWidth = Math.max(...cells.map((x) => x.length));
              const longest = Math.max(...cells.flatMap((x) => x.split(' ').map((w) => w.length)));
              return (
                sum +
                3 +
                (numeric.includes(c) ? naturalWidth : Math.min(naturalWidth, Math.max(8, Math.min(longest, 16))))
              );
            }, 1);
            expect(width(fitted)).toBe(Math.max(maxWidth, floor));
            for (const row of rows)
              for (const c of numeric) expect(lines.some((line) => line.includes(` ${row[c]} `))).toBe(true);
          },
        ),
        { seed: 20261202, numRuns: 400 },
      );
      expect(narrowedCases).toBeGreaterThanOrEqual(100);
    });
  });
});

describe('rows kept packed (PackedRows, the report of 100 000 partners)', () => {
  /** Cells of every kind the table draws: plain and coloured, wide, a line break, the separator U+0000 itself. */
  const anyCell = fc.oneof(
    { weight: 6, arbitrary: cell },
    { weight: 1, arbitrary: fc.constantFrom('中文', '😀', 'a\nb', 'x\u0000y', '\u0000', '') },
  );
  it('draws the same lines as the rows given as arrays', () => {
    let packedFast = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((columns) =>
          fc.record({
            head: fc.array(cell, { minLength: columns, maxLength: columns }),
            // now and then a row of another length: cli-table3's path
            rows: fc.array(
              fc.oneof(
                { weight: 12, arbitrary: fc.array(anyCell, { minLength: columns, maxLength: columns }) },
                { weight: 1, arbitrary: fc.array(anyCell, { minLength: 1, maxLength: columns + 1 }) },
              ),
              { maxLength: 10 },
            ),
            right: fc.subarray(Array.from({ length: columns }, (_, i) => i)),
            total: fc.boolean(),
            maxWidth: fc.option(fc.integer({ min: 10, max: 60 }), { nil: undefined }),
          }),
        ),
        ({ head, rows, right, total, maxWidth }) => {
          const packed = new PackedRows();
          for (const row of rows) packed.add(row);
          expect(packed).toHaveLength(rows.length);
          expect([...packed]).toEqual(rows);
          if (packed.plainWidths(head.length)) packedFast++;
          expect([...tableLines(head, packed, right, total, maxWidth)]).toEqual([
            ...tableLines(head, rows, right, total, maxWidth),
          ]);
        },
      ),
      { numRuns: 500 },
    );
    // the packed rows' own widths drew most tables
    expect(packedFast).toBeGreaterThan(100);
  });
});
