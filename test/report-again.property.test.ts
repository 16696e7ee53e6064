import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ProjectCollector, summarizeProject } from '../src/core/project.js';
import { checkBudgetFile, checkBudgetStream, partnerSharesOf } from '../src/core/check.js';
import type { BudgetStream } from '../src/core/model.js';
import { parseBudgetFile } from '../src/io/budget-file.js';
import { reportCsvPieces, reportJsonPieces, reportTablePieces } from '../src/render/report.js';
import { makeStyle } from '../src/render/colour.js';
import type { Locale } from '../src/render/locale.js';
import type { CsvDialect } from '../src/render/csv.js';

// A file read from disk in pieces is reported from a second reading of its partners (`partnerSharesOf`) instead of
// notes kept from the first: held here to the notes and to the whole-file summary, on files with findings, periods,
// approximate amounts, zero budgets and odd names.

const cents = (c: bigint) =>
  `${c < 0n ? '-' : ''}${(c < 0n ? -c : c) / 100n}.${String((c < 0n ? -c : c) % 100n).padStart(2, '0')}`;

const partner = fc.record({
  name: fc.oneof(
    fc.constantFrom('Rīgas dome', '=SUM(A1)', 'a;b', 'Kauno "miestas"', 'X\u0000Y', 'A\u0001B', ''),
    fc.string({ maxLength: 5 }),
  ),
  country: fc.option(fc.constantFrom('LV', 'LT'), { nil: undefined }),
  cents: fc.oneof(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.constant(0n)),
  erdf: fc.integer({ min: 0, max: 8500 }),
  other: fc.option(fc.record({ rate: fc.integer({ min: 0, max: 1500 }), kind: fc.constantFrom('public', 'private') }), {
    nil: undefined,
  }),
  // how the ERDF share is given: a rate, with its right amount, a wrong amount, an approximate one, or a zero budget's 0
  how: fc.constantFrom('rate', 'right', 'wrong', 'approximate', 'zero'),
  periods: fc.boolean(),
  sign: fc.boolean(),
});

/** A project file of random partners, as JSON text. */
const projectFile = fc
  .record({
    unit: fc.constantFrom('1', '0.01', '0.001', undefined),
    partners: fc.array(partner, { minLength: 1, maxLength: 10 }),
  })
  .map(({ unit, partners }) =>
    JSON.stringify({
      currency: 'EUR',
      ...(unit ? { rounding: { unit } } : {}),
      project: { name: 'Again', total: '~1000000' },
      partners: partners.map((p, i) => {
        const budget = p.how === 'zero' ? '0' : cents(p.cents);
        const right = (p.cents * BigInt(p.erdf)) / 10_000n;
        const erdf =
          p.how === 'rate'
            ? `${p.erdf / 100}%`
            : p.how === 'zero'
              ? { amount: p.sign ? '0' : '0.00' }
              : {
                  rate: `${p.erdf / 100}%`,
                  amount: p.how === 'approximate' ? `~${cents(right)}` : cents(p.how === 'wrong' ? right + 7n : right),
                };
        return {
          partner: p.name === '' ? `P${i}` : `${p.name}${i}`,
          ...(p.country !== undefined ? { country: p.country } : {}),
          budget,
          funding: {
            erdf,
            ...(p.other
              ? { ipa: { rate: `${p.other.rate / 100}%`, kind: p.other.kind, name: `IPA ${p.other.kind}` } }
              : {}),
            national: 'rest',
          },
          ...(p.periods && p.how !== 'zero'
            ? {
                periods: [
                  { period: 1, budget: cents(p.cents / 2n) },
                  { period: 2, budget: cents(p.cents - p.cents / 2n) },
                ],
              }
            : {}),
        };
      }),
    }),
  );

/** Readings of the partners of `asStream`'s lists. */
let readings = 0;

/** A file's partners as a list read again each time (as a streamed table's), not an array. */
const asStream = (file: BudgetStream): BudgetStream => {
  const all = [...file.partners];
  const partners = {
    length: all.length,
    *[Symbol.iterator]() {
      readings++;
      yield* all;
    },
  };
  return { ...file, partners };
};

describe('a streamed report from a second reading of the file', () => {
  it('writes the very table, CSV and JSON of the notes and of the whole-file summary', () => {
    const reached = { files: 0, findings: 0, errors: 0, periods: 0, approximate: 0, zero: 0, lv: 0 };
    fc.assert(
      fc.property(
        projectFile,
        fc.constantFrom<Locale>('en', 'lv'),
        fc.constantFrom<CsvDialect>('rfc4180', 'excel-lv'),
        (text, locale, dialect) => {
          let file;
          try {
            file = parseBudgetFile(text, 'json');
          } catch {
            return; // a file the reader refuses has no report
          }
          reached.files++;
          if (locale === 'lv') reached.lv++;
          const whole = checkBudgetFile(file);
          const held = summarizeProject(whole);
          if (whole.findings.length > 0) reached.findings++;
          if (whole.findings.some((f) => f.severity === 'error')) reached.errors++;
          if (held.planned) reached.periods++;
          if (text.includes('"~')) reached.approximate++;
          if (text.includes('"budget":"0"')) reached.zero++;
          const stream = asStream(file);
          const before = readings;
          const notes = new ProjectCollector();
          checkBudgetStream(stream, { onShares: notes.add });
          const again = new ProjectCollector(partnerSharesOf(stream));
          checkBudgetStream(stream, { onShares: again.add });
          const a = notes.finish();
          expect(readings - before).toBe(2);
          const b = again.finish();
          expect(b.summary).toStrictEqual(a.summary);
          expect(b.partners.length).toBe(a.partners.length);
          expect(b.partners.places).toBe(a.partners.places);
          expect([...b.partners.noted()]).toStrictEqual([...a.partners.noted()]);
          expect([...b.partners.noted(false)]).toStrictEqual([...a.partners.noted(false)]);
          expect([...b.partners]).toStrictEqual([...a.partners]);
          const style = makeStyle(false);
          const scale = held.scale;
          const join = (pieces: Iterable<string>) => [...pieces].join('');
          const table = join(reportTablePieces(held, style, locale, scale, 'T', held.partners));
          expect(join(reportTablePieces(b.summary, style, locale, scale, 'T', b.partners))).toBe(table);
          expect(join(reportCsvPieces(b.summary, b.partners, scale, dialect))).toBe(
            join(reportCsvPieces(held, held.partners, scale, dialect)),
          );
          expect(join(reportJsonPieces(b.summary, b.partners, scale))).toBe(
            join(reportJsonPieces(held, held.partners, scale)),
          );
          // the rows read the file again, the table twice (rows and chart): none from notes
          expect(readings - before).toBeGreaterThan(5);
        },
      ),
      { numRuns: 400, seed: 17_1002 },
    );
    expect(reached.files).toBeGreaterThan(300);
    expect(reached.findings).toBeGreaterThan(150);
    expect(reached.errors).toBeGreaterThan(100);
    expect(reached.periods).toBeGreaterThan(100);
    expect(reached.approximate).toBeGreaterThan(100);
    expect(reached.zero).toBeGreaterThan(50);
    expect(reached.lv).toBeGreaterThan(120);
  });
});
