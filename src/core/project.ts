import { Decimal, ZERO, decimalOfText, sum, toFixedString } from './decimal.js';
import { abs, fromScaled, placesOfText, pow10, scaledOfText, textOfScaled, toScaled } from './scaled.js';
import type { FileCheck, PartnerCheck, PartnerShares } from './check.js';
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
  const scaledPart = toScaled(part, places);
  const scaledWhole = toScaled(whole, places);
  // never: each has at most `places` decimals
  if (scaledPart === undefined || scaledWhole === undefined) throw new RangeError('percent: a figure off its scale');
  const scaled = scaledPart * 10_000n;
  const quotient = scaled / scaledWhole; // towards zero, as divToInt
  const rest = scaled - quotient * scaledWhole;
  const unlike = part.isNegative() !== whole.isNegative();
  if (abs(rest) * 2n >= abs(scaledWhole)) return fromScaled(quotient + (unlike ? -1n : 1n), 2);
  return quotient === 0n && unlike ? NEGATIVE_ZERO : fromScaled(quotient, 2);
};

/**
 * `exactText(percent(decimalOfText(part), decimalOfText(whole)))` of two figures' exact text, without a Decimal (a
 * property test holds the two alike).
 */
export function percentOfText(part: string, whole: string): string {
  const places = Math.max(placesOfText(part), placesOfText(whole));
  const scaledPart = scaledOfText(part, places);
  const scaledWhole = scaledOfText(whole, places);
  // never: each has at most `places` decimals
  if (scaledPart === undefined || scaledWhole === undefined) throw new RangeError('percent: a figure off its scale');
  return percentOfScaled(scaledPart, scaledWhole, (part.charCodeAt(0) === 45) !== (whole.charCodeAt(0) === 45));
}

/**
 * `percentOfText` of two figures at one scale, `unlike` when their signs (a negative zero's too) differ: the quotient
 * is the same at any scale both are whole numbers at.
 */
function percentOfScaled(part: bigint, whole: bigint, unlike: boolean): string {
  if (whole === 0n) return '0';
  const scaled = part * 10_000n;
  const quotient = scaled / whole;
  const rest = scaled - quotient * whole;
  if (abs(rest) * 2n >= abs(whole)) return textOfScaled(quotient + (unlike ? -1n : 1n), 2);
  return quotient === 0n && unlike ? '-0' : textOfScaled(quotient, 2);
}

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
 * The project totals of `summarizeProject` gathered as `check` reads the partners (give `add` as its `onShares`),
 * in BigInt from the check's own fixed point, with each partner noted in a few strings rather than kept: `finish`
 * gives the totals (`summary.partners` empty) and the partners' summaries, made again from their notes, in the same
 * order, each time `partners` is read. A report of 100 000 partners reads them once and never holds them. Pure.
 */
export class ProjectCollector {
  private readonly sums = new ScaledSums();
  private readonly notes = new PartnerNotes();
  private count = 0;
  private places = 0;

  /**
   * `again`: the same partners' shares, read again from the file each time they are iterated (a file read from disk
   * in pieces): then no partner is noted, and the report's partners are made from a new reading each time they are
   * read, at the cost of checking each partner again (a million partners' notes are 67 MB).
   */
  constructor(private readonly again?: Iterable<PartnerShares>) {}

  readonly add = (p: PartnerShares): void => {
    const layout = this.notes.layout(p);
    const euAmount = this.sums.add(p, layout);
    if (!this.again) return this.notes.add(p, layout, euAmount);
    this.count++;
    // only a figure finer than the finest yet (not a whole number of its units) can have more decimals than it
    if (p.scale > this.places && finerThan(p, this.places)) this.places = Math.max(this.places, placesOfShares(p));
  };

  finish(): { summary: ProjectSummary; partners: NotedList } {
    const summary = this.sums.summary();
    const again = this.again;
    if (!again) return { summary, partners: this.notes.list(summary.budget) };
    const whole = exactText(summary.budget);
    const notes = this.notes;
    const noted = function* (share: boolean): Generator<NotedPartner> {
      let index = 0;
      for (const p of again) yield notedOfShares(p, index++, notes.sourcesOf(p), share ? whole : undefined);
    };
    return {
      summary,
      partners: {
        length: this.count,
        places: this.places,
        *[Symbol.iterator]() {
          for (const p of noted(true)) yield summaryOfNoted(p, summary.budget);
        },
        noted: (share = true) => noted(share),
      },
    };
  }
}

