import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allocate, apportion, exactShare } from '../src/core/allocate/decimal.js';
import { isPowerOfTen } from '../src/core/unit.js';
import { Decimal, sum } from '../src/core/decimal.js';
import { d, errorOf, texts } from './helpers.js';

const shares = (...specs: [string, boolean][]) => specs.map(([rate, fund]) => ({ rate: d(rate), fund }));
const seedShares = shares(['85', true], ['10', false], ['5', false]);

describe('allocate: vectors', () => {
  it('splits the founding budget as the document did', () => {
    expect(texts(allocate(d('12758'), seedShares, d('1'), 'largest-remainder'))).toEqual(['10844', '1276', '638']);
  });

  it('half-up rounds each share alone and can miss the budget', () => {
    const amounts = allocate(d('12704'), seedShares, d('1'), 'half-up');
    expect(texts(amounts)).toEqual(['10798', '1270', '635']);
    expect(sum(amounts).toFixed()).toBe('12703');
  });

  it('largest-remainder keeps the 12 704 case exact', () => {
    expect(texts(allocate(d('12704'), seedShares, d('1'), 'largest-remainder'))).toEqual(['10799', '1270', '635']);
  });

  it('fund-down reproduces the Jems vector', () => {
    const amounts = allocate(d('5123.12'), shares(['23.26', true], ['76.74', false]), d('0.01'), 'fund-down');
    expect(texts(amounts)).toEqual(['1191.63', '3931.49']);
  });

  it('fund-down splits the rest in proportion to the other rates', () => {
    const amounts = allocate(d('70828'), shares(['85', true], ['4', false], ['11', false]), d('1'), 'fund-down');
    expect(texts(amounts)).toEqual(['60203', '2833', '7792']);
  });

  it('splits 10 000.04 in cents', () => {
    const amounts = allocate(
      d('10000.04'),
      shares(['33.33', false], ['33.33', false], ['33.34', false]),
      d('0.01'),
      'largest-remainder',
    );
    expect(texts(amounts)).toEqual(['3333.01', '3333.01', '3334.02']);
    expect(sum(amounts).toFixed()).toBe('10000.04');
  });

  it('gives ties to the earlier share', () => {
    expect(texts(allocate(d('1'), shares(['50', false], ['50', false]), d('1'), 'largest-remainder'))).toEqual([
      '1',
      '0',
    ]);
  });

  it('handles a zero budget, a single 100% share and a zero rate', () => {
    expect(texts(allocate(d('0'), seedShares, d('0.01'), 'largest-remainder'))).toEqual(['0', '0', '0']);
    expect(texts(allocate(d('12758.37'), shares(['100', true]), d('0.01'), 'fund-down'))).toEqual(['12758.37']);
    expect(texts(allocate(d('101'), shares(['0', false], ['100', false]), d('1'), 'largest-remainder'))).toEqual([
      '0',
      '101',
    ]);
  });

  it('is exact at 10^15', () => {
    const amounts = allocate(d('999999999999999.99'), seedShares, d('0.01'), 'largest-remainder');
    // remainders .0015, .009, .0095: the two leftover cents go to the 5% and 10% shares
    expect(texts(amounts)).toEqual(['849999999999999.99', '100000000000000', '50000000000000']);
  });

  it('rounds to tens and thousands', () => {
    expect(texts(allocate(d('146990'), seedShares, d('10'), 'largest-remainder'))).toEqual(['124940', '14700', '7350']);
    expect(texts(allocate(d('147000'), seedShares, d('1000'), 'half-up'))).toEqual(['125000', '15000', '7000']);
  });

  it('refuses a unit that is not a power of ten', () => {
    expect(errorOf(() => allocate(d('100'), seedShares, d('0.05'), 'largest-remainder')).code).toBe('bad-unit');
    expect(errorOf(() => allocate(d('100'), seedShares, d('2'), 'half-up')).code).toBe('bad-unit');
  });

  it('refuses a budget finer than the unit where shares must add up', () => {
    const error = errorOf(() => allocate(d('12758.50'), seedShares, d('1'), 'largest-remainder'));
    expect(error.code).toBe('budget-unit');
    expect(error.fix).toEqual({ kind: 'unit', unit: '0.1' });
    expect(error.hint).toBe('shares cannot add up to it; use a unit of 0.1');
  });

  it('knows powers of ten', () => {
    expect(['1', '0.01', '10', '1000', '0.001'].every((u) => isPowerOfTen(d(u)))).toBe(true);
    expect(['0', '2', '0.05', '20', '-1'].some((u) => isPowerOfTen(d(u)))).toBe(false);
  });
});

