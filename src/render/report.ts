import {
  partnerAmount,
  type NotedList,
  type NotedPartner,
  type NotedSource,
  type PartnerSummary,
  type ProjectSummary,
  type SourceTotal,
} from '../core/project.js';
import type { List } from '../core/model.js';
import { Decimal, ZERO, toFixedString, toFixedText } from '../core/decimal.js';
import { scaledOfText, toScaled } from '../core/scaled.js';
import { PackedRows, tableLines } from './table.js';
import { CsvWriter, type CsvDialect } from './csv.js';
import { formatMoney, formatMoneyText, formatPercent, formatPercentText, type Locale } from './locale.js';
import type { Style } from './style.js';
import { jsonSafe, jsonText, markdownCell, terminalText } from './safe-text.js';
import { REPORT_WORDS } from './report-words.js';
import { categoryAmount, periodToJson, planCategories } from './periods.js';
import { WORDS } from './words/index.js';
import {
  VERDICT_CSV_COLUMNS,
  VERDICT_CSV_HEADER,
  findingCsvRows,
  findingToJson,
  findingsJsonPieces,
  verdictMarkdown,
  verdictTablePieces,
  type ReportVerdict,
} from './report-verdict.js';

export type { ReportVerdict } from './report-verdict.js';

export const KIND_NAMES = {
  'eu-fund': 'EU funds',
  public: 'Public',
  'automatic-public': 'Automatic public',
  private: 'Private',
} as const;
/** Bar characters when there is no colour: each source stays distinguishable. */
const PLAIN_BARS = ['█', '▓', '▒', '░', '#', '=', '+', '*'];
/** The longest bar, in characters: every bar is at most this long, whatever the figures. */
const CHART_WIDTH = 40;

interface Tables {
  title: string;
  /** The chart's scale and name width, found as the partners' rows were made (see `chartLines`). */
  chart: ChartScale;
  sections: { heading: string; head: string[]; rows: string[][] | PackedRows; right: number[]; total?: boolean }[];
}

/**
 * The report's tables, shared by the terminal and Markdown forms. Every cell
 * and the title go through `safe`: `terminalText` or `markdownCell`.
 */
