import { formatAmount } from '../amount.js';
import { computeCosts, COST_CATEGORIES } from '../costs.js';
import { minorUnit } from '../currency.js';
import { allocate } from '../allocate/decimal.js';
import { Decimal, HUNDRED, ZERO, sum } from '../decimal.js';
import type { CostCategory, CostLine, FlatRate } from '../model.js';
import { coFinance, contributionParts, percentOf, withRemainder } from './jems.js';
import { convertItems } from './convert.js';
import { Findings } from './findings.js';
import { checkProgramme, checkProgrammeFlatRates } from '../programmes/check.js';
import { periodName } from '../periods.js';
import { fixedRate, fromEuro, nationalUnit } from '../currency/fixed.js';
import { multiplyByRate } from '../currency/convert.js';
import type { RateTable } from '../currency/monthly.js';
import type {
  BudgetResult,
  CategoryAmount,
  ClaimFile,
  ClaimFund,
  ClaimResult,
  ClaimsReport,
  ClaimSource,
  Cumulative,
  CumulativeLine,
  FundAmount,
  PeriodResult,
  PlanPeriod,
} from './types.js';

const isFund = (s: ClaimSource) => s.kind === 'eu-fund';

const sameFlat = (a: FlatRate, b: FlatRate) =>
  a.rate.value.eq(b.rate.value) &&
  (a.base === 'direct' || b.base === 'direct'
    ? a.base === b.base
    : [...new Set(a.base)].sort().join() === [...new Set(b.base)].sort().join());
const flatText = (f: FlatRate) => `${f.rate.text} of ${f.base === 'direct' ? 'direct' : f.base.join(', ')}`;

/**
 * The cost lines of a period or a claim: the budget's categories in its order,
 * each flat rate the budget's (recomputed on this base, as Jems does), each
 * other category its written amount or 0; categories the budget lacks after them.
 */
function linesOf(
  budget: readonly CostLine[],
  written: readonly CostLine[],
  what: string,
  findings: Findings,
  money: (v: Decimal) => string,
): CostLine[] {
  const byCategory = new Map(written.map((l) => [l.category, l]));
  const lines: CostLine[] = [];
  for (const line of budget) {
    const own = byCategory.get(line.category);
    if (line.flat) {
      if (own?.amount) {
        findings.add(
          'flat-rate-declared',
          'warning',
          `${what}: ${line.category} is a flat rate (${flatText(line.flat)}), ` +
            `but ${money(own.amount.value)} is written as real costs; the flat rate is ` +
            `computed instead`,
          `drop ${line.category} from ${what}: a flat rate is computed on the actual expenditure`,
          own.amount.at,
        );
      } else if (own?.flat && !sameFlat(own.flat, line.flat)) {
        findings.add(
          'flat-rate-declared',
          'warning',
          `${what}: ${line.category} is written as ${flatText(own.flat)}, but the ` +
            `budget's flat rate is ${flatText(line.flat)}; the budget's rate is used`,
          `write ${line.category}: ${flatText(line.flat)}, or drop it: the budget's flat ` +
            `rates apply to every period and claim`,
          own.flat.rate.at,
        );
      }
      lines.push(line);
    } else {
      if (own?.flat) {
        findings.add(
          'flat-rate-declared',
          'warning',
          `${what}: ${line.category} is written as a flat rate (${flatText(own.flat)}), ` +
            `but the budget has it as real costs; counted as 0`,
          `write the ${line.category} amount spent`,
          own.flat.rate.at,
        );
      }
      const at = own?.at ?? line.at;
      lines.push({
        category: line.category,
        flat: undefined,
        at,
        amount: own?.amount ?? { value: ZERO, text: '0', scale: 0, precision: undefined, currency: undefined, at },
      });
    }
  }
  for (const own of written) {
    if (budget.some((l) => l.category === own.category)) continue;
    findings.add(
      'category-not-in-budget',
      'error',
      `${what}: ${own.category} is not a category of the budget`,
      `the budget's categories are ${budget.map((l) => l.category).join(', ')}; move ` +
        `the amount to one of them, or add ${own.category} to costs`,
      own.at,
    );
    if (own.amount) lines.push(own);
  }
  return lines;
}

