import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal } from '../src/core/decimal.js';
import { explainMismatch } from '../src/core/explain.js';

// explainMismatch reasons in BigInt when it is given the fixed-point figures;
// its words must be those of the Decimal reasoning, case by case.

/** `n` × 10^-scale as a Decimal, read from its text (not through cofin's fixed point). */
function decimal(n: bigint, scale: number): Decimal {
  const negative = n < 0n;
  const digits = String(negative ? -n : n).padStart(scale + 1, '0');
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return new Decimal(`${negative ? '-' : ''}${text}`);
}

const swapTwo = (n: bigint, at: number): bigint => {
  const digits = [...String(n)];
  if (digits.length < 2) return n;
  const i = at % (digits.length - 1);
  [digits[i], digits[i + 1]] = [digits[i + 1]!, digits[i]!];
  return BigInt(digits.join(''));
};

const reached = new Map<string, number>();
const count = (hint: string) => {
  for (const [key, words] of [
    ['half-up', 'half-up'],
    ['fund-down', 'rounded down'],
    ['unit', 'rounded to a unit'],
    ['swapped', 'swapped'],
    ['one digit', 'one digit'],
    ['percent', '% of the budget'],
  ] as const) {
    if (hint.includes(words)) reached.set(key, (reached.get(key) ?? 0) + 1);
  }
};

