// An independent reference for a fund's amount per reporting period (README, "What it computes" 2;
// docs/jems-rules.md 1.3), in BigInt cents: every period but the last is its total × rate rounded
// down to the cent; the last is the fund's budget share (the budget × rate, rounded down) less the
// other periods, so that the periods add up to it exactly. Nothing here comes from src/.

/** Fund amounts per period, in cents; `rate` in hundredths of a percent. */
export function fundPerPeriod(periodTotals: readonly bigint[], budget: bigint, rate: bigint): bigint[] {
  const down = (cents: bigint) => (cents * rate) / 10_000n;
  const others = periodTotals.slice(0, -1).map(down);
  return [...others, down(budget) - others.reduce((s, v) => s + v, 0n)];
}

// ---------------------------------------------------------------------------------------------
// A budget file's plan per period (README, "Reporting periods"), with sources given as a rate, as an
// amount, or as the rest, in exact rationals over BigInt cents. Each period's exact share of a source
// is the period × its rate, or the period × its amount ÷ the budget (the amount's own rate, exact);
// the rest what the others leave. The shares are rounded by the partner's rule at the unit; the last
// period is each share of the budget less the other periods.

export type ModelSource =
  | { kind: 'rate'; fund: boolean; hundredths: bigint }
  | { kind: 'amount'; fund: boolean; cents: bigint }
  | { kind: 'rest'; fund: false };

export type ModelMethod = 'largest-remainder' | 'fund-down';

/** A rational n / d, d > 0. */
interface Q {
  n: bigint;
  d: bigint;
}

const floorQ = (q: Q, unit: bigint): bigint => {
  // the largest multiple of unit at most q
  const k = q.n >= 0n ? q.n / (q.d * unit) : -((-q.n + q.d * unit - 1n) / (q.d * unit));
  return k * unit;
};
const minus = (q: Q, v: bigint): Q => ({ n: q.n - v * q.d, d: q.d });
const less = (a: Q, b: Q) => a.n * b.d < b.n * a.d;

/** Hands `units` more units to the largest remainders (ties to the earlier), among `who`. */
function giveUnits(amounts: bigint[], remainders: Q[], who: number[], units: bigint, unit: bigint): void {
  const order = [...who].sort((a, b) =>
    less(remainders[a]!, remainders[b]!) ? 1 : less(remainders[b]!, remainders[a]!) ? -1 : a - b,
  );
  for (let k = 0n; k < units; k++) amounts[order[Number(k)]!]! += unit;
}

/** Rounds exact shares of a total by a rule; `kept` shares (the amounts of the whole budget) stay as they are. */
function roundShares(total: bigint, exact: Q[], fund: boolean[], kept: boolean[], unit: bigint, method: ModelMethod) {
  const amounts = exact.map((q, i) => (kept[i] ? q.n / q.d : floorQ(q, unit)));
  if (method === 'largest-remainder') {
    const free = exact.map((_, i) => i).filter((i) => !kept[i]);
    const left = total - amounts.reduce((s, v) => s + v, 0n);
    giveUnits(
      amounts,
      exact.map((q, i) => minus(q, amounts[i]!)),
      free,
      left / unit,
      unit,
    );
    return amounts;
  }
  // fund-down: funds rounded down, the others share what is left in proportion to their exact shares
  const others = exact.map((_, i) => i).filter((i) => !kept[i] && !fund[i]);
  const left = total - amounts.reduce((s, v, i) => s + (others.includes(i) ? 0n : v), 0n);
  const weight = others.reduce<Q>((s, i) => ({ n: s.n * exact[i]!.d + exact[i]!.n * s.d, d: s.d * exact[i]!.d }), {
    n: 0n,
    d: 1n,
  });
  if (weight.n === 0n) {
    for (const i of others) amounts[i] = 0n;
    return amounts;
  }
  // part i = left × w_i / W
  const parts = others.map((i) => ({ n: left * exact[i]!.n * weight.d, d: exact[i]!.d * weight.n }));
  others.forEach((i, k) => (amounts[i] = floorQ(parts[k]!, unit)));
  const given = others.reduce((s, i) => s + amounts[i]!, 0n);
  giveUnits(
    amounts,
    exact.map((_, i) => {
      const k = others.indexOf(i);
      return k < 0 ? { n: 0n, d: 1n } : minus(parts[k]!, amounts[i]!);
    }),
    others,
    (left - given) / unit,
    unit,
  );
  return amounts;
}

/**
 * The partner's shares of the budget and of each period, in cents. `before` are the periods before the
 * last; the last is the budget less them. The rest source takes what the others leave.
 */
