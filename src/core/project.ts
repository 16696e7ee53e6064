import { Decimal, ZERO, decimalOfText, sum, toFixedString } from './decimal.js';
import { abs, fromScaled, toScaled } from './scaled.js';
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
const NEGATIVE_ZERO = new Decimal('-0');

/**
 * part ÷ whole × 100, half away from zero at two decimals, in BigInt at the two figures' decimals: exact, and far
 * cheaper than decimal.js's division (a report of 100 000 partners makes 300 000). The sign of a zero is decimal.js's
 * (`part.times(10000).divToInt(whole).div(100)`, which a property test holds it to).
 */
export const percent = (part: Decimal, whole: Decimal): Decimal => {
  if (whole.isZero()) return ZERO;
  const places = Math.max(part.decimalPlaces(), whole.decimalPlaces());
  const scaledPart = toScaled(part, places)!;
  const scaledWhole = toScaled(whole, places)!;
  const scaled = scaledPart * 10_000n;
  const quotient = scaled / scaledWhole; // towards zero, as divToInt
  const rest = scaled - quotient * scaledWhole;
  const unlike = part.isNegative() !== whole.isNegative();
  if (abs(rest) * 2n >= abs(scaledWhole)) return fromScaled(quotient + (unlike ? -1n : 1n), 2);
  return quotient === 0n && unlike ? NEGATIVE_ZERO : fromScaled(quotient, 2);
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
  const sums = new ProjectSums();
  const summaries: PartnerSummary[] = [];
  for (const p of check.partners) summaries.push(partnerSummary(p, summaries.length, sums.add(p)));
  const summary = sums.summary(summaries);
  for (const partner of summaries) partner.shareOfProject = percent(partner.budget, summary.budget);
  return summary;
}

/**
 * The project totals of `summarizeProject` gathered as `check` reads the partners (give `add` as its `onCheck`),
 * with each partner noted in a few strings rather than kept: `finish` gives the totals (`summary.partners` empty)
 * and the partners' summaries, made again from their notes, in the same order, each time `partners` is read.
 * A report of 100 000 partners reads them once and never holds them. Pure.
 */
export class ProjectCollector {
  private readonly sums = new ProjectSums();
  private readonly notes = new PartnerNotes();

  readonly add = (p: PartnerCheck): void => {
    const euAmount = this.sums.add(p);
    this.notes.add(p, euAmount, percent(euAmount, p.budget.value));
  };

  finish(): { summary: ProjectSummary; partners: List<PartnerSummary> } {
    const summary = this.sums.summary([]);
    return { summary, partners: this.notes.list(summary.budget) };
  }
}

/** One source as a partner gives it: the same list is shared by every partner that gives the same sources. */
interface NotedSource {
  id: string;
  kind: SourceKind;
  name: string;
}

/**
 * What a report needs of each partner, a few strings each: its name and country, its sources (a list shared by
 * partners that give the same ones), and its figures as exact decimal text in one string.
 */
class PartnerNotes {
  private readonly partners: (string | undefined)[] = [];
  private readonly countries: (string | undefined)[] = [];
  private readonly layouts: number[] = [];
  private readonly figures: string[] = [];
  private readonly periods = new Map<number, PlannedPeriod[]>();
  private readonly sourceLists: NotedSource[][] = [];
  private readonly layoutOf = new Map<string, number>();

  add(p: PartnerCheck, euAmount: Decimal, euRate: Decimal): void {
    const index = this.partners.length;
    this.partners.push(p.partner);
    this.countries.push(p.country);
    this.layouts.push(this.layout(p));
    let text = `${exactText(p.budget.value)} ${exactText(euAmount)} ${exactText(euRate)}`;
    for (const share of p.shares) text += ` ${exactText(share.computed)}`;
    // a string built of pieces is a rope in V8, several times its text's weight; reading a character flattens it
    text.charCodeAt(0);
    this.figures.push(text);
    if (p.periods) this.periods.set(index, p.periods);
  }

  /** The partner's sources' list: the last partner's when it gives the same sources, as most partners do. */
  private layout(p: PartnerCheck): number {
    const last = this.layouts.length === 0 ? -1 : this.layouts[this.layouts.length - 1]!;
    if (last >= 0 && sameSources(this.sourceLists[last]!, p)) return last;
    const key = p.shares.map((s) => `${s.id}\u0000${s.kind}\u0000${s.name}`).join('\u0001');
    let found = this.layoutOf.get(key);
    if (found === undefined) {
      found = this.sourceLists.length;
      this.sourceLists.push(p.shares.map((s) => ({ id: s.id, kind: s.kind, name: s.name })));
      this.layoutOf.set(key, found);
    }
    return found;
  }

