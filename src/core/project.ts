import { Decimal, HUNDRED, ZERO, sum } from './decimal.js';
import type { FileCheck, PartnerCheck } from './check.js';
import type { SourceKind } from './sources.js';
import { COST_CATEGORIES, type CostCategory } from './costs.js';

export interface SourceTotal {
  id: string;
  name: string;
  kind: SourceKind;
  amount: Decimal;
}

export interface PartnerSummary {
  partner: string;
  country: string | undefined;
  budget: Decimal;
  /** Source id → computed amount. */
  amounts: Map<string, Decimal>;
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
}

const KIND_ORDER: SourceKind[] = ['eu-fund', 'public', 'automatic-public', 'private'];
const percent = (part: Decimal, whole: Decimal) => (whole.isZero() ? ZERO : part.div(whole).times(HUNDRED).toDecimalPlaces(2));

/** Sums a checked file's partners into project totals. Pure. */
export function summarizeProject(check: FileCheck): ProjectSummary {
  const partners = check.partners;
  const budget = sum(partners.map((p) => p.budget.value));
  const sources = new Map<string, SourceTotal>();
  const summaries = partners.map((p: PartnerCheck, index): PartnerSummary => {
    const amounts = new Map<string, Decimal>();
    for (const share of p.shares) {
      amounts.set(share.id, share.computed);
      const total = sources.get(share.id) ?? { id: share.id, name: share.name, kind: share.kind, amount: ZERO };
      sources.set(share.id, { ...total, amount: total.amount.plus(share.computed) });
    }
    const euAmount = sum(p.shares.filter((s) => s.kind === 'eu-fund').map((s) => s.computed));
    return {
      partner: p.partner ?? `partner ${index + 1}`,
      country: p.country,
      budget: p.budget.value,
      amounts,
      euAmount,
      euRate: percent(euAmount, p.budget.value),
      shareOfProject: percent(p.budget.value, budget),
    };
  });
  const sourceList = [...sources.values()];
  const kinds = KIND_ORDER.map((kind) => ({ kind, amount: sum(sourceList.filter((s) => s.kind === kind).map((s) => s.amount)) })).filter((k) => sourceList.some((s) => s.kind === k.kind));
  const countryNames = [...new Set(summaries.map((p) => p.country ?? '—'))].sort();
  const countries = countryNames.map((country) => {
    const of = summaries.filter((p) => (p.country ?? '—') === country);
    return { country, budget: sum(of.map((p) => p.budget)), euAmount: sum(of.map((p) => p.euAmount)) };
  });
  const categories = (Object.keys(COST_CATEGORIES) as CostCategory[])
    .map((category) => ({ category, name: COST_CATEGORIES[category], amount: sum(partners.flatMap((p) => p.costs?.lines.filter((l) => l.category === category).map((l) => l.amount) ?? [])) }))
    .filter((c) => partners.some((p) => p.costs?.lines.some((l) => l.category === c.category)));
  const euAmount = sum(summaries.map((p) => p.euAmount));
  return { currency: partners[0]?.currency ?? 'EUR', partners: summaries, sources: sourceList, kinds, countries, categories, budget, euAmount, averageEuRate: percent(euAmount, budget) };
}
