import { createHash } from 'node:crypto';
import type { Finding, PartnerCheck } from '../core/check.js';
import { Decimal, ZERO } from '../core/decimal.js';
import type { BudgetHeader, List } from '../core/model.js';
import { partnerAmount, type PartnerSummary, type ProjectSummary, type SourceTotal } from '../core/project.js';
import { formatMoney, formatNumber, formatPercent, type Locale } from './locale.js';
import { localFinding } from './words/index.js';
import { sourceLabel } from './report.js';
import { reportCss } from './report-css.js';
import { REPORT_WORDS, type ReportWords } from './report-words.js';
import { html, type Html, type HtmlValue } from './safe-text.js';
import { barChart, seriesColour, swatch, type ChartRow } from './svg-chart.js';
import { periodsSection } from './report-html-periods.js';

/** Everything the HTML report shows: the checked file, its summary and its findings. */
export interface HtmlReportInput {
  /** The file as the user named it; `<stdin>` for standard input. */
  file: string;
  /** What the file says besides its partners: project, rounding, source. */
  header: BudgetHeader;
  summary: ProjectSummary;
  /** The partners' checks, in the order of `summary.partners`: lines and declared figures. */
  partners: List<PartnerCheck>;
  findings: readonly Finding[];
  locale: Locale;
  /** `cofin 0.1.0`: who made the file. */
  generator: string;
}

/**
 * The text width of A4 (180 mm) in CSS px: the partners × sources table is
 * cut into parts of columns that fit across it. Widths are estimates, for
 * layout only (the browser test checks that nothing passes the page).
 */
const PAGE_WIDTH = 680;
/** The tables' font size, 8.5 pt, in px. */
const EM = 11.33;
/** A cell's padding, 2 × 1.6 mm, in px. */
const PADDING = 12;
/** A partner's name wraps: its column needs at most this many px. */
const NAME_WIDTH = 100;

/**
 * A text's width in px, from the advance widths of DejaVu Sans (the widest
 * of the usual fonts), bold 10% wider: digits 0.64 em, spaces and marks
 * 0.32 em, `%` 0.95 em, letters 0.6–0.7 em.
 */
