// An independent reference of `cofin check` for a partner with an APPROXIMATE budget (`~12 300`), written
// from README.md only ("What it checks", steps 1, 2, 4, 5-8 and 10, and "Approximate figures"), with exact
// rationals from ./model.ts. Nothing here comes from src/.
//
// Scope: one partner, a budget `~N` (N a whole number), sources with a whole-number rate (so that no rate
// is a rounded display, step 9) and optionally a declared amount, exact (`4950`) or approximate (`~4 950`),
// and at most one `rest` source without an amount. No fixed sources, no costs, no periods.
//
// Readings of the README chosen where it leaves room:
//  A1 (figures) The precision of `~N` is the place of its last non-zero digit (`~9 284 000` → 1 000); its
//     tolerance is half that, but at most half a unit of its second significant digit ("two significant figures
//     at least": `~100 000` → 5 000, `~10 000` → 500, `~12 400 000` → 50 000).
//  A2 (step 7, one budget) The rule applies only when steps 2, 4, 7 (as each source's own test) and 8 found
//     nothing: one error per cause. "The rated sources" are those with a rate and a declared amount.
//  A3 (step 7, one budget) "B′ is the declared amounts' sum" applies when every source declares an exact
//     amount and none takes the rest; an approximate declared amount lifts it (the sum then carries a
//     tolerance, and step 8 holds it).
import {
  HUNDRED,
  METHODS,
  ZERO,
  add,
  cmp,
  div,
  eq,
  isMultiple,
  mul,
  parseDecimal,
  q,
  referenceRuleShares,
  roundHalfUpTo,
  sub,
  sum,
  toDecimalString,
  type Kind,
  type Method,
  type Q,
} from './model.js';

export interface ApproxSource {
  id: string;
  kind: Kind;
  /** a whole-number percent ("85"); undefined for the rest */
  rate?: string;
  /** as written: "4950" or "~4 950" */
  amount?: string;
  rest?: true;
}
export interface ApproxSpec {
  /** as written: "~12 300" */
  budget: string;
  /** `rounding.unit`, when written */
  unit?: string;
  method?: Method;
  sources: ApproxSource[];
}
export type ApproxCode =
  'budget-unit' | 'rates-sum' | 'share-mismatch' | 'sum-mismatch' | 'budget-implied-mismatch' | 'rest-negative';
export const APPROX_CODES: ReadonlySet<string> = new Set<ApproxCode>([
  'budget-unit',
  'rates-sum',
  'share-mismatch',
  'sum-mismatch',
  'budget-implied-mismatch',
  'rest-negative',
]);

export interface ApproxReference {
  verdict: 'pass' | 'fail';
  errors: Set<ApproxCode>;
  method: Method;
  unit: Q;
  budget: Q;
  tolerance: Q;
  /** the one-budget rule was evaluated (A2) */
  evaluated: boolean;
  /** the budgets B′ every constraint allows, when evaluated: [low, high], empty when low > high */
  low?: Q;
  high?: Q;
  /** the sum held B′ to one point (A3) */
  pinned: boolean;
  /** the intervals just touch: B′ is one point, an end of some source's interval */
  touching: boolean;
}

const qabs = (a: Q): Q => (a.n < 0n ? q(-a.n, a.d) : a);

/** A figure as written: its value and, for `~`, its tolerance (A1). */
export function readFigure(text: string): { value: Q; tolerance: Q } {
  const approximate = text.startsWith('~');
  const digits = text.replace(/^~/, '').replaceAll(' ', '');
  const value = parseDecimal(digits);
  if (!approximate) return { value, tolerance: ZERO };
  if (digits.includes('.')) throw new Error('the reference reads whole approximate figures only');
  const zeros = digits === '0' ? 0 : digits.length - digits.replace(/0+$/, '').length;
  // the second significant digit of a whole number of L digits is the place 10^(L − 2)
  const second = digits.replace(/^0+/, '').length - 2;
  if (digits === '0' || zeros <= second) return { value, tolerance: div(q(10n ** BigInt(zeros)), q(2n)) };
  return { value, tolerance: second >= 0 ? div(q(10n ** BigInt(second)), q(2n)) : q(1n, 20n) };
}

