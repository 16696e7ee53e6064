import { CofinError, inFile } from '../core/errors.js';
import { checkBudgetStream, type FileCheck, type PartnerCheck } from '../core/check.js';
import type { BudgetHeader, List } from '../core/model.js';
import { summarizeProject, type ProjectSummary } from '../core/project.js';
import type { InputFormat } from '../io/read.js';
import { refuseTerminal, type Io } from '../io/streams.js';
import { loadBudgetPath } from '../io/load.js';
import type { CsvDialect } from '../render/csv.js';
import { localeFromEnv, type Locale } from '../render/locale.js';
import { reportToCsv, reportToJsonText, reportToMarkdown, reportToTable } from '../render/report.js';
import { reportToHtml } from '../render/report-html.js';
import { terminalText } from '../render/safe-text.js';
import type { Style } from '../render/style.js';
import { rendererOf, type ReportFormat } from '../render/formats.js';

declare const __COFIN_VERSION__: string;
const GENERATOR = `cofin ${typeof __COFIN_VERSION__ === 'string' ? __COFIN_VERSION__ : '0.0.0-dev'}`;

export interface ReportOptions {
  file: string;
  format: ReportFormat;
  locale?: Locale | undefined;
  input?: InputFormat | undefined;
  /** `--sheet NAME|N`: the workbook's sheet to read. */
  sheet?: string | undefined;
  /** Who reads the CSV; without it, `--locale lv` (given, not from the environment) means excel-lv, else rfc4180. */
  csvDialect?: CsvDialect | undefined;
}

/** The CSV dialect: the one asked for, else Latvian Excel's for `--locale lv`, else the scripts' default. */
export function csvDialectOf(options: Pick<ReportOptions, 'csvDialect' | 'locale'>): CsvDialect {
  return options.csvDialect ?? (options.locale === 'lv' ? 'excel-lv' : 'rfc4180');
}

/** Loads, checks and sums a project file; prints nothing. */
export async function reportCommand(options: ReportOptions, io: Io): Promise<{ summary: ProjectSummary; errors: number; scale: number; title: string | undefined; check: FileCheck<List<PartnerCheck>>; header: BudgetHeader }> {
  const name = options.file === '-' ? '<stdin>' : options.file;
  try {
    const model = await loadBudgetPath(options.file, io, { input: options.input, sheet: options.sheet });
    const check = checkBudgetStream(model);
    const summary = summarizeProject(check);
    const scale = summary.scale;
    const title = model.project?.name ? `${model.project.name}${model.project.programme ? ` (${model.project.programme})` : ''}` : undefined;
    return { summary, errors: check.findings.filter((f) => f.severity === 'error').length, scale, title, check, header: model };
  } catch (error) {
    throw error instanceof CofinError ? inFile(name, error) : error;
  }
}

type Report = Awaited<ReturnType<typeof reportCommand>>;

/** Each output format's document of a report (a new format: its word in render/formats.ts, then its entry here). */
const REPORT_RENDERERS: Record<ReportFormat, (report: Report, options: ReportOptions, locale: Locale, style: Style) => string | Uint8Array | Promise<Uint8Array>> = {
  table: ({ summary, scale, title }, _options, locale, style) => reportToTable(summary, style, locale, scale, title),
  json: ({ summary, scale }) => reportToJsonText(summary, scale),
  csv: ({ summary, scale }, options) => reportToCsv(summary, scale, csvDialectOf(options)),
  md: ({ summary, scale, title }, _options, locale) => reportToMarkdown(summary, locale, scale, title),
  async xlsx({ summary, scale, title }) {
    // loaded only for a workbook: the zip writer is no part of a text report's start-up
    const { reportToXlsx } = await import('../render/report-xlsx.js');
    return reportToXlsx(summary, scale, title);
  },
  html({ summary, check, header }, options, locale) {
    const file = options.file === '-' ? '<stdin>' : options.file;
    return reportToHtml({ file, header, summary, partners: check.partners, findings: check.findings, locale, generator: GENERATOR });
  },
};

export async function runReport(options: ReportOptions, io: Io, style: Style): Promise<number> {
  const render = rendererOf(REPORT_RENDERERS, options.format);
  if (options.format === 'xlsx') refuseTerminal(io.stdout, 'xlsx');
  // a document, not text for a terminal: to a file (-o) or a pipe, before any file is read
  if (options.format === 'html' && io.stdout.isTTY) {
    throw new CofinError('usage', 'the html report is a file to open in a browser, not text for a terminal', 'write it with -o report.html, or redirect: > report.html');
  }
  const report = await reportCommand(options, io);
  const errors = report.errors;
  io.stdout.write(await render(report, options, options.locale ?? localeFromEnv(io.env), style));
  if (errors > 0) {
    const file = terminalText(options.file);
    io.stderr.write(`cofin: ${file}: ${errors} error${errors === 1 ? '' : 's'} in the figures; the report shows the computed amounts\nhint: run "cofin check ${file}" for the details\n`);
    return 1;
  }
  return 0;
}
