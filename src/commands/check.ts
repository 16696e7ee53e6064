import { CofinError } from '../core/errors.js';
import { checkBudgetFile, type Finding, type PartnerCheck } from '../core/check.js';
import { parseBudgetFile } from '../io/budget-file.js';
import { expandPaths, readInput, type InputFormat, type InputText } from '../io/read.js';
import { parsePartnerCsv } from '../io/csv.js';
import type { Io } from '../io/streams.js';
import type { Style } from '../render/style.js';
import { checkToGithub, checkToJson, checkToJunit, checkToTable, invalidToText } from '../render/check.js';

export interface CheckCommandOptions {
  paths: string[];
  format: string;
  strict: boolean;
  maxFileSize?: number | undefined;
  /** The format of standard input (and of files without a known extension). */
  input?: InputFormat | undefined;
}

/** One checked file: pass, fail, or invalid (could not be read or does not follow the format). */
export interface FileReport {
  file: string;
  verdict: 'pass' | 'fail' | 'invalid';
  partners: PartnerCheck[];
  findings: Finding[];
}

export interface CheckReport {
  files: FileReport[];
  summary: { files: number; passed: number; failed: number; invalid: number };
}

/** The checked model of a budget file in any of its formats. */
export function loadBudget(input: InputText) {
  return input.format === 'csv' ? parsePartnerCsv(input.text) : parseBudgetFile(input.text, input.format);
}

function invalid(file: string, error: CofinError): FileReport {
  const at = error.location;
  return {
    file,
    verdict: 'invalid',
    partners: [],
    findings: [{ code: error.code, severity: 'error', message: error.message, hint: error.hint, line: at?.line, column: at?.column, pointer: at?.pointer, partner: undefined }],
  };
}

/** Checks every file named (folders expanded); returns the report, prints nothing. */
export async function checkCommand(options: CheckCommandOptions, io: Io): Promise<CheckReport> {
  const files: FileReport[] = [];
  for (const target of await expandPaths(options.paths, io)) {
    const name = target.path === '-' ? '<stdin>' : target.path;
    if (target.error) {
      files.push(invalid(name, target.error));
      continue;
    }
    try {
      const input = await readInput(target.path, io, options.maxFileSize, target.path === '-' ? options.input : undefined);
      const model = loadBudget(input);
      const result = checkBudgetFile(model, { strict: options.strict });
      files.push({ file: name, verdict: result.verdict, partners: result.partners, findings: result.findings });
    } catch (error) {
      if (!(error instanceof CofinError)) throw error;
      files.push(invalid(name, error));
    }
  }
  const count = (verdict: FileReport['verdict']) => files.filter((f) => f.verdict === verdict).length;
  return { files, summary: { files: files.length, passed: count('pass'), failed: count('fail'), invalid: count('invalid') } };
}

export function exitCodeOf(report: CheckReport): number {
  return report.summary.invalid > 0 ? 2 : report.summary.failed > 0 ? 1 : 0;
}

export async function runCheck(options: CheckCommandOptions, io: Io, styles: { stdout: Style; stderr: Style }): Promise<number> {
  const report = await checkCommand(options, io);
  switch (options.format) {
    case 'json':
      io.stdout.write(JSON.stringify(checkToJson(report), null, 2) + '\n');
      break;
    case 'github':
      io.stdout.write(checkToGithub(report));
      break;
    case 'junit':
      io.stdout.write(checkToJunit(report));
      break;
    default:
      for (const file of report.files) {
        if (file.verdict === 'invalid') io.stderr.write(invalidToText(file, styles.stderr));
        else io.stdout.write(checkToTable(file, styles.stdout));
      }
      io.stdout.write(summaryLine(report) + '\n');
  }
  return exitCodeOf(report);
}

export function summaryLine({ summary }: CheckReport): string {
  const parts = [`${summary.passed} passed`];
  if (summary.failed > 0) parts.push(`${summary.failed} failed`);
  if (summary.invalid > 0) parts.push(`${summary.invalid} invalid`);
  return `${summary.files} file${summary.files === 1 ? '' : 's'}: ${parts.join(', ')}`;
}
