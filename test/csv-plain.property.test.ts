import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { plainRecords } from '../src/io/csv.js';

// A table with no quote is read without csv-parse's records held (io/csv's
// plainRecords); it must give csv-parse's very records, or step aside.

const options = (delimiter: string) =>
  ({ delimiter, bom: true, skip_empty_lines: true, relax_quotes: false, trim: false }) as const;

/** What cofin keeps of csv-parse's records: the header, and the rows that hold something with their record index. */
function expected(
  text: string,
  delimiter: string,
): { header: string[]; rows: { index: number; cells: string[] }[] } | 'error' {
  let records: string[][];
  try {
    records = parse(text, options(delimiter));
  } catch {
    return 'error';
  }
  const [header = [], ...body] = records;
  return {
    header,
    rows: body.map((cells, index) => ({ index, cells })).filter((r) => !r.cells.every((c) => c.trim() === '')),
  };
}

describe('plainRecords', () => {
  it("gives csv-parse's records for a table without quotes, or leaves it to csv-parse", () => {
    let fast = 0;
    let refused = 0;
    const cell = fc.string({
      unit: fc.constantFrom('a', 'B', '1', '0', ' ', '\u00a0', '%', ',', ';', '\t', 'ā', '\u2028'),
      maxLength: 4,
    });
    const table = fc.record({
      delimiter: fc.constantFrom(';', ',', '\t'),
      columns: fc.integer({ min: 1, max: 4 }),
      rows: fc.array(fc.tuple(fc.array(cell, { minLength: 0, maxLength: 5 }), fc.boolean()), { maxLength: 8 }),
      end: fc.constantFrom('\n', '\r\n', 'mixed', '\r'),
      bom: fc.boolean(),
      last: fc.boolean(),
    });
    fc.assert(
      fc.property(table, ({ delimiter, columns, rows, end, bom, last }) => {
        const lines = rows.map(([cells, exact], i) => {
          // most rows as wide as the header, some not; some empty
          const width = exact ? columns : cells.length;
          return (
            Array.from({ length: width }, (_, k) => (cells[k] ?? '').replaceAll(delimiter, '')).join(delimiter) +
            (i % 5 === 4 ? '' : '')
          );
        });
        const header = Array.from({ length: columns }, (_, k) => `c${k}`).join(delimiter);
        const ending = (i: number) => (end === 'mixed' ? (i % 2 ? '\r\n' : '\n') : end);
        const text =
          (bom ? '\ufeff' : '') +
          [header, ...lines].map((line, i) => line + (i === lines.length && !last ? '' : ending(i))).join('');
        const want = expected(text, delimiter);
        const got = plainRecords(text, delimiter);
        if (got === undefined) {
          refused++;
          return;
        }
        fast++;
        expect(want).not.toBe('error');
        if (want === 'error') return;
        expect(got.header).toEqual(want.header);
        expect([...got.rows].map((row) => ({ index: got.rowIndex[row], cells: [...got.cells(row)] }))).toEqual(
          want.rows,
        );
      }),
      { seed: 20261202, numRuns: 2000 },
    );
    // both ways are reached often
    expect(fast).toBeGreaterThan(400);
    expect(refused).toBeGreaterThan(200);
  });

  it('leaves a table with quotes to csv-parse', () => {
    expect(plainRecords('partner;budget\n"A;B";100\n', ';')).toBeUndefined();
  });
});