describe('explainMismatch in fixed point', () => {
  it('gives the words of the Decimal reasoning', () => {
    const figures = fc.record({
      extra: fc.integer({ min: 0, max: 6 }),
      unitPlaces: fc.integer({ min: -3, max: 4 }),
      unitDigit: fc.constantFrom(1n, 1n, 1n, 5n, 25n, 3n),
      budget: fc.bigInt({ min: 1n, max: 10n ** 14n }),
      rate: fc.bigInt({ min: 0n, max: 1_000_000n }),
      how: fc.constantFrom('half-up', 'down', 'unit', 'swap', 'digit', 'plus-unit', 'random', 'zero'),
      at: fc.nat(40),
      random: fc.bigInt({ min: 0n, max: 10n ** 15n }),
      negative: fc.boolean(),
    });
    fc.assert(
      fc.property(figures, ({ extra, unitPlaces, unitDigit, budget, rate, how, at, random, negative }) => {
        const places = Math.max(0, unitPlaces);
        const S = places + 4 + extra; // the rate has four decimals and the unit's places: every exact share is whole
        const unit = unitDigit * (unitPlaces >= 0 ? 10n ** BigInt(S - unitPlaces) : 10n ** BigInt(S - unitPlaces));
        const B = budget * 10n ** BigInt(S - places - 4 >= 0 ? S - places - 4 : 0);
        const exact = (B * rate) / 1_000_000n;
        const down = exact - (((exact % unit) + unit) % unit);
        const halfUp = (exact % unit) * 2n >= unit ? down + unit : down;
        const computed = how === 'half-up' ? down : halfUp;
        const digitUnit = 10n ** BigInt(S - places);
        const other = [10n ** BigInt(S - 2), 10n ** BigInt(S), 10n ** BigInt(S + 3)][at % 3]!;
        let declared = {
          'half-up': halfUp,
          down,
          unit: exact - (exact % other),
          swap: swapTwo(computed / digitUnit, at) * digitUnit,
          digit: computed + digitUnit * 10n ** BigInt(at % 4),
          'plus-unit': computed + unit,
          random: random * 10n ** BigInt(S - places),
          zero: 0n,
        }[how];
        if (negative && how === 'random') declared = -declared;
        const m = {
          budget: decimal(B, S),
          declared: decimal(declared, S),
          computed: decimal(computed, S),
          exact: decimal(exact, S),
          unit: decimal(unit, S),
        };
        const words = explainMismatch(m);
        count(words);
        expect(explainMismatch(m, { scale: S, budget: B, declared, computed, exact, unit })).toBe(words);
      }),
      { seed: 20261202, numRuns: 3000 },
    );
    // each reason is reached often enough to mean something
    for (const key of ['half-up', 'fund-down', 'unit', 'swapped', 'one digit', 'percent'])
      expect(reached.get(key) ?? 0, key).toBeGreaterThan(50);
  });

  it.each([
    // a percentage exactly half-way at its fifth decimal is rounded up
    ['2', '0.000001', 8, 'the declared amount is 0.0001% of the budget'],
    ['2', '0.000003', 8, 'the declared amount is 0.0002% of the budget'],
    ['3', '1', 8, 'the declared amount is 33.3333% of the budget'],
    ['8', '1', 8, 'the declared amount is 12.5% of the budget'],
  ])('of a budget of %s, %s declared is written as Decimal writes it', (budget, declared, S, words) => {
    const scaled = (text: string) => BigInt(new Decimal(text).times(new Decimal(10).pow(S)).toFixed());
    const m = {
      budget: new Decimal(budget),
      declared: new Decimal(declared),
      computed: new Decimal('0.01'),
      exact: new Decimal('0.01'),
      unit: new Decimal('0.01'),
    };
    const fixed = explainMismatch(m, {
      scale: S,
      budget: scaled(budget),
      declared: scaled(declared),
      computed: scaled('0.01'),
      exact: scaled('0.01'),
      unit: scaled('0.01'),
    });
    expect(fixed).toBe(explainMismatch(m));
    expect(fixed.endsWith(words)).toBe(true);
  });

  it('property: beside a written rate, the percentage keeps its side of the rate and of each end of its rounding', () => {
    // independent of src: the sides are compared as integers, declared × 100 × 10^k against bound × budget × 10^k
    let onBound = 0;
    let longer = 0;
    fc.assert(
      fc.property(
        fc.record({
          budget: fc.bigInt({ min: 1n, max: 10n ** 12n }),
          rateScale: fc.integer({ min: 0, max: 6 }),
          rateUnits: fc.bigInt({ min: 1n, max: 99_999_999n }),
          bound: fc.constantFrom(-1, 0, 1),
          nudge: fc.bigInt({ min: -3n, max: 3n }),
        }),
        ({ budget, rateScale, rateUnits, bound, nudge }) => {
          const rateText = decimal(rateUnits % (100n * 10n ** BigInt(rateScale)), rateScale);
          // a declared amount in cents right by the rate or an end of its rounding: 2 × 10^(s+1) × rate ± half
          const S = 2;
          const twice = 2n * 10n ** BigInt(rateScale);
          const r2 = BigInt(rateText.times(twice.toString()).toFixed()) + BigInt(bound); // (rate ± half) × twice
          const declared = (budget * 10n ** BigInt(S) * r2) / (100n * twice) + nudge;
          if (declared < 0n) return;
          const m = {
            budget: decimal(budget, 0),
            declared: decimal(declared, S),
            computed: decimal(declared + 1n, S),
            exact: decimal(declared + 1n, S),
            unit: decimal(1n, S),
            rate: { value: rateText, scale: rateScale },
          };
          const words = explainMismatch(m);
          const fixed = explainMismatch(m, {
            scale: S,
            budget: budget * 10n ** BigInt(S),
            declared,
            computed: declared + 1n,
            exact: declared + 1n,
            unit: 1n,
          });
          expect(fixed).toBe(words);
          const shownText = /amount is ([0-9.]+)% of the budget/.exec(words)?.[1] ?? '';
          const shown = new Decimal(shownText);
          if ((shownText.split('.')[1]?.length ?? 0) > 4) longer++;
          const half = new Decimal(10).pow(-rateScale).div(2);
          for (const u of [rateText.minus(half), rateText, rateText.plus(half)]) {
            // exact share's side: declared (cents) × 100 against u × budget (cents)
            const exactSide = decimal(declared, S).times(100).cmp(u.times(budget.toString()));
            if (exactSide === 0) onBound++;
            expect(shown.cmp(u), `${shownText} beside ${u.toFixed()}`).toBe(exactSide);
          }
        },
      ),
      { seed: 20261207, numRuns: 2000 },
    );
    // floors: shares exactly on a bound, and shares the rule writes with more than four decimals
    expect(onBound).toBeGreaterThan(30);
    expect(longer).toBeGreaterThan(200);
  });

  it('says the same of a negative or zero figure (the Decimal way)', () => {
    const m = {
      budget: new Decimal('1000'),
      declared: new Decimal('-1.25'),
      computed: new Decimal('0'),
      exact: new Decimal('0.004'),
      unit: new Decimal('0.01'),
    };
    expect(
      explainMismatch(m, { scale: 4, budget: 10_000_000n, declared: -12_500n, computed: 0n, exact: 40n, unit: 100n }),
    ).toBe(explainMismatch(m));
  });
});
