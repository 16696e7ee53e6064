import { markdownCell } from './safe-text.js';

/** The parts of `cofin check --format json` (schema version 1) a Markdown summary shows. */
export interface CheckJson {
  files: Array<{
    file: string;
    verdict: string; // 'pass', 'fail' or 'invalid'
    partners: Array<{ partner: string | null }>;
    findings: Array<{
      code: string;
      severity: string;
      message: string;
      line: number | null;
      column: number | null;
      cell?: string;
      ignored?: boolean;
    }>;
  }>;
  summary: {
    files: number;
    passed: number;
    failed: number;
    invalid: number;
    excluded?: Array<{ file: string; by: string; exclude: string }>;
    passedOver?: Array<{ file: string; reason: string }>;
    ignored?: { errors: number; codes: string[]; by: string[] };
  };
}

const VERDICT: Record<string, string> = { pass: '✅ pass', fail: '❌ fail', invalid: '⚠️ invalid' };

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The files named, up to five, then how many more. */
const named = (files: readonly { file: string }[]) =>
  files
    .slice(0, 5)
    .map((f) => markdownCell(f.file))
    .join(', ') + (files.length > 5 ? ` and ${files.length - 5} more` : '');

/**
 * A line each for the files excluded (by which globs and whose), passed over as no budget files, and the errors ignored
 * (by which codes and whose), as the table says them under its summary.
 */
function leftOut(summary: CheckJson['summary']): string[] {
  const lines: string[] = [];
  const excluded = summary.excluded ?? [];
  if (excluded.length > 0) {
    const globs = [...new Set(excluded.map((f) => f.exclude))].map(markdownCell).join(', ');
    const by = [...new Set(excluded.map((f) => f.by))].map(markdownCell).join(' and ');
    lines.push(`${plural(excluded.length, 'file')} excluded (${globs}) by ${by}: ${named(excluded)}`);
  }
  const passedOver = summary.passedOver ?? [];
  if (passedOver.length > 0)
    lines.push(
      `${plural(passedOver.length, 'file')} passed over as no budget file${passedOver.length === 1 ? '' : 's'}: ` +
        named(passedOver),
    );
  const ignored = summary.ignored;
  if (ignored !== undefined)
    lines.push(
      `${plural(ignored.errors, 'error')} ignored (${ignored.codes.map(markdownCell).join(', ')}) by ` +
        ignored.by.map(markdownCell).join(' and '),
    );
  return lines;
}

/**
 * A Markdown summary of a check (a GitHub job summary, a pull-request
 * comment): a line of counts, then a table of the files, their verdicts,
 * how many errors, and the first error of each file that does not pass.
 * Every cell is escaped (see safe-text `markdownCell`): a file name or a
 * message cannot add a cell, a link or HTML.
 */
export function checkToMarkdown(report: CheckJson, title = 'cofin check'): string {
  const { summary } = report;
  const counts = [
    `${summary.passed} passed`,
    ...(summary.failed ? [`${summary.failed} failed`] : []),
    ...(summary.invalid ? [`${summary.invalid} invalid`] : []),
  ];
  const lines = [`## ${markdownCell(title)}`, '', `${plural(summary.files, 'file')}: ${counts.join(', ')}`, ''];
  // what the walk left out and the errors ignored, and whose lists: a config file up the tree hides nothing unseen
  for (const line of leftOut(summary)) lines.push(line, '');
  if (report.files.length === 0) return lines.join('\n') + '\n';
  lines.push('| File | Verdict | Partners | Errors | First error |', '| --- | --- | ---: | ---: | --- |');
  for (const file of report.files) {
    // an ignored error failed no file: counted on the line under the counts, not as the file's error
    const errors = file.findings.filter((f) => f.severity === 'error' && f.ignored !== true);
    const first = file.verdict === 'pass' ? undefined : errors[0];
    const at = first?.cell ? `${first.cell}: ` : first?.line ? `line ${first.line}: ` : '';
    const firstCell = first ? `${markdownCell(at + first.message)} (${markdownCell(first.code)})` : '';
    lines.push(
      `| ${markdownCell(file.file)} ` +
        `| ${VERDICT[file.verdict] ?? markdownCell(file.verdict)} ` +
        `| ${file.partners.length} | ${errors.length} | ${firstCell} |`,
    );
  }
  return lines.join('\n') + '\n';
}
