import { CofinError, inFile } from '../core/errors.js';
import { checkBudgetStream, partnerSharesOf, type FileCheck, type PartnerCheck } from '../core/check.js';
import type { BudgetHeader, List } from '../core/model.js';
import { ProjectCollector, summarizeProject, type PartnerSummary, type ProjectSummary } from '../core/project.js';
import { readInput, type InputFormat, type InputText } from '../io/read.js';
import { InFile, isClaimText, loadClaimInput } from '../io/claim-input.js';
import { computeClaims } from '../core/claims/compute.js';
import { absorption, type Absorption } from '../core/claims/absorption.js';
import type { ClaimsReport } from '../core/claims/types.js';
import { absorptionToJsonText, absorptionToTable } from '../render/claim-report.js';
import { drained, refuseTerminal, type Io } from '../io/streams.js';
import { loadInput } from '../io/load.js';
import type { CsvDialect } from '../render/csv.js';
import { localeFromEnv, type Locale } from '../render/locale.js';
import {
  reportCsvPieces,
  reportJsonPieces,
  reportTablePieces,
  reportToMarkdown,
  type ReportVerdict,
} from '../render/report.js';
import { reportToHtml } from '../render/report-html.js';
import { terminalText } from '../render/safe-text.js';
import type { Style } from '../render/style.js';
import { WORDS } from '../render/words/index.js';
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

/** A project's report: the project's totals, and its partners (made again each time they are read when `streamed`). */
export interface ProjectReport {
  summary: ProjectSummary;
  partners: List<PartnerSummary>;
  errors: number;
  scale: number;
  title: string | undefined;
  check: FileCheck<List<PartnerCheck>>;
  header: BudgetHeader;
}

/** Loads, checks and sums a project file; prints nothing. A claim file is an error here: `loadReport` reads one. */
export async function reportCommand(options: ReportOptions, io: Io, streamed = false): Promise<ProjectReport> {
  const report = await loadReport(options, io, streamed);
  if ('claims' in report)
    throw new CofinError(
      'wrong-type',
      `${options.file}: a claim file, not a project budget`,
      'run cofin report on it from the command line, or cofin claim',
    );
  return report;
}

/**
 * A project file's report, or a claim file's absorption (a file the budget
 * reader refuses that has claims: or periods:). `streamed`: the summary keeps
 * no partner, `partners` makes them again as they are read (the JSON and CSV
 * reports write a partner at a time).
 */
async function loadReport(
  options: ReportOptions,
  io: Io,
  streamed: boolean,
): Promise<ProjectReport | { claims: ClaimsReport; absorption: Absorption }> {
  const name = options.file === '-' ? '<stdin>' : options.file;
  let input: InputText | undefined;
  try {
    input = await readInput(options.file, io, undefined, options.file === '-' ? options.input : undefined);
    const model = await loadInput(input, { sheet: options.sheet });
    // streamed: the totals and each partner's notes gathered as the check reads the partners, which are not read
    // again; a file read from disk in pieces is read again for the rows instead (a million partners' notes: 67 MB)
    const again = input.streamed ? partnerSharesOf(model) : undefined;
    const collector = streamed ? new ProjectCollector(again) : undefined;
    const checked = checkBudgetStream(model, { onShares: collector?.add });
    const { summary, partners } = collector ? collector.finish() : withPartners(summarizeProject(checked));
    // nor kept: the file's partners (a large file's parsed tree) are no longer held once they are checked
    const check = collector ? { ...checked, partners: [] } : checked;
    const header: BudgetHeader = collector ? headerOf(model) : model;
    const scale = summary.scale;
    const title = model.project?.name
      ? `${model.project.name}${model.project.programme ? ` (${model.project.programme})` : ''}`
      : undefined;
    return {
      summary,
      partners,
      errors: check.findings.filter((f) => f.severity === 'error').length,
      scale,
      title,
      check,
      header,
    };
  } catch (error) {
    if (error instanceof CofinError && input && isClaimText(input)) return claimsOf(input, options.file, name, io);
    throw error instanceof CofinError ? inFile(name, error) : error;
  }
}

async function claimsOf(
  input: InputText,
  path: string,
  name: string,
  io: Io,
): Promise<{ claims: ClaimsReport; absorption: Absorption }> {
  try {
    const { file, rates } = await loadClaimInput(input, path, io);
    const claims = computeClaims(file, { rates });
    return { claims, absorption: absorption(claims) };
  } catch (error) {
    if (error instanceof InFile) throw inFile(error.name, error.error);
    throw error instanceof CofinError ? inFile(name, error) : error;
  }
}

/**
 * Each output format's document of a report (a new format: its word in render/formats.ts, then its entry here); JSON
 * and CSV in pieces, a partner at a time.
 */
const REPORT_RENDERERS: Record<
  ReportFormat,
  (
    report: ProjectReport,
    options: ReportOptions,
    locale: Locale,
    style: Style,
  ) => string | Uint8Array | Iterable<string> | Promise<Uint8Array>