function tables(
  summary: ProjectSummary,
  locale: Locale,
  scale: number,
  title: string | undefined,
  safe: (text: string) => string,
  partners: List<PartnerSummary> = summary.partners,
): Tables {
  const money = (value: Decimal) => formatMoney(value, summary.currency, scale, locale);
  const pct = (value: Decimal) => formatPercent(value, locale);
  const share = (value: Decimal) =>
    pct(summary.budget.isZero() ? ZERO : value.div(summary.budget).times(100).toDecimalPlaces(2));
  const w = REPORT_WORDS[locale];
  const words = WORDS[locale];
  const partnersHead = [
    w.partner,
    w.country,
    w.budget,
    ...summary.sources.map((s) => sourceLabel(s, locale)),
    w.euRate,
    w.share,
  ];
  // the plan per reporting period: the last period is the remainder of the partner's figures
  const periodSection = (
    p: Pick<PartnerSummary, 'partner' | 'periods'>,
  ): Tables['sections'][number] & { rows: string[][] } => {
    const periods = p.periods!;
    return {
      heading: `${w.planPerPeriod}: ${safe(p.partner)}`,
      head: ['', ...periods.map((x) => w.periodColumn(x.period, x.remainder, x.phase))],
      rows: [
        ...planCategories(periods).map((c) => [
          words.category(c.category, c.name),
          ...periods.map((x) => {
            const amount = categoryAmount(x, c.category);
            return amount === undefined ? '' : money(amount);
          }),
        ]),
        [w.budget, ...periods.map((x) => money(x.budget))],
        ...periods[0]!.shares.map((share, i) => [
          words.sourceName(share.id, share.name),
          ...periods.map((x) => money(x.shares[i]!.computed)),
        ]),
      ],
      right: periods.map((_, i) => i + 1),
    };
  };
  // made safe as they are made: a streamed report's partners are read once here and never kept
  const partnerRows = new PackedRows();
  const periodSections: (Tables['sections'][number] & { rows: string[][] })[] = [];
  const chart = emptyScale();
  const noted = notedOf(partners);
  if (noted) {
    // the notes' exact text formatted as it is, without a Decimal per figure
    const moneyText = (text: string) => formatMoneyText(text, summary.currency, scale, locale);
    const columns = new SourceColumns(summary.sources);
    for (const p of noted.noted()) {
      measureNoted(chart, p, noted.places);
      if (p.periods) periodSections.push(periodSection(p));
      const row = [p.partner, p.country ?? '', moneyText(p.budget)];
      for (const at of columns.of(p.sources)) {
        const amount = at < 0 ? undefined : p.amounts[at];
        row.push(amount === undefined ? '' : moneyText(amount));
      }
      row.push(formatPercentText(p.euRate, locale), formatPercentText(p.shareOfProject, locale));
      partnerRows.add(row.map(safe));
    }
  }
  for (const p of noted ? [] : partners) {
    measure(chart, p);
    if (p.periods) periodSections.push(periodSection(p));
    partnerRows.add(
      [
        p.partner,
        p.country ?? '',
        money(p.budget),
        ...summary.sources.map((s) => {
          const amount = partnerAmount(p, s);
          return amount ? money(amount) : '';
        }),
        pct(p.euRate),
        pct(p.shareOfProject),
      ].map(safe),
    );
  }
  partnerRows.add(
    [
      w.total,
      '',
      money(summary.budget),
      ...summary.sources.map((s) => money(s.amount)),
      pct(summary.averageEuRate),
      pct(summary.budget.isZero() ? ZERO : summary.budget.div(summary.budget).times(100)),
    ].map(safe),
  );
  const numeric = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);
  const sections: (Tables['sections'][number] & { rows: string[][] })[] = [];
  if (summary.categories.length > 0) {
    sections.push({
      heading: w.costCategories,
      head: [w.category, w.amount, w.share],
      rows: summary.categories.map((c) => [words.category(c.category, c.name), money(c.amount), share(c.amount)]),
      right: [1, 2],
    });
  }
  sections.push({
    heading: w.kindsTable,
    head: [w.kind, w.amount, w.share],
    rows: summary.kinds.map((k) => [w.kindNames[k.kind], money(k.amount), share(k.amount)]),
    right: [1, 2],
  });
  sections.push({
    heading: w.byCountry,
    head: [w.country, w.budget, w.euFunds, w.share],
    rows: summary.countries.map((c) => [c.country, money(c.budget), money(c.euAmount), share(c.budget)]),
    right: [1, 2, 3],
  });
  sections.push(...periodSections);
  const counts = words.reportTitle(
    partners.length,
    money(summary.budget),
    money(summary.euAmount),
    pct(summary.averageEuRate),
  );
  const header = `${title ? `${safe(title)}: ` : ''}${counts}`;
  return {
    title: header,
    chart,
    sections: [
      {
        heading: w.partnersAndSources,
        head: partnersHead.map(safe),
        rows: partnerRows,
        right: numeric(2, partnersHead.length - 2),
        total: true,
      },
      ...sections.map((section) => ({
        ...section,
        head: section.head.map(safe),
        rows: section.rows.map((row) => row.map(safe)),
      })),
    ],
  };
}

/** A source's column head: its name in the locale (a well-known source's), with its kind when one id has two. */
export function sourceLabel(s: SourceTotal, locale: Locale): string {
  const name = WORDS[locale].sourceName(s.id, s.name);
  return name === s.name ? s.label : s.label.replace(s.name, name);
}

/**
 * A horizontal bar per partner, split by source. The scale is the largest of
 * every partner's budget and the sum of its positive amounts (amounts that
 * dwarf a budget, in a file with errors, stretch the scale, not the bars), and
 * every bar is clamped to CHART_WIDTH: the chart is bounded for any figures.
 */
export function renderChart(
  summary: ProjectSummary,
  style: Style,
  locale: Locale = 'en',
  partners: Iterable<PartnerSummary> = summary.partners,
): string {
  return [...chartLines(summary, style, locale, partners)].join('\n');
}

/** `renderChart` a line at a time (no line break after each). */
interface ChartScale {
  largest: Decimal;
  width: number;
  /** Of a report's notes (`NotedList`): the largest figure as a whole number of 10^-`places`. */
  scaled?: bigint;
  places?: number;
}

