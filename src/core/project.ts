import { Decimal, HUNDRED, ZERO, sum } from './decimal.js';
import type { FileCheck, PartnerCheck } from './check.js';
import type { List } from './model.js';
import type { SourceKind } from './sources.js';
import { COST_CATEGORIES, type CostCategory } from './costs.js';

/**
 * One source of the project, totalled over the partners: an id of one kind.
 * An id that partners give different kinds (an error `source-conflict` in
 * `cofin check`) makes one total per kind, never one sum of both.
 */
export interface SourceTotal {
  id: string;
  /** The display name of the first partner that gives this id with this kind. */
  name: string;
  kind: SourceKind;
  /** The name to show: `name`, and its kind when the id has another kind as well (`IPA (eu-fund)`). */
  label: string;
  amount: Decimal;
}

export interface PartnerSummary {
  partner: string;
  country: string | undefined;
  budget: Decimal;
  /** Source id → computed amount. */
  amounts: Map<string, Decimal>;
  /** Source id → the kind this partner gives it. */
  kinds: Map<string, SourceKind>;
  euAmount: Decimal;
  /** EU funds ÷ budget × 100, to 2 decimals. */
  euRate: Decimal;
  /** Budget ÷ project budgets × 100, to 2 decimals. */
  shareOfProject: Decimal;
}

/** A whole project: every figure a sum of the partners' computed amounts, never total × rate. */
export interface ProjectSummary {
  currency: string;
  partners: PartnerSummary[];
  sources: SourceTotal[];
  kinds: { kind: SourceKind; amount: Decimal }[];
  countries: { country: string; budget: Decimal; euAmount: Decimal }[];
  categories: { category: CostCategory; name: string; amount: Decimal }[];
  budget: Decimal;
  euAmount: Decimal;
  averageEuRate: Decimal;
  /** The most decimals of any partner's rounding unit: amounts are shown with this many. */
  scale: number;
}

const KIND_ORDER: SourceKind[] = ['eu-fund', 'public', 'automatic-public', 'private'];
/** part ÷ whole × 100, half up at two decimals, by whole-number division: exact, and far cheaper than a 500-digit quotient. */
const percent = (part: Decimal, whole: Decimal) => {
  if (whole.isZero()) return ZERO;
  const scaled = part.times(10_000);
  const quotient = scaled.divToInt(whole);
  const twice = scaled.minus(quotient.times(whole)).abs().times(2);
  return (twice.gte(whole.abs()) ? quotient.plus(part.isNegative() !== whole.isNegative() ? -1 : 1) : quotient).div(HUNDRED);
};

/** A partner's amount of a project source: none when the partner has no source of that id and kind. */
export function partnerAmount(partner: PartnerSummary, source: SourceTotal): Decimal | undefined {
  return partner.kinds.get(source.id) === source.kind ? partner.amounts.get(source.id) : undefined;
}

/** Sums a checked file's partners into project totals, reading the partners once (a large file's are made as they are read). Pure. */
export function summarizeProject(check: FileCheck<List<PartnerCheck>>): ProjectSummary {
  // id → kind → total: one entry per id and kind, the kinds of one id side by side, in the order first met
  const sources = new Map<string, Map<SourceKind, SourceTotal>>();
  const categoryTotals = new Map<CostCategory, Decimal>();
  const summaries: PartnerSummary[] = [];
  let budget = ZERO;
  let currency: string | undefined;
  let scale = 0;
  for (const p of check.partners) {
    currency ??= p.currency;
    scale = Math.max(scale, p.unit.decimalPlaces());
    const amounts = new Map<string, Decimal>();
    const kinds = new Map<string, SourceKind>();
    let euAmount = ZERO;
    for (const share of p.shares) {
      amounts.set(share.id, share.computed);
      kinds.set(share.id, share.kind);
      let byKind = sources.get(share.id);
      if (!byKind) sources.set(share.id, (byKind = new Map<SourceKind, SourceTotal>()));
      const total = byKind.get(share.kind);
      if (total) total.amount = total.amount.plus(share.computed);
      else byKind.set(share.kind, { id: share.id, name: share.name, kind: share.kind, label: share.name, amount: share.computed });
      if (share.kind === 'eu-fund') euAmount = euAmount.plus(share.computed);
    }
    for (const line of p.costs?.lines ?? []) categoryTotals.set(line.category, (categoryTotals.get(line.category) ?? ZERO).plus(line.amount));
    budget = budget.plus(p.budget.value);
    summaries.push({
      partner: p.partner ?? `partner ${summaries.length + 1}`,
      country: p.country,
      budget: p.budget.value,
      amounts,
      kinds,
      euAmount,
      euRate: percent(euAmount, p.budget.value),
      shareOfProject: ZERO,
    });
  }
  for (const summary of summaries) summary.shareOfProject = percent(summary.budget, budget);
  const sourceList: SourceTotal[] = [];
  for (const byKind of sources.values()) {
    for (const total of byKind.values()) {
      if (byKind.size > 1) total.label = `${total.name} (${total.kind})`;
      sourceList.push(total);
    }
  }
  const kinds = KIND_ORDER.map((kind) => ({ kind, amount: sum(sourceList.filter((s) => s.kind === kind).map((s) => s.amount)) })).filter((k) => sourceList.some((s) => s.kind === k.kind));
  const countryNames = [...new Set(summaries.map((p) => p.country ?? '—'))].sort();
  const byCountry = new Map(countryNames.map((country) => [country, { country, budget: ZERO, euAmount: ZERO }]));
  for (const p of summaries) {
    const total = byCountry.get(p.country ?? '—')!;
    total.budget = total.budget.plus(p.budget);
    total.euAmount = total.euAmount.plus(p.euAmount);
  }
  const categories = (Object.keys(COST_CATEGORIES) as CostCategory[])
    .filter((category) => categoryTotals.has(category))
    .map((category) => ({ category, name: COST_CATEGORIES[category], amount: categoryTotals.get(category)! }));
  const euAmount = sum(summaries.map((p) => p.euAmount));
  return { currency: currency ?? 'EUR', partners: summaries, sources: sourceList, kinds, countries: [...byCountry.values()], categories, budget, euAmount, averageEuRate: percent(euAmount, budget), scale };
}
