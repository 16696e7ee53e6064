import { Decimal, ZERO, sum } from '../decimal.js';
import { percentOf } from './jems.js';
import type { ClaimsReport } from './types.js';

/** One line of the absorption table: a cost category, the total, a fund or the partner contribution. */
export interface AbsorptionLine {
  id: string;
  name: string;
  kind: 'category' | 'total' | 'fund' | 'contribution';
  budget: Decimal;
  /** Claimed in each period of `Absorption.periods`, in that order (a period claimed twice: both claims). */
  byPeriod: Decimal[];
  /** Claimed in all periods. */
  claimed: Decimal;
  /** claimed × 100 ÷ budget, half-up to 2 decimals; 100 when both are zero; undefined when only the budget is. */
  percentage: Decimal | undefined;
  /** budget − claimed; negative when overspent. */
  remaining: Decimal;
}

/** How much of a partner's budget its claims have used, per period and per line (`cofin report` on a claim file). */
export interface Absorption {
  /** The periods claimed, in order, each once. */
  periods: number[];
  lines: AbsorptionLine[];
  /** The plan's total per period of `periods` (undefined without a plan; a period not in the plan is 0). */
  planned: Decimal[] | undefined;
}

/**
 * The claims of a computed claim file summed per period and line: each
 * claim's categories, eligible total, funds and contribution, as cofin claim
 * computed them, so that the periods of a line add up to what it claimed.
 */
export function absorption(report: ClaimsReport): Absorption {
  const periods = [...new Set(report.claims.map((c) => c.period))].sort((a, b) => a - b);
  const column = new Map(periods.map((p, i) => [p, i]));
  const lines: AbsorptionLine[] = [];
  const make = (
    id: string,
    name: string,
    kind: AbsorptionLine['kind'],
    budget: Decimal,
    claimedIn: (claim: ClaimsReport['claims'][number]) => Decimal,
  ) => {
    const byPeriod = periods.map(() => ZERO);
    for (const claim of report.claims) {
      const i = column.get(claim.period)!;
      byPeriod[i] = byPeriod[i]!.plus(claimedIn(claim));
    }
    const claimed = sum(byPeriod);
    lines.push({
      id,
      name,
      kind,
      budget,
      byPeriod,
      claimed,
      percentage: percentOf(claimed, budget),
      remaining: budget.minus(claimed),
    });
  };
  const categories = [...report.budget.categories.map((c) => ({ id: c.category, name: c.name, budget: c.amount }))];
  // a category a claim spends in but the budget lacks (an error of the claim) is shown with a budget of 0
  for (const claim of report.claims) {
    for (const c of claim.categories)
      if (!categories.some((k) => k.id === c.category)) categories.push({ id: c.category, name: c.name, budget: ZERO });
  }
  for (const c of categories)
    make(
      c.id,
      c.name,
      'category',
      c.budget,
      (claim) => claim.categories.find((k) => k.category === c.id)?.amount ?? ZERO,
    );
  make('total', 'Total', 'total', report.budget.total, (claim) => claim.eligible);
  report.budget.funds.forEach((f, k) => make(f.id, f.name, 'fund', f.amount, (claim) => claim.funds[k]!.amount));
  make(
    'contribution',
    'Partner contribution',
    'contribution',
    report.budget.contribution,
    (claim) => claim.contribution,
  );
  const planned = report.periods
    ? periods.map((p) => report.periods!.find((q) => q.period === p)?.total ?? ZERO)
    : undefined;
  return { periods, lines, planned };
}