const amountsOf = (lines: ReturnType<typeof computeCosts>['lines']): CategoryAmount[] =>
  lines.map((l) => ({ category: l.category, name: l.name, amount: l.amount, flat: l.flat, base: l.base }));

/** The partner budget: categories, total, funds rounded down, the contribution and its sources. */
function budgetOf(file: ClaimFile, unit: Decimal, findings: Findings, money: (v: Decimal) => string): BudgetResult {
  const costs = computeCosts(file.costs, unit);
  for (const p of costs.problems) findings.add(p.code, p.severity, p.message, p.hint, p.at);
  if (file.budget && !file.budget.value.eq(costs.total)) {
    const difference = file.budget.value.minus(costs.total);
    findings.add(
      'budget-mismatch',
      'error',
      `the budget ${money(file.budget.value)} is not the sum of the ` +
        `categories, ${money(costs.total)} (difference ${money(difference)})`,
      'correct the budget or the categories; the categories are used',
      file.budget.at,
    );
  }
  const others = file.funding.filter((s) => !isFund(s));
  // the budget split by fund-down: funds rounded down, the rest shared by the other sources in proportion to their
  // rates
  const shares = file.funding.map((s) => ({ rate: s.rate?.value ?? ZERO, fund: isFund(s), rest: s.rest }));
  if (others.length === 0) shares.push({ rate: ZERO, fund: false, rest: true });
  const amounts = allocate(costs.total, shares, unit, 'fund-down');
  const fundAmounts: FundAmount[] = [];
  const sources: BudgetResult['sources'] = [];
  file.funding.forEach((s, i) => {
    if (isFund(s)) fundAmounts.push({ id: s.id, name: s.name, kind: s.kind, rate: s.rate!.value, amount: amounts[i]! });
    else sources.push({ id: s.id, name: s.name, kind: s.kind, rate: s.rate?.value, amount: amounts[i]! });
  });
  return {
    categories: amountsOf(costs.lines),
    total: costs.total,
    funds: fundAmounts,
    contribution: costs.total.minus(sum(fundAmounts.map((f) => f.amount))),
    sources,
  };
}

function fundsOf(total: Decimal, budget: BudgetResult, unit: Decimal): FundAmount[] {
  const { funds } = coFinance(total, budget.funds, unit);
  return budget.funds.map((f, i) => ({ ...f, amount: funds[i]! }));
}

