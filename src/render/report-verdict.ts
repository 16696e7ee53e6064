import type { Finding } from '../core/check.js';
import { findingToJson, findingToText } from './check.js';
import type { CsvWriter } from './csv.js';
import type { Locale } from './locale.js';
import { REPORT_WORDS } from './report-words.js';
import { jsonSafe, markdownCell, terminalText } from './safe-text.js';
import type { Style } from './style.js';
import { WORDS, localFinding } from './words/index.js';

/**
 * What the check of a report's file found: every report format states it, so that a report of a file whose figures
 * do not agree never reads as a clean one (the HTML report's banner and findings, in each text format).
 */
export interface ReportVerdict {
  /** The file as the user named it (`<stdin>` for `-`). */
  file: string;
  verdict: 'pass' | 'fail';
  findings: readonly Finding[];
}

const errorsOf = (checked: ReportVerdict) => checked.findings.filter((f) => f.severity === 'error').length;

/**
 * The table's verdict block, under its title: `FAIL file: 2 errors in the figures`, then each finding as
 * `cofin check` prints it (`file:line:col: error: message [code]` and its hint), warnings and notes too.
 */
export function* verdictTablePieces(checked: ReportVerdict, style: Style, locale: Locale): Generator<string> {
  const words = WORDS[locale];
  const w = REPORT_WORDS[locale];
  const file = terminalText(checked.file);
  const line =
    checked.verdict === 'pass'
      ? `${style.bold(style.green(words.verdicts.pass))} ${style.bold(file)}: ${w.pass}`
      : `${style.bold(style.red(words.verdicts.fail))} ${style.bold(file)}: ` +
        `${w.fail(errorsOf(checked))}; ${w.failDetail}`;
  yield `${line}\n`;
  for (const f of checked.findings) yield findingToText(checked.file, f, style, locale);
  yield '\n';
}

/**
 * The Markdown report's verdict, under its title: a bold `**FAIL**` line, then a table of the findings (severity,
 * line, the finding with its code and hint), as the HTML report lists them. Every cell through `markdownCell`.
 */
export function verdictMarkdown(checked: ReportVerdict, locale: Locale): string[] {
  const words = WORDS[locale];
  const w = REPORT_WORDS[locale];
  const file = markdownCell(checked.file);
  const out =
    checked.verdict === 'pass'
      ? [`**${words.verdicts.pass}** ${file}: ${markdownCell(w.pass)}`, '']
      : [`**${words.verdicts.fail}** ${file}: ${markdownCell(`${w.fail(errorsOf(checked))}; ${w.failDetail}`)}`, ''];
  if (checked.findings.length === 0) return out;
  out.push(`## ${w.findings}`, '', `| ${w.severity} | ${w.line} | ${w.finding} |`, '| --- | ---: | --- |');
  for (const finding of checked.findings) {
    const f = localFinding(finding, locale);
    const place = f.cell ?? (f.line === undefined ? '' : `${f.line}:${f.column ?? 1}`);
    const hint = f.hint ? ` ${markdownCell(`${words.hint}: ${f.hint}`)}` : '';
    const message = `${markdownCell(f.message)} ${markdownCell(`[${f.code}]`)}${hint}`;
    out.push(`| ${w.severities[f.severity]} | ${markdownCell(place)} | ${message} |`);
  }
  out.push('');
  return out;
}

const FINDING_HEAD = '{\n  "findings": [\n';
const FINDING_TAIL = '\n  ]\n}';

export { findingToJson };

/** The JSON report's findings, a finding at a time, each as `check --format json` writes it, indented as the report. */
export function* findingsJsonPieces(findings: readonly Finding[]): Generator<string> {
  let first = true;
  for (const f of findings) {
    const text = JSON.stringify({ findings: [findingToJson(f)] }, null, 2);
    yield (first ? '' : ',\n') + jsonSafe(text.slice(FINDING_HEAD.length, text.length - FINDING_TAIL.length));
    first = false;
  }
}

/** The CSV report's columns after its own: the file's verdict on every row, a finding's on a finding's row. */
export const VERDICT_CSV_HEADER = ['verdict', 'severity', 'code', 'line', 'column', 'message', 'hint'] as const;
export const VERDICT_CSV_COLUMNS = ['text', 'text', 'text', 'text', 'text', 'text', 'text'] as const;

/**
 * A row per finding after the partners' rows: its partner (empty for the file's own), no amounts, then the verdict
 * and the finding (severity, code, line, column, message and hint in English, as `check --format json`).
 * `before` empty cells stand for the report's own columns after the partner (country to amount, and the period).
 */
export function* findingCsvRows(
  checked: ReportVerdict,
  writer: CsvWriter,
  before: number,
  after: readonly string[] = [],
): Generator<string> {
  const empty = Array.from({ length: before }, () => '');
  for (const f of checked.findings)
    yield writer.row([
      f.partner ?? '',
      ...empty,
      checked.verdict,
      f.severity,
      f.code,
      f.line === undefined ? '' : String(f.line),
      f.column === undefined ? '' : String(f.column),
      f.message,
      f.hint ?? '',
      ...after,
    ]);
}
