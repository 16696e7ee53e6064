import { Decimal, HUNDRED } from './decimal.js';
import { formatAmount } from './amount.js';
import { roundDown, roundHalfUp } from './unit.js';
import { floorTo, halfUpTo, pow10 } from './scaled.js';
import type { MismatchReason } from './check/said.js';
import { rateBounds, shownPercent } from './check/messages.js';

export interface Mismatch {
  budget: Decimal;
  declared: Decimal;
  computed: Decimal;
  exact: Decimal;
  unit: Decimal;
  /** The source's written rate, if it has one: the declared amount's share is shown on its side of it. */
  rate?: { value: Decimal; scale: number } | undefined;
}

const OTHER_UNITS = ['0.01', '1', '10', '100', '1000'].map((u) => new Decimal(u));

/** Whether two digit strings differ by one adjacent swap, or by one digit. */
function digitSlip(declared: string, computed: string): 'transposed' | 'one-digit' | undefined {
  if (declared.length !== computed.length) return undefined;
  const diff = [...declared].map((c, i) => (c === computed[i] ? -1 : i)).filter((i) => i >= 0);
  if (diff.length === 1) return 'one-digit';
  const [a, b] = diff;
  if (diff.length === 2 && b === a! + 1 && declared[a!] === computed[b] && declared[b] === computed[a!])
    return 'transposed';
  return undefined;
}

/** The same figures as whole numbers of 10^-scale (the partner's fixed point). */
export interface ScaledMismatch {
  scale: number;
  budget: bigint;
  declared: bigint;
  computed: bigint;
  exact: bigint;
  unit: bigint;
}

/**
 * Why a declared amount may differ from its computed share: another unit or
 * rounding rule that gives it, a digit slip, and the rate it implies. Given
 * the figures in fixed point too, it reasons in BigInt (a file with many
 * mismatches spent a third of its check in decimal.js's divisions here);
 * the reasons are the same (a property test holds the two ways to each other).
 */
export function mismatchReasons(m: Mismatch, scaled?: ScaledMismatch): MismatchReason[] {
  if (
    scaled &&
    scaled.budget > 0n &&
    scaled.unit > 0n &&
    scaled.declared >= 0n &&
    scaled.computed >= 0n &&
    scaled.exact >= 0n &&
    scaled.scale >= 2
  ) {
    return scaledReasons(m, scaled);
  }
  const { budget, declared, computed, exact, unit } = m;
  const reasons: MismatchReason[] = [];
  const scale = unit.decimalPlaces();
  if (!roundHalfUp(exact, unit).eq(computed) && roundHalfUp(exact, unit).eq(declared)) reasons.push({ why: 'half-up' });
  else if (!roundDown(exact, unit).eq(computed) && roundDown(exact, unit).eq(declared))
    reasons.push({ why: 'fund-down' });
  const unitMatch = OTHER_UNITS.find(
    (u) => !u.eq(unit) && (roundHalfUp(exact, u).eq(declared) || roundDown(exact, u).eq(declared)),
  );
  if (unitMatch)
    reasons.push({ why: 'other-unit', unit: unitMatch, down: !roundHalfUp(exact, unitMatch).eq(declared) });
  const slip = digitSlip(declared.toFixed(scale).replace('.', ''), computed.toFixed(scale).replace('.', ''));
  if (slip === 'transposed') reasons.push({ why: 'transposed', declared, computed, decimals: scale });
  if (slip === 'one-digit') reasons.push({ why: 'one-digit', computed, decimals: scale });
  if (!budget.isZero()) {
    const share = declared.div(budget).times(HUNDRED);
    reasons.push({
      why: 'rate-of-budget',
      rate: m.rate ? shownPercent(share, rateBounds(m.rate)) : share.toDecimalPlaces(4),
    });
  }
  return reasons;
}

/** The reasons in English, for the finding's hint. */
export function explainMismatch(m: Mismatch, scaled?: ScaledMismatch): string {
  return reasonsText(mismatchReasons(m, scaled));
}