/** The plan per period (Jems 1.2, 1.3): every period but the last as written, the last the remainder. */
function planOf(
  periods: readonly PlanPeriod[],
  file: ClaimFile,
  budget: BudgetResult,
  unit: Decimal,
  findings: Findings,
  money: (v: Decimal) => string,
): PeriodResult[] {
  // the last reporting period takes the remainder; Jems's closure period after it is split on its own, as the
  // preparation period before the first (docs/jems-rules.md 1.2, 1.3)
  let lastIndex = periods.length - 1;
  let last = periods[lastIndex];
  while (lastIndex > 0 && last?.phase) last = periods[--lastIndex];
  if (!last) return [];
  const results: PeriodResult[] = [];
  for (const period of periods.filter((_, i) => i !== lastIndex)) {
    const costs = computeCosts(linesOf(file.costs, period.lines, periodName(period), findings, money), unit);
    const categories = amountsOf(costs.lines);
    const funds = fundsOf(costs.total, budget, unit);
    results.push({
      period: period.period,
      ...(period.phase ? { phase: period.phase } : {}),
      remainder: false,
      categories,
      total: costs.total,
      funds,
      contribution: costs.total.minus(sum(funds.map((f) => f.amount))),
      percentage: budget.total.isZero() ? undefined : percentOf(costs.total, budget.total),
    });
  }
  if (last.lines.length > 0) {
    findings.add(
      'period-remainder',
      'note',
      `period ${last.period} is the last: what it writes is not used, it takes what ` +
        `the other periods leave of the budget (as Jems does)`,
      `write "- { period: ${last.period} }" alone`,
      last.at,
    );
  }
  // the last period: the budget less the other periods, per category, in total and per fund
  const written = [...results];
  const categories: CategoryAmount[] = budget.categories.map((c) => ({
    ...c,
    base: undefined,
    amount: withRemainder(
      c.amount,
      written.map((p) => p.categories.find((o) => o.category === c.category)?.amount ?? ZERO),
    ),
  }));
  // a category the budget does not have (category-not-in-budget) is in the last period too, 0 less the others,
  // so that its categories add up to its total as every period's do
  for (const p of written)
    for (const c of p.categories)
      if (!categories.some((o) => o.category === c.category))
        categories.push({
          ...c,
          base: undefined,
          amount: withRemainder(
            ZERO,
            written.map((w) => w.categories.find((o) => o.category === c.category)?.amount ?? ZERO),
          ),
        });
  const total = withRemainder(
    budget.total,
    written.map((p) => p.total),
  );
  const funds = budget.funds.map((f, i) => ({
    ...f,
    amount: withRemainder(
      f.amount,
      written.map((p) => p.funds[i]!.amount),
    ),
  }));
  // the percentages add up to 100: the last period's is what the others leave (with one period, its own)
  const percentage = budget.total.isZero()
    ? undefined
    : written.length > 0
      ? withRemainder(
          HUNDRED,
          written.map((p) => p.percentage!),
        )
      : percentOf(total, budget.total);
  // in the file's order: the last reporting period before the closure period
  results.splice(lastIndex, 0, {
    period: last.period,
    remainder: true,
    categories,
    total,
    funds,
    contribution: total.minus(sum(funds.map((f) => f.amount))),
    percentage,
  });
  // the periods written for all but the last may not exceed the budget
  const others = lastIndex === periods.length - 1 ? 'the periods before' : 'the periods but';
  const hint =
    'lower the amounts of the earlier periods: the last period takes what they ' +
    'leave of the budget, and cannot be negative';
  budget.categories.forEach((b, k) => {
    const left = categories[k]!.amount;
    if (left.isNeg())
      findings.add(
        'periods-over-budget',
        'error',
        `${others} period ${last.period} plan ${money(b.amount.minus(left))} ` +
          `of ${b.category}, more than its budget ${money(b.amount)}`,
        hint,
        periods[0]!.at,
      );
  });
  if (total.isNeg())
    findings.add(
      'periods-over-budget',
      'error',
      `${others} period ${last.period} ` +
        `plan ${money(budget.total.minus(total))} in total, more than the ` +
        `budget ${money(budget.total)}`,
      hint,
      periods[0]!.at,
    );
  // fund amounts a plan states per period: each as computed (the last period's the remainder of the fund's budget
  // share)
  periods.forEach((period, i) => {
    for (const d of period.declared) {
      const k = budget.funds.findIndex((f) => f.id === d.id);
      const fund = budget.funds[k]!;
      const computed = results[i]!.funds[k]!.amount;
      const legacy = d.amount.currency && d.amount.currency !== file.currency ? d.amount.currency : undefined;
      const expected = legacy ? fromEuro(computed, legacy) : computed;
      if (d.amount.value.eq(expected)) continue;
      const shown = (v: Decimal) =>
        legacy ? `${legacy} ${formatAmount(v, nationalUnit(legacy).decimalPlaces())}` : money(v);
      const rule = results[i]!.remainder
        ? `the last period: ${money(fund.amount)} less the other periods`
        : `${fund.rate.toFixed()}% of the period's ${money(results[i]!.total)}, rounded down`;
      findings.add(
        'period-fund-mismatch',
        'error',
        `${periodName(period)}: ${fund.name} declared ${shown(d.amount.value)}, ` +
          (`computed ${money(computed)}` +
            `${legacy ? ` (${shown(expected)} at the fixed rate ${fixedRate(legacy)!.text})` : ''}` +
            ` `) +
          `(${rule}; difference ${shown(d.amount.value.minus(expected))})`,
        `declare ${shown(expected)}, or check the period's amounts: each period but the ` +
          `last is its total × the rate rounded down to the cent, the last takes the ` +
          `remainder (Jems)`,
        d.amount.at,
      );
    }
  });
  return results;
}

