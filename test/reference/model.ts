// An independent reference model of cofin's split and of the check pipeline, written from
// README.md only ("`cofin check`" steps 1-12 and the paragraph on rates, "Budget files
// (format 1)", "`cofin split`" and "The three rounding rules"). Nothing here comes from src/.
//
// It is deliberately small and slow: every figure is an exact rational (BigInt numerator and
// denominator), every rule is written the way the README words it, for EXACT figures only (no
// approximate `~` / `milj.` figures, no cost categories, one partner, no project).
// Approximate budgets (`~12 300`) have their own reference, ./approximate.ts, built on these rationals and rules.
//
// Readings of the README chosen where it leaves room (each is listed in the report too):
//  R1 (step 2) The precision of a declared amount is that of its last WRITTEN digit: "10844" is 1,
//     "1275.80" is 0.01, "10800" is 1 (not 100). The unit is the coarsest of them over every source
//     with an exact declared amount (rated or fixed; `rest` is not an amount).
//  R2 (step 2) `amount-unit` is judged on the value ("637.00" at unit 1 is a whole number of units).
//  R3 (step 5) The fall-back (each rated share half-up, rule shown `half-up`) has the triggers
//     step 5 names: a budget or an exact fixed amount off the unit (step 2), rates that do not
//     cover it. (The README first named only two; the amount-unit trigger was added to step 5 after
//     this model found cofin falling back there too.) When a rule would still have a leftover that
//     is not a whole number of units, the model flags the partner `ambiguous` (also when step 9
//     started from such shares) and the tests compare only the unit, the verdict, the step 2/4
//     errors and a binding method.
//  R4 (fund-down) When the non-EU sources that share the remainder all have an exact share of zero
//     and the remainder is not zero, "in proportion to their exact shares" has no meaning: flagged
//     `ambiguous` too (the model gives them 0 and lets the shares drift).
//  R5 (steps 5/6) In the fall-back case (budget not a whole number of units, or rates not covering
//     the budget) the rule shown is `half-up`, even over a binding method, and no rule is "tried":
//     no `rounding-method` note.
//  R6 (step 9) "When the first rule (the binding one, else largest-remainder) ... leaves declared
//     amounts that disagree": read as the rule the first run of steps 2-8 ends with, which, whenever
//     declared amounts disagree, IS the binding one, else largest-remainder (step 6 shows
//     largest-remainder's shares when no rule agrees). So step 9 starts only when no rule (or the
//     binding one) reproduces the declared amounts; the disagreeing sources are those of that rule.
//     The other reading (largest-remainder's disagreements start step 9 even when step 6 found
//     another rule) is `{ rateDisplay: 'first-tried-rule' }`; it makes a non-binding fund-down
//     document with a decimal rate fail with rates-sum, against "declaring split's shares passes".
//     When step 9 converts at least one source, the findings of steps 2-8 are those of the second
//     run, plus the `rate-display` note. "The declared amounts add up to the budget (step 8)" is
//     read as: every source declares an amount, none takes the rest, and the step-8 sum equals the
//     budget. A "decimal rate" is a rate written with a decimal mark ("85.0%" counts, with 1
//     decimal); the implied rate uses the declared amount as written (not rounded to the unit),
//     and the converted source is fixed at that same amount (so step 2 may then find
//     `amount-unit`, and step 4 `rates-sum` when what the others leave is not exactly zero).
//  R10 (step 9) A rate is prescribed, never a display, when its last written decimal is a zero ("85,0%", "85,00%")
//     or when `rounding.method` is written (binding): only a decimal rate ending in another digit under no binding
//     method can be taken as a display.
//  R12 (step 2, trial 10 R4) A partner of fixed amounts alone (no rate, no rest) has no share to round: its unit is
//     the finest written digit of its amounts and of its budget, so neither budget-unit nor amount-unit applies and
//     the amounts are held to the budget by the step-8 sum alone (10 844.50 + 1 275.50 + 638 = 12 758 passes).
//  R11 (step 9) Only declared amounts that add up to the budget (step 8) bear a display out: with a source that
//     takes the rest (which states no amount of its own, and would absorb any drift) every rate is prescribed.
//  R7 (step 8) Fixed amounts are declared amounts: they count in "every source declares an amount"
//     and are summed as written, like the others (10 844.30 + 1 275.80 + 638 is 12 758.10).
//  R8 (step 12) `zero-amount` looks at the declared amount as written (raw value), else the
//     computed share; eu-rate-high compares the written rate (rated) or computed ÷ budget (fixed,
//     rest, converted rate displays) with 85% exactly. Budgets of zero are not modelled (their
//     `zero-budget` warning is held by test/e2e/daily.test.ts).
//  R9 Half-up rounding of a negative value (only ever a `rest` share, which is never rounded) does
//     not arise. A rest the others' rounded shares leave below zero is `rest-negative` (step 10),
//     an error, so the verdict is computed after step 10.

