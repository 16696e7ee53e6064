import { allocateShares, type RoundingMethod } from '../allocate/index.js';
import { abs, halfUpTo, pow10 } from '../scaled.js';
import type { PartnerFigures } from './figures.js';

/** How far the rates are from covering the budget (step 4). */
export type Coverage = 'exact' | 'within-tolerance' | 'short' | 'over';

/**
 * Steps 3 to 8 under one reading of the figures: which sources are fixed
 * (those without a rate, and rates taken as displays of their amounts).
 * Pure; every figure at the partner's scale.
 */
export interface Reading {
  fixed: readonly boolean[];
  exact: bigint[];
  /** The prescribed rates' sum, at the rate scale. */
  ratesSum: bigint;
  coverage: Coverage;
  /** What the budget less the rated shares and the fixed amounts leaves (the rest's exact share, with a rest). */
  missing: bigint;
  /** The tolerance of `missing`: from an approximate budget and approximate fixed amounts. */
  slack: bigint;
  budgetWhole: boolean;
  /** Fixed sources whose exact amount is not a whole number of units. */
  offUnit: number[];
  /** The shares come from a rule; false when no rule can make them add up (each share half-up on its own). */
  byRule: boolean;
  method: RoundingMethod;
  computed: bigint[];
  /** Sources whose declared amount disagrees with its computed share. */
  bad: number[];
}

/** Step 4: do the prescribed rates and the fixed amounts cover the budget? */
function coverage(
  f: PartnerFigures,
  fixed: readonly boolean[],
  ratesSum: bigint,
  missing: bigint,
  slack: bigint,
): Coverage {
  if (ratesSum > f.whole) return 'over';
  // a rest source is never fixed
  if (!fixed.some(Boolean)) return f.rest >= 0 || ratesSum === f.whole ? 'exact' : 'short';
  if (f.rest >= 0 ? missing >= 0n : missing === 0n) return 'exact';
  // A rest below zero is never a reading of the figures, whatever their tolerances.
  if (f.rest < 0 && abs(missing) <= slack) return 'within-tolerance';
  return missing > 0n ? 'short' : 'over';
}

/** Step 7: does the declared amount of a rated source agree with its share? */
function agrees(f: PartnerFigures, i: number, exact: bigint, computed: bigint): boolean {
  const s = f.sources[i]!;
  const declared = s.declared!;
  const shareTolerance = f.budgetTolerance === 0n || s.rate === undefined ? 0n : (f.budgetTolerance * s.rate) / f.whole;
  if (s.declaredTolerance === 0n && shareTolerance === 0n) {
    if (halfUpTo(declared, f.unit) !== computed) return false;
    // Off the unit, it says its written digits too: 10 844.31 is not a rounding of 10 844.30.
    return s.declaredStep === 0n || abs(exact - declared) < s.declaredStep;
  }
  // within the tolerances of the exact share or of the rounded one; never a unit more than an exact figure gets
  const slack = s.declaredTolerance + shareTolerance;
  return abs(exact - declared) <= slack || abs(computed - declared) <= slack;
}

/** Reads a partner's figures with the given sources taken as displays, trying the rules in order. */
export function readFigures(
  f: PartnerFigures,
  display: ReadonlySet<number>,
  methods: readonly RoundingMethod[],
): Reading {
  const { sources, budget: B, whole } = f;
  const count = sources.length;
  const fixed: boolean[] = [];
  const exact: bigint[] = [];
  let ratesSum = 0n;
  let covered = 0n;
  let slack = 0n;
  const offUnit: number[] = [];
  for (let i = 0; i < count; i++) {
    const s = sources[i]!;
    const isFixed = !s.rest && (s.rate === undefined || display.has(i));
    fixed.push(isFixed);
    if (s.rest) exact.push(0n);
    else if (isFixed) {
      exact.push(s.declared!);
      covered += s.declared!;
      slack += s.declaredTolerance;
      if (s.declaredTolerance === 0n && s.declared! % f.unit !== 0n) offUnit.push(i);
    } else {
      const share = (B * s.rate!) / whole;
      exact.push(share);
      covered += share;
      ratesSum += s.rate!;
    }
  }
  if (f.budgetTolerance > 0n) slack += (f.budgetTolerance * abs(whole - ratesSum)) / whole;
  const missing = B - covered;
  if (f.rest >= 0) exact[f.rest] = missing;
  const cover = coverage(f, fixed, ratesSum, missing, slack);
  const budgetWhole = B % f.unit === 0n;
  const byRule = cover === 'exact' && budgetWhole && offUnit.length === 0;
  const allocation = { budget: B, unit: f.unit, exact, fund: f.funds, fixed };
  const mismatches = (computed: bigint[]) => {
    const bad: number[] = [];
    for (let i = 0; i < count; i++) {
      if (sources[i]!.declared !== undefined && !fixed[i] && !agrees(f, i, exact[i]!, computed[i]!)) bad.push(i);
    }
    return bad;
  };
  if (!byRule) {
    const computed = allocateShares(allocation, 'half-up', f.rest);
    return {
      fixed,
      exact,
      ratesSum,
      coverage: cover,
      missing,
      slack,
      budgetWhole,
      offUnit,
      byRule,
      method: 'half-up',
      computed,
      bad: mismatches(computed),
    };
  }
  let first: Reading | undefined;
  for (const method of methods) {
    const computed = allocateShares(allocation, method, f.rest);
    const bad = mismatches(computed);
    const reading = {
      fixed,
      exact,
      ratesSum,
      coverage: cover,
      missing,
      slack,
      budgetWhole,
      offUnit,
      byRule,
      method,
      computed,
      bad,
    };
    if (bad.length === 0) return reading;
    first ??= reading;
  }
  return first!;
}