function line(id: string, name: string, budget: Decimal, claimed: Decimal): CumulativeLine {
  return { id, name, budget, claimed, percentage: percentOf(claimed, budget), remaining: budget.minus(claimed) };
}

/** The fund's unrounded maximum in a currency the euro replaced, half-up to its unit. */
const fromEuroUnrounded = (amount: Decimal, currency: string) =>
  multiplyByRate(amount, fixedRate(currency)!.rate, nationalUnit(currency));

/**
 * Computes a claim file as Jems computes partner reports (docs/jems-rules.md):
 * the plan per period, each claim's flat rates on its actual expenditure, its
 * funds rounded down and the partner contribution the remainder, the
 * cumulative figures against the budget, and the findings. Pure.
 */
export function computeClaims(file: ClaimFile, options: { rates?: RateTable | undefined } = {}): ClaimsReport {
  const rates = options.rates ?? (file.rates?.kind === 'inline' ? file.rates.table : undefined);
  const unit = minorUnit(file.currency);
  const scale = unit.decimalPlaces();
  const money = (value: Decimal) => `${file.currency} ${formatAmount(value, scale)}`;
  const findings = new Findings();
  const budget = budgetOf(file, unit, findings, money);
  if (file.programme) {
    const funds = file.funding.filter(isFund).map((s) => ({ id: s.id, rate: s.rate!.value, at: s.rate!.at }));
    for (const f of checkProgramme(file.programme.profile, file.programme.category, funds, file.programme.at))
      findings.add(f.code, f.severity, f.message, f.hint, f.at);
    // the budget's flat rates (a claim's are the budget's, recomputed) against the programme's; a flat rate above
    // the programme's maximum is told once: the warning that it is above the usual ceiling gives way to the error
    const flat = checkProgrammeFlatRates(file.programme.profile, file.costs);
    const above = new Set(
      flat.filter((f) => f.code === 'programme-flat-rate-above-maximum').map((f) => `${f.at?.line}:${f.at?.column}`),
    );
    const kept = findings.list.filter((f) => f.code !== 'flat-rate-high' || !above.has(`${f.line}:${f.column}`));
    findings.list.splice(0, findings.list.length, ...kept);
    for (const f of flat) findings.add(f.code, f.severity, f.message, f.hint, f.at);
  }
  const periods =
    file.periods && file.periods.length > 0 ? planOf(file.periods, file, budget, unit, findings, money) : undefined;
  const flexibility = file.flexibility?.value;

  const claimed = new Map<CostCategory, Decimal>();
  const fundsClaimed = budget.funds.map(() => ZERO);
  let totalClaimed = ZERO;
  let contributionClaimed = ZERO;
  const seen = new Map<number, number>();
  let overBudget = false;
  const overFlexibility = new Set<CostCategory>();
  const sourceBudgets = budget.sources.map((s) => s.amount);
  // the contribution source written `rest`: it takes what the others leave of each claim's contribution
  const restSource = file.funding.filter((s) => !isFund(s)).findIndex((s) => s.rest);
  const claims: ClaimResult[] = [];

  file.claims.forEach((entry, i) => {
    const index = i + 1;
    const what = `claim ${index} (period ${entry.period})`;
    const first = seen.get(entry.period);
    if (first !== undefined) {
      findings.add(
        'period-claimed-twice',
        'error',
        `${what}: period ${entry.period} is claimed already, by claim ${first}`,
        'one partner report per reporting period: put the expenditure in one claim, or correct the period',
        entry.periodAt,
      );
    } else seen.set(entry.period, index);
    if (periods && !periods.some((p) => p.period === entry.period)) {
      findings.add(
        'claim-period-unknown',
        'error',
        `${what}: period ${entry.period} is not a period of the plan ` +
          `(${periods.map((p) => p.phase ?? p.period).join(', ')})`,
        'claim in one of the periods under periods:, or add the period to the plan',
        entry.periodAt,
      );
    }
    const converted = convertItems(entry, file.currency, rates, what, findings, money);
    const costs = computeCosts(linesOf(file.costs, converted.lines, what, findings, money), unit);
    const eligible = costs.total;
    const split = coFinance(eligible, budget.funds, unit);
    const funds: ClaimFund[] = budget.funds.map((f, k) => {
      const declared = entry.declared.find((d) => d.id === f.id)?.amount;
      const amount = split.funds[k]!;
      const legacy = declared?.currency && declared.currency !== file.currency ? declared.currency : undefined;
      const expected = legacy ? fromEuro(amount, legacy) : undefined;
      return {
        ...f,
        amount,
        maximum: eligible.times(f.rate).div(HUNDRED),
        declared,
        declaredCurrency: legacy,
        expected,
        difference: declared ? declared.value.minus(expected ?? amount) : undefined,
      };
    });
    for (const f of funds) {
      if (!f.declared) continue;
      if (f.declaredCurrency) {
        const cur = f.declaredCurrency;
        const national = (v: Decimal) => `${cur} ${formatAmount(v, nationalUnit(cur).decimalPlaces())}`;
        const rate = fixedRate(cur)!.text;
        // above the most the fund may pay, in lati: compared in the declared currency, as a round trip through euro
        // could gain a cent
        const most = fromEuroUnrounded(f.maximum, cur);
        if (f.declared.value.gt(most)) {
          findings.add(
            'fund-above-rate',
            'error',
            `${what}: ${f.name} declared ${national(f.declared.value)} is more ` +
              `than ${f.rate.toFixed()}% of the eligible ${money(eligible)} at the fixed ` +
              `rate ${rate} (${national(most)})`,
            `the fund pays at most rate × eligible, rounded down to the ` +
              `cent: ${money(f.amount)} is ${national(f.expected!)}`,
            f.declared.at,
          );
        } else if (!f.difference!.isZero()) {
          findings.add(
            'claimed-fund-mismatch',
            'error',
            `${what}: ${f.name} declared ${national(f.declared.value)}, ` +
              `computed ${money(f.amount)}, which is ${national(f.expected!)} at the fixed ` +
              `rate ${rate} (difference ${national(f.difference!)})`,
            `declare ${national(f.expected!)}: the euro amount × ${rate}, rounded to ` +
              `the ${cur} unit (Council Regulation (EC) No 1103/97, Article 5)`,
            f.declared.at,
          );
        }
        continue;
      }
      if (f.declared.value.gt(f.maximum)) {
        findings.add(
          'fund-above-rate',
          'error',
          `${what}: ${f.name} declared ${money(f.declared.value)} is more ` +
            `than ${f.rate.toFixed()}% of the eligible ${money(eligible)} ` +
            `(${money(f.amount)})`,
          `the fund pays at most rate × eligible, rounded down to the cent: declare ${formatAmount(f.amount, scale)}`,
          f.declared.at,
        );
      } else if (!f.difference!.isZero()) {
        findings.add(
          'claimed-fund-mismatch',
          'error',
          `${what}: ${f.name} declared ${money(f.declared.value)}, ` +
            `computed ${money(f.amount)} (${f.rate.toFixed()}% of ${money(eligible)}, ` +
            `rounded down; difference ${money(f.difference!)})`,
          `declare ${formatAmount(f.amount, scale)}, or check the expenditure`,
          f.declared.at,
        );
      }
    }
    const parts = contributionParts(eligible, sourceBudgets, budget.total, unit, split.contribution, restSource);
    const sources = budget.sources.map((s, k) => ({
      id: s.id,
      name: s.name,
      kind: s.kind,
      percentage: parts[k]?.percentage ?? ZERO,
      amount: parts[k]?.amount ?? ZERO,
    }));

    for (const c of costs.lines) claimed.set(c.category, (claimed.get(c.category) ?? ZERO).plus(c.amount));
    totalClaimed = totalClaimed.plus(eligible);
    funds.forEach((f, k) => (fundsClaimed[k] = fundsClaimed[k]!.plus(f.amount)));
    contributionClaimed = contributionClaimed.plus(split.contribution);

    const categories = budget.categories.map((c) =>
      line(c.category, c.name, c.amount, claimed.get(c.category) ?? ZERO),
    );
    for (const [category, amount] of claimed) {
      if (!budget.categories.some((c) => c.category === category))
        categories.push(line(category, COST_CATEGORIES[category], ZERO, amount));
    }
    const cumulative: Cumulative = {
      categories,
      total: line('total', 'Total', budget.total, totalClaimed),
      funds: budget.funds.map((f, k) => line(f.id, f.name, f.amount, fundsClaimed[k]!)),
      contribution: line('contribution', 'Partner contribution', budget.contribution, contributionClaimed),
      plan: undefined,
    };
    if (periods) {
      const planned = sum(periods.filter((p) => p.period <= entry.period).map((p) => p.total));
      cumulative.plan = {
        planned,
        difference: planned.minus(totalClaimed),
        percentage: planned.isZero() ? undefined : percentOf(totalClaimed, planned),
      };
    }
    if (!overBudget && totalClaimed.gt(budget.total)) {
      overBudget = true;
      findings.add(
        'claim-over-budget',
        'error',
        `${what}: claimed so far ${money(totalClaimed)}, more than the ` +
          `budget ${money(budget.total)} by ${money(totalClaimed.minus(budget.total))}`,
        'the claims may not pass the partner budget: lower this claim, or change the budget first',
        entry.at,
      );
    }
    if (flexibility !== undefined) {
      for (const c of categories) {
        const limit = c.budget.times(HUNDRED.plus(flexibility)).div(HUNDRED);
        const category = c.id as CostCategory;
        if (c.claimed.gt(limit) && !overFlexibility.has(category)) {
          overFlexibility.add(category);
          findings.add(
            'category-over-flexibility',
            'error',
            `${what}: ${c.id} claimed so far ${money(c.claimed)}, more than its ` +
              `budget ${money(c.budget)} + ${flexibility.toFixed()}% flexibility ` +
              `(${money(limit)})`,
            'move expenditure to another category, or change the budget; the flexibility is ' +
              "the programme's rule (flexibility:), Jems has no such check",
            entry.expenditure.find((l) => l.category === category)?.at ?? entry.at,
          );
        }
      }
    }
    claims.push({
      index,
      period: entry.period,
      submitted: entry.submitted?.month,
      conversions: converted.conversions,
      categories: amountsOf(costs.lines),
      eligible,
      funds,
      contribution: split.contribution,
      sources,
      cumulative,
    });
  });
  const list = findings.list;
  return {
    currency: file.currency,
    rates: rates?.name,
    programme: file.programme
      ? { id: file.programme.profile.id, name: file.programme.profile.name, category: file.programme.category }
      : undefined,
    partner: file.partner,
    unit,
    flexibility,
    budget,
    periods,
    claims,
    findings: list,
    verdict: list.some((f) => f.severity === 'error') ? 'fail' : 'pass',
  };
}
