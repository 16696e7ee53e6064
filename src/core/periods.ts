import { allocateShares } from './allocate/index.js';
import { fromScaled, pow10, toScaled } from './scaled.js';
import type { RoundingMethod } from './allocate/types.js';
import { COST_CATEGORIES, computeCosts } from './costs.js';
import { Decimal, ZERO, sum } from './decimal.js';
import type { BudgetPeriod, CostCategory, CostLine, FigureField, FlatRate, Located, PeriodPhase } from './model.js';

export type { BudgetPeriod } from './model.js';
import type { SourceKind } from './sources.js';
import { said, type Money, type Said } from './check/said.js';
import { formatAmount } from './amount.js';
import { minorUnit } from './currency.js';
import { unitOfScale } from './unit.js';

/**
 * A partner's budget planned per reporting period, as Jems plans it
 * (docs/jems-rules.md 1.2 and 1.3): every period but the last is split on
 * its own, the last period takes the remainder of the partner's figures, so
 * that the periods add up to them exactly. Pure.
 */

/** A source of the partner: its rate (undefined for the rest), and its share of the whole budget as computed. */
export interface PlanSource {
  id: string;
  name: string;
  kind: SourceKind;
  rate: Decimal | undefined;
  rest: boolean;
  /** Given as an amount, not a rate: its share of a period is in proportion to the period's budget. */
  fixed?: boolean | undefined;
  /** The partner's computed share: the last period is it less the other periods. */
  share: Decimal;
}

export interface PeriodShare {
  id: string;
  name: string;
  kind: SourceKind;
  computed: Decimal;
  declared: FigureField | undefined;
  /** declared − computed. */
  difference: Decimal | undefined;
}

export interface PlannedPeriod {
  period: number;
  /** Jems's preparation or closure period (only lump sums, split on its own); undefined for a reporting period. */
  phase: PeriodPhase | undefined;
  /** The last period: the partner's figures less the other periods. */
  remainder: boolean;
  budget: Decimal;
  /** Per category, when the partner and every period before the last give categories. */
  categories: { category: CostCategory; name: string; amount: Decimal }[] | undefined;
  shares: PeriodShare[];
  at: Located;
}

export type PeriodProblemCode =
  'period-share-mismatch' | 'periods-budget-mismatch' | 'periods-over-budget' | 'budget-unit';

export interface PeriodProblem {
  code: PeriodProblemCode;
  message: string;
  hint: string;
  at: Located;
  /** Its words as data (core/check/said.ts), for a renderer to phrase in another language. */
  said: Said;
}

export interface PlanInput {
  budget: Decimal;
  /** The partner's categories, flat rates computed, and the lines as written; undefined without costs. */
  costs: { lines: readonly CostLine[]; amounts: ReadonlyMap<CostCategory, Decimal> } | undefined;
  sources: readonly PlanSource[];
  unit: Decimal;
  method: RoundingMethod;
  periods: readonly BudgetPeriod[];
  /** Formats an amount for a message: `EUR 5 950.00`. */
  money: (value: Decimal) => string;
  currency: string;
  /** The decimals amounts are written at. */
  decimals: number;
  /** Where the unit comes from, for the hint of a period off it: check's budget-unit words, or split's --unit. */
  unitFrom?: 'rounding' | 'amounts' | 'currency' | 'command-line' | undefined;
}

/** A period in a message: `period 2`, `the preparation period`. */
export function periodName(p: { period: number; phase?: PeriodPhase | undefined }): string {
  return p.phase ? `the ${p.phase} period` : `period ${p.period}`;
}