function textWidth(text: string, bold = false): number {
  let em = 0;
  for (const c of text) {
    em += /[0-9]/.test(c)
      ? 0.64
      : /[\s.,:'’]/u.test(c)
        ? 0.32
        : c === '%'
          ? 0.95
          : /\p{Lu}/u.test(c)
            ? 0.72
            : /\p{Ll}/u.test(c)
              ? 0.6
              : 0.8;
  }
  return em * EM * (bold ? 1.1 : 1);
}

interface Context {
  words: ReportWords;
  summary: ProjectSummary;
  locale: Locale;
  scale: number;
  money: (value: Decimal) => string;
  amount: (value: Decimal) => string;
  pct: (value: Decimal) => string;
  share: (value: Decimal) => string;
}

// The cells of the report's tables (their text goes through `html` as any other).
const columnHead = (text: HtmlValue) => html`<th scope="col">${text}</th>`;
const figureHead = (text: HtmlValue) => html`<th scope="col" class="num">${text}</th>`;
const lineHead = (text: HtmlValue) => html`<th scope="col" class="line">${text}</th>`;
const rowHead = (text: HtmlValue) => html`<th scope="row">${text}</th>`;
const figureCell = (text: HtmlValue) => html`<td class="num">${text}</td>`;
const EMPTY_FIGURE = html`<td class="num"></td>`;
/** A table's heading row (its cells) and its body (its rows). */
const headAndBody = (heads: HtmlValue, rows: HtmlValue) => html`<thead><tr>${heads}</tr></thead><tbody>${rows}</tbody>`;

/**
 * The report as one self-contained HTML document: inline CSS, charts as
 * inline SVG, no script, nothing fetched (a Content-Security-Policy allows
 * only its own style sheet). Every text from the file goes through `html`.
 */
export function reportToHtml(input: HtmlReportInput): string {
  const { locale } = input;
  // a well-known source by its name in the report's language (ERAF, Pašvaldība), as in the table report
  const summary: ProjectSummary = {
    ...input.summary,
    sources: input.summary.sources.map((s) => ({ ...s, label: sourceLabel(s, locale) })),
  };
  const words = REPORT_WORDS[locale];
  const scale = summary.scale;
  const ctx: Context = {
    words,
    summary,
    locale,
    scale,
    money: (value) => formatMoney(value, summary.currency, scale, locale),
    amount: (value) => formatNumber(value, scale, locale),
    pct: (value) => formatPercent(value, locale),
    share: (value) =>
      formatPercent(summary.budget.isZero() ? ZERO : value.div(summary.budget).times(100).toDecimalPlaces(2), locale),
  };
  const checks = [...input.partners];
  const title =
    input.header.project?.name ?? (summary.partners.length === 1 ? summary.partners[0]!.partner : input.file);
  const css = reportCss(words);
  const styleHash = createHash('sha256').update(css).digest('base64');
  const csp = `default-src 'none'; style-src 'sha256-${styleHash}'; base-uri 'none'; form-action 'none'`;
  const plan = periodsSection({ words, currency: summary.currency, amount: ctx.amount }, summary.partners);
  const body = html`<main class="sheet">
${titleBlock(input, ctx, title)}
${keyFigures(input, ctx, checks)}
<section class="partners-section"><h2>${words.partnersAndSources}</h2>
${partnersTables(input, ctx, checks)}</section>${plan}
${charts(ctx)}
${categoriesAndCountries(ctx)}
${findings(input, ctx)}
${figureSources(input, ctx, checks)}
<footer><p>${words.madeBy(input.generator, input.file)} ${words.totalsRule}</p></footer>
</main>`;
  return `<!DOCTYPE html>
<html lang="${words.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${html`${input.generator}`.text}">
<title>${html`${title} · ${words.documentKind}`.text}</title>
<style>${css}</style>
</head>
<body>
${body.text}
</body>
</html>
`;
}

function titleBlock(input: HtmlReportInput, ctx: Context, title: string): Html {
  const { words } = ctx;
  const errors = input.findings.filter((f) => f.severity === 'error').length;
  const project = input.header.project;
  const detail = html`<span>— ${words.failDetail}</span>`;
  const verdict =
    errors === 0
      ? html`<p class="verdict pass" data-verdict="pass">✓ ${words.pass}</p>`
      : html`<p class="verdict fail" data-verdict="fail">✗ ${words.fail(errors)} ${detail}</p>`;
  const subtitle = project?.programme ? html`<p class="subtitle">${project.programme}</p>` : '';
  const source = input.header.source ? html` · ${words.documentSource}: ${input.header.source}` : '';
  return html`<header class="title">
<p class="kind">${words.documentKind}</p>
<h1>${title}</h1>
${subtitle}
<p class="origin">${input.file}${source}</p>
${verdict}
</header>`;
}

function keyFigures(input: HtmlReportInput, ctx: Context, checks: readonly PartnerCheck[]): Html {
  const { words, summary } = ctx;
  const project = input.header.project;
  const count = summary.partners.length;
  const key = (id: string, label: string, value: string, note: string) =>
    html`<div data-figure="${id}"><dt>${label}</dt><dd class="value">${value}</dd><dd class="note">${note}</dd></div>`;
  const methods = [...new Set(checks.map((c) => c.method))].map((m) => words.methods[m]).join(', ');
  const units = [...new Set(checks.map((c) => c.unit.toFixed()))]
    .map((u) => `${ctx.amount(new Decimal(u)).replace(/[.,]0+$/, '')} ${summary.currency}`)
    .join(', ');
  const facts: Html[] = [];
  if (project?.total) {
    const line = html`<span class="line">(${words.line.toLowerCase()} ${project.total.at.line})</span>`;
    const total = html`<dd data-figure="declared-total">${ctx.money(project.total.value)} ${line}</dd>`;
    facts.push(html`<dt>${words.declaredTotal}</dt>${total}`);
  }
  if (checks.length > 0) facts.push(html`<dt>${words.rounding}</dt><dd>${methods}; ${words.unit} ${units}</dd>`);
  const listed = project?.partners;
  const partnersNote = listed
    ? `${words.partnersListed(count, listed.value)} (${words.line.toLowerCase()} ${listed.at.line})`
    : '';
  return html`<section class="key-figures" aria-label="${words.keyFigures}">
<dl class="keys">
${key('total-budget', words.totalBudget, ctx.money(summary.budget), words.sumOfBudgets(count))}
${key('eu-funds', words.euFunds, ctx.money(summary.euAmount), words.sumOfEuFunds)}
${key('average-eu-rate', words.averageEuRate, ctx.pct(summary.averageEuRate), words.euFundsOverBudget)}
${key('partners', words.partners, String(count), partnersNote)}
</dl>
${facts.length > 0 ? html`<dl class="facts">${facts}</dl>` : ''}
</section>`;
}

/** The px a column needs: its widest cell, its bold total, or its heading's longest word (headings wrap). */
function columnWidth(head: string, cells: readonly string[], total = ''): number {
  const word = Math.max(...head.split(/\s+/).map((w) => textWidth(w, true)));
  return Math.max(word, textWidth(total, true), ...cells.map((c) => textWidth(c))) + PADDING;
}

/**
 * The sources of each part of the partners × sources table: as many as fit
 * across the page beside the partner's name (and, in the first part, its
 * line, country and budget; in the last, its EU rate and share).
 */
function sourceParts(
  ctx: Context,
  checks: readonly PartnerCheck[],
  cells: (source: SourceTotal) => string[],
): SourceTotal[][] {
  const { words, summary } = ctx;
  const partners = summary.partners;
  const name = Math.min(
    NAME_WIDTH,
    columnWidth(
      words.partner,
      partners.map((p) => p.partner),
      words.total,
    ),
  );
  const first =
    name +
    columnWidth(
      words.line,
      checks.map((c) => String(c.at.line)),
    ) +
    columnWidth(
      words.country,
      partners.map((p) => p.country ?? ''),
    ) +
    columnWidth(
      words.budget,
      partners.map((p) => ctx.amount(p.budget)),
      ctx.amount(summary.budget),
    );
  const tail =
    columnWidth(
      words.euRate,
      partners.map((p) => ctx.pct(p.euRate)),
      ctx.pct(summary.averageEuRate),
    ) +
    columnWidth(
      words.share,
      partners.map((p) => ctx.pct(p.shareOfProject)),
      ctx.pct(new Decimal(100)),
    );
  const parts: SourceTotal[][] = [];
  let current: SourceTotal[] = [];
  let used = first;
  for (const source of summary.sources) {
    const width = columnWidth(source.label, cells(source), ctx.amount(source.amount));
    if (current.length > 0 && used + width > PAGE_WIDTH) {
      parts.push(current);
      current = [];
      used = name;
    }
    current.push(source);
    used += width;
  }
  if (current.length > 0 && used + tail > PAGE_WIDTH) {
    parts.push(current);
    current = [];
  }
  parts.push(current);
  return parts;
}

/** "(part 2 of 3)" beside the heading of a table cut into parts. */
const partLabel = (words: ReportWords, part: number, parts: number) =>
  html`<span class="part">(${words.partnersAndSourcesPart(part, parts)})</span>`;

function partnersTables(input: HtmlReportInput, ctx: Context, checks: readonly PartnerCheck[]): Html {
  const { words, summary } = ctx;
  const amountOf = (p: PartnerSummary, s: SourceTotal) => {
    const value = partnerAmount(p, s);
    return value ? ctx.amount(value) : '';
  };
  const parts = sourceParts(ctx, checks, (s) => summary.partners.map((p) => amountOf(p, s)));
  const tables = parts.map((sources, index) => {
    // the partner's own columns (line, country, budget) in the first part, its EU rate and share in the last
    const first = index === 0;
    const last = index === parts.length - 1;
    const ownHeads = first
      ? [
          html`<th scope="col" class="line own">${words.line}</th>`,
          html`<th scope="col" class="own">${words.country}</th>`,
          html`<th scope="col" class="num own">${words.budget}</th>`,
        ]
      : '';
    const tailHeads = last
      ? [
          html`<th scope="col" class="num own">${words.euRate}</th>`,
          html`<th scope="col" class="num own">${words.share}</th>`,
        ]
      : '';
    const heads = [columnHead(words.partner), ownHeads, sources.map((s) => figureHead(s.label)), tailHeads];
    const rows = summary.partners.map((p, i) => {
      const own = first
        ? [
            html`<td class="line">${checks[i]?.at.line ?? ''}</td>`,
            html`<td>${p.country ?? ''}</td>`,
            figureCell(ctx.amount(p.budget)),
          ]
        : '';
      const amounts = sources.map((s) => figureCell(amountOf(p, s)));
      const tail = last ? [figureCell(ctx.pct(p.euRate)), figureCell(ctx.pct(p.shareOfProject))] : '';
      return html`<tr data-partner-row>${rowHead(p.partner)}${own}${amounts}${tail}</tr>`;
    });
    const ownTotals = first
      ? html`<td></td><td></td><td class="num" data-total="budget">${ctx.amount(summary.budget)}</td>`
      : '';
    const sourceTotals = sources.map((s) => html`<td class="num" data-total="${s.id}">${ctx.amount(s.amount)}</td>`);
    const wholeShare = summary.budget.isZero() ? ZERO : new Decimal(100);
    const tailTotals = last ? [figureCell(ctx.pct(summary.averageEuRate)), figureCell(ctx.pct(wholeShare))] : '';
    const totals = [rowHead(words.total), ownTotals, sourceTotals, tailTotals];
    const total = html`<tr class="total" data-total-row>${totals}</tr>`;
    const caption =
      parts.length > 1 ? html`<h3>${words.partnersAndSources} ${partLabel(words, index + 1, parts.length)}</h3>` : '';
    const table = headAndBody(heads, [rows, total]);
    return html`${caption}<table class="partners" data-part="${index + 1}">${table}</table>`;
  });
  return html`${tables}<p class="caption">${words.amountsIn(summary.currency)} ${words.tableSource(input.file)}</p>`;
}

function charts(ctx: Context): Html {
  const { words, summary } = ctx;
  const heads = [`${words.amount}, ${summary.currency}`, words.share];
  const sourceColour = new Map(summary.sources.map((s, i) => [s, seriesColour(i)]));
  const bySource: ChartRow[] = summary.sources.map((s) => ({
    label: s.label,
    segments: [{ amount: s.amount, colour: sourceColour.get(s)!, title: `${s.label}: ${ctx.money(s.amount)}` }],
    figures: [ctx.amount(s.amount), ctx.share(s.amount)],
  }));
  const kindColour = {
    'eu-fund': seriesColour(0),
    public: seriesColour(1),
    'automatic-public': seriesColour(2),
    private: seriesColour(3),
  } as const;
  const byKind: ChartRow[] = summary.kinds.map((k) => ({
    label: words.kindNames[k.kind],
    segments: [
      { amount: k.amount, colour: kindColour[k.kind], title: `${words.kindNames[k.kind]}: ${ctx.money(k.amount)}` },
    ],
    figures: [ctx.amount(k.amount), ctx.share(k.amount)],
  }));
  const byPartner: ChartRow[] = summary.partners.map((p) => ({
    label: p.partner,
    segments: summary.sources.map((s) => {
      const amount = partnerAmount(p, s) ?? ZERO;
      return { amount, colour: sourceColour.get(s)!, title: `${p.partner}, ${s.label}: ${ctx.money(amount)}` };
    }),
    figures: [ctx.amount(p.budget), ctx.pct(p.shareOfProject)],
  }));
  const legendItems = summary.sources.map((s) => html`<li>${swatch(sourceColour.get(s)!)}${s.label}</li>`);
  const legend = html`<ul class="legend" aria-label="${words.legend}">${legendItems}</ul>`;
  return html`<section class="charts"><h2>${words.charts}</h2>
${barChart(words.bySource, bySource, heads)}
${barChart(words.byKind, byKind, heads)}
${barChart(words.byPartner, byPartner, [`${words.budget}, ${summary.currency}`, words.share], legend)}
<p class="caption">${words.chartNote}</p></section>`;
}

function categoriesAndCountries(ctx: Context): Html {
  const { words, summary } = ctx;
  const categoryHeads = [
    columnHead(words.category),
    figureHead(html`${words.amount}, ${summary.currency}`),
    figureHead(words.share),
  ];
  const categoryRows = summary.categories.map((c) => {
    const figures = [ctx.amount(c.amount), ctx.share(c.amount)];
    return html`<tr>${rowHead(words.categoryNames[c.category])}${figures.map(figureCell)}</tr>`;
  });
  const categoryTable = html`<table class="categories">${headAndBody(categoryHeads, categoryRows)}</table>`;
  const categories = summary.categories.length === 0 ? '' : html`<h3>${words.costCategories}</h3>${categoryTable}`;
  const countryHeads = [
    columnHead(words.country),
    figureHead(html`${words.budget}, ${summary.currency}`),
    figureHead(html`${words.euFunds}, ${summary.currency}`),
    figureHead(words.share),
  ];
  const countryRows = summary.countries.map((c) => {
    const figures = [ctx.amount(c.budget), ctx.amount(c.euAmount), ctx.share(c.budget)];
    return html`<tr>${rowHead(c.country)}${figures.map(figureCell)}</tr>`;
  });
  const countryTable = html`<table class="countries">${headAndBody(countryHeads, countryRows)}</table>`;
  const countries = html`<h3>${words.byCountry}</h3>${countryTable}`;
  return html`<section class="breakdowns"><h2>${words.breakdowns}</h2>${categories}${countries}</section>`;
}

function findings(input: HtmlReportInput, ctx: Context): Html {
  const { words } = ctx;
  const heading = html`<h2>${words.findings}</h2>`;
  if (input.findings.length === 0)
    return html`<section class="findings">${heading}<p data-findings="0">${words.noFindings}</p></section>`;
  const rows = input.findings
    .map((finding) => localFinding(finding, ctx.locale))
    .map((f) => {
      const severity = html`<span class="sev sev-${f.severity}">${words.severities[f.severity]}</span>`;
      const place = f.line === undefined ? '' : `${f.line}:${f.column ?? 1}`;
      const hint = f.hint ? html`<br><span class="hint">${f.hint}</span>` : '';
      const message = html`${f.message} <span class="code">[${f.code}]</span>${hint}`;
      const cells = html`<td>${severity}</td><td class="line">${place}</td><td>${message}</td>`;
      return html`<tr data-severity="${f.severity}">${cells}</tr>`;
    });
  const heads = [columnHead(words.severity), lineHead(words.line), columnHead(words.finding)];
  const body = headAndBody(heads, rows);
  const table = html`<table class="findings" data-findings="${input.findings.length}">${body}</table>`;
  const note = html`<p class="caption">${words.findingsNote} ${words.linesOf(input.file)}</p>`;
  return html`<section class="findings">${heading}${table}${note}</section>`;
}

function figureSources(input: HtmlReportInput, ctx: Context, checks: readonly PartnerCheck[]): Html {
  const { words, summary } = ctx;
  const exact = (value: Decimal) => formatNumber(value, Math.max(ctx.scale, value.decimalPlaces()), ctx.locale);
  // the columns: figure, rate, computed, declared, difference, status, line
  const groups = checks.map((p, i) => {
    const name = summary.partners[i]?.partner ?? p.partner ?? '';
    const value = figureCell(exact(p.budget.value));
    const place = html`<td></td><td class="line">${p.budget.at.line}</td>`;
    // a budget from cost categories is computed (their sum), else the file declares it
    const budget = p.costs
      ? html`<tr><td>${words.budgetFromCosts}</td>${EMPTY_FIGURE}${value}${EMPTY_FIGURE}${EMPTY_FIGURE}${place}</tr>`
      : html`<tr><td>${words.budget}</td>${EMPTY_FIGURE}${EMPTY_FIGURE}${value}${EMPTY_FIGURE}${place}</tr>`;
    const shares = p.shares.map((s) => {
      const rate = s.rate ?? s.derivedRate;
      const figures = [
        rate ? `${s.rate ? '' : '≈ '}${ctx.pct(rate)}` : '',
        ctx.amount(s.computed),
        s.declared ? exact(s.declared.value) : '',
        s.difference ? ctx.amount(s.difference) : '',
      ];
      const line = s.declared?.at.line ?? s.at.line;
      const status = html`<td>${words.statuses[s.status]}</td><td class="line">${line}</td>`;
      return html`<tr><td>${s.name}</td>${figures.map(figureCell)}${status}</tr>`;
    });
    return html`<tbody><tr class="group"><th colspan="7" scope="rowgroup">${name}</th></tr>${budget}${shares}</tbody>`;
  });
  const heads = [
    columnHead(words.figure),
    figureHead(words.rate),
    figureHead(words.computed),
    figureHead(words.declared),
    figureHead(words.difference),
    columnHead(words.status),
    lineHead(words.line),
  ];
  const amountsIn = words.amountsIn(summary.currency);
  return html`<section class="figure-sources"><h2>${words.figureSources}</h2>
<table class="figures"><thead><tr>${heads}</tr></thead>${groups}</table>
<p class="caption">${amountsIn} ${words.figureSourcesNote} ${words.linesOf(input.file)}</p></section>`;
}
