import { CofinError, inFile } from '../core/errors.js';
import { checkBudgetStream, type FileCheck, type PartnerCheck } from '../core/check.js';
import type { BudgetHeader, List } from '../core/model.js';
import { summarizeProject, summarizeProjectStream, type PartnerSummary, type ProjectSummary } from '../core/project.js';
import { readInput, type InputFormat } from '../io/read.js';
import { refuseTerminal, type Io } from '../io/streams.js';
import { loadInput } from '../io/load.js';
import type { CsvDialect } from '../render/csv.js';
import { localeFromEnv, type Locale } from '../render/locale.js';
import { reportCsvPieces, reportJsonPieces, reportToMarkdown, reportToTable } from '../render/report.js';
import { reportToHtml } from '../render/report-html.js';
import { terminalText } from '../render/safe-text.js';
import type { Style } from '../render/style.js';

declare const __COFIN_VERSION__: string;
const GENERATOR = `cofin ${typeof __COFIN_VERSION__ === 'string' ? __COFIN_VERSION__ : '0.0.0-dev'}`;

export interface ReportOptions {
  file: string;
  format: string;
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

/** What `reportCommand` gives: the project's totals, and its partners (made again each time they are read when `streamed`). */
interface ReportData {
  summary: ProjectSummary;
  partners: List<PartnerSummary>;
  errors: number;
  scale: number;
  title: string | undefined;
  check: FileCheck<List<PartnerCheck>>;
  header: BudgetHeader;
}

/**
 * Loads, checks and sums a project file; prints nothing. `streamed`: the
 * summary keeps no partner, `partners` makes them again as they are read
 * (the JSON and CSV reports write a partner at a time).
 */
export async function reportCommand(options: ReportOptions, io: Io, streamed = false): Promise<ReportData> {
  const name = options.file === '-' ? '<stdin>' : options.file;
  try {
    const model = await loadInput(await readInput(options.file, io, undefined, options.file === '-' ? options.input : undefined), { sheet: options.sheet });
    const check = checkBudgetStream(model);
    const { summary, partners } = streamed ? summarizeProjectStream(check) : withPartners(summarizeProject(check));
    const scale = summary.scale;
    const title = model.project?.name ? `${model.project.name}${model.project.programme ? ` (${model.project.programme})` : ''}` : undefined;
    return { summary, partners, errors: check.findings.filter((f) => f.severity === 'error').length, scale, title, check, header: model };
  } catch (error) {
    throw error instanceof CofinError ? inFile(name, error) : error;
  }
}

export async function runReport(options: ReportOptions, io: Io, style: Style): Promise<number> {
  if (options.format === 'xlsx') refuseTerminal(io.stdout, 'xlsx');
  // a document, not text for a terminal: to a file (-o) or a pipe, before any file is read
  if (options.format === 'html' && io.stdout.isTTY) {
    throw new CofinError('usage', 'the html report is a file to open in a browser, not text for a terminal', 'write it with -o report.html, or redirect: > report.html');
  }
  const streamed = options.format === 'json' || options.format === 'csv';
  const { summary, partners, errors, scale, title, check, header } = await reportCommand(options, io, streamed);
  const locale = options.locale ?? localeFromEnv(io.env);
  if (options.format === 'html') {
    const file = options.file === '-' ? '<stdin>' : options.file;
    io.stdout.write(reportToHtml({ file, header, summary, partners: check.partners, findings: check.findings, locale, generator: GENERATOR }));
  } else if (options.format === 'json') await writePieces(io.stdout, reportJsonPieces(summary, partners, scale));
  else if (options.format === 'csv') await writePieces(io.stdout, reportCsvPieces(summary, partners, scale, csvDialectOf(options)));
  else if (options.format === 'xlsx') {
    // loaded only for a workbook: the zip writer is no part of a text report's start-up
    const { reportToXlsx } = await import('../render/report-xlsx.js');
    io.stdout.write(reportToXlsx(summary, scale, title));
  } else if (options.format === 'md') io.stdout.write(reportToMarkdown(summary, locale, scale, title));
  else io.stdout.write(reportToTable(summary, style, locale, scale, title));
  if (errors > 0) {
    const file = terminalText(options.file);
    io.stderr.write(`cofin: ${file}: ${errors} error${errors === 1 ? '' : 's'} in the figures; the report shows the computed amounts\nhint: run "cofin check ${file}" for the details\n`);
    return 1;
  }
  return 0;
}

const withPartners = (summary: ProjectSummary) => ({ summary, partners: summary.partners });

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

function drained(output: Io['stdout']): Promise<void> {
  const stream = output as Partial<NodeJS.WritableStream> & { writableNeedDrain?: boolean };
  if (!stream.writableNeedDrain || typeof stream.once !== 'function') return Promise.resolve();
  // a pipe closed while waiting never drains: its close ends the wait too
  return new Promise<void>((done) => {
    const finish = () => {
      stream.removeListener!('drain', finish);
      stream.removeListener!('close', finish);
      done();
    };
    stream.once!('drain', finish);
    stream.once!('close', finish);
  });
}