const emptyScale = (): ChartScale => ({ largest: ZERO, width: 7 });

/** Widens the chart's scale to a partner: its budget, the sum of its positive amounts, its name. */
function measure(scale: ChartScale, p: PartnerSummary): void {
  let positive = ZERO;
  for (const amount of p.amounts.values()) if (amount.isPositive()) positive = positive.plus(amount);
  scale.largest = Decimal.max(scale.largest, p.budget, positive);
  scale.width = Math.max(scale.width, terminalText(p.partner).length);
}

/** `measure` of a partner's notes, in BigInt at the notes' decimals. */
function measureNoted(scale: ChartScale, p: NotedPartner, places: number): void {
  let positive = 0n;
  for (const at of distinctSources(p.sources)) {
    const amount = scaledAt(p.amounts[at] ?? '0', places);
    if (amount > 0n) positive += amount;
  }
  const budget = scaledAt(p.budget, places);
  let largest = scale.scaled ?? 0n;
  if (budget > largest) largest = budget;
  if (positive > largest) largest = positive;
  scale.scaled = largest;
  scale.places = places;
  scale.width = Math.max(scale.width, terminalText(p.partner).length);
}

/** A noted figure at the notes' decimals (the most any has). */
function scaledAt(text: string, places: number): bigint {
  const scaled = scaledOfText(text, places);
  // never: no noted figure has more decimals than the notes' most
  if (scaled === undefined) throw new RangeError(`a noted figure past ${places} decimals`);
  return scaled;
}

/** A report's partners as their notes, when they are a collected report's (`ProjectCollector`). */
const notedOf = (partners: Iterable<PartnerSummary>): NotedList | undefined =>
  'noted' in partners && typeof partners.noted === 'function' ? (partners as NotedList) : undefined;

/** Where each project source's amount stands among a partner's noted sources, found once for each list of sources. */
class SourceColumns {
  private readonly found = new Map<readonly NotedSource[], number[]>();
  constructor(private readonly sources: readonly SourceTotal[]) {}

  /** Per project source, the index of the partner's amount (as `partnerAmount` finds it: its id's last), or -1. */
  of(list: readonly NotedSource[]): number[] {
    let columns = this.found.get(list);
    if (!columns) {
      columns = this.sources.map((s) => {
        let at = -1;
        list.forEach((source, i) => {
          if (source.id === s.id) at = i;
        });
        return at >= 0 && list[at]?.kind === s.kind ? at : -1;
      });
      this.found.set(list, columns);
    }
    return columns;
  }
}

const distinctFound = new WeakMap<readonly NotedSource[], number[]>();
/** A partner's sources as a summary's maps hold them: each id once, where it is first given, with its last amount. */
function distinctSources(list: readonly NotedSource[]): number[] {
  let found = distinctFound.get(list);
  if (!found) {
    const last = new Map<string, number>();
    list.forEach((source, i) => last.set(source.id, i));
    found = [...last.values()];
    distinctFound.set(list, found);
  }
  return found;
}

/**
 * The chart's lines; without `known` (the scale, found by a read of the same partners) the partners are read
 * twice, the scale first. Nothing of them is kept: a streamed report's are made again as they are read.
 */
