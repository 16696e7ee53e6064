import { partnerAmount, type PartnerSummary, type ProjectSummary, type SourceTotal } from '../core/project.js';
import type { List } from '../core/model.js';
import { Decimal, ZERO, toFixedString } from '../core/decimal.js';
import { toScaled } from '../core/scaled.js';
import { PackedRows, tableLines } from './table.js';
import { CsvWriter, type CsvDialect } from './csv.js';
import { formatMoney, formatPercent, type Locale } from './locale.js';
import type { Style } from './style.js';
import { jsonSafe, jsonText, markdownCell, terminalText } from './safe-text.js';
import { REPORT_WORDS } from './report-words.js';
import { categoryAmount, periodToJson, planCategories } from './periods.js';
import { WORDS } from './words/index.js';

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
  const periodSection = (p: PartnerSummary): Tables['sections'][number] & { rows: string[][] } => {
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
        ...periods[0]!.shares.map((share, i) => [share.name, ...periods.map((x) => money(x.shares[i]!.computed))]),
      ],
      right: periods.map((_, i) => i + 1),
    };
  };
  // made safe as they are made: a streamed report's partners are read once here and never kept
  const partnerRows = new PackedRows();
  const periodSections: (Tables['sections'][number] & { rows: string[][] })[] = [];
  const chart = emptyScale();
  for (const p of partners) {
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
}

const emptyScale = (): ChartScale => ({ largest: ZERO, width: 7 });

/** Widens the chart's scale to a partner: its budget, the sum of its positive amounts, its name. */
function measure(scale: ChartScale, p: PartnerSummary): void {
  let positive = ZERO;
  for (const amount of p.amounts.values()) if (amount.isPositive()) positive = positive.plus(amount);
  scale.largest = Decimal.max(scale.largest, p.budget, positive);
  scale.width = Math.max(scale.width, terminalText(p.partner).length);
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
  let scale = known;
  if (!scale) {
    scale = emptyScale();
    for (const p of partners) measure(scale, p);
  }
  const { largest, width } = scale;
  const bar = (index: number, length: number) => {
    const text = (style.enabled ? '█' : PLAIN_BARS[index % PLAIN_BARS.length]!).repeat(length);
    return style.enabled ? style.series(index, text) : text;
  };
  const fraction = largest.isZero() ? undefined : barScale(largest);
  for (const p of partners) {
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
    const numerator = scaled * BigInt(CHART_WIDTH);
    const quotient = numerator / denominator;
    const rest = numerator % denominator;
    const twice = (rest < 0n ? -rest : rest) * 2n;
    return Number(twice >= denominator ? quotient + (numerator < 0n ? -1n : 1n) : quotient);
  };
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
 * (the partners' rows are kept until their table is drawn; the chart keeps none of them).
 */
export function* reportTablePieces(
  summary: ProjectSummary,
  style: Style,
  locale: Locale,
  scale: number,
  title?: string,
  partners: List<PartnerSummary> = summary.partners,
): Generator<string> {
  const { title: header, sections, chart } = tables(summary, locale, scale, title, terminalText, partners);
  yield `${style.bold(header)}\n\n`;
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

export function reportToMarkdown(summary: ProjectSummary, locale: Locale, scale: number, title?: string): string {
  const { title: header, sections } = tables(summary, locale, scale, title, markdownCell);
  const out = [`# ${header}`, ''];
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
export function reportToJson(summary: ProjectSummary, scale: number): object {
  return reportJsonObject(
    summary,
    scale,
    summary.partners.map((p) => partnerJson(p, scale)),
  );
}

function reportJsonObject(summary: ProjectSummary, scale: number, partners: unknown[]): object {
  const money = (value: Decimal) => toFixedString(value, scale);
  return {
    schemaVersion: 1,
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

const PARTNERS_HERE = '\u0000partners';
const PARTNER_HEAD = '{\n  "partners": [\n';
const PARTNER_TAIL = '\n  ]\n}';

/**
 * `reportToJsonText` in pieces, the partners given apart (the summary's own
 * list is not read): a partner at a time, indented by JSON.stringify as the
 * whole report would be, so 100 000 partners are never one string.
 */
export function* reportJsonPieces(
  summary: ProjectSummary,
  partners: List<PartnerSummary>,
  scale: number,
): Generator<string> {
  if (partners.length === 0) {
    yield reportToJsonText(summary, scale);
    return;
  }
  const frame = jsonText(reportJsonObject(summary, scale, [PARTNERS_HERE]), 2);
  const here = frame.indexOf(JSON.stringify(PARTNERS_HERE));
  yield frame.slice(0, frame.lastIndexOf('\n', here) + 1);
  let first = true;
  for (const p of partners) {
    const text = JSON.stringify({ partners: [partnerJson(p, scale)] }, null, 2);
    yield (first ? '' : ',\n') + jsonSafe(text.slice(PARTNER_HEAD.length, text.length - PARTNER_TAIL.length));
    first = false;
  }
  yield `${frame.slice(here + JSON.stringify(PARTNERS_HERE).length)}\n`;
}

/** The JSON text of a report, with no raw control character (see safe-text `jsonText`). */
export function reportToJsonText(summary: ProjectSummary, scale: number): string {
  return jsonText(reportToJson(summary, scale), 2) + '\n';
}

const CSV_HEADER = ['partner', 'country', 'budget', 'source', 'name', 'kind', 'amount'];
const CSV_COLUMNS = ['text', 'text', 'amount', 'text', 'text', 'text', 'amount'] as const;

/** One row per partner × source, for spreadsheets, in the dialect of its reader (default: RFC 4180, for scripts). */
export function reportToCsv(summary: ProjectSummary, scale: number, dialect: CsvDialect = 'rfc4180'): string {
  return [...reportCsvPieces(summary, summary.partners, scale, dialect)].join('');
}

/** `reportToCsv` a partner at a time, the partners given apart (see `reportJsonPieces`). */
export function* reportCsvPieces(
  summary: ProjectSummary,
  partners: Iterable<PartnerSummary>,
  scale: number,
  dialect: CsvDialect = 'rfc4180',
): Generator<string> {
  // a period column only when a partner plans periods: the table of a file without them is as before
  const planned = summary.planned === true;
  const writer = new CsvWriter(planned ? [...CSV_COLUMNS, 'text'] : CSV_COLUMNS, dialect);
  yield writer.header(planned ? [...CSV_HEADER, 'period'] : CSV_HEADER);
  // the project source of each id and kind: an id given two kinds has two (see SourceTotal)
  const byKey = new Map<string, SourceTotal>(summary.sources.map((s) => [`${s.id} ${s.kind}`, s]));
  for (const p of partners) {
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
      rows += writer.row(planned ? [...row, ''] : row);
    }
    // with periods: a row per period and source, its budget the period's, the period in the last column
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
        ]);
    yield rows;
  }
}
