import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { Decimal, decimalOfText, toFixedString, toFixedText } from '../src/core/decimal.js';
import { fromScaled, scaledOfText, textOfScaled, toScaled } from '../src/core/scaled.js';
import { ProjectCollector, percent, percentOfText, summarizeProject } from '../src/core/project.js';
import { checkBudgetFile, checkBudgetStream, type Finding } from '../src/core/check.js';
import { packSaid } from '../src/core/check/packed.js';
import { parseBudgetFile } from '../src/io/budget-file.js';
import { formatMoney, formatMoneyText, formatPercent, formatPercentText, type Locale } from '../src/render/locale.js';
import { reportCsvPieces, reportJsonPieces, reportTablePieces } from '../src/render/report.js';
import { makeStyle } from '../src/render/colour.js';
import type { CsvDialect } from '../src/render/csv.js';

// A streamed report formats its partners from their notes' exact text (no Decimal a figure), and a large file's
// findings keep their figures packed: each held here to the Decimal path it replaced.

/** A Decimal's exact text as the notes write it: `toFixedString`'s, a negative zero `-0`. */
const exactText = (value: Decimal) => (value.isNegative() ? `-${toFixedString(value.abs())}` : toFixedString(value));

const decimal = fc
  .record({
    digits: fc.oneof(
      fc.bigInt({ min: 0n, max: 10n ** 6n }),
      fc.bigInt({ min: 0n, max: 10n ** 18n }),
      fc.bigInt({ min: 0n, max: 10n ** 60n }),
    ),
    // mostly a currency's decimals; some around Intl's limit (20 on Node 20) and past the formatters' 100
    scale: fc.oneof(
      { weight: 6, arbitrary: fc.integer({ min: 0, max: 6 }) },
      { weight: 1, arbitrary: fc.integer({ min: 18, max: 22 }) },
      { weight: 1, arbitrary: fc.integer({ min: 98, max: 104 }) },
    ),
    negative: fc.boolean(),
  })
  .map(({ digits, scale, negative }) => new Decimal(`${negative ? '-' : ''}${digits}e-${scale}`));
const figure = fc.oneof(
  { weight: 8, arbitrary: decimal },
  { weight: 1, arbitrary: fc.constantFrom(new Decimal(0), new Decimal('-0'), new Decimal('-0.01')) },
);

/** A formatter's text, or its error (Intl refuses more than 20 decimals on Node 20: both ways alike). */
const outcome = (format: () => string) => {
  try {
    return format();
  } catch (error) {
    return `throws ${(error as Error).message}`;
  }
};