function* chartLines(
  summary: ProjectSummary,
  style: Style,
  locale: Locale,
  partners: Iterable<PartnerSummary>,
  known?: ChartScale,
): Generator<string> {
  const noted = notedOf(partners);
  let scale = known;
  if (!scale) {
    scale = emptyScale();
    if (noted) for (const p of noted.noted(false)) measureNoted(scale, p, noted.places);
    else for (const p of partners) measure(scale, p);
  }
  const { largest, width } = scale;
  const bar = (index: number, length: number) => {
    const text = (style.enabled ? '█' : PLAIN_BARS[index % PLAIN_BARS.length]!).repeat(length);
    return style.enabled ? style.series(index, text) : text;
  };
  if (noted) {
    // the notes' figures in BigInt at their decimals: the same bars as `barScale`'s, without a Decimal
    const most = scale.scaled ?? 0n;
    const columns = new SourceColumns(summary.sources);
    for (const p of noted.noted(false)) {
      let cumulative = 0n;
      let drawn = 0;
      let parts = '';
      columns.of(p.sources).forEach((at, index) => {
        if (at >= 0) cumulative += scaledAt(p.amounts[at] ?? '0', noted.places);
        const end = most === 0n ? 0 : Math.min(CHART_WIDTH, barEnd(cumulative * BigInt(CHART_WIDTH), most));
        const length = Math.max(0, end - drawn);
        drawn += length;
        parts += bar(index, length);
      });
      yield `${terminalText(p.partner).padEnd(width)} ${parts}`;
    }
  }
  const fraction = largest.isZero() ? undefined : barScale(largest);
  for (const p of noted ? [] : partners) {
    let cumulative = ZERO;
    let drawn = 0;
    const parts = summary.sources.map((s, index) => {
      cumulative = cumulative.plus(partnerAmount(p, s) ?? ZERO);
      // Cumulative rounding: the segments add up to the bar's length.
      const end = fraction ? Math.min(CHART_WIDTH, fraction(cumulative)) : 0;
      const length = Math.max(0, end - drawn);
      drawn += length;
      return bar(index, length);
    });
    yield `${terminalText(p.partner).padEnd(width)} ${parts.join('')}`;
  }
  const legend = summary.sources
    .map((s, index) => `${bar(index, 1)} ${terminalText(sourceLabel(s, locale))}`)
    .join('  ');
  yield '';
  yield `${' '.repeat(width)} ${legend}`;
}

/**
 * `value ÷ largest × CHART_WIDTH`, rounded half away from zero, as a whole number: what
 * `value.div(largest).times(CHART_WIDTH).round()` gives at 500 digits, by BigInt division, a fraction
 * of the 500-digit quotient's cost. Of two decimals of at most 100 digits at one scale, the exact
 * quotient is a half or at least 10^-101 from one, and the 500-digit one is within 10^-299 of it:
 * both round alike. Longer figures take the 500-digit quotient.
 */
export function barScale(largest: Decimal): (value: Decimal) => number {
  const largestPlaces = largest.decimalPlaces();
  const largestDigits = largest.sd(true);
  // the largest figure at each number of decimals asked for: most charts ask for one
  const denominators = new Map<number, bigint>();
  return (value) => {
    const places = Math.max(value.decimalPlaces(), largestPlaces);
    if (value.sd(true) + places > 100 || largestDigits + places > 100)
      return value.div(largest).times(CHART_WIDTH).round().toNumber();
    const scaled = toScaled(value, places);
    const denominator = denominators.get(places) ?? toScaled(largest, places);
    // never: each has at most `places` decimals
    if (scaled === undefined || denominator === undefined)
      return value.div(largest).times(CHART_WIDTH).round().toNumber();
    denominators.set(places, denominator);
    return barEnd(scaled * BigInt(CHART_WIDTH), denominator);
  };
}

/** numerator ÷ denominator (positive), rounded half away from zero, as a number. */
function barEnd(numerator: bigint, denominator: bigint): number {
  const quotient = numerator / denominator;
  const rest = numerator % denominator;
  const twice = (rest < 0n ? -rest : rest) * 2n;
  return Number(twice >= denominator ? quotient + (numerator < 0n ? -1n : 1n) : quotient);
}

/** The report as a terminal table; `partners` (a streamed report's, made as they are read) are read twice. */
export function reportToTable(
  summary: ProjectSummary,
  style: Style,
  locale: Locale,
  scale: number,
  title?: string,
  partners: List<PartnerSummary> = summary.partners,
): string {
  return [...reportTablePieces(summary, style, locale, scale, title, partners)].join('');
}

/**
 * `reportToTable` in pieces, a line at a time: 100 000 partners' table and chart are never one string
 * (the partners' rows are kept until their table is drawn; the chart keeps none of them). With `checked`, the file's
 * verdict and findings under the title.
 */
