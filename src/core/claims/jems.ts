import { allocate } from '../allocate/decimal.js';
import { Decimal, HUNDRED, ZERO, sum } from '../decimal.js';
import { roundDown } from '../unit.js';

/**
 * The arithmetic of Jems's partner reports (docs/jems-rules.md, sections 1-3),
 * each rule once. Pure.
 */

/** A programme fund of a partner: its rate in percent. */
export interface FundRate {
  rate: Decimal;
}

/**
 * A total split as Jems splits it: each fund total × rate rounded down to the
 * unit on its own, the partner contribution the remainder (total − Σ funds).
 * It is the `fund-down` rule of core/allocate with a `rest` share.
 */
export function coFinance(
  total: Decimal,
  funds: readonly FundRate[],
  unit: Decimal,
): { funds: Decimal[]; contribution: Decimal } {
  const amounts = allocate(
    total,
    [...funds.map((f) => ({ rate: f.rate, fund: true })), { rate: ZERO, fund: false, rest: true }],
    unit,
    'fund-down',
  );
  return { funds: amounts.slice(0, funds.length), contribution: amounts[funds.length]! };
}

/**
 * part × 100 ÷ whole, half-up to 2 decimals (Jems's "% of the budget"): 100 when both are zero, undefined when only the
 * whole is.
 */
export function percentOf(part: Decimal, whole: Decimal): Decimal | undefined {
  if (whole.isZero()) return part.isZero() ? HUNDRED : undefined;
  return part.times(HUNDRED).div(whole).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/**
 * amount × 100 ÷ total rounded down to 17 decimals: Jems's percentage of a contribution status (`getPercentageOf`); 0
 * of a zero total.
 */
export function contributionPercentage(amount: Decimal, total: Decimal): Decimal {
  if (total.isZero()) return ZERO;
  return amount.times(HUNDRED).div(total).toDecimalPlaces(17, Decimal.ROUND_DOWN);
}

/** amount × percentage ÷ 100 rounded down to the unit: Jems's `applyPercentage`. */
export function applyPercentage(amount: Decimal, percentage: Decimal, unit: Decimal): Decimal {
  return roundDown(amount.times(percentage).div(HUNDRED), unit);
}

/**
 * The "of which" parts of a claim's partner contribution (Jems, 2.3): each
 * source's percentage of the partner budget, rounded down to 17 decimals,
 * applied to the claim's total, rounded down to the unit. In Jems nobody takes
 * the remainder; the source at `rest` (index `rest`, -1 for none) takes the
 * contribution less the other parts, as it takes the rest of the budget.
 */
export function contributionParts(
  claimTotal: Decimal,
  sourceBudgets: readonly Decimal[],
  budgetTotal: Decimal,
  unit: Decimal,
  contribution?: Decimal,
  rest = -1,
): { percentage: Decimal; amount: Decimal }[] {
  const parts = sourceBudgets.map((amount) => {
    const percentage = contributionPercentage(amount, budgetTotal);
    return { percentage, amount: applyPercentage(claimTotal, percentage, unit) };
  });
  const restPart = parts[rest];
  if (contribution !== undefined && restPart)
    restPart.amount = contribution.minus(sum(parts.filter((_, k) => k !== rest).map((p) => p.amount)));
  return parts;
}

/**
 * The amounts of a plan's periods (Jems, 1.2 and 1.3): every period but the
 * last as computed, the last the total less the others, so that the periods
 * add up to the total exactly.
 */
export function withRemainder(total: Decimal, others: readonly Decimal[]): Decimal {
  return total.minus(sum(others));
}