/** Whether a partner's budget or a computed share has more than `places` decimals. */
function finerThan(p: PartnerShares, places: number): boolean {
  const unit = pow10(p.scale - places);
  return p.budgetScaled % unit !== 0n || p.computed.some((amount) => amount % unit !== 0n);
}

/** The most decimals of a partner's noted figures (its budget's and computed shares' exact text). */
function placesOfShares(p: PartnerShares): number {
  let places = placesOfText(textOfScaled(p.budgetScaled, p.scale));
  for (const amount of p.computed) places = Math.max(places, placesOfText(textOfScaled(amount, p.scale)));
  return places;
}

/**
 * A partner's notes made from its shares, as `PartnerNotes` notes and reads them back (the same text, figure for
 * figure); `projectBudget` the project budget's exact text, for its share of the project.
 */
function notedOfShares(
  p: PartnerShares,
  index: number,
  sources: readonly NotedSource[],
  projectBudget: string | undefined,
): NotedPartner {
  const { scale, budgetScaled, computed, negativeZero } = p;
  const budget = budgetScaled === 0n && p.budget.value.isNegative() ? '-0' : textOfScaled(budgetScaled, scale);
  let euAmount = 0n;
  const amounts: string[] = [];
  for (let i = 0; i < computed.length; i++) {
    const amount = computed[i] ?? 0n;
    if (p.sources[i]?.kind === 'eu-fund') euAmount += amount;
    amounts.push(negativeZero?.includes(i) ? '-0' : textOfScaled(amount, scale));
  }
  const noted: NotedPartner = {
    partner: p.partner ?? `partner ${index + 1}`,
    country: p.country,
    budget,
    euAmount: textOfScaled(euAmount, scale),
    euRate: percentOfScaled(euAmount, budgetScaled, euAmount < 0n !== budgetScaled < 0n),
    shareOfProject: projectBudget === undefined ? '' : percentOfText(budget, projectBudget),
    sources,
    amounts,
  };
  if (p.periods) noted.periods = p.periods;
  return noted;
}

/** `PartnerNotes`' summary of a partner, from its notes. */
function summaryOfNoted(p: NotedPartner, projectBudget: Decimal): PartnerSummary {
  const amounts = new Map<string, Decimal>();
  const kinds = new Map<string, SourceKind>();
  const names = new Map<string, string>();
  p.sources.forEach((s, i) => {
    amounts.set(s.id, decimalOfText(p.amounts[i] ?? '0'));
    kinds.set(s.id, s.kind);
    names.set(s.id, s.name);
  });
  const budget = decimalOfText(p.budget);
  return {
    partner: p.partner,
    country: p.country,
    budget,
    amounts,
    kinds,
    names,
    euAmount: decimalOfText(p.euAmount),
    euRate: decimalOfText(p.euRate),
    shareOfProject: percent(budget, projectBudget),
    ...(p.periods ? { periods: p.periods } : {}),
  };
}

/** One source as a partner gives it: the same list is shared by every partner that gives the same sources. */
export interface NotedSource {
  id: string;
  kind: SourceKind;
  name: string;
}

/**
 * A partner as the notes keep it, its figures as exact decimal text (`toFixedString`'s, a negative zero `-0`): what
 * `PartnerSummary` holds as Decimals, for a report that formats them without making a Decimal.
 */
export interface NotedPartner {
  partner: string;
  country: string | undefined;
  budget: string;
  euAmount: string;
  euRate: string;
  shareOfProject: string;
  /** The partner's sources, the same list for every partner that gives the same ones. */
  sources: readonly NotedSource[];
  /** Each source's computed amount, in the order of `sources`. */
  amounts: readonly string[];
  periods?: PlannedPeriod[];
}

/** The partners of a collected report: as summaries (with Decimals), or as their notes (`noted`). */
export interface NotedList extends List<PartnerSummary> {
  /** The same partners, in the same order, as their notes' text; without `share`, `shareOfProject` is left empty. */
  noted(share?: boolean): Iterable<NotedPartner>;
  /** The most decimals of any partner's budget or computed amount. */
  readonly places: number;
}

/**
 * What a report needs of each partner, as text: its sources (a list shared by partners that give the same ones), its
 * figures as exact decimals, its name and country, a partner a line, a hundred lines a string. A million partners
 * weigh about their text (75 MB) rather than the arrays and strings of each (twice that).
 */