export function* reportTablePieces(
  summary: ProjectSummary,
  style: Style,
  locale: Locale,
  scale: number,
  title?: string,
  partners: List<PartnerSummary> = summary.partners,
  checked?: ReportVerdict,
): Generator<string> {
  const { title: header, sections, chart } = tables(summary, locale, scale, title, terminalText, partners);
  yield `${style.bold(header)}\n\n`;
  if (checked) yield* verdictTablePieces(checked, style, locale);
  for (const section of sections) {
    yield `${style.bold(section.heading)}\n`;
    for (const line of tableLines(section.head, section.rows, section.right, section.total, style.width))
      yield `${line}\n`;
    yield '\n';
    section.rows = [];
  }
  yield `${style.bold(WORDS[locale].budgetsBySource)}\n`;
  for (const line of chartLines(summary, style, locale, partners, chart)) yield `${line}\n`;
}

/** The report as Markdown; with `checked`, the file's verdict and a table of its findings under the title. */
export function reportToMarkdown(
  summary: ProjectSummary,
  locale: Locale,
  scale: number,
  title?: string,
  checked?: ReportVerdict,
): string {
  const { title: header, sections } = tables(summary, locale, scale, title, markdownCell);
  const out = [`# ${header}`, ''];
  if (checked) out.push(...verdictMarkdown(checked, locale));
  for (const section of sections) {
    out.push(
      `## ${section.heading}`,
      '',
      `| ${section.head.join(' | ')} |`,
      `| ${section.head.map((_, i) => (section.right.includes(i) ? '---:' : '---')).join(' | ')} |`,
    );
    for (const row of section.rows) out.push(`| ${row.join(' | ')} |`);
    out.push('');
  }
  return out.join('\n');
}

/** The full model with every computed figure; amounts as decimal strings, never localised. */
export function reportToJson(summary: ProjectSummary, scale: number, checked?: ReportVerdict): object {
  return reportJsonObject(
    summary,
    scale,
    summary.partners.map((p) => partnerJson(p, scale)),
    checked,
    checked?.findings.map(findingToJson),
  );
}

function reportJsonObject(
  summary: ProjectSummary,
  scale: number,
  partners: unknown[],
  checked?: ReportVerdict,
  findings: unknown[] = [],
): object {
  const money = (value: Decimal) => toFixedString(value, scale);
  return {
    schemaVersion: 1,
    // the file's verdict and findings as `check --format json` gives them, when the report is of a checked file
    ...(checked ? { verdict: checked.verdict } : {}),
    currency: summary.currency,
    budget: money(summary.budget),
    euAmount: money(summary.euAmount),
    averageEuRate: summary.averageEuRate.toFixed(),
    partners,
    // "names" only where partners name one id two ways: every other report keeps its documented shape
    sources: summary.sources.map((s) => ({
      id: s.id,
      name: s.name,
      ...(s.names.length > 1 ? { names: s.names } : {}),
      kind: s.kind,
      amount: money(s.amount),
    })),
    kinds: summary.kinds.map((k) => ({ kind: k.kind, amount: money(k.amount) })),
    countries: summary.countries.map((c) => ({
      country: c.country,
      budget: money(c.budget),
      euAmount: money(c.euAmount),
    })),
    categories: summary.categories.map((c) => ({ category: c.category, name: c.name, amount: money(c.amount) })),
    ...(checked ? { findings } : {}),
  };
}

function partnerJson(p: PartnerSummary, scale: number): object {
  const money = (value: Decimal) => toFixedString(value, scale);
  return {
    partner: p.partner,
    country: p.country ?? null,
    budget: money(p.budget),
    amounts: Object.fromEntries([...p.amounts].map(([id, amount]) => [id, money(amount)])),
    euAmount: money(p.euAmount),
    euRate: p.euRate.toFixed(),
    shareOfProject: p.shareOfProject.toFixed(),
    ...(p.periods ? { periods: p.periods.map((x) => periodToJson(x, scale)) } : {}),
  };
}

/** `partnerJson` of a partner's notes, from their exact text. */
function notedPartnerJson(p: NotedPartner, scale: number): object {
  return {
    partner: p.partner,
    country: p.country ?? null,
    budget: toFixedText(p.budget, scale),
    amounts: Object.fromEntries(
      distinctSources(p.sources).map((at): [string, string] => [
        p.sources[at]?.id ?? '',
        toFixedText(p.amounts[at] ?? '0', scale),
      ]),
    ),
    euAmount: toFixedText(p.euAmount, scale),
    euRate: toFixedText(p.euRate),
    shareOfProject: toFixedText(p.shareOfProject),
    ...(p.periods ? { periods: p.periods.map((x) => periodToJson(x, scale)) } : {}),
  };
}