export function referenceApproximate(spec: ApproxSpec): ApproxReference {
  const { value: B, tolerance: T } = readFigure(spec.budget);
  const srcs = spec.sources.map((s) => ({
    ...s,
    r: s.rate === undefined ? undefined : parseDecimal(s.rate),
    declared: s.amount === undefined ? undefined : readFigure(s.amount),
  }));
  const hasRest = srcs.some((s) => s.rest);
  // step 2: rounding.unit, else the coarsest precision of the exact declared amounts, else EUR's cent
  let unit = q(1n, 100n);
  if (spec.unit !== undefined) unit = parseDecimal(spec.unit);
  else {
    const exact = srcs.filter((s) => s.declared && eq(s.declared.tolerance, ZERO)).map((s) => s.amount!);
    if (exact.length > 0) {
      const places = exact.map((a) => (a.includes('.') ? a.length - a.indexOf('.') - 1 : 0));
      unit = q(1n, 10n ** BigInt(Math.min(...places)));
    }
  }
  const errors = new Set<ApproxCode>();
  const budgetUnit = !isMultiple(B, unit);
  if (budgetUnit) errors.add('budget-unit');
  // step 3
  const exact = srcs.map((s) => (s.rest ? ZERO : div(mul(B, s.r!), HUNDRED)));
  const rates = sum(srcs.filter((s) => !s.rest).map((s) => s.r!));
  const restAt = srcs.findIndex((s) => s.rest);
  if (restAt >= 0) exact[restAt] = sub(B, sum(exact.filter((_, i) => i !== restAt)));
  // step 4: no fixed source: exactly 100%, at most 100% with a rest; the approximate budget never relaxes it
  const ratesOk = hasRest ? cmp(rates, HUNDRED) <= 0 : eq(rates, HUNDRED);
  if (!ratesOk) errors.add('rates-sum');
  // steps 5 and 6: the rules in order, the first under which every declared amount agrees
  const specFor = {
    budget: toDecimalString(B),
    sources: srcs.map((s) =>
      s.rest ? { id: s.id, kind: s.kind, rest: true as const } : { id: s.id, kind: s.kind, rate: s.rate! },
    ),
  };
  const sharesBy = (m: Method) =>
    referenceRuleShares(specFor, m, toDecimalString(unit)).shares.map((x) => parseDecimal(x));
  // step 7: within the declared amount's tolerance + the share's (tolerance × rate ÷ 100) of the exact or computed share
  const agrees = (i: number, computed: Q[]): boolean => {
    const s = srcs[i]!;
    if (s.declared === undefined || s.rest) return true;
    const slack = add(s.declared.tolerance, div(mul(T, s.r!), HUNDRED));
    if (eq(slack, ZERO)) return eq(roundHalfUpTo(s.declared.value, unit), computed[i]!);
    return (
      cmp(qabs(sub(s.declared.value, exact[i]!)), slack) <= 0 ||
      cmp(qabs(sub(s.declared.value, computed[i]!)), slack) <= 0
    );
  };
  const allAgree = (computed: Q[]) => srcs.every((_, i) => agrees(i, computed));
  let method: Method;
  let computed: Q[];
  if (budgetUnit || !ratesOk) {
    method = 'half-up';
    computed = sharesBy('half-up');
  } else {
    method = spec.method ?? METHODS.find((m) => allAgree(sharesBy(m))) ?? 'largest-remainder';
    computed = sharesBy(method);
  }
  if (!allAgree(computed)) errors.add('share-mismatch');
  // step 8: every source declares an amount, none takes the rest: the sum within the tolerances
  const allDeclared = srcs.every((s) => s.declared !== undefined);
  if (!hasRest && allDeclared) {
    const total = sum(srcs.map((s) => s.declared!.value));
    const slack = add(T, sum(srcs.map((s) => s.declared!.tolerance)));
    if (cmp(qabs(sub(total, B)), slack) > 0) errors.add('sum-mismatch');
  }
  // step 10: a rest below zero
  if (!budgetUnit && ratesOk && restAt >= 0 && cmp(computed[restAt]!, ZERO) < 0) errors.add('rest-negative');
  // step 7, one budget: a B′ within the tolerance at which every rated declared amount lies within a unit plus
  // its tolerance of B′ × rate ÷ 100 (and B′ the sum, A3)
  const result: ApproxReference = {
    verdict: 'pass',
    errors,
    method,
    unit,
    budget: B,
    tolerance: T,
    evaluated: false,
    pinned: false,
    touching: false,
  };
  const rated = srcs.filter((s) => !s.rest && s.declared !== undefined);
  if (rated.length > 0 && !budgetUnit && ratesOk && !errors.has('share-mismatch') && !errors.has('sum-mismatch')) {
    let low = sub(B, T);
    let high = add(B, T);
    let empty = false;
    const ends: Q[] = [];
    for (const s of rated) {
      const slack = add(unit, s.declared!.tolerance);
      if (eq(s.r!, ZERO)) {
        if (cmp(qabs(s.declared!.value), slack) > 0) empty = true;
        continue;
      }
      const lo = div(mul(sub(s.declared!.value, slack), HUNDRED), s.r!);
      const hi = div(mul(add(s.declared!.value, slack), HUNDRED), s.r!);
      ends.push(lo, hi);
      if (cmp(lo, low) > 0) low = lo;
      if (cmp(hi, high) < 0) high = hi;
    }
    if (!hasRest && allDeclared && srcs.every((s) => eq(s.declared!.tolerance, ZERO))) {
      const total = sum(srcs.map((s) => s.declared!.value));
      if (cmp(total, low) > 0) low = total;
      if (cmp(total, high) < 0) high = total;
      result.pinned = true;
    }
    result.evaluated = true;
    result.low = low;
    result.high = high;
    if (empty || cmp(low, high) > 0) errors.add('budget-implied-mismatch');
    else result.touching = eq(low, high) && ends.some((e) => eq(e, low));
  }
  result.verdict = errors.size > 0 ? 'fail' : 'pass';
  return result;
}
