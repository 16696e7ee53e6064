import { CofinError } from '../errors.js';
import { Decimal, HUNDRED } from '../decimal.js';
import { fromScaled, pow10, toScaled } from '../scaled.js';
import { isPowerOfTen, unitOfScale } from '../unit.js';
import { apportion as apportionScaled } from './apportion.js';
import { allocateShares, type RoundingMethod } from './index.js';

/**
 * One share to allocate: its rate in percent, whether it is an EU fund (for `fund-down`), and whether it takes the
 * rest.
 */
export interface ShareSpec {
  rate: Decimal;
  fund: boolean;
  rest?: boolean | undefined;
}

/** The exact share of a budget at a rate in percent: budget × rate / 100, never rounded. */
export function exactShare(budget: Decimal, rate: Decimal): Decimal {
  return budget.times(rate).div(HUNDRED);
}

/** Why a budget cannot be split at a unit, for the caller to phrase in its own words. */
export function budgetUnitError(budget: Decimal, unit: Decimal): CofinError {
  return CofinError.withFix(
    'budget-unit',
    `budget ${budget.toFixed()} is not a whole number of units of ${unit.toFixed()}`,
    { kind: 'unit', unit: unitOfScale(budget.decimalPlaces()).toFixed() },
  );
}

function assertUnit(unit: Decimal): void {
  if (!isPowerOfTen(unit))
    throw new CofinError(
      'bad-unit',
      `rounding unit must be a power of ten: ${unit.toFixed()}`,
      'use 1 for whole euros or 0.01 for cents',
    );
}

/**
 * Allocates a budget into shares at a rounding unit by a named rule: the
 * Decimal face of the rules in this folder, for `split` and the library.
 * The rates must add up to 100% (a `rest` share takes what the others
 * leave); under `largest-remainder` and `fund-down` the budget must be a
 * whole number of units.
 */
export function allocate(
  budget: Decimal,
  shares: readonly ShareSpec[],
  unit: Decimal,
  method: RoundingMethod,
): Decimal[] {
  assertUnit(unit);
  if (method !== 'half-up' && !budget.mod(unit).isZero()) throw budgetUnitError(budget, unit);
  const rateScale = Math.max(0, ...shares.map((s) => s.rate.decimalPlaces()));
  const scale = Math.max(unit.decimalPlaces(), budget.decimalPlaces() + rateScale + 2);
  const whole = 100n * pow10(rateScale);
  const B = toScaled(budget, scale)!;
  const rest = shares.findIndex((s) => s.rest);
  let rated = 0n;
  let given = 0n;
  const exact = shares.map((s) => {
    if (s.rest) return 0n;
    const rate = toScaled(s.rate, rateScale)!;
    given += rate;
    const share = (B * rate) / whole;
    rated += share;
    return share;
  });
  if (rest >= 0 ? given > whole : given !== whole) {
    throw new CofinError(
      'rates-sum',
      `rates add up to ${fromScaled(given, rateScale).toFixed()}%, not 100%`,
      'make the rates add up to 100%, or let one share take the rest',
    );
  }
  if (rest >= 0) exact[rest] = B - rated;
  const amounts = allocateShares(
    { budget: B, unit: toScaled(unit, scale)!, exact, fund: shares.map((s) => s.fund), fixed: shares.map(() => false) },
    method,
    rest,
  );
  return amounts.map((a) => fromScaled(a, scale));
}

/**
 * Hands out `total` (a whole number of units) in proportion to `weights` by
 * largest remainder, ties to the earlier part.
 */
export function apportion(total: Decimal, weights: readonly Decimal[], unit: Decimal): Decimal[] {
  assertUnit(unit);
  if (!total.mod(unit).isZero()) throw budgetUnitError(total, unit);
  const weightScale = Math.max(0, ...weights.map((w) => w.decimalPlaces()));
  const scale = Math.max(unit.decimalPlaces(), total.decimalPlaces());
  const parts = apportionScaled(
    toScaled(total, scale)!,
    weights.map((w) => toScaled(w, weightScale)!),
    toScaled(unit, scale)!,
  );
  return parts.map((p) => fromScaled(p, scale));
}