const PARTNERS_HERE = '\u0000partners';
const FINDINGS_HERE = '\u0000findings';
const PARTNER_HEAD = '{\n  "partners": [\n';
const PARTNER_TAIL = '\n  ]\n}';

/**
 * `reportToJsonText` in pieces, the partners given apart (the summary's own
 * list is not read): a partner at a time, indented by JSON.stringify as the
 * whole report would be, so 100 000 partners are never one string; with `checked`, the file's verdict and findings
 * (a finding at a time).
 */
export function* reportJsonPieces(
  summary: ProjectSummary,
  partners: List<PartnerSummary>,
  scale: number,
  checked?: ReportVerdict,
): Generator<string> {
  const anyFindings = checked !== undefined && checked.findings.length > 0;
  const object = reportJsonObject(
    summary,
    scale,
    partners.length === 0 ? [] : [PARTNERS_HERE],
    checked,
    anyFindings ? [FINDINGS_HERE] : [],
  );
  const frame = jsonText(object, 2);
  let from = 0;
  if (partners.length > 0) {
    const marker = JSON.stringify(PARTNERS_HERE);
    const here = frame.indexOf(marker);
    yield frame.slice(0, frame.lastIndexOf('\n', here) + 1);
    let first = true;
    const noted = notedOf(partners);
    for (const p of noted ? noted.noted() : partners) {
      const json = 'sources' in p ? notedPartnerJson(p, scale) : partnerJson(p, scale);
      const text = JSON.stringify({ partners: [json] }, null, 2);
      yield (first ? '' : ',\n') + jsonSafe(text.slice(PARTNER_HEAD.length, text.length - PARTNER_TAIL.length));
      first = false;
    }
    from = here + marker.length;
  }
  if (anyFindings) {
    const marker = JSON.stringify(FINDINGS_HERE);
    const here = frame.indexOf(marker, from);
    yield frame.slice(from, frame.lastIndexOf('\n', here) + 1);
    yield* findingsJsonPieces(checked.findings);
    from = here + marker.length;
  }
  yield `${frame.slice(from)}\n`;
}

/** The JSON text of a report, with no raw control character (see safe-text `jsonText`). */
export function reportToJsonText(summary: ProjectSummary, scale: number, checked?: ReportVerdict): string {
  return jsonText(reportToJson(summary, scale, checked), 2) + '\n';
}

const CSV_HEADER = ['partner', 'country', 'budget', 'source', 'name', 'kind', 'amount'];
const CSV_COLUMNS = ['text', 'text', 'amount', 'text', 'text', 'text', 'amount'] as const;

/**
 * One row per partner × source, for spreadsheets, in the dialect of its reader (default: RFC 4180, for scripts); with
 * `checked`, the file's verdict on every row and a row per finding after them.
 */
export function reportToCsv(
  summary: ProjectSummary,
  scale: number,
  dialect: CsvDialect = 'rfc4180',
  checked?: ReportVerdict,
): string {
  return [...reportCsvPieces(summary, summary.partners, scale, dialect, checked)].join('');
}