  list(projectBudget: Decimal): List<PartnerSummary> {
    const length = this.partners.length;
    const summary = (index: number) => this.summary(index, projectBudget);
    return {
      length,
      *[Symbol.iterator]() {
        for (let index = 0; index < length; index++) yield summary(index);
      },
    };
  }

  private summary(index: number, projectBudget: Decimal): PartnerSummary {
    const figures = this.figures[index]!.split(' ');
    const sources = this.sourceLists[this.layouts[index]!]!;
    const amounts = new Map<string, Decimal>();
    const kinds = new Map<string, SourceKind>();
    const names = new Map<string, string>();
    sources.forEach((s, i) => {
      amounts.set(s.id, decimalOfText(figures[3 + i]!));
      kinds.set(s.id, s.kind);
      names.set(s.id, s.name);
    });
    const budget = decimalOfText(figures[0]!);
    const periods = this.periods.get(index);
    return {
      partner: this.partners[index] ?? `partner ${index + 1}`,
      country: this.countries[index],
      budget,
      amounts,
      kinds,
      names,
      euAmount: decimalOfText(figures[1]!),
      euRate: decimalOfText(figures[2]!),
      shareOfProject: percent(budget, projectBudget),
      ...(periods ? { periods } : {}),
    };
  }
}

const sameSources = (sources: readonly NotedSource[], p: PartnerCheck) =>
  sources.length === p.shares.length &&
  sources.every((s, i) => {
    const share = p.shares[i]!;
    return s.id === share.id && s.kind === share.kind && s.name === share.name;
  });

/** A Decimal's exact value as text that `decimalOfText` reads back, the sign of a negative zero kept. */
const exactText = (value: Decimal) => (value.isNegative() ? `-${toFixedString(value.abs())}` : toFixedString(value));

/** One partner's figures for the report; its share of the project is set once the project's budget is known. */
function partnerSummary(p: PartnerCheck, index: number, euAmount: Decimal): PartnerSummary {
  const amounts = new Map<string, Decimal>();
  const kinds = new Map<string, SourceKind>();
  const names = new Map<string, string>();
  for (const share of p.shares) {
    amounts.set(share.id, share.computed);
    kinds.set(share.id, share.kind);
    names.set(share.id, share.name);
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

/** The project's totals, gathered a partner at a time. */
class ProjectSums {
  // id → kind → total: one entry per id and kind, the kinds of one id side by side, in the order first met
  private readonly sources = new Map<string, Map<SourceKind, SourceTotal>>();
  private readonly categoryTotals = new Map<CostCategory, Decimal>();
  private readonly byCountry = new Map<string, { country: string; budget: Decimal; euAmount: Decimal }>();
  private budget = ZERO;
  private euAmount = ZERO;
  private currency: string | undefined;
  private scale = 0;
  private planned = false;

  /** Adds a partner's figures to the totals; gives the partner's EU funds. */
  add(p: PartnerCheck): Decimal {
    this.currency ??= p.currency;
    this.scale = Math.max(this.scale, p.unit.decimalPlaces());
    let euAmount = ZERO;
    for (const share of p.shares) {
      if (share.kind === 'eu-fund') euAmount = euAmount.plus(share.computed);
      let byKind = this.sources.get(share.id);
      if (!byKind) this.sources.set(share.id, (byKind = new Map<SourceKind, SourceTotal>()));
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
      this.categoryTotals.set(line.category, (this.categoryTotals.get(line.category) ?? ZERO).plus(line.amount));
    if (p.periods) this.planned = true;
    const budget = p.budget.value;
    this.budget = this.budget.plus(budget);
    this.euAmount = this.euAmount.plus(euAmount);
    const country = p.country ?? '—';
    let total = this.byCountry.get(country);
    if (!total) this.byCountry.set(country, (total = { country, budget: ZERO, euAmount: ZERO }));
    total.budget = total.budget.plus(budget);
    total.euAmount = total.euAmount.plus(euAmount);
    return euAmount;
  }

  summary(partners: PartnerSummary[]): ProjectSummary {
    const sourceList: SourceTotal[] = [];
    for (const byKind of this.sources.values()) {
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
    const countries = [...this.byCountry.keys()].sort().map((country) => this.byCountry.get(country)!);
    const categories = (Object.keys(COST_CATEGORIES) as CostCategory[])
      .filter((category) => this.categoryTotals.has(category))
      .map((category) => ({ category, name: COST_CATEGORIES[category], amount: this.categoryTotals.get(category)! }));
    return {
      currency: this.currency ?? 'EUR',
      partners,
      sources: sourceList,
      kinds,
      countries,
      categories,
      budget: this.budget,
      euAmount: this.euAmount,
      averageEuRate: percent(this.euAmount, this.budget),
      scale: this.scale,
      ...(this.planned ? { planned: this.planned } : {}),
    };
  }
}