class PartnerNotes {
  private readonly chunks: string[] = [];
  private pending: string[] = [];
  private count = 0;
  /** Names and countries that are not plain text for a line (empty, or holding a separator), by partner. */
  private readonly odd = new Map<number, { partner: string | undefined; country: string | undefined }>();
  private readonly periods = new Map<number, PlannedPeriod[]>();
  private readonly sourceLists: NotedSource[][] = [];
  private readonly layoutOf = new Map<string, number>();
  private last = -1;
  private places = 0;

  /** Notes a partner whose sources are the list `layout` (see `layout`), its EU funds `euAmount` at its scale. */
  add(p: PartnerShares, layout: number, euAmount: bigint): void {
    const index = this.count++;
    const { scale, budgetScaled } = p;
    const value = p.budget.value;
    // a budget written -0 is noted -0, as its Decimal's text
    const budget = budgetScaled === 0n && value.isNegative() ? '-0' : textOfScaled(budgetScaled, scale);
    const negative = budgetScaled < 0n;
    const euRate = percentOfScaled(euAmount, budgetScaled, euAmount < 0n !== negative);
    let places = placesOfText(budget);
    let line = `${layout} ${budget} ${textOfScaled(euAmount, scale)} ${euRate}`;
    const { computed, negativeZero } = p;
    for (let i = 0; i < computed.length; i++) {
      const amount = negativeZero?.includes(i) ? '-0' : textOfScaled(computed[i] ?? 0n, scale);
      const decimals = placesOfText(amount);
      if (decimals > places) places = decimals;
      line += ` ${amount}`;
    }
    if (places > this.places) this.places = places;
    // an absent name or country is written empty: a file's own are never empty
    if (lineText(p.partner) && lineText(p.country)) line += `${FIELD}${p.partner ?? ''}${FIELD}${p.country ?? ''}`;
    else this.odd.set(index, { partner: p.partner, country: p.country });
    if (p.periods) this.periods.set(index, p.periods);
    // flat at once: a rope kept until its chunk is joined outlives the young generation, and old garbage builds up
    line.charCodeAt(0);
    this.pending.push(line);
    if (this.pending.length === CHUNK) this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const chunk = this.pending.join(LINE);
    // a joined string is a rope in V8, several times its text's weight, until a character is read
    chunk.charCodeAt(0);
    this.chunks.push(chunk);
    this.pending = [];
  }

  /** The partner's sources' list (the same list for every partner that gives the same sources). */
  sourcesOf(p: PartnerShares): readonly NotedSource[] {
    return this.sourceLists[this.layout(p)] ?? [];
  }

  /** The partner's sources' list, by its number: the last partner's when it gives the same sources, as most do. */
  layout(p: PartnerShares): number {
    const last = this.sourceLists[this.last];
    if (last && sameSources(last, p.sources)) return this.last;
    const key = p.sources.map((s) => `${s.id}\u0000${s.kind}\u0000${s.name}`).join('\u0001');
    let found = this.layoutOf.get(key);
    if (found === undefined) {
      found = this.sourceLists.length;
      this.sourceLists.push(p.sources.map((s) => ({ id: s.id, kind: s.kind, name: s.name })));
      this.layoutOf.set(key, found);
    }
    return (this.last = found);
  }

  list(projectBudget: Decimal): NotedList {
    this.flush();
    const chunks = this.chunks;
    const summary = (line: string, index: number) => this.summary(line, index, projectBudget);
    const whole = exactText(projectBudget);
    const noted = (line: string, index: number, share: boolean) => this.noted(line, index, share ? whole : undefined);
    return {
      length: this.count,
      places: this.places,
      *[Symbol.iterator]() {
        let index = 0;
        for (const chunk of chunks) for (const line of chunk.split(LINE)) yield summary(line, index++);
      },
      *noted(share = true) {
        let index = 0;
        for (const chunk of chunks) for (const line of chunk.split(LINE)) yield noted(line, index++, share);
      },
    };
  }