describe('figures from exact text, without a Decimal', () => {
  it('money and percentages: the Decimal formatters’ text, every scale, sign, grouping and locale', () => {
    const reached = { lv: 0, zero: 0, negative: 0, grouped: 0, past100: 0, otherCurrency: 0 };
    fc.assert(
      fc.property(
        figure,
        fc.oneof(fc.integer({ min: 0, max: 4 }), fc.constant(101)),
        fc.constantFrom('EUR', 'USD', 'GBP', 'PLN', 'SEK', 'eur', 'X1'),
        fc.constantFrom<Locale>('en', 'lv'),
        (value, scale, currency, locale) => {
          const text = exactText(value);
          if (locale === 'lv') reached.lv++;
          if (value.isZero()) reached.zero++;
          if (value.isNegative() && !value.isZero()) reached.negative++;
          if (value.abs().gte(1000)) reached.grouped++;
          if (value.decimalPlaces() > 100 || scale > 100) reached.past100++;
          if (!/^(EUR|USD|GBP)$/.test(currency)) reached.otherCurrency++;
          expect(decimalOfText(text)).toEqual(value);
          expect(outcome(() => formatMoneyText(text, currency, scale, locale))).toBe(
            outcome(() => formatMoney(value, currency, scale, locale)),
          );
          expect(outcome(() => formatPercentText(text, locale))).toBe(outcome(() => formatPercent(value, locale)));
          expect(toFixedText(text, scale)).toBe(toFixedString(value, scale));
          expect(toFixedText(text)).toBe(value.toFixed());
        },
      ),
      { numRuns: 3000, seed: 1207 },
    );
    expect(reached.lv).toBeGreaterThan(1000);
    expect(reached.zero).toBeGreaterThan(150);
    expect(reached.negative).toBeGreaterThan(800);
    expect(reached.grouped).toBeGreaterThan(1000);
    expect(reached.past100).toBeGreaterThan(150);
    expect(reached.otherCurrency).toBeGreaterThan(800);
  });

  it('fixed point and percentages of text: toScaled, fromScaled and percent’s values', () => {
    let halves = 0;
    let zeros = 0;
    fc.assert(
      fc.property(
        fc.oneof(
          fc.tuple(figure, figure),
          // an exact half at the second decimal: part = whole × (k + 0.5) / 10 000
          fc.tuple(decimal, fc.integer({ min: -20_000, max: 20_000 })).map(([whole, k]) => {
            halves++;
            return [whole.times(k * 2 + 1).div(20_000), whole] as const;
          }),
        ),
        fc.integer({ min: 0, max: 12 }),
        ([part, whole], scale) => {
          const text = exactText(part);
          expect(scaledOfText(text, scale)).toBe(toScaled(part, scale));
          const scaled = toScaled(part, part.decimalPlaces());
          if (scaled !== undefined) expect(textOfScaled(scaled, scale)).toBe(toFixedString(fromScaled(scaled, scale)));
          const theirs = percent(part, whole);
          if (theirs.isZero()) zeros++;
          expect(percentOfText(text, exactText(whole))).toBe(exactText(theirs));
        },
      ),
      { numRuns: 3000, seed: 1208 },
    );
    expect(halves).toBeGreaterThan(500);
    expect(zeros).toBeGreaterThan(200);
  });
});

/** A project file of random partners: budgets in cents, rates, declared amounts, one id of two kinds, names odd. */
const projectFile = fc
  .record({
    unit: fc.constantFrom('1', '0.01', '0.001'),
    currency: fc.constantFrom('EUR', 'PLN', 'SEK'),
    partners: fc.array(
      fc.record({
        name: fc.oneof(
          fc.constantFrom('Rīgas dome', 'Partner', '=SUM(A1)', 'a;b', 'Kauno "miestas"', 'X\u0000Y', ''),
          fc.string({ maxLength: 6 }),
        ),
        country: fc.option(fc.constantFrom('LV', 'LT', 'EE'), { nil: undefined }),
        cents: fc.bigInt({ min: 0n, max: 10n ** 12n }),
        erdf: fc.integer({ min: 0, max: 8500 }),
        other: fc.option(
          fc.record({ rate: fc.integer({ min: 0, max: 1500 }), kind: fc.constantFrom('public', 'private') }),
          { nil: undefined },
        ),
        declare: fc.boolean(),
      }),
      { minLength: 1, maxLength: 12 },
    ),
  })
  .map(({ unit, currency, partners }) => ({
    currency,
    rounding: { unit },
    project: { name: 'Notes', total: '1000000' },
    partners: partners.map((p, i) => ({
      partner: p.name === '' ? `P${i}` : `${p.name}${i}`,
      ...(p.country ? { country: p.country } : {}),
      budget: `${p.cents / 100n}.${String(p.cents % 100n).padStart(2, '0')}`,
      funding: {
        erdf: `${p.erdf / 100}%`,
        ...(p.other
          ? { ipa: { rate: `${p.other.rate / 100}%`, kind: p.other.kind, name: `IPA ${p.other.kind}` } }
          : {}),
        national: p.declare ? { amount: 'rest' } : 'rest',
      },
    })),
  }));

