import { Decimal, HUNDRED, ZERO, sum } from './decimal.js';
import type { FileCheck, PartnerCheck } from './check.js';
import type { PlannedPeriod } from './periods.js';
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
  /** Every name partners give this id with this kind, in the order first met: `name` first. */
  names: string[];
  kind: SourceKind;
  /**
   * The name to show: its names (`Latvian state budget / Lithuanian state budget` when partners name one id two
   * ways, never the first name for both), and its kind when the id has another kind as well (`IPA (eu-fund)`).
   */
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
  /** Source id → the name this partner gives it (another partner may name the same id otherwise). */
  names: Map<string, string>;
  euAmount: Decimal;
  /** EU funds ÷ budget × 100, to 2 decimals. */
  euRate: Decimal;
  /** Budget ÷ project budgets × 100, to 2 decimals. */
  shareOfProject: Decimal;
  /** The budget per reporting period (`periods:`), when the file plans it. */
  periods?: PlannedPeriod[];
}

/** A whole project: every figure a sum of the partners' computed amounts, never total × rate. */
export interface ProjectSummary {
  currency: string;
  partners: PartnerSummary[];
  /** A partner plans its budget per reporting period (`periods:`): report's CSV then has a period column. */
  planned?: boolean;
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
/**
 * part ÷ whole × 100, half up at two decimals, by whole-number division: exact, and far cheaper than a 500-digit
 * quotient.
 */
const percent = (part: Decimal, whole: Decimal) => {
  if (whole.isZero()) return ZERO;
  const scaled = part.times(10_000);
  const quotient = scaled.divToInt(whole);
  const twice = scaled.minus(quotient.times(whole)).abs().times(2);
  return (twice.gte(whole.abs()) ? quotient.plus(part.isNegative() !== whole.isNegative() ? -1 : 1) : quotient).div(
    HUNDRED,
  );
};

/** A partner's amount of a project source: none when the partner has no source of that id and kind. */
export function partnerAmount(partner: PartnerSummary, source: SourceTotal): Decimal | undefined {
  return partner.kinds.get(source.id) === source.kind ? partner.amounts.get(source.id) : undefined;
}

/**
 * Sums a checked file's partners into project totals, reading the partners once (a large file's are made as they are
 * read). Pure.
 */
export function summarizeProject(check: FileCheck<List<PartnerCheck>>): ProjectSummary {
  return summarize(check, true).summary;
}

/**
 * The project totals of `summarizeProject` with no partner kept
 * (`summary.partners` is empty), and the partners' summaries made again,
 * in the same order, each time `partners` is read: `report --format json`
 * or `csv` of 100 000 partners never holds them. Pure.
 */
export function summarizeProjectStream(check: FileCheck<List<PartnerCheck>>): {
  summary: ProjectSummary;
  partners: List<PartnerSummary>;
} {
  const { summary, count } = summarize(check, false);
  const partners: List<PartnerSummary> = {
    length: count,
    *[Symbol.iterator]() {
      let index = 0;
      for (const p of check.partners) {
        const partner = partnerSummary(p, index++);
        partner.shareOfProject = percent(partner.budget, summary.budget);
        yield partner;
      }
    },
  };
  return { summary, partners };
}

/** One partner's figures for the report; its share of the project is set once the project's budget is known. */
function partnerSummary(p: PartnerCheck, index: number): PartnerSummary {
  const amounts = new Map<string, Decimal>();
  const kinds = new Map<string, SourceKind>();
  const names = new Map<string, string>();
  let euAmount = ZERO;
  for (const share of p.shares) {
    amounts.set(share.id, share.computed);
    kinds.set(share.id, share.kind);
    names.set(share.id, share.name);
    if (share.kind === 'eu-fund') euAmount = euAmount.plus(share.computed);
  }
  return {
    partner: p.partner ?? `partner ${index + 1}`,
    country: p.country,
    budget: p.budget.value,
    amounts,
    kinds,
    names,
    euAmount,
    euRate: percent(euAmount, p.budget.value),
    shareOfProject: ZERO,
    ...(p.periods ? { periods: p.periods } : {}),
  };
}

function summarize(check: FileCheck<List<PartnerCheck>>, keep: boolean): { summary: ProjectSummary; count: number } {
  // id → kind → total: one entry per id and kind, the kinds of one id side by side, in the order first met
  const sources = new Map<string, Map<SourceKind, SourceTotal>>();
  const categoryTotals = new Map<CostCategory, Decimal>();
  const byCountry = new Map<string, { country: string; budget: Decimal; euAmount: Decimal }>();
  const summaries: PartnerSummary[] = [];
  let budget = ZERO;
  let euAmount = ZERO;
  let currency: string | undefined;
  let scale = 0;
  let count = 0;
  let planned = false;
  for (const p of check.partners) {
    currency ??= p.currency;
    scale = Math.max(scale, p.unit.decimalPlaces());
    for (const share of p.shares) {
      let byKind = sources.get(share.id);
      if (!byKind) sources.set(share.id, (byKind = new Map<SourceKind, SourceTotal>()));
      const total = byKind.get(share.kind);
      if (total) {
        total.amount = total.amount.plus(share.computed);
        if (share.name !== total.name && !total.names.includes(share.name)) total.names.push(share.name);
      } else
        byKind.set(share.kind, {
          id: share.id,
          name: share.name,
          names: [share.name],
          kind: share.kind,
          label: share.name,
          amount: share.computed,
        });
    }
    for (const line of p.costs?.lines ?? [])
      categoryTotals.set(line.category, (categoryTotals.get(line.category) ?? ZERO).plus(line.amount));
    const summary = partnerSummary(p, count++);
    if (p.periods) planned = true;
    budget = budget.plus(summary.budget);
    euAmount = euAmount.plus(summary.euAmount);
    const country = summary.country ?? '—';
    let total = byCountry.get(country);
    if (!total) byCountry.set(country, (total = { country, budget: ZERO, euAmount: ZERO }));
    total.budget = total.budget.plus(summary.budget);
    total.euAmount = total.euAmount.plus(summary.euAmount);
    if (keep) summaries.push(summary);
  }
  for (const summary of summaries) summary.shareOfProject = percent(summary.budget, budget);
  const sourceList: SourceTotal[] = [];
  for (const byKind of sources.values()) {
    for (const total of byKind.values()) {
      total.label = total.names.join(' / ');
      if (byKind.size > 1) total.label = `${total.label} (${total.kind})`;
      sourceList.push(total);
    }
  }
  const kinds = KIND_ORDER.map((kind) => ({
    kind,
    amount: sum(sourceList.filter((s) => s.kind === kind).map((s) => s.amount)),
  })).filter((k) => sourceList.some((s) => s.kind === k.kind));
  // exact sums: a country's total is the same in any order of its partners
  const countries = [...byCountry.keys()].sort().map((country) => byCountry.get(country)!);
  const categories = (Object.keys(COST_CATEGORIES) as CostCategory[])
    .filter((category) => categoryTotals.has(category))
    .map((category) => ({ category, name: COST_CATEGORIES[category], amount: categoryTotals.get(category)! }));
  const summary = {
    currency: currency ?? 'EUR',
    partners: summaries,
    sources: sourceList,
    kinds,
    countries,
    categories,
    budget,
    euAmount,
    averageEuRate: percent(euAmount, budget),
    scale,
    ...(planned ? { planned } : {}),
  };
  return { summary, count };
}