export function reasonsText(reasons: readonly MismatchReason[]): string {
  return reasons
    .map((r) => {
      switch (r.why) {
        case 'half-up':
          return 'it is the exact share rounded half-up on its own (half-up)';
        case 'fund-down':
          return 'it is the exact share rounded down (fund-down)';
        case 'other-unit':
          // 850 at a unit of 100 is 900 half-up and 800 only rounded down: say which; in the file's words (no --unit)
          return (
            `it matches the exact share rounded ${r.down ? 'down ' : ''}to a unit of ${r.unit.toFixed()} ` +
            `(if the document rounds so, write rounding: { unit: ${r.unit.toFixed()} } in the file)`
          );
        case 'transposed':
          return (
            `it looks like two digits swapped: ${formatAmount(r.declared, r.decimals)} ` +
            `for ${formatAmount(r.computed, r.decimals)}`
          );
        case 'one-digit':
          return `one digit differs from ${formatAmount(r.computed, r.decimals)}: a typing slip?`;
        case 'rate-of-budget':
          return `the declared amount is ${r.rate.toFixed()}% of the budget`;
      }
    })
    .join('; ');
}

/** 0.01, 1, 10, 100 and 1000 at a scale of at least 2. */
const otherUnits = (scale: number) => [
  pow10(scale - 2),
  pow10(scale),
  pow10(scale + 1),
  pow10(scale + 2),
  pow10(scale + 3),
];

/** The digits `toFixed(places)` writes of a non-negative fixed-point amount, its point left out. */
function fixedDigits(value: bigint, scale: number, places: number): string {
  const rounded = halfUpTo(value, pow10(scale - places)) / pow10(scale - places);
  return String(rounded).padStart(places + 1, '0');
}

/** Non-negative `part` ÷ positive `whole` × 100, half up at four decimals, as decimal.js's `toFixed()` writes it. */
function percentOfWhole(part: bigint, whole: bigint): string {
  const numerator = part * 1_000_000n;
  let quotient = numerator / whole;
  if ((numerator - quotient * whole) * 2n >= whole) quotient += 1n;
  const fraction = String(quotient % 10_000n)
    .padStart(4, '0')
    .replace(/0+$/, '');
  return fraction === '' ? String(quotient / 10_000n) : `${quotient / 10_000n}.${fraction}`;
}

/** `mismatchReasons` in fixed point, for non-negative figures and a positive budget and unit. */
function scaledReasons(
  m: Mismatch,
  { scale: S, budget, declared, computed, exact, unit }: ScaledMismatch,
): MismatchReason[] {
  const reasons: MismatchReason[] = [];
  const places = Math.max(0, m.unit.decimalPlaces());
  const halfUpShare = halfUpTo(exact, unit);
  const downShare = floorTo(exact, unit);
  if (halfUpShare !== computed && halfUpShare === declared) reasons.push({ why: 'half-up' });
  else if (downShare !== computed && downShare === declared) reasons.push({ why: 'fund-down' });
  const units = otherUnits(S);
  const match = units.findIndex(
    (u) => u !== unit && (halfUpTo(exact, u) === declared || floorTo(exact, u) === declared),
  );
  if (match >= 0)
    reasons.push({ why: 'other-unit', unit: OTHER_UNITS[match]!, down: halfUpTo(exact, units[match]!) !== declared });
  const slip = digitSlip(fixedDigits(declared, S, places), fixedDigits(computed, S, places));
  if (slip === 'transposed')
    reasons.push({ why: 'transposed', declared: m.declared, computed: m.computed, decimals: places });
  if (slip === 'one-digit') reasons.push({ why: 'one-digit', computed: m.computed, decimals: places });
  reasons.push({ why: 'rate-of-budget', rate: shareOfBudget(m, new Decimal(percentOfWhole(declared, budget))) });
  return reasons;
}

/**
 * The declared amount's share at four decimals (`shown`), or, when that is on another side of the written rate (or
 * of an end of its rounding) than the exact share, as many more as it takes (`shownPercent`). The sides are compared
 * without a division: declared × 100 against the bound × budget.
 */
function shareOfBudget(m: Mismatch, shown: Decimal): Decimal {
  if (!m.rate) return shown;
  const bounds = rateBounds(m.rate);
  const declared = m.declared.times(HUNDRED);
  if (bounds.every((u) => shown.cmp(u) === declared.cmp(u.times(m.budget)))) return shown;
  return shownPercent(m.declared.div(m.budget).times(HUNDRED), bounds);
}