/** A period's total and categories before the last: its `budget`, or its categories with the partner's flat rates. */
function periodFigures(
  p: BudgetPeriod,
  input: PlanInput,
  problems: PeriodProblem[],
): { total: Decimal; categories: Map<CostCategory, Decimal> | undefined } {
  let categories: Map<CostCategory, Decimal> | undefined;
  let total: Decimal | undefined;
  if (p.costs) {
    // the partner's flat rates, always on the period's own base: an amount the period writes for one is a
    // figure of the document, held to the computed one, never used in its place
    const flats = (input.costs?.lines ?? []).filter((l) => l.flat);
    const isFlat = new Set(flats.map((l) => l.category));
    const result = computeCosts([...p.costs.filter((l) => !isFlat.has(l.category)), ...flats], input.unit);
    categories = new Map(result.lines.map((l) => [l.category, l.amount]));
    total = result.total;
    for (const l of p.costs) {
      const line = l.amount && isFlat.has(l.category) ? result.lines.find((r) => r.category === l.category) : undefined;
      if (line && l.amount && !l.amount.value.eq(line.amount)) flatWritten(p, l.amount, line, input, problems);
    }
  }
  if (p.budget) {
    if (total !== undefined && !total.eq(p.budget.value))
      problems.push({
        code: 'periods-budget-mismatch',
        message:
          `${periodName(p)}: budget ${input.money(p.budget.value)} is not the sum of its categories, ` +
          `${input.money(total)}`,
        hint: `write budget: ${total.toFixed()} or correct the categories`,
        at: p.budget.at,
        said: said('periods-budget-mismatch/categories', {
          period: p.period,
          phase: p.phase,
          budget: m(input, p.budget.value),
          categories: m(input, total),
        }),
      });
    total = p.budget.value;
  }
  return { total: total ?? ZERO, categories };
}

/** A period before the last whose budget is not a whole number of units: an error at its budget (step 14). */
function offTheUnit(p: BudgetPeriod, total: Decimal, input: PlanInput, problems: PeriodProblem[]): boolean {
  const { unit } = input;
  if (total.mod(unit).isZero()) return false;
  const line = p.costs?.find((l) => l.amount && !l.amount.value.mod(unit).isZero());
  const scale = p.budget?.scale ?? Math.max(0, ...(p.costs ?? []).map((l) => l.amount?.scale ?? 0));
  // the currency's minor unit where it divides the period's budget, else the budget's own last digit
  const minor = minorUnit(input.currency);
  const finer = total.mod(minor).isZero() ? minor : unitOfScale(total.decimalPlaces());
  const from = input.unitFrom ?? 'currency';
  const name = periodName(p);
  const what = p.budget ? `${name}'s budget` : `${name}'s costs`;
  const why = {
    rounding: '',
    amounts: `the unit ${unit.toFixed()} comes from the declared amounts: `,
    currency: `the unit is the minor unit of ${input.currency}: `,
    'command-line': '',
  }[from];
  problems.push({
    code: 'budget-unit',
    message:
      `${what} ${formatAmount(total, Math.max(scale, total.decimalPlaces()))} is not a whole number of units ` +
      `of ${unit.toFixed()}: its shares at that unit cannot add up to it`,
    hint:
      from === 'command-line'
        ? `write each --period in whole units of ${unit.toFixed()}, or a finer --unit ${finer.toFixed()}`
        : `${why}write ${what} in whole units of ${unit.toFixed()}, or rounding: { unit: ${finer.toFixed()} }`,
    at: p.budget?.at ?? line?.amount?.at ?? p.at,
    said: said('budget-unit/period', {
      period: p.period,
      phase: p.phase,
      budget: total,
      budgetScale: Math.max(scale, total.decimalPlaces()),
      unit,
      finer,
      unitFrom: from,
      currency: input.currency,
    }),
  });
  return true;
}

/** A period writes an amount for a flat-rate category other than the budget's rate gives on its base. */
function flatWritten(
  p: BudgetPeriod,
  written: FigureField,
  line: { category: CostCategory; amount: Decimal; flat: FlatRate | undefined; base: Decimal | undefined },
  input: PlanInput,
  problems: PeriodProblem[],
): void {
  const flat = line.flat!;
  const rate = `${flat.rate.text} of ${flat.base === 'direct' ? 'direct' : flat.base.join(', ')}`;
  const at = input.decimals;
  problems.push({
    code: 'periods-budget-mismatch',
    message:
      `${periodName(p)}: ${line.category} is ${rate} in the budget: ${line.amount.toFixed(at)} on the period's ` +
      `base ${line.base!.toFixed(at)}, not the ${input.money(written.value)} written`,
    hint:
      `write ${line.category}: ${line.amount.toFixed(at)} for ${periodName(p)}, or leave it out: ` +
      "the budget's flat rates are computed on each period's base",
    at: written.at,
    said: said('periods-budget-mismatch/flat-rate', {
      period: p.period,
      phase: p.phase,
      category: line.category,
      rate,
      base: m(input, line.base!),
      computed: m(input, line.amount),
      written: m(input, written.value),
    }),
  });
}

