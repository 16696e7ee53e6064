import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkEuroFigures } from '../src/core/check/euro.js';
import { Decimal } from '../src/core/decimal.js';
import type { EuroFigure } from '../src/core/model.js';
import { agreement, PLACES, RATES } from './reference/euro-figures.js';

const at = { line: 1, column: 1, pointer: '' };
const euroFigure = (id: string, text: string): EuroFigure => ({
  id,
  amount: { value: new Decimal(text), text, scale: 2, precision: undefined, currency: undefined, at },
  at,
});
const check = (currency: string, national: string, euro: string) =>
  checkEuroFigures(
    currency,
    [euroFigure('budget', euro)],
    [{ id: 'budget', name: 'Budget', amount: new Decimal(national) }],
    undefined,
  );

describe('euro figures beside national ones: golden vectors worked by hand from Regulation 1103/97', () => {
  it('the founding budget: EUR 12 758 × 0.702804 = 8 966.373432 is LVL 8 966.37, and LVL 8 966.37 ÷ 0.702804 = 12 757.9951… is EUR 12 758.00', () => {
    const { checks, findings } = check('LVL', '8966.37', '12758.00');
    expect(checks[0]).toMatchObject({ agrees: 'both' });
    expect([checks[0]!.fromNational.toFixed(2), checks[0]!.fromEuro.toFixed(2)]).toEqual(['12758.00', '8966.37']);
    expect(findings).toEqual([]);
  });

  it('one way only: LVL 7 621.41 ÷ 0.702804 = 10 844.2872… is EUR 10 844.29, but EUR 10 844.29 × 0.702804 = 7 621.410… and EUR 10 844.30 × 0.702804 = 7 621.4174… is LVL 7 621.42', () => {
    expect(check('LVL', '7621.41', '10844.29').checks[0]!.agrees).toBe('both');
    // the euro share of the euro budget beside the lati share of the lati budget: neither way
    const off = check('LVL', '7621.41', '10844.30');
    expect(off.checks[0]!.agrees).toBeUndefined();
    expect(off.findings.map((f) => [f.code, f.severity])).toEqual([['euro-mismatch', 'error']]);
    expect(off.findings[0]!.message).toBe(
      'euro figure of budget: EUR 10 844.30 is not LVL 7 621.41 at the fixed rate 0.702804 LVL per euro: LVL 7 621.41 is EUR 10 844.29, and EUR 10 844.30 is LVL 7 621.42',
    );
    // LVL 7 621.42 is EUR 10 844.30 converted into lati: the pair agrees from the euro side
    expect(check('LVL', '7621.42', '10844.30').checks[0]!.agrees).toBe('both');
  });

  it('a half is rounded up: EUR 1 250.00 × 0.702804 = 878.505 exactly is LVL 878.51 (half-even or down would give 878.50)', () => {
    expect(check('LVL', '878.51', '1250.00').checks[0]!.agrees).toBe('from-euro');
    // LVL 878.51 ÷ 0.702804 = 1 250.007… is EUR 1 250.01: only the conversion from the euro agrees
    expect(check('LVL', '878.51', '1250.00').checks[0]!.fromNational.toFixed(2)).toBe('1250.01');
    expect(check('LVL', '878.50', '1250.00').checks[0]!.agrees).toBeUndefined();
  });

  it('no inverse rate: LVL 1 000 000 ÷ 0.702804 = 1 422 871.8106… is EUR 1 422 871.81 (× 1.42287, the inverse to six figures, would give 1 422 870.00)', () => {
    expect(check('LVL', '1000000.00', '1422871.81').checks[0]!.agrees).toBe('both'); // 1 422 871.81 × 0.702804 = 999 999.9995…
    expect(check('LVL', '1000000.00', '1422870.00').checks[0]!.agrees).toBeUndefined(); // 1 422 870.00 × 0.702804 = 999 998.727…
  });

  it('kroons: EEK 100.00 ÷ 15.6466 = 6.39116… is EUR 6.39, but EUR 6.39 × 15.6466 = 99.981774 is EEK 99.98: only the conversion into euro agrees', () => {
    const { checks } = check('EEK', '100.00', '6.39');
    expect(checks[0]!.agrees).toBe('to-euro');
    expect([checks[0]!.fromNational.toFixed(2), checks[0]!.fromEuro.toFixed(2)]).toEqual(['6.39', '99.98']);
  });

  it('whole lire (Article 5: the sub-unit out of use): ITL 1 000 ÷ 1 936.27 = 0.5164… is EUR 0.52, and EUR 0.52 × 1 936.27 = 1 006.86 is ITL 1 007', () => {
    const { checks } = check('ITL', '1000', '0.52');
    expect(checks[0]!.agrees).toBe('to-euro');
    expect(checks[0]!.fromEuro.toFixed()).toBe('1007');
    expect(check('ITL', '1936', '1.00').checks[0]!.agrees).toBe('both'); // 1 936 ÷ 1 936.27 = 0.99986 is EUR 1.00
  });
});

describe("properties: the euro figures' agreement is the exact rational reference's (test/reference/euro-figures.ts)", () => {
  it('for every currency and any pair of amounts, near each other or not', () => {
    const seen = { 'to-euro': 0, 'from-euro': 0, both: 0, none: 0 };
    const currencies = Object.keys(RATES);
    fc.assert(
      fc.property(
        fc.constantFrom(...currencies),
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.integer({ min: -3, max: 3 }),
        fc.boolean(),
        (currency, cents, nudge, fromNational) => {
          const places = PLACES[currency] ?? 2;
          const rate = new Decimal(RATES[currency]!);
          const unit = new Decimal(10).pow(-places);
          // a pair made by one conversion, then nudged by a few units on one side
          let national: Decimal;
          let euro: Decimal;
          if (fromNational) {
            national = new Decimal(cents.toString()).times(unit);
            euro = national.div(rate).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).plus(new Decimal(nudge).times('0.01'));
          } else {
            euro = new Decimal(cents.toString()).times('0.01');
            national = euro
              .times(rate)
              .toDecimalPlaces(places, Decimal.ROUND_HALF_UP)
              .plus(new Decimal(nudge).times(unit));
          }
          const n = national.toFixed(places);
          const e = euro.toFixed(2);
          const got = check(currency, n, e).checks[0]!.agrees;
          const want = agreement(n, e, currency);
          seen[want ?? 'none']++;
          expect(got).toBe(want);
          expect(check(currency, n, e).findings.length).toBe(want ? 0 : 1);
        },
      ),
      { numRuns: 4000 },
    );
    // every path is reached often enough to mean something
    for (const [path, count] of Object.entries(seen)) expect(count, path).toBeGreaterThan(50);
  });
});