// ---------------------------------------------------------------- exact rationals

export interface Q {
  readonly n: bigint;
  readonly d: bigint; // > 0, gcd(n, d) = 1
}

const babs = (a: bigint): bigint => (a < 0n ? -a : a);
function gcd(a: bigint, b: bigint): bigint {
  a = babs(a);
  b = babs(b);
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}
export function q(n: bigint, d: bigint = 1n): Q {
  if (d === 0n) throw new Error('division by zero');
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const g = gcd(n, d) || 1n;
  return { n: n / g, d: d / g };
}
export const ZERO = q(0n);
export const HUNDRED = q(100n);
export const add = (a: Q, b: Q): Q => q(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Q, b: Q): Q => q(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Q, b: Q): Q => q(a.n * b.n, a.d * b.d);
export const div = (a: Q, b: Q): Q => q(a.n * b.d, a.d * b.n);
export const cmp = (a: Q, b: Q): number => {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
};
export const eq = (a: Q, b: Q): boolean => cmp(a, b) === 0;
export const sum = (xs: readonly Q[]): Q => xs.reduce(add, ZERO);
/** floor(a) as a BigInt (towards minus infinity). */
export function floorInt(a: Q): bigint {
  const t = a.n / a.d;
  return a.n < 0n && t * a.d !== a.n ? t - 1n : t;
}
export const isInteger = (a: Q): boolean => a.d === 1n;
export const isMultiple = (a: Q, unit: Q): boolean => isInteger(div(a, unit));
/** a rounded down to a multiple of unit. */
export const floorTo = (a: Q, unit: Q): Q => mul(q(floorInt(div(a, unit))), unit);
/** a rounded half-up (halves upwards) to a multiple of unit. */
export const roundHalfUpTo = (a: Q, unit: Q): Q => mul(q(floorInt(add(div(a, unit), q(1n, 2n)))), unit);

