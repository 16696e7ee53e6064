import { CofinError } from './errors.js';
import { Decimal, HUNDRED, ZERO, sum } from './decimal.js';

/** The named rules that turn exact shares into amounts at a rounding unit. */
export type RoundingMethod = 'largest-remainder' | 'half-up' | 'fund-down';

export const ROUNDING_METHODS: readonly RoundingMethod[] = ['largest-remainder', 'half-up', 'fund-down'];

export function isRoundingMethod(text: string): text is RoundingMethod {
  return (ROUNDING_METHODS as readonly string[]).includes(text);
}

/** One share to allocate: its rate in percent, and whether it is an EU fund (for `fund-down`). */
export interface ShareSpec {
  rate: Decimal;
  fund: boolean;
}

/** The exact share of a budget at a rate in percent: budget × rate / 100, never rounded. */
export function exactShare(budget: Decimal, rate: Decimal): Decimal {
  return budget.times(rate).div(HUNDRED);
}

/** Rounds to a multiple of the unit, half away from zero. */
export function roundHalfUp(value: Decimal, unit: Decimal): Decimal {
  return value.div(unit).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).times(unit);
}

/** Rounds down to a multiple of the unit. */
export function roundDown(value: Decimal, unit: Decimal): Decimal {
  return value.div(unit).floor().times(unit);
}

const powersOfTen = new WeakMap<Decimal, boolean>();

/** True when the unit is a power of ten: 1, 0.01, 10, 1000. Asked once per unit (Decimals are immutable). */
export function isPowerOfTen(unit: Decimal): boolean {
  let known = powersOfTen.get(unit);
  if (known === undefined) powersOfTen.set(unit, (known = unit.gt(0) && /^1(0*)$/.test(unit.times(new Decimal(10).pow(unit.decimalPlaces())).toFixed())));
  return known;
}

/**
 * Hands out `total` (a multiple of `unit`) in proportion to `weights` by
 * largest remainder: each part floored to the unit, then the leftover units
 * one each to the largest remainders, ties to the earlier part. Exact for
 * any weights: remainders are compared over a common denominator.
 */
export function apportion(total: Decimal, weights: readonly Decimal[], unit: Decimal): Decimal[] {
  const weightSum = sum(weights);
  if (weightSum.isZero()) return weights.map(() => ZERO);
  const denominator = weightSum.times(unit);
  const numerators = weights.map((w) => total.times(w));
  const units = numerators.map((n) => n.divToInt(denominator));
  const remainders = numerators.map((n, i) => n.minus(units[i]!.times(denominator)));
  const leftover = total.div(unit).minus(sum(units)).toNumber();
  const order = remainders
    .map((remainder, index) => ({ remainder, index }))
    .sort((a, b) => b.remainder.comparedTo(a.remainder) || a.index - b.index);
  for (let k = 0; k < leftover; k++) {
    const { index } = order[k]!;
    units[index] = units[index]!.plus(1);
  }
  return units.map((u) => u.times(unit));
}

/**
 * Allocates a budget into shares at a rounding unit by a named rule.
 * - `largest-remainder`: shares add up to the budget, each within one unit of its exact value.
 * - `half-up`: each share rounded on its own; the sum may drift from the budget.
 * - `fund-down` (Jems): EU-fund shares rounded down, the rest split among the
 *   other sources in proportion to their rates by largest remainder.
 */
export function allocate(budget: Decimal, shares: readonly ShareSpec[], unit: Decimal, method: RoundingMethod): Decimal[] {
  if (!isPowerOfTen(unit)) {
    throw new CofinError('bad-unit', `rounding unit must be a power of ten: ${unit.toFixed()}`, 'use 1 for whole euros or 0.01 for cents');
  }
  if (method === 'half-up') return shares.map((s) => roundHalfUp(exactShare(budget, s.rate), unit));
  if (!budget.mod(unit).isZero()) {
    throw new CofinError(
      'budget-unit',
      `budget ${budget.toFixed()} is not a whole number of units of ${unit.toFixed()}`,
      `shares cannot add up to it; use a finer unit such as --unit ${new Decimal(10).pow(-budget.decimalPlaces()).toFixed()}`,
    );
  }
  if (method === 'largest-remainder') {
    return apportion(budget, shares.map((s) => s.rate), unit);
  }
  const amounts = shares.map((s) => (s.fund ? roundDown(exactShare(budget, s.rate), unit) : ZERO));
  const others = shares.map((s) => (s.fund ? ZERO : s.rate));
  const rest = apportion(budget.minus(sum(amounts)), others, unit);
  return amounts.map((a, i) => (shares[i]!.fund ? a : rest[i]!));
}
