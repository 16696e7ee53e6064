import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { drawTable, renderTable } from '../src/render/table.js';

const cell = fc.string({ unit: fc.constantFrom(...'aZ 09.,%-€—…āčēģīķļņšūžĀŠ\u00a0\u202f'.split('')), maxLength: 12 });

describe('tables', () => {
  it('draws large tables of plain cells exactly as cli-table3 does', () => {
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
          expect(drawTable(head, rows, right, total)).toBe(renderTable(head, rows, right, total));
        },
      ),
      { seed: 20261126, numRuns: 300 },
    );
  });

  it('draws a table of 20 000 rows in one pass', () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => [`Partner ${i}`, 'LV', `${i} 000,00\u00a0€`]);
    const lines = renderTable(['Partner', 'Country', 'Budget'], rows, [2], true).split('\n');
    // top, header, rule, the rows, the rule above the total, bottom
    expect(lines).toHaveLength(20_000 + 5);
    expect(lines[3]).toBe(`│ Partner 0     │ LV      │ ${'0 000,00\u00a0€'.padStart('19999 000,00\u00a0€'.length)} │`);
    expect(lines.at(-3)!.startsWith('├')).toBe(true);
  });
});