/** `reportToCsv` a partner at a time, the partners given apart (see `reportJsonPieces`). */
export function* reportCsvPieces(
  summary: ProjectSummary,
  partners: Iterable<PartnerSummary>,
  scale: number,
  dialect: CsvDialect = 'rfc4180',
  checked?: ReportVerdict,
): Generator<string> {
  // a period column only when a partner plans periods: the table of a file without them is as before
  const planned = summary.planned === true;
  // the verdict's columns after every other (the report's own keep their places)
  // with periods, a last column `row` says what a row is (partner, period, finding): a SUM over amount filters on it
  const columns = [
    ...CSV_COLUMNS,
    ...(planned ? (['text'] as const) : []),
    ...(checked ? VERDICT_CSV_COLUMNS : []),
    ...(planned ? (['text'] as const) : []),
  ];
  const writer = new CsvWriter(columns, dialect);
  yield writer.header([
    ...CSV_HEADER,
    ...(planned ? ['period'] : []),
    ...(checked ? VERDICT_CSV_HEADER : []),
    ...(planned ? ['row'] : []),
  ]);
  const kind = (row: 'partner' | 'period' | 'finding') => (planned ? [row] : []);
  // the cells after a partner's row's own: its period (none), the file's verdict, no finding
  const tail = [
    ...(planned ? [''] : []),
    ...(checked ? [checked.verdict, '', '', '', '', '', ''] : []),
    ...kind('partner'),
  ];
  const verdictTail = [...(checked ? [checked.verdict, '', '', '', '', '', ''] : []), ...kind('period')];
  // the project source of each id and kind: an id given two kinds has two (see SourceTotal)
  const byKey = new Map<string, SourceTotal>(summary.sources.map((s) => [`${s.id} ${s.kind}`, s]));
  const noted = notedOf(partners);
  if (noted) yield* notedCsvRows(noted, byKey, writer, scale, tail, verdictTail);
  for (const p of noted ? [] : partners) {
    let rows = '';
    for (const [id, amount] of p.amounts) {
      const source = byKey.get(`${id} ${p.kinds.get(id)!}`)!;
      const row = [
        p.partner,
        p.country ?? '',
        toFixedString(p.budget, scale),
        id,
        p.names.get(id) ?? source.name,
        source.kind,
        toFixedString(amount, scale),
      ];
      rows += writer.row([...row, ...tail]);
    }
    // with periods: a row per period and source, its budget the period's, the period in the last column
    rows += periodCsvRows(p, writer, scale, verdictTail);
    yield rows;
  }
  if (checked) yield* findingCsvRows(checked, writer, CSV_HEADER.length - 1 + (planned ? 1 : 0), kind('finding'));
}

/** A partner's CSV rows per period and source: its budget the period's, the period in the last column. */
function periodCsvRows(
  p: Pick<PartnerSummary, 'partner' | 'country' | 'periods'>,
  writer: CsvWriter,
  scale: number,
  tail: readonly string[],
): string {
  let rows = '';
  for (const x of p.periods ?? [])
    for (const share of x.shares)
      rows += writer.row([
        p.partner,
        p.country ?? '',
        toFixedString(x.budget, scale),
        share.id,
        share.name,
        share.kind,
        toFixedString(share.computed, scale),
        x.phase ?? String(x.period),
        ...tail,
      ]);
  return rows;
}

/**
 * `reportCsvPieces`'s rows of a report's notes: the figures' exact text at the report's decimals, without a Decimal,
 * and each source's id, name and kind cells made once for every partner that gives the same sources.
 */
function* notedCsvRows(
  noted: NotedList,
  byKey: Map<string, SourceTotal>,
  writer: CsvWriter,
  scale: number,
  tail: readonly string[],
  periodTail: readonly string[],
): Generator<string> {
  // a row's cells after the partner's own three, up to its amount, written: the same for each list of sources
  const middles = new Map<readonly NotedSource[], { at: number; cells: string }[]>();
  const separator = writer.separator;
  // what `writer.row` writes after the amount: the empty period cell of a report with periods, the verdict's, the end
  const end = tail.map((cell) => separator + writer.text(cell)).join('') + writer.lineEnd;
  // the CSV has no share of the project
  for (const p of noted.noted(false)) {
    let middle = middles.get(p.sources);
    if (!middle) {
      middle = distinctSources(p.sources).map((at) => {
        const given = p.sources[at];
        const source = given && byKey.get(`${given.id} ${given.kind}`);
        // never: every partner's source is one of the project's
        if (!given || !source) throw new RangeError('a noted source the project does not total');
        const cells = [given.id, given.name, source.kind].map((cell) => writer.text(cell) + separator).join('');
        return { at, cells };
      });
      middles.set(p.sources, middle);
    }
    // the partner's own cells, written once for its rows: `writer.row`'s cells, joined as it joins them
    const head =
      writer.text(p.partner) +
      separator +
      writer.text(p.country ?? '') +
      separator +
      writer.amount(toFixedText(p.budget, scale)) +
      separator;
    let rows = '';
    for (const { at, cells } of middle)
      rows += head + cells + writer.amount(toFixedText(p.amounts[at] ?? '0', scale)) + end;
    rows += periodCsvRows(p, writer, scale, periodTail);
    yield rows;
  }
}
