import { Decimal, HUNDRED } from './decimal.js';
import { formatAmount } from './amount.js';
import { roundDown, roundHalfUp } from './unit.js';
import type { MismatchReason } from './check/said.js';

export interface Mismatch {
  budget: Decimal;
  declared: Decimal;
  computed: Decimal;
  exact: Decimal;
  unit: Decimal;
}

const OTHER_UNITS = ['0.01', '1', '10', '100', '1000'].map((u) => new Decimal(u));

/** Whether two digit strings differ by one adjacent swap, or by one digit. */
function digitSlip(declared: string, computed: string): 'transposed' | 'one-digit' | undefined {
  if (declared.length !== computed.length) return undefined;
  const diff = [...declared].map((c, i) => (c === computed[i] ? -1 : i)).filter((i) => i >= 0);
  if (diff.length === 1) return 'one-digit';
  const [a, b] = diff;
  if (diff.length === 2 && b === a! + 1 && declared[a!] === computed[b] && declared[b] === computed[a!]) return 'transposed';
  return undefined;
}

/**
 * Why a declared amount may differ from its computed share: another unit or
 * rounding rule that gives it, a digit slip, and the rate it implies.
 */
export function mismatchReasons({ budget, declared, computed, exact, unit }: Mismatch): MismatchReason[] {
  const reasons: MismatchReason[] = [];
  const scale = unit.decimalPlaces();
  if (!roundHalfUp(exact, unit).eq(computed) && roundHalfUp(exact, unit).eq(declared)) reasons.push({ why: 'half-up' });
  else if (!roundDown(exact, unit).eq(computed) && roundDown(exact, unit).eq(declared)) reasons.push({ why: 'fund-down' });
  const unitMatch = OTHER_UNITS.find((u) => !u.eq(unit) && (roundHalfUp(exact, u).eq(declared) || roundDown(exact, u).eq(declared)));
  if (unitMatch) reasons.push({ why: 'other-unit', unit: unitMatch });
  const slip = digitSlip(declared.toFixed(scale).replace('.', ''), computed.toFixed(scale).replace('.', ''));
  if (slip === 'transposed') reasons.push({ why: 'transposed', declared, computed, decimals: scale });
  if (slip === 'one-digit') reasons.push({ why: 'one-digit', computed, decimals: scale });
  if (!budget.isZero()) reasons.push({ why: 'rate-of-budget', rate: declared.div(budget).times(HUNDRED).toDecimalPlaces(4) });
  return reasons;
}

/** The reasons in English, for the finding's hint. */
export function explainMismatch(mismatch: Mismatch): string {
  return mismatchReasons(mismatch).map((r) => {
    switch (r.why) {
      case 'half-up': return 'it is the exact share rounded half-up on its own (half-up)';
      case 'fund-down': return 'it is the exact share rounded down (fund-down)';
      case 'other-unit': return `it matches the exact share rounded to a unit of ${r.unit.toFixed()}`;
      case 'transposed': return `it looks like two digits swapped: ${formatAmount(r.declared, r.decimals)} for ${formatAmount(r.computed, r.decimals)}`;
      case 'one-digit': return `one digit differs from ${formatAmount(r.computed, r.decimals)}: a typing slip?`;
      case 'rate-of-budget': return `the declared amount is ${r.rate.toFixed()}% of the budget`;
    }
  }).join('; ');
}