  private noted(line: string, index: number, projectBudget: string | undefined): NotedPartner {
    const fields = line.split(FIELD);
    const figures = (fields[0] ?? '').split(' ');
    const budget = figures[1] ?? '0';
    const periods = this.periods.get(index);
    const odd = this.odd.get(index);
    const partner = odd ? odd.partner : fields[1] || undefined;
    const noted: NotedPartner = {
      partner: partner ?? `partner ${index + 1}`,
      country: odd ? odd.country : fields[2] || undefined,
      budget,
      euAmount: figures[2] ?? '0',
      euRate: figures[3] ?? '0',
      shareOfProject: projectBudget === undefined ? '' : percentOfText(budget, projectBudget),
      sources: this.sourceLists[Number(figures[0])] ?? [],
      amounts: figures.slice(4),
    };
    // written out: a spread makes a new object the slow way, a partner at a time
    if (periods) noted.periods = periods;
    return noted;
  }

  private summary(line: string, index: number, projectBudget: Decimal): PartnerSummary {
    const fields = line.split(FIELD);
    const figures = (fields[0] ?? '').split(' ');
    const sources = this.sourceLists[Number(figures[0])] ?? [];
    const figure = (i: number) => decimalOfText(figures[i] ?? '0');
    const amounts = new Map<string, Decimal>();
    const kinds = new Map<string, SourceKind>();
    const names = new Map<string, string>();
    sources.forEach((s, i) => {
      amounts.set(s.id, figure(4 + i));
      kinds.set(s.id, s.kind);
      names.set(s.id, s.name);
    });
    const budget = figure(1);
    const periods = this.periods.get(index);
    const odd = this.odd.get(index);
    const partner = odd ? odd.partner : fields[1] || undefined;
    return {
      partner: partner ?? `partner ${index + 1}`,
      country: odd ? odd.country : fields[2] || undefined,
      budget,
      amounts,
      kinds,
      names,
      euAmount: figure(2),
      euRate: figure(3),
      shareOfProject: percent(budget, projectBudget),
      ...(periods ? { periods } : {}),
    };
  }
}

/** Partners a string of notes. */
const CHUNK = 100;
const LINE = '\u0001';
const FIELD = '\u0000';
/** Whether a name or country can be written in a line of notes: absent, or not empty and without a separator. */
const lineText = (text: string | undefined) =>
  text === undefined || (text !== '' && !text.includes(LINE) && !text.includes(FIELD));