/**
 * Step 9: the disagreeing sources whose decimal rate is the rounded display
 * of their exact declared amount (amount ÷ budget × 100, half up at the
 * rate's decimals). A rate whose last written decimal is a zero (`85,00%`, `85,0%`) is prescribed: a document
 * writes the zero on purpose, so it is never taken as a display (the caller skips step 9 under a binding rule).
 */
export function rateDisplays(f: PartnerFigures, bad: readonly number[]): Set<number> {
  const display = new Set<number>();
  const B = f.budget;
  if (B === 0n) return display;
  for (const i of bad) {
    const s = f.sources[i]!;
    if (s.rate === undefined || s.rateDecimals === 0 || s.declaredTolerance !== 0n) continue;
    const shift = pow10(f.rateScale - s.rateDecimals);
    const written = s.rate / shift;
    if (written % 10n === 0n) continue;
    const numerator = s.declared! * 100n * pow10(s.rateDecimals);
    const quotient = numerator / B;
    const shown = (numerator - quotient * B) * 2n >= B ? quotient + 1n : quotient;
    if (shown === written) display.add(i);
  }
  return display;
}

/**
 * Step 8: the declared amounts, exact ones rounded half-up to the unit, against the budget; undefined when not every
 * source declares one.
 */
export function declaredSum(f: PartnerFigures): { sum: bigint; agrees: boolean } | undefined {
  if (!f.allDeclared || f.rest >= 0) return undefined;
  let total = 0n;
  let slack = f.budgetTolerance;
  for (const s of f.sources) {
    // as written: 10 844.30 + 1 275.80 + 638 is 12 758.10, whatever the unit
    total += s.declared!;
    slack += s.declaredTolerance;
  }
  return { sum: total, agrees: abs(total - f.budget) <= slack };
}

/** A bound of a budget that a declared amount allows: n / d, d > 0 (exact, never rounded). */
interface Bound {
  n: bigint;
  d: bigint;
}
const below = (a: Bound, b: Bound) => a.n * b.d < b.n * a.d;

/**
 * Step 7 with an approximate budget: the declared amounts of the rated sources must agree with one budget B' within
 * the budget's tolerance, each within a unit plus its own tolerance of B' × rate ÷ 100 (a unit: any rule moves a share
 * by less), and B' the declared amounts' sum when every source declares an exact one and none takes the rest (step 8).
 * The rated sources in question when no such B' exists; undefined when one does, or the rule does not apply: an exact
 * budget (held exactly already), or a cause already told by step 2, 4, 7 or 8 (one error per cause).
 */
export function impliedBudgets(
  f: PartnerFigures,
  r: Reading,
  sum: ReturnType<typeof declaredSum>,
): { sources: number[]; sum: bigint | undefined } | undefined {
  if (f.budgetTolerance === 0n || !r.budgetWhole || r.offUnit.length > 0) return undefined;
  if (r.coverage === 'short' || r.coverage === 'over' || r.bad.length > 0 || (sum && !sum.agrees)) return undefined;
  const rated: number[] = [];
  let low: Bound = { n: f.budget - f.budgetTolerance, d: 1n };
  let high: Bound = { n: f.budget + f.budgetTolerance, d: 1n };
  let exactSum = sum !== undefined;
  for (const [i, s] of f.sources.entries()) {
    if (s.declared === undefined) continue;
    if (s.declaredTolerance !== 0n) exactSum = false;
    if (r.fixed[i] || s.rest || s.rate === undefined) continue;
    rated.push(i);
    const slack = f.unit + s.declaredTolerance;
    if (s.rate === 0n) {
      // no budget moves a share of 0%
      if (abs(s.declared) > slack) high = { n: low.n - 1n, d: low.d };
      continue;
    }
    // B' × rate ÷ whole within declared ± slack
    const lo = { n: (s.declared - slack) * f.whole, d: s.rate };
    const hi = { n: (s.declared + slack) * f.whole, d: s.rate };
    if (below(low, lo)) low = lo;
    if (below(hi, high)) high = hi;
  }
  if (rated.length === 0) return undefined;
  const total = exactSum && sum ? { n: sum.sum, d: 1n } : undefined;
  if (total) {
    if (below(low, total)) low = total;
    if (below(total, high)) high = total;
  }
  return below(high, low) ? { sources: rated, sum: total?.n } : undefined;
}