/** Reads a plain decimal string: optional '-', digits, optional '.' and digits. */
export function parseDecimal(s: string): Q {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) throw new Error(`not a plain decimal: ${JSON.stringify(s)}`);
  const frac = m[3] ?? '';
  const n = BigInt((m[2] ?? '0') + frac) * (m[1] ? -1n : 1n);
  return q(n, 10n ** BigInt(frac.length));
}
/** Number of digits written after the decimal point. */
export const writtenDecimals = (s: string): number => {
  const i = s.indexOf('.');
  return i < 0 ? 0 : s.length - i - 1;
};
/** The exact decimal string of a rational whose denominator is 2^a 5^b (minimal form). */
export function toDecimalString(a: Q): string {
  let d = a.d;
  let k = 0n;
  let twos = 0n;
  let fives = 0n;
  while (d % 2n === 0n) {
    d /= 2n;
    twos++;
  }
  while (d % 5n === 0n) {
    d /= 5n;
    fives++;
  }
  if (d !== 1n) throw new Error(`${a.n}/${a.d} has no finite decimal form`);
  k = twos > fives ? twos : fives;
  const scaled = (a.n * 10n ** k) / a.d;
  const neg = scaled < 0n;
  let digits = babs(scaled).toString();
  if (k > 0n) {
    const kk = Number(k);
    digits = digits.padStart(kk + 1, '0');
    let int = digits.slice(0, digits.length - kk);
    const frac = digits.slice(digits.length - kk).replace(/0+$/, '');
    if (int === '') int = '0';
    digits = frac ? `${int}.${frac}` : int;
  }
  return (neg && digits !== '0' ? '-' : '') + digits;
}
/** Written at a fixed number of decimals (the value must fit). */
export function toFixedString(a: Q, decimals: number): string {
  const scale = 10n ** BigInt(decimals);
  const v = mul(a, q(scale));
  if (!isInteger(v)) throw new Error(`${toDecimalString(a)} does not fit ${decimals} decimals`);
  const neg = v.n < 0n;
  let digits = babs(v.n).toString();
  if (decimals > 0) {
    digits = digits.padStart(decimals + 1, '0');
    digits = `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
  }
  return (neg ? '-' : '') + digits;
}
/** Decimals of a power-of-ten unit ("1" → 0, "0.01" → 2, "100" → 0). */
export const unitDecimals = (unit: Q): number => {
  let k = 0;
  let u = unit;
  while (!isInteger(u)) {
    u = mul(u, q(10n));
    k++;
  }
  return k;
};

// ---------------------------------------------------------------- model types

export type Kind = 'eu-fund' | 'public' | 'automatic-public' | 'private';
export type Method = 'largest-remainder' | 'half-up' | 'fund-down';
export const METHODS: readonly Method[] = ['largest-remainder', 'half-up', 'fund-down'];
export type Code =
  | 'rates-sum'
  | 'budget-unit'
  | 'amount-unit'
  | 'share-mismatch'
  | 'sum-mismatch'
  | 'rate-display'
  | 'rounding-method'
  | 'rounding-drift'
  | 'rest-negative'
  | 'eu-rate-high'
  | 'zero-amount';
export const CODES_IN_SCOPE: ReadonlySet<string> = new Set<Code>([
  'rates-sum',
  'budget-unit',
  'amount-unit',
  'share-mismatch',
  'sum-mismatch',
  'rate-display',
  'rounding-method',
  'rounding-drift',
  'rest-negative',
  'eu-rate-high',
  'zero-amount',
]);

export interface SourceSpec {
  id: string;
  kind: Kind;
  /** percent, a plain decimal string as written (its written decimals matter: "85.0" is decimal) */
  rate?: string;
  /** the declared amount, a plain decimal string as written (its written decimals set the unit) */
  amount?: string;
  /** takes the rest */
  rest?: true;
}
export interface PartnerSpec {
  budget: string;
  /** `rounding.unit` as written (a power of ten), or undefined when the file does not write it */
  unit?: string;
  /** Kept for the brief's shape: true when `unit` is the written `rounding.unit`. When false the
   *  unit is ignored and derived as step 2 says (so `{unit: '1', unitBinding: false}` is "not written"). */
  unitBinding?: boolean;
  /** `rounding.method` (binding) or undefined */
  method?: Method;
  sources: SourceSpec[];
}

export interface RuleStats {
  /** a largest-remainder allocation (of the rule itself, or of fund-down's remainder) had a tie at its cut */
  tie: boolean;
  ambiguous: boolean;
}
export interface Reference {
  unit: string;
  method: Method;
  computed: string[];
  errors: Set<Code>;
  warnings: Set<Code>;
  notes: Set<Code>;
  verdict: 'pass' | 'fail';
  /** the README leaves the computed shares (and what follows from them) open: see R3/R4 */
  ambiguous: boolean;
  /** details for coverage counting and for the properties */
  info: {
    fallback: boolean;
    tie: boolean;
    converted: string[]; // ids taken as rate displays (step 9)
    firstRuleAgrees: boolean;
    /** for each method, whether every declared amount agrees under it (first run, rates prescribed) */
    agreesUnder: Partial<Record<Method, boolean>>;
    sum: string;
  };
}

type Role = 'rated' | 'fixed' | 'rest';
interface Src {
  id: string;
  kind: Kind;
  role: Role;
  rateText?: string;
  rate?: Q;
  declaredText?: string;
  declared?: Q;
}

function toSrc(s: SourceSpec): Src {
  const role: Role = s.rest ? 'rest' : s.rate !== undefined ? 'rated' : 'fixed';
  if (role === 'fixed' && s.amount === undefined) throw new Error(`source ${s.id}: no rate, amount or rest`);
  return {
    id: s.id,
    kind: s.kind,
    role,
    rateText: s.rate,
    rate: s.rate === undefined || s.rest ? undefined : parseDecimal(s.rate),
    declaredText: s.amount,
    declared: s.amount === undefined ? undefined : parseDecimal(s.amount),
  };
}

// ---------------------------------------------------------------- the three rules

/** Largest remainder of `values` (indices in `pool`) so that they add up to `total` at `unit`. */
function largestRemainder(values: Q[], pool: number[], total: Q, unit: Q, out: Q[], stats: RuleStats): void {
  const floors = pool.map((i) => floorTo(values[i]!, unit));
  const rems = pool.map((i, k) => sub(values[i]!, floors[k]!));
  const leftover = div(sub(total, sum(floors)), unit);
  let L = floorInt(leftover);
  if (!isInteger(leftover) || L < 0n || L > BigInt(pool.length)) {
    stats.ambiguous = true;
    L = L < 0n ? 0n : L > BigInt(pool.length) ? BigInt(pool.length) : L;
  }
  // by remainder, largest first; ties to the earlier share as written
  const order = pool.map((_, k) => k).sort((a, b) => cmp(rems[b]!, rems[a]!) || pool[a]! - pool[b]!);
  const l = Number(L);
  if (l > 0 && l < order.length && eq(rems[order[l - 1]!]!, rems[order[l]!]!)) stats.tie = true;
  pool.forEach((i, k) => (out[i] = floors[k]!));
  for (let j = 0; j < l; j++) {
    const i = pool[order[j]!]!;
    out[i] = add(out[i]!, unit);
  }
}

/** Every share by one rule: fixed sources at their amounts, then the rest takes what the others leave. */
function applyRule(method: Method, budget: Q, srcs: Src[], exact: Q[], unit: Q, stats: RuleStats): Q[] {
  const out: Q[] = srcs.map(() => ZERO);
  const fixed = srcs.map((_, i) => i).filter((i) => srcs[i]!.role === 'fixed');
  const shared = srcs.map((_, i) => i).filter((i) => srcs[i]!.role !== 'fixed');
  for (const i of fixed) out[i] = exact[i]!;
  const fixedSum = sum(fixed.map((i) => exact[i]!));
  if (method === 'largest-remainder') {
    largestRemainder(exact, shared, sub(budget, fixedSum), unit, out, stats);
  } else if (method === 'half-up') {
    for (const i of shared) out[i] = roundHalfUpTo(exact[i]!, unit);
  } else {
    const eu = shared.filter((i) => srcs[i]!.kind === 'eu-fund');
    const others = shared.filter((i) => srcs[i]!.kind !== 'eu-fund');
    for (const i of eu) out[i] = floorTo(exact[i]!, unit);
    const remainder = sub(sub(budget, fixedSum), sum(eu.map((i) => out[i]!)));
    if (others.length > 0) {
      const E = sum(others.map((i) => exact[i]!));
      if (cmp(E, ZERO) === 0) {
        if (cmp(remainder, ZERO) !== 0) stats.ambiguous = true; // R4
      } else {
        const targets = srcs.map((_, i) => (others.includes(i) ? div(mul(remainder, exact[i]!), E) : ZERO));
        largestRemainder(targets, others, remainder, unit, out, stats);
      }
    }
  }
  const rest = srcs.findIndex((s) => s.role === 'rest');
  // "every EU-fund share (a `rest` source of kind `eu-fund` too) is rounded down ... The fund never exceeds rate ×
  // budget": under fund-down an EU-fund rest keeps its floor, and with EU funds only the units left are nobody's
  const restFloored = method === 'fund-down' && rest >= 0 && srcs[rest]!.kind === 'eu-fund';
  if (rest >= 0 && !restFloored) out[rest] = sub(budget, sum(out.filter((_, i) => i !== rest)));
  return out;
}

/** The exact shares of step 3. */
function exactShares(budget: Q, srcs: Src[]): Q[] {
  const ex = srcs.map((s) =>
    s.role === 'rated' ? div(mul(budget, s.rate!), HUNDRED) : s.role === 'fixed' ? s.declared! : ZERO,
  );
  const rest = srcs.findIndex((s) => s.role === 'rest');
  if (rest >= 0) ex[rest] = sub(budget, sum(ex.filter((_, i) => i !== rest)));
  return ex;
}

// ---------------------------------------------------------------- split

export class ReferenceSplitError extends Error {
  constructor(
    readonly code: 'rates-sum' | 'budget-unit' | 'bad-share' | 'rest-negative',
    message: string,
  ) {
    super(message);
  }
}
export interface ReferenceSplitShare {
  id: string;
  kind?: string;
  rate: string; // plain percent without '%', or 'rest'
}
export interface ReferenceSplitResult {
  amounts: string[];
  exact: string[];
  sum: string;
  drift: string;
  tie: boolean;
  /** R4: fund-down with a remainder and only zero-share non-EU sources to take it */
  ambiguous: boolean;
}
/** `cofin split`: steps 3 to 5 with the rates prescribed; kinds default to `public`. */
export function referenceSplit(
  budget: string,
  shares: ReferenceSplitShare[],
  unit: string = '0.01',
  method: Method = 'largest-remainder',
): ReferenceSplitResult {
  const B = parseDecimal(budget);
  const U = parseDecimal(unit);
  const rests = shares.filter((s) => s.rate === 'rest').length;
  if (rests > 1) throw new ReferenceSplitError('bad-share', 'more than one rest');
  const srcs: Src[] = shares.map((s) =>
    s.rate === 'rest'
      ? { id: s.id, kind: (s.kind ?? 'public') as Kind, role: 'rest' }
      : { id: s.id, kind: (s.kind ?? 'public') as Kind, role: 'rated', rateText: s.rate, rate: parseDecimal(s.rate) },
  );
  for (const s of srcs) {
    if (s.rate && (cmp(s.rate, ZERO) < 0 || cmp(s.rate, HUNDRED) > 0))
      throw new ReferenceSplitError('bad-share', 'rate out of 0..100');
  }
  const total = sum(srcs.filter((s) => s.role === 'rated').map((s) => s.rate!));
  if (rests === 0 ? !eq(total, HUNDRED) : cmp(total, HUNDRED) > 0) {
    throw new ReferenceSplitError('rates-sum', `rates add up to ${toDecimalString(total)}%`);
  }
  if (method !== 'half-up' && !isMultiple(B, U))
    throw new ReferenceSplitError('budget-unit', 'budget is not a whole number of units');
  const exact = exactShares(B, srcs);
  const stats: RuleStats = { tie: false, ambiguous: false };
  const out = applyRule(method, B, srcs, exact, U, stats);
  // no source pays less than nothing: a rest the others' rounded shares leave below zero is refused
  const restAt = srcs.findIndex((x) => x.role === 'rest');
  if (restAt >= 0 && cmp(out[restAt]!, ZERO) < 0)
    throw new ReferenceSplitError('rest-negative', 'the rest is below zero');
  const s = sum(out);
  return {
    amounts: out.map(toDecimalString),
    exact: exact.map(toDecimalString),
    sum: toDecimalString(s),
    drift: toDecimalString(sub(s, B)),
    tie: stats.tie,
    ambiguous: stats.ambiguous,
  };
}

// ---------------------------------------------------------------- check

interface Run {
  errors: Set<Code>;
  notes: Set<Code>;
  method: Method;
  shares: Q[];
  fallback: boolean;
  step2Failed: boolean;
  ratesFailed: boolean;
  /** indices of rated/rest sources whose declared amount disagrees under the first rule */
  firstDisagree: number[];
  stats: RuleStats;
  agreesUnder: Partial<Record<Method, boolean>>;
}

function disagreeing(srcs: Src[], shares: Q[], exact: Q[], unit: Q): number[] {
  return srcs
    .map((_, i) => i)
    .filter((i) => {
      const s = srcs[i]!;
      if (s.role === 'fixed' || s.declared === undefined) return false;
      if (!eq(roundHalfUpTo(s.declared, unit), shares[i]!)) return true;
      // step 7: an amount that is not a whole number of units says its written digits: within one unit of its last one of the exact share
      if (isMultiple(s.declared, unit)) return false;
      const own = q(1n, 10n ** BigInt(writtenDecimals(s.declaredText!)));
      const gap = sub(s.declared, exact[i]!);
      return cmp(gap.n < 0n ? q(-gap.n, gap.d) : gap, own) >= 0;
    });
}

/** Steps 2 to 8 for one set of sources (the unit is already known). */
function run(budget: Q, srcs: Src[], unit: Q, binding: Method | undefined): Run {
  const errors = new Set<Code>();
  const notes = new Set<Code>();
  // step 2
  const budgetUnit = !isMultiple(budget, unit);
  const amountUnit = srcs.some((s) => s.role === 'fixed' && !isMultiple(s.declared!, unit));
  if (budgetUnit) errors.add('budget-unit');
  if (amountUnit) errors.add('amount-unit');
  // step 3
  const exact = exactShares(budget, srcs);
  // step 4
  const hasRest = srcs.some((s) => s.role === 'rest');
  const rates = sum(srcs.filter((s) => s.role === 'rated').map((s) => s.rate!));
  const left = sub(budget, sum(exact.filter((_, i) => srcs[i]!.role !== 'rest')));
  const ratesOk = cmp(rates, HUNDRED) <= 0 && (hasRest ? cmp(left, ZERO) >= 0 : eq(left, ZERO));
  if (!ratesOk) errors.add('rates-sum');
  // steps 5 and 6
  const stats: RuleStats = { tie: false, ambiguous: false };
  const agreesUnder: Partial<Record<Method, boolean>> = {};
  let method: Method;
  let shares: Q[];
  let first: Q[];
  const fallback = budgetUnit || amountUnit || !ratesOk;
  if (fallback) {
    // each rated share half-up on its own; fixed at their amounts; the rest takes what is left
    shares = applyRule('half-up', budget, srcs, exact, unit, stats);
    method = 'half-up';
    first = shares;
  } else {
    const cache = new Map<Method, { shares: Q[]; stats: RuleStats }>();
    const byRule = (m: Method) => {
      let r = cache.get(m);
      if (!r) {
        const st: RuleStats = { tie: false, ambiguous: false };
        r = { shares: applyRule(m, budget, srcs, exact, unit, st), stats: st };
        cache.set(m, r);
      }
      return r;
    };
    const agrees = (m: Method) => {
      const r = byRule(m);
      if (r.stats.ambiguous) stats.ambiguous = true;
      return disagreeing(srcs, r.shares, exact, unit).length === 0;
    };
    if (binding) {
      method = binding;
      agrees(binding);
    } else {
      method = METHODS.find((m) => agrees(m)) ?? 'largest-remainder';
      if (method !== 'largest-remainder') notes.add('rounding-method');
    }
    // for the properties only: agreement under every rule (does not affect the result)
    for (const m of METHODS) agreesUnder[m] = disagreeing(srcs, byRule(m).shares, exact, unit).length === 0;
    const chosen = byRule(method);
    shares = chosen.shares;
    if (chosen.stats.ambiguous) stats.ambiguous = true;
    stats.tie = chosen.stats.tie;
    first = byRule(binding ?? 'largest-remainder').shares;
  }
  // step 7
  if (disagreeing(srcs, shares, exact, unit).length > 0) errors.add('share-mismatch');
  // step 8
  if (!hasRest && srcs.every((s) => s.declared !== undefined)) {
    const total = sum(srcs.map((s) => s.declared!));
    if (!eq(total, budget)) errors.add('sum-mismatch');
  }
  return {
    errors,
    notes,
    method,
    shares,
    fallback,
    step2Failed: budgetUnit || amountUnit,
    ratesFailed: !ratesOk,
    firstDisagree: disagreeing(srcs, first, exact, unit),
    stats,
    agreesUnder,
  };
}

/** The unit of step 2. */
export function referenceUnit(spec: PartnerSpec): Q {
  if (spec.unit !== undefined && spec.unitBinding !== false) return parseDecimal(spec.unit);
  const precisions = spec.sources
    .filter((s) => !s.rest && s.amount !== undefined)
    .map((s) => q(1n, 10n ** BigInt(writtenDecimals(s.amount!))));
  // R12: fixed amounts alone (no rate, no rest) have nothing to round: the finest written digit, the budget's too
  if (precisions.length > 0 && spec.sources.every((s) => !s.rest && s.rate === undefined))
    return [...precisions, q(1n, 10n ** BigInt(writtenDecimals(spec.budget)))].reduce((a, b) =>
      cmp(a, b) <= 0 ? a : b,
    );
  if (precisions.length > 0) return precisions.reduce((a, b) => (cmp(a, b) >= 0 ? a : b));
  return q(1n, 100n); // EUR's minor unit
}

export interface ReferenceOptions {
  /** which disagreements start step 9 (R6): 'first-run' (default) or 'first-tried-rule' */
  rateDisplay?: 'first-run' | 'first-tried-rule';
}

export function referenceCheck(spec: PartnerSpec, options: ReferenceOptions = {}): Reference {
  const budget = parseDecimal(spec.budget);
  if (cmp(budget, ZERO) <= 0) throw new Error('the model covers budgets above zero only');
  const unit = referenceUnit(spec);
  let srcs = spec.sources.map(toSrc);
  let r = run(budget, srcs, unit, spec.method);
  const firstAmbiguous = r.stats.ambiguous; // step 9 starts from these shares: an open first run leaves the rest open
  const firstAgreesUnder = r.agreesUnder;
  const firstRuleAgrees = r.firstDisagree.length === 0;
  const converted: string[] = [];
  // step 9
  const starts =
    options.rateDisplay === 'first-tried-rule'
      ? r.firstDisagree.length > 0
      : r.errors.has('share-mismatch') && r.firstDisagree.length > 0;
  if (starts) {
    const allDeclared = srcs.every((s) => s.declared !== undefined);
    const addsUp = !srcs.some((s) => s.role === 'rest') && allDeclared && !r.errors.has('sum-mismatch');
    // R11: a rest states no amount, so it never bears a display out
    if (addsUp) {
      const take = r.firstDisagree.filter((i) => {
        const s = srcs[i]!;
        if (s.role !== 'rated' || s.declared === undefined) return false;
        const dec = writtenDecimals(s.rateText!);
        if (dec === 0) return false; // a whole-number rate is prescribed
        // R10: so is one whose last written decimal is a zero ("85,00%"), and every rate under a binding method
        if (/0\s*%?\s*$/.test(s.rateText!) || spec.method !== undefined) return false;
        const implied = roundHalfUpTo(div(mul(s.declared, HUNDRED), budget), q(1n, 10n ** BigInt(dec)));
        return eq(implied, s.rate!);
      });
      if (take.length > 0) {
        srcs = srcs.map((s, i) => (take.includes(i) ? { ...s, role: 'fixed', rate: undefined } : s));
        converted.push(...take.map((i) => srcs[i]!.id));
        r = run(budget, srcs, unit, spec.method);
      }
    }
  }
  const errors = new Set(r.errors);
  const warnings = new Set<Code>();
  const notes = new Set(r.notes);
  if (converted.length > 0) notes.add('rate-display');
  // step 10
  const total = sum(r.shares);
  if (!r.step2Failed && !r.ratesFailed && !eq(total, budget)) warnings.add('rounding-drift');
  // step 10: what the others' rounded shares leave for the rest below zero is an error
  const restAt = srcs.findIndex((s) => s.role === 'rest');
  if (!r.step2Failed && !r.ratesFailed && restAt >= 0 && cmp(r.shares[restAt]!, ZERO) < 0) errors.add('rest-negative');
  // step 12
  const eightyFive = q(85n);
  srcs.forEach((s, i) => {
    const share = r.shares[i]!;
    if (s.kind === 'eu-fund') {
      const pct = s.role === 'rated' ? s.rate! : div(mul(share, HUNDRED), budget);
      if (cmp(pct, eightyFive) > 0) warnings.add('eu-rate-high');
    }
    const amount = s.declared ?? share;
    if (eq(amount, ZERO)) warnings.add('zero-amount');
  });
  // step 12: two or more EU funds together, by their computed shares
  const funds = srcs
    .map((s, i) => (s.kind === 'eu-fund' ? r.shares[i]! : undefined))
    .filter((x): x is Q => x !== undefined);
  if (funds.length > 1 && cmp(div(mul(sum(funds), HUNDRED), budget), eightyFive) > 0) warnings.add('eu-rate-high');
  return {
    unit: toDecimalString(unit),
    method: r.method,
    computed: r.shares.map(toDecimalString),
    errors,
    warnings,
    notes,
    verdict: errors.size > 0 ? 'fail' : 'pass',
    ambiguous: firstAmbiguous || r.stats.ambiguous,
    info: {
      fallback: r.fallback,
      tie: r.stats.tie,
      converted,
      firstRuleAgrees,
      agreesUnder: firstAgreesUnder,
      sum: toDecimalString(total),
    },
  };
}

/** The shares one rule gives (steps 3 and 5, fall-back included), for generators that write documents. */
export function referenceRuleShares(
  spec: PartnerSpec,
  method: Method,
  unitText: string,
): { shares: string[]; ambiguous: boolean } {
  const budget = parseDecimal(spec.budget);
  const unit = parseDecimal(unitText);
  const srcs = spec.sources.map(toSrc);
  const exact = exactShares(budget, srcs);
  const stats: RuleStats = { tie: false, ambiguous: false };
  const out = applyRule(method, budget, srcs, exact, unit, stats);
  return { shares: out.map(toDecimalString), ambiguous: stats.ambiguous };
}
/** Exact shares of step 3, as decimal strings. */
export function referenceExact(spec: PartnerSpec): string[] {
  return exactShares(parseDecimal(spec.budget), spec.sources.map(toSrc)).map(toDecimalString);
}