const sameSources = (sources: readonly NotedSource[], given: readonly NotedSource[]) =>
  sources.length === given.length &&
  sources.every((s, i) => {
    const share = given[i];
    return share !== undefined && s.id === share.id && s.kind === share.kind && s.name === share.name;
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
    const { sourceList, kinds } = labelledSources([...this.sources.values()].map((byKind) => [...byKind.values()]));
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

/**
 * Each source's label (its names; with its kind where one id is paid as two kinds) and the totals per kind, for
 * both collectors. `groups`: the totals of one id, one per kind.
 */
function labelledSources(groups: readonly SourceTotal[][]): {
  sourceList: SourceTotal[];
  kinds: ProjectSummary['kinds'];
} {
  const sourceList: SourceTotal[] = [];
  for (const byKind of groups) {
    for (const total of byKind) {
      total.label = total.names.join(' / ');
      if (byKind.length > 1) total.label = `${total.label} (${total.kind})`;
      sourceList.push(total);
    }
  }
  const kinds = KIND_ORDER.map((kind) => ({
    kind,
    amount: sum(sourceList.filter((s) => s.kind === kind).map((s) => s.amount)),
  })).filter((k) => sourceList.some((s) => s.kind === k.kind));
  return { sourceList, kinds };
}

/**
 * A sum of fixed-point figures of any scales, exact, with decimal.js's sign of zero: a sum that starts at zero is
 * never a negative zero; one that starts at its first figure is when every figure is `-0`.
 */
class ScaledSum {
  private units = 0n;
  private scale = 0;
  private negativeZero: boolean;

  constructor(startsAtZero: boolean) {
    this.negativeZero = !startsAtZero;
  }

  add(units: bigint, scale: number, negativeZero = false): void {
    if (scale > this.scale) {
      this.units *= pow10(scale - this.scale);
      this.scale = scale;
    }
    this.units += scale < this.scale ? units * pow10(this.scale - scale) : units;
    this.negativeZero &&= negativeZero;
  }

  get value(): Decimal {
    return this.negativeZero ? NEGATIVE_ZERO : fromScaled(this.units, this.scale);
  }
}

/** A project source's total and the sum that makes it. */
interface SourceSum {
  total: SourceTotal;
  sum: ScaledSum;
}

/**
 * `ProjectSums` of the check's fixed point: each total a BigInt sum (a Decimal addition a figure was a fifth of a
 * streamed report), made a Decimal once, by `summary`. The sources of a list of sources (a layout of the notes) are
 * found once for every partner that gives the same list. A test holds it to `summarizeProject`.
 */
class ScaledSums {
  private readonly sources = new Map<string, Map<SourceKind, SourceSum>>();
  /** Per layout, each of its sources' sum (in the layout's order) and whether it is an EU fund. */
  private readonly slots: { sum: SourceSum; fund: boolean }[][] = [];
  private readonly categoryTotals = new Map<CostCategory, Decimal>();
  private readonly byCountry = new Map<string, { country: string; budget: ScaledSum; euAmount: ScaledSum }>();
  private readonly budget = new ScaledSum(true);
  private readonly euAmount = new ScaledSum(true);
  private currency: string | undefined;
  private scale = 0;
  private lastUnit: Decimal | undefined;
  private planned = false;

  /** Adds a partner's figures, whose sources are the notes' layout `layout`; gives its EU funds at its scale. */
  add(p: PartnerShares, layout: number): bigint {
    this.currency ??= p.currency;
    if (p.unit !== this.lastUnit) {
      this.scale = Math.max(this.scale, p.unit.decimalPlaces());
      this.lastUnit = p.unit;
    }
    const slots = (this.slots[layout] ??= this.slotsOf(p.sources));
    const { computed, negativeZero, scale } = p;
    let euAmount = 0n;
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i];
      const amount = computed[i] ?? 0n;
      if (slot === undefined) continue;
      if (slot.fund) euAmount += amount;
      slot.sum.sum.add(amount, scale, negativeZero?.includes(i) ?? false);
    }
    for (const line of p.costs?.lines ?? [])
      this.categoryTotals.set(line.category, (this.categoryTotals.get(line.category) ?? ZERO).plus(line.amount));
    if (p.periods) this.planned = true;
    this.budget.add(p.budgetScaled, scale);
    this.euAmount.add(euAmount, scale);
    const country = p.country ?? '—';
    let total = this.byCountry.get(country);
    if (!total)
      this.byCountry.set(country, (total = { country, budget: new ScaledSum(true), euAmount: new ScaledSum(true) }));
    total.budget.add(p.budgetScaled, scale);
    total.euAmount.add(euAmount, scale);
    return euAmount;
  }

  /** Each source of a list's sum, made when the list is first given (so in the order sources are first met). */
  private slotsOf(sources: PartnerShares['sources']): { sum: SourceSum; fund: boolean }[] {
    return sources.map((share) => {
      let byKind = this.sources.get(share.id);
      if (!byKind) this.sources.set(share.id, (byKind = new Map<SourceKind, SourceSum>()));
      let found = byKind.get(share.kind);
      if (found) {
        const total = found.total;
        if (share.name !== total.name && !total.names.includes(share.name)) total.names.push(share.name);
      } else {
        found = {
          total: {
            id: share.id,
            name: share.name,
            names: [share.name],
            kind: share.kind,
            label: share.name,
            amount: ZERO,
          },
          sum: new ScaledSum(false),
        };
        byKind.set(share.kind, found);
      }
      return { sum: found, fund: share.kind === 'eu-fund' };
    });
  }

  summary(): ProjectSummary {
    const { sourceList, kinds } = labelledSources(
      [...this.sources.values()].map((byKind) =>
        [...byKind.values()].map(({ total, sum }) => {
          total.amount = sum.value;
          return total;
        }),
      ),
    );
    const countries = [...this.byCountry.keys()].sort().flatMap((country) => {
      const total = this.byCountry.get(country);
      return total ? [{ country, budget: total.budget.value, euAmount: total.euAmount.value }] : [];
    });
    const categories = (Object.keys(COST_CATEGORIES) as CostCategory[]).flatMap((category) => {
      const amount = this.categoryTotals.get(category);
      return amount ? [{ category, name: COST_CATEGORIES[category], amount }] : [];
    });
    const budget = this.budget.value;
    const euAmount = this.euAmount.value;
    return {
      currency: this.currency ?? 'EUR',
      partners: [],
      sources: sourceList,
      kinds,
      countries,
      categories,
      budget,
      euAmount,
      averageEuRate: percent(euAmount, budget),
      scale: this.scale,
      ...(this.planned ? { planned: this.planned } : {}),
    };
  }
}