describe('a streamed report from its notes', () => {
  it('writes the very table, CSV and JSON of the summary’s Decimals, in every locale and dialect', () => {
    const reached = { twoKinds: 0, lv: 0, files: 0 };
    fc.assert(
      fc.property(
        projectFile,
        fc.constantFrom<Locale>('en', 'lv'),
        fc.constantFrom<CsvDialect>('rfc4180', 'excel-lv'),
        fc.boolean(),
        (json, locale, dialect, colour) => {
          let file;
          try {
            file = parseBudgetFile(JSON.stringify(json), 'json');
          } catch {
            return; // a file the reader refuses has no report
          }
          reached.files++;
          if (locale === 'lv') reached.lv++;
          const held = summarizeProject(checkBudgetFile(file));
          if (held.sources.some((s) => s.id === 'ipa' && s.label.includes('('))) reached.twoKinds++;
          const collector = new ProjectCollector();
          checkBudgetStream(file, { onShares: collector.add });
          const { summary, partners } = collector.finish();
          const style = makeStyle(colour);
          const scale = held.scale;
          const join = (pieces: Iterable<string>) => [...pieces].join('');
          expect(join(reportTablePieces(summary, style, locale, scale, 'T', partners))).toBe(
            join(reportTablePieces(held, style, locale, scale, 'T', held.partners)),
          );
          expect(join(reportCsvPieces(summary, partners, scale, dialect))).toBe(
            join(reportCsvPieces(held, held.partners, scale, dialect)),
          );
          expect(join(reportJsonPieces(summary, partners, scale))).toBe(
            join(reportJsonPieces(held, held.partners, scale)),
          );
        },
      ),
      { numRuns: 400, seed: 1209 },
    );
    expect(reached.files).toBeGreaterThan(350);
    expect(reached.lv).toBeGreaterThan(150);
    expect(reached.twoKinds).toBeGreaterThan(20);
  });
});

describe('a large file’s findings, their figures packed', () => {
  const fixtures = ['fail', 'project', 'periods', '.']
    .flatMap((folder) =>
      readdirSync(new URL(`../fixtures/${folder}/`, import.meta.url))
        .filter((f) => /\.(ya?ml|json)$/.test(f))
        .map((f) => `${folder}/${f}`),
    )
    .flatMap((name) => {
      try {
        const text = readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
        return [checkBudgetFile(parseBudgetFile(text, name.endsWith('.json') ? 'json' : 'yaml')).findings];
      } catch {
        return [];
      }
    })
    .flat();

  const heldAlike = (found: Finding) => {
    const packed = packSaid(found);
    expect(Object.keys(packed)).toEqual(Object.keys(found));
    expect(packed).toStrictEqual(found);
    expect({ ...packed }).toStrictEqual({ ...found });
    // read twice: the same figures each time
    expect(packed.said).toStrictEqual(found.said);
  };

  it('give back the same findings, figures and all, for every fixture', () => {
    const withFigures = fixtures.filter((f) => f.said !== undefined);
    expect(withFigures.length).toBeGreaterThan(25);
    expect(new Set(withFigures.map((f) => f.code)).size).toBeGreaterThan(10);
    for (const found of fixtures) heldAlike(found);
  });

  it('give back the same findings for random partners with wrong amounts', () => {
    let mismatches = 0;
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            cents: fc.bigInt({ min: 0n, max: 10n ** 10n }),
            erdf: fc.integer({ min: 0, max: 9000 }),
            amount: fc.bigInt({ min: 0n, max: 10n ** 10n }),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        (partners) => {
          const json = {
            partners: partners.map((p, i) => ({
              partner: `P${i}`,
              budget: `${p.cents / 100n}.${String(p.cents % 100n).padStart(2, '0')}`,
              funding: {
                erdf: {
                  rate: `${p.erdf / 100}%`,
                  amount: `${p.amount / 100n}.${String(p.amount % 100n).padStart(2, '0')}`,
                },
                national: 'rest',
              },
            })),
          };
          for (const found of checkBudgetFile(parseBudgetFile(JSON.stringify(json), 'json')).findings) {
            if (found.code === 'share-mismatch') mismatches++;
            heldAlike(found);
          }
        },
      ),
      { numRuns: 300, seed: 1210 },
    );
    expect(mismatches).toBeGreaterThan(300);
  });
});