/**
 * A period's shares by the partner's rule at its unit: a rated source's exact share is the period × its
 * rate, a source given as an amount the period × its amount ÷ the budget (its rate, exactly), the rest what
 * the others leave. Every exact share is taken × the budget, so that the amount's is a whole number at the
 * scale and the rule rounds exact rationals.
 */
function periodShares(total: Decimal, input: PlanInput): Decimal[] {
  const { sources, unit, budget } = input;
  const rated = sources.filter((s) => !s.rest && !s.fixed);
  const rateScale = Math.max(0, ...rated.map((s) => s.rate!.decimalPlaces()));
  const scale = Math.max(
    unit.decimalPlaces(),
    total.decimalPlaces() + rateScale + 2,
    budget.decimalPlaces(),
    ...sources.map((s) => s.share.decimalPlaces()),
  );
  const P = toScaled(total, scale)!;
  const B = toScaled(budget, scale)!;
  const times = sources.some((s) => s.fixed) && B > 0n ? B : 1n;
  const whole = 100n * pow10(rateScale);
  let given = 0n;
  const exact = sources.map((s) => {
    if (s.rest) return 0n;
    const share = s.fixed
      ? B > 0n
        ? P * toScaled(s.share, scale)!
        : 0n
      : ((P * toScaled(s.rate!, rateScale)!) / whole) * times;
    given += share;
    return share;
  });
  const rest = sources.findIndex((s) => s.rest);
  if (rest >= 0) exact[rest] = P * times - given;
  const amounts = allocateShares(
    {
      budget: P * times,
      unit: toScaled(unit, scale)! * times,
      exact,
      fund: sources.map((s) => s.kind === 'eu-fund'),
      fixed: sources.map(() => false),
    },
    input.method,
    rest,
  );
  return amounts.map((a) => fromScaled(a / times, scale));
}