describe('apportion', () => {
  it('is exact for weights whose proportions do not terminate', () => {
    expect(texts(apportion(d('100'), [d('1'), d('1'), d('1')], d('1')))).toEqual(['34', '33', '33']);
    expect(texts(apportion(d('10'), [d('0'), d('0')], d('1')))).toEqual(['0', '0']);
  });
});

describe('properties', () => {
  const unit = fc.constantFrom('1', '0.01', '10').map(d);
  /** Rates in hundredths of a percent adding up to exactly 100%, first is an EU fund. */
  const rateSet = fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 7 }).map((cuts) => {
    const points = [...new Set([0, ...cuts, 10_000])].sort((a, b) => a - b);
    return points.slice(1).map((p, i) => new Decimal(p - points[i]!).div(100));
  });
  const budgetFor = (u: Decimal) =>
    fc.bigInt({ min: 0n, max: 10n ** 13n }).map((n) => new Decimal(n.toString()).times(u));
  const input = fc.tuple(unit, rateSet, fc.boolean()).chain(([u, rates, secondIsFund]) =>
    budgetFor(u).map((budget) => ({
      u,
      budget,
      specs: rates.map((rate, i) => ({ rate, fund: i === 0 || (i === 1 && secondIsFund) })),
    })),
  );

  it('largest-remainder: shares add up to the budget, each within one unit of its exact value', () => {
    fc.assert(
      fc.property(input, ({ u, budget, specs }) => {
        const amounts = allocate(budget, specs, u, 'largest-remainder');
        expect(sum(amounts).eq(budget)).toBe(true);
        amounts.forEach((a, i) => expect(a.minus(exactShare(budget, specs[i]!.rate)).abs().lt(u)).toBe(true));
        expect(texts(allocate(budget, specs, u, 'largest-remainder'))).toEqual(texts(amounts));
      }),
    );
  });

  // Not "within one unit of budget × rate" for the other sources: the fund's
  // rounding-down moves to them (9 at 6.68/77.77/15.55 gives 0/8/1, and 8 is
  // 1.0007 from 6.9993). Each is within one unit of its share of the rest.
  it('fund-down: shares add up to the budget; others within one unit of their share of the rest', () => {
    fc.assert(
      fc.property(input, ({ u, budget, specs }) => {
        const others = specs.filter((s) => !s.fund);
        fc.pre(others.some((s) => s.rate.gt(0)));
        const amounts = allocate(budget, specs, u, 'fund-down');
        expect(sum(amounts).eq(budget)).toBe(true);
        const rest = budget.minus(sum(amounts.filter((_, i) => specs[i]!.fund)));
        const otherRates = sum(others.map((s) => s.rate));
        amounts.forEach((a, i) => {
          const spec = specs[i]!;
          const target = spec.fund ? exactShare(budget, spec.rate) : rest.times(spec.rate).div(otherRates);
          expect(a.minus(target).abs().lt(u)).toBe(true);
        });
        expect(texts(allocate(budget, specs, u, 'fund-down'))).toEqual(texts(amounts));
      }),
    );
  });

  it('fund-down never gives a fund more than rate × budget', () => {
    fc.assert(
      fc.property(input, ({ u, budget, specs }) => {
        const amounts = allocate(budget, specs, u, 'fund-down');
        specs.forEach((s, i) => s.fund && expect(amounts[i]!.lte(exactShare(budget, s.rate))).toBe(true));
      }),
    );
  });

  it('half-up: each share is its exact value rounded, within half a unit', () => {
    fc.assert(
      fc.property(input, ({ u, budget, specs }) => {
        allocate(budget, specs, u, 'half-up').forEach((a, i) => {
          expect(a.minus(exactShare(budget, specs[i]!.rate)).abs().lte(u.div(2))).toBe(true);
        });
      }),
    );
  });
});