export function planModel(
  budget: bigint,
  before: readonly bigint[],
  sources: readonly ModelSource[],
  unit: bigint,
  method: ModelMethod,
  /** The partner's shares when given (the declared amounts of an approximate budget), else split from the budget. */
  given?: readonly bigint[],
): { whole: bigint[]; periods: bigint[][] } {
  const fund = sources.map((s) => s.fund);
  const split = (total: bigint, isWhole: boolean): bigint[] => {
    const exact: Q[] = sources.map((s) =>
      s.kind === 'rate'
        ? { n: total * s.hundredths, d: 10_000n }
        : s.kind === 'amount'
          ? isWhole
            ? { n: s.cents, d: 1n }
            : { n: total * s.cents, d: budget === 0n ? 1n : budget }
          : { n: 0n, d: 1n },
    );
    const rest = sources.findIndex((s) => s.kind === 'rest');
    if (rest >= 0) {
      const others = exact.reduce<Q>((s, q) => ({ n: s.n * q.d + q.n * s.d, d: s.d * q.d }), { n: 0n, d: 1n });
      exact[rest] = { n: total * others.d - others.n, d: others.d };
    }
    const kept = sources.map((s) => isWhole && s.kind === 'amount');
    const amounts = roundShares(total, exact, fund, kept, unit, method);
    if (rest >= 0) amounts[rest] = total - amounts.reduce((s, v, i) => s + (i === rest ? 0n : v), 0n);
    return amounts;
  };
  const whole = given ? [...given] : split(budget, true);
  const periods = before.map((p) => (p === 0n ? sources.map(() => 0n) : split(p, false)));
  const last = whole.map((w, i) => w - periods.reduce((s, p) => s + p[i]!, 0n));
  return { whole, periods: [...periods, last] };
}

/**
 * Which periods plan a category the budget does not have (README, "Reporting periods": an error
 * `periods-budget-mismatch`): for a partner without categories every period that plans any, else each
 * (period, category) outside the budget; categories planned at 0 are not counted.
 */
export function categoriesOutsideBudget(
  budget: readonly string[] | undefined,
  periods: readonly { period: number; costs: readonly { category: string; cents: bigint }[] | undefined }[],
): { period: number; category: string | undefined }[] {
  const out: { period: number; category: string | undefined }[] = [];
  for (const p of periods) {
    const planned = (p.costs ?? []).filter((c) => c.cents !== 0n);
    if (planned.length === 0) continue;
    if (budget === undefined) out.push({ period: p.period, category: undefined });
    else
      for (const c of planned) if (!budget.includes(c.category)) out.push({ period: p.period, category: c.category });
  }
  return out;
}

/**
 * A period's flat-rate category (README, `periods[].costs`): the budget's rate on the period's own base,
 * rounded down to the unit, whatever amount the period writes for it (a written amount that differs is an
 * error `periods-budget-mismatch`). `rate` in hundredths of a percent; cents throughout.
 */
export function periodFlatRate(baseCents: bigint, rate: bigint, unitCents: bigint): bigint {
  return ((baseCents * rate) / (10_000n * unitCents)) * unitCents;
}

/** A period before the last that is not a whole number of units: an error `budget-unit`, and no plan. */
export function periodOffUnit(cents: bigint, unitCents: bigint): boolean {
  return cents % unitCents !== 0n;
}

/**
 * The plan of an approximate budget whose declared amounts the check accepted (README, "Reporting periods"; trial 8
 * F2): on the budget as written when every declared amount is its share there; else, when every source declares an
 * amount and none takes the rest, on the declared amounts' sum with those amounts as the partner's shares (each
 * source's periods then add up to its declared amount); else no plan (`periods-unchecked`). `declared[i]` undefined
 * where source i declares none.
 */
export function approximatePlan(
  written: bigint,
  before: readonly bigint[],
  sources: readonly ModelSource[],
  declared: readonly (bigint | undefined)[],
  unit: bigint,
  method: ModelMethod,
): { budget: bigint; whole: bigint[]; periods: bigint[][] } | undefined {
  const nominal = planModel(written, before, sources, unit, method);
  if (declared.every((d, i) => d === undefined || d === nominal.whole[i])) return { budget: written, ...nominal };
  if (sources.some((s) => s.kind === 'rest')) return undefined;
  const amounts: bigint[] = [];
  for (const d of declared) {
    if (d === undefined) return undefined;
    amounts.push(d);
  }
  const total = amounts.reduce((a, b) => a + b, 0n);
  return { budget: total, ...planModel(total, before, sources, unit, method, amounts) };
}
