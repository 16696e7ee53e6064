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
    }>;
  }>;
  summary: { files: number; passed: number; failed: number; invalid: number };
}

const VERDICT: Record<string, string> = { pass: '✅ pass', fail: '❌ fail', invalid: '⚠️ invalid' };

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

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
  if (report.files.length === 0) return lines.join('\n') + '\n';
  lines.push('| File | Verdict | Partners | Errors | First error |', '| --- | --- | ---: | ---: | --- |');
  for (const file of report.files) {
    const errors = file.findings.filter((f) => f.severity === 'error');
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