/** The plan of a partner's periods, and what disagrees with it. */
export function planPeriods(input: PlanInput): { periods: PlannedPeriod[] | undefined; problems: PeriodProblem[] } {
  const problems: PeriodProblem[] = [];
  const { periods, sources, unit } = input;
  const planned: PlannedPeriod[] = [];
  // the last reporting period takes the remainder; Jems's closure period after it is split on its own
  let lastIndex = periods.length - 1;
  while (lastIndex > 0 && periods[lastIndex]!.phase !== undefined) lastIndex--;
  const before = periods.filter((_, i) => i !== lastIndex);
  const figures = before.map((p) => periodFigures(p, input, problems));
  // a period off the unit cannot be split at it: its shares would not add up to it, so no plan is shown
  const offUnit = before.filter((p, i) => offTheUnit(p, figures[i]!.total, input, problems));
  if (offUnit.length > 0) return { periods: undefined, problems };
  // per category only when the partner and every period before the last give categories
  const byCategory = input.costs !== undefined && figures.every((f) => f.categories !== undefined);
  notInBudget(input, problems);
  // every period lists the same categories, the budget's first: a renderer's rows line up
  const order = byCategory
    ? categoryOrder(
        input.costs!.amounts,
        figures.map((f) => f.categories!),
      )
    : [];
  before.forEach((p, i) => {
    const { total, categories } = figures[i]!;
    const amounts = total.isZero() ? sources.map(() => ZERO) : periodShares(total, input);
    planned.push({
      period: p.period,
      phase: p.phase,
      remainder: false,
      budget: total,
      categories: byCategory ? categoryList(categories!, order) : undefined,
      shares: sources.map((s, j) => share(s, amounts[j]!, p)),
      at: p.at,
    });
  });
  const last = periods[lastIndex]!;
  const othersTotal = sum(planned.map((p) => p.budget));
  const rest = input.budget.minus(othersTotal);
  if (rest.isNegative())
    problems.push({
      code: 'periods-over-budget',
      message:
        `periods ${before.map((p) => p.phase ?? p.period).join(', ')} plan ${input.money(othersTotal)}, ` +
        `more than the budget ${input.money(input.budget)}`,
      hint: 'the periods before the last share the budget: lower their amounts',
      at: before.at(-1)?.budget?.at ?? before.at(-1)?.at ?? last.at,
      said: said('periods-over-budget/total', {
        periods: before.map((p) => p.period),
        planned: m(input, othersTotal),
        budget: m(input, input.budget),
      }),
    });
  let lastCategories: PlannedPeriod['categories'];
  if (byCategory) {
    const amounts = new Map<CostCategory, Decimal>();
    for (const category of order) {
      const amount = input.costs!.amounts.get(category);
      const others = sum(figures.map((f) => f.categories!.get(category) ?? ZERO));
      // a category the budget does not have (an error above) has a budget of 0: the last period is 0 less the others
      const left = (amount ?? ZERO).minus(others);
      amounts.set(category, left);
      if (amount !== undefined && left.isNegative() && !rest.isNegative())
        problems.push({
          code: 'periods-over-budget',
          message:
            `periods before the last plan ${input.money(others)} of ${COST_CATEGORIES[category].toLowerCase()}, ` +
            `more than its budget ${input.money(amount)}`,
          hint: `the last period takes the remainder: lower ${category} in the periods before it`,
          at: before.at(-1)!.at,
          said: said('periods-over-budget/category', { category, planned: m(input, others), budget: m(input, amount) }),
        });
    }
    lastCategories = categoryList(amounts, order);
  }
  if (last.budget || last.costs) {
    // what the last period writes must be what the others leave: then the periods add up to the budget
    const written = periodFigures(last, input, problems).total;
    if (!written.eq(rest))
      problems.push({
        code: 'periods-budget-mismatch',
        message:
          `the periods add up to ${input.money(othersTotal.plus(written))}, ` +
          `not the budget ${input.money(input.budget)}: ` +
          `period ${last.period} plans ${input.money(written)}, the remainder is ${input.money(rest)}`,
        hint:
          `the last period takes what the others leave: write budget: ${rest.toFixed()} for period ` +
          `${last.period}, or leave it out`,
        at: last.budget?.at ?? last.at,
        said: said('periods-budget-mismatch/last', {
          sum: m(input, othersTotal.plus(written)),
          budget: m(input, input.budget),
          period: last.period,
          written: m(input, written),
          rest: m(input, rest),
        }),
      });
  }
  const lastShares = sources.map((s, j) => s.share.minus(sum(planned.map((p) => p.shares[j]!.computed))));
  if (!rest.isNegative()) noNegativeRemainder(planned, lastShares, input);
  planned.splice(lastIndex, 0, {
    period: last.period,
    phase: undefined,
    remainder: true,
    budget: rest,
    categories: lastCategories,
    shares: sources.map((s, j) => share(s, lastShares[j] ?? ZERO, last)),
    at: last.at,
  });
  for (const p of planned) {
    const written = periods.find((w) => w.period === p.period)!;
    for (const d of written.declared) {
      const s = p.shares.find((x) => x.id === d.id)!;
      if (s.difference !== undefined && !s.difference.isZero())
        problems.push({
          code: 'period-share-mismatch',
          message:
            `${periodName(p)}: ${d.id} is declared as ${input.money(d.amount.value)}, but its ` +
            `share is ${input.money(s.computed)}` +
            (p.remainder ? ' (the last period: the partner share less the other periods)' : ''),
          hint: p.remainder
            ? `the last period takes the remainder of ${d.id}'s share; write ${s.computed.toFixed()}`
            : `the period's share by ${input.method} at ${unit.toFixed()}; write ${s.computed.toFixed()}`,
          at: d.amount.at,
          said: said('period-share-mismatch', {
            period: p.period,
            phase: p.phase,
            id: d.id,
            declared: m(input, d.amount.value),
            computed: m(input, s.computed),
            remainder: p.remainder,
          }),
        });
    }
  }
  return { periods: planned, problems };
}

/**
 * Each period split on its own can give a source more than its share over the periods before the last (a
 * fund winning every tie), and the last period's remainder would then be below zero, which no source pays.
 * Moves one unit at a time: in the period that gives the source most above its proportional share, from it
 * to the source most below its own there that the last period still has a unit of, and back in the last
 * period. Every period keeps its budget, every source its share; a plan without a negative share is kept.
 */
