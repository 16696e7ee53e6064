import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal } from '../src/core/decimal.js';
import { barScale } from '../src/render/report.js';

/** The chart's bar ends as they were computed before the BigInt shortcut: a 500-digit quotient, rounded. */
// (+ 0: the renderer clamps at 0, where -0 and 0 draw alike)
const model = (value: Decimal, largest: Decimal) => value.div(largest).times(40).round().toNumber() + 0;

const decimal = (places: fc.Arbitrary<number>) =>
  fc
    .tuple(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), places)
    .map(([digits, scale]) => new Decimal(digits.toString()).div(new Decimal(10).pow(scale)));

describe('the chart scale (BigInt) against the 500-digit quotient', () => {
  it('gives the same bar end for any value and largest, ties included', () => {
    let ties = 0;
    let long = 0;
    fc.assert(
      fc.property(
        decimal(fc.integer({ min: 0, max: 4 })),
        decimal(fc.integer({ min: 0, max: 4 })).filter((x) => x.gt(0)),
        fc.integer({ min: -80, max: 80 }),
        fc.boolean(),
        (value, largest, half, tie) => {
          // a value whose bar end is exactly a half: (half + 0.5) / 40 of largest
          const v = tie ? largest.times(half + 0.5).div(40) : value;
          if (tie) ties++;
          if (v.sd(true) + v.decimalPlaces() > 100) long++;
          expect(barScale(largest)(v) + 0).toBe(model(v, largest));
        },
      ),
      { numRuns: 2000, seed: 24 },
    );
    expect(ties).toBeGreaterThan(500);
    expect(long).toBeLessThan(2000);
  });

  it('takes the 500-digit quotient past 100 digits, with the same result', () => {
    const largest = new Decimal('1e120').plus('0.5');
    for (const value of ['3e119', '-7.25e118', '1'])
      expect(barScale(largest)(new Decimal(value)) + 0).toBe(model(new Decimal(value), largest));
  });
});