> = {
  table: (report, options, locale, style) =>
    reportTablePieces(
      report.summary,
      style,
      locale,
      report.scale,
      report.title,
      report.partners,
      verdictOf(report, options),
    ),
  json: (report, options) =>
    reportJsonPieces(report.summary, report.partners, report.scale, verdictOf(report, options)),
  csv: (report, options) =>
    reportCsvPieces(report.summary, report.partners, report.scale, csvDialectOf(options), verdictOf(report, options)),
  md: (report, options, locale) =>
    reportToMarkdown(report.summary, locale, report.scale, report.title, verdictOf(report, options)),
  async xlsx(report, options) {
    // loaded only for a workbook: the zip writer is no part of a text report's start-up
    const { reportToXlsx } = await import('../render/report-xlsx.js');
    return reportToXlsx(report.summary, report.scale, report.title, verdictOf(report, options));
  },
  html({ summary, check, header }, options, locale) {
    const file = options.file === '-' ? '<stdin>' : options.file;
    return reportToHtml({
      file,
      header,
      summary,
      partners: check.partners,
      findings: check.findings,
      locale,
      generator: GENERATOR,
    });
  },
};

/** The file's verdict and findings, which every report states (a report of a failing file must show that it fails). */
function verdictOf({ check }: ProjectReport, options: ReportOptions): ReportVerdict {
  return { file: options.file === '-' ? '<stdin>' : options.file, verdict: check.verdict, findings: check.findings };
}

export async function runReport(options: ReportOptions, io: Io, style: Style): Promise<number> {
  const render = rendererOf(REPORT_RENDERERS, options.format);
  if (options.format === 'xlsx') refuseTerminal(io.stdout, 'xlsx');
  // a document, not text for a terminal: to a file (-o) or a pipe, before any file is read
  if (options.format === 'html' && io.stdout.isTTY) {
    throw new CofinError(
      'usage',
      'the html report is a file to open in a browser, not text for a terminal',
      'write it with -o report.html, or redirect: > report.html',
    );
  }
  // the partners made again as each part of the output reads them, never all kept (the table reads them twice)
  const streamed = options.format === 'json' || options.format === 'csv' || options.format === 'table';
  const report = await loadReport(options, io, streamed);
  const locale = options.locale ?? localeFromEnv(io.env);
  if ('claims' in report) return writeAbsorption(options, io, style, locale, report.claims, report.absorption);
  const errors = report.errors;
  const document = await render(report, options, locale, style);
  if (typeof document === 'string' || document instanceof Uint8Array) io.stdout.write(document);
  else await writePieces(io.stdout, document);
  if (errors > 0) {
    const file = terminalText(options.file);
    const words = WORDS[locale];
    io.stderr.write(`cofin: ${words.reportErrors(file, errors)}\n${words.hint}: ${words.reportErrorsHint(file)}\n`);
    return 1;
  }
  return 0;
}

/** A claim file's report: table (with its chart) or JSON; its errors are `cofin claim`'s to show. */
function writeAbsorption(
  options: ReportOptions,
  io: Io,
  style: Style,
  locale: Locale,
  claims: ClaimsReport,
  a: Absorption,
): number {
  const file = options.file === '-' ? '<stdin>' : options.file;
  if (options.format === 'json') io.stdout.write(absorptionToJsonText(file, claims, a));
  else if (options.format === 'table') io.stdout.write(absorptionToTable(claims, a, style, locale));
  else
    throw new CofinError(
      'usage',
      `the report of a claim file is a table or JSON, not ${options.format}`,
      'use --format table or --format json; cofin claim --format json has every figure',
    );
  const errors = claims.findings.filter((f) => f.severity === 'error').length;
  if (errors === 0) return 0;
  const shown = terminalText(options.file);
  io.stderr.write(
    `cofin: ${shown}: ${errors} error${errors === 1 ? '' : 's'} in the claims; the ` +
      `report shows the computed amounts\nhint: run "cofin claim ${shown}" for the ` +
      `details\n`,
  );
  return 1;
}

const withPartners = (summary: ProjectSummary) => ({ summary, partners: summary.partners });

/** A file's header without its partners. */
function headerOf(file: BudgetHeader & { partners?: unknown }): BudgetHeader {
  const { partners: _, ...header } = file;
  return header;
}

/**
 * Writes the pieces in writes of about 64 KB, and waits whenever the reader
 * falls behind (a pipe): the report is never queued whole in memory.
 */
async function writePieces(output: Io['stdout'], pieces: Iterable<string>): Promise<void> {
  let chunk = '';
  for (const piece of pieces) {
    chunk += piece;
    if (chunk.length < 1 << 16) continue;
    const written = output.write(chunk);
    chunk = '';
    if (written === false) await drained(output);
  }
  if (chunk !== '') output.write(chunk);
}