function noNegativeRemainder(before: PlannedPeriod[], last: Decimal[], input: PlanInput): void {
  const { unit, budget, sources } = input;
  const cell = (p: PlannedPeriod, j: number) => p.shares[j]?.computed ?? ZERO;
  // ahead of its proportional share: computed × budget − period × share (no division, exact)
  const ahead = (p: PlannedPeriod, j: number) =>
    cell(p, j)
      .times(budget)
      .minus(p.budget.times(sources[j]?.share ?? ZERO));
  const moved = (s: PeriodShare, by: Decimal): PeriodShare => ({
    ...s,
    computed: s.computed.plus(by),
    difference: s.declared?.value.minus(s.computed.plus(by)),
  });
  for (let i = last.findIndex((v) => v.isNegative()); i >= 0; i = last.findIndex((v) => v.isNegative())) {
    const from = before
      .filter((p) => cell(p, i).gte(unit))
      .reduce<PlannedPeriod | undefined>((a, p) => (a && ahead(a, i).gte(ahead(p, i)) ? a : p), undefined);
    const takers = last.flatMap((v, j) => (j !== i && v.gte(unit) ? [j] : []));
    const to = from && takers.reduce((a, j) => (ahead(from, a).lte(ahead(from, j)) ? a : j), takers[0] ?? -1);
    const give = from?.shares[i];
    const take = to === undefined ? undefined : from?.shares[to];
    // cannot happen while the remainder's budget is >= 0: a negative share leaves a positive one beside it
    if (!from || to === undefined || !give || !take) return;
    from.shares[i] = moved(give, unit.neg());
    from.shares[to] = moved(take, unit);
    last[i] = (last[i] ?? ZERO).plus(unit);
    last[to] = (last[to] ?? ZERO).minus(unit);
  }
}

const m = (input: PlanInput, value: Decimal): Money => ({
  value,
  currency: input.currency,
  decimals: input.decimals,
});

function share(s: PlanSource, computed: Decimal, p: BudgetPeriod): PeriodShare {
  const declared = p.declared.find((d) => d.id === s.id)?.amount;
  return {
    id: s.id,
    name: s.name,
    kind: s.kind,
    computed,
    declared,
    difference: declared ? declared.value.minus(computed) : undefined,
  };
}

/** The budget's categories in its order, then those only periods plan, in the order first planned. */
function categoryOrder(
  budget: ReadonlyMap<CostCategory, Decimal>,
  periods: readonly ReadonlyMap<CostCategory, Decimal>[],
): CostCategory[] {
  return [...new Set([...budget.keys(), ...periods.flatMap((p) => [...p.keys()])])];
}

function categoryList(amounts: ReadonlyMap<CostCategory, Decimal>, order: readonly CostCategory[]) {
  return order.map((category) => ({
    category,
    name: COST_CATEGORIES[category],
    amount: amounts.get(category) ?? ZERO,
  }));
}

/**
 * A period that plans a category the budget does not have, the last one too: an error, since its
 * amounts are then in no budget line (a partner without `costs:` has none at all).
 */
function notInBudget(input: PlanInput, problems: PeriodProblem[]): void {
  for (const p of input.periods) {
    if (!p.costs) continue;
    const written = p.costs.filter((l) => l.amount !== undefined && !l.amount.value.isZero());
    if (!input.costs) {
      if (written.length === 0) continue;
      const total = sum(written.map((l) => l.amount!.value));
      const categories = written.map((l) => l.category);
      problems.push({
        code: 'periods-budget-mismatch',
        message:
          `${periodName(p)} plans ${input.money(total)} by cost category (${categories.join(', ')}), ` +
          "but the partner's budget has no costs: no category is in the budget",
        hint: `give the partner's costs: by category, or plan ${periodName(p)} by budget: ${total.toFixed()}`,
        at: written[0]!.at,
        said: said('periods-budget-mismatch/no-costs', {
          period: p.period,
          phase: p.phase,
          amount: m(input, total),
          categories,
        }),
      });
      continue;
    }
    for (const l of written)
      if (!input.costs.amounts.has(l.category))
        problems.push({
          code: 'periods-budget-mismatch',
          message:
            `${periodName(p)} plans ${input.money(l.amount!.value)} of ` +
            `${COST_CATEGORIES[l.category].toLowerCase()}, which the budget does not have`,
          hint: `plan only the budget's categories: ${[...input.costs.amounts.keys()].join(', ')}`,
          at: l.at,
          said: said('periods-budget-mismatch/category', {
            period: p.period,
            phase: p.phase,
            category: l.category,
            amount: m(input, l.amount!.value),
            categories: [...input.costs.amounts.keys()],
          }),
        });
  }
}
