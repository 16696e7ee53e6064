import { CofinError } from '../core/errors.js';
import { checkBudgetStream, type CheckReport, type FileReport } from '../core/check.js';
import type { IgnoredSummary } from '../core/check/types.js';
import { expandPaths, readInput, type InputFormat, type InputText, type LeftOut } from '../io/read.js';
import { looksLikeRateTable } from '../io/looks-like.js';
import { loadInput } from '../io/load.js';
import { drained, refuseTerminal, withStdout, type Io } from '../io/streams.js';
import type { CsvDialect } from '../render/csv.js';
import type { Style } from '../render/style.js';
import { compileExclude } from '../io/config.js';
import { localeFromEnv, type Locale } from '../render/locale.js';
import { WORDS } from '../render/words/index.js';
import { unknownFormat, CHECK_FORMATS, type CheckFormat } from '../render/formats.js';
import {
  checkTablePieces,
  closingLine,
  failsFile,
  fileJsonPieces,
  githubLinePieces,
  githubSummary,
  ignoredLine,
  invalidToText,
  junitDocument,
  junitLeftOut,
  junitSuite,
  leftOutLines,
  passFindings,
  passLine,
  type JunitSuite,
  type MaybeIgnored,
} from '../render/check.js';
import { jsonText, terminalText } from '../render/safe-text.js';

export interface CheckCommandOptions {
  paths: string[];
  format: CheckFormat;
  strict: boolean;
  maxFileSize?: number | undefined;
  /** The format of standard input; a named file's extension (or, without one, its first line) decides its own. */
  input?: InputFormat | undefined;
  /** `--sheet NAME|N`: the sheet of each workbook to read. */
  sheet?: string | undefined;
  /** Table output of a check of several files: `quiet` shows failures only, `verbose` every file's tables. */
  detail?: 'quiet' | 'normal' | 'verbose' | undefined;
  /** Globs skipped when a folder is walked (besides the default skips; see io/config's compileExclude). */
  exclude?: readonly string[] | undefined;
  /** Who gave which `exclude` globs: the config file (by its path) and `--exclude` (the summary names them). */
  excludedBy?: readonly { by: string; globs: readonly string[] }[] | undefined;
  /** `--only-budgets`: files named that a folder walk passes over (rate tables, cofin's outputs) are passed over. */
  onlyBudgets?: boolean | undefined;
  /** Finding codes kept in the output that do not fail a file. */
  ignore?: readonly string[] | undefined;
  /** Who gave which `ignore` codes: the config file (by its name) and `--ignore` (the table's last line names them). */
  ignoredBy?: readonly { by: string; codes: readonly string[] }[] | undefined;
  /** The output goes to a file (`-o`): it holds the reasons for invalid files too, not only stderr. */
  toFile?: boolean | undefined;
  /** Who reads `--format csv` (default rfc4180). */
  csvDialect?: CsvDialect | undefined;
  /** `--locale`: the language of the table (default: from the environment) and, given, of GitHub annotations. */
  locale?: Locale | undefined;
}

/** An invalid file: a finding for each of its errors (a reading tells them all at once, see CofinError.more). */
function invalid(file: string, error: CofinError): FileReport {
  return {
    file,
    verdict: 'invalid',
    partners: [],
    findings: [error, ...error.more].map((e) => {
      const at = e.location;
      return {
        code: e.code,
        severity: 'error' as const,
        message: e.message,
        hint: e.hint,
        line: at?.line,
        column: at?.column,
        pointer: at?.pointer,
        ...(at?.cell === undefined ? {} : { cell: at.cell }),
        partner: undefined,
      };
    }),
  };
}

type Summary = CheckReport['summary'];

async function checkOne(
  path: string,
  options: CheckCommandOptions,
  io: Io,
  onPartner?: (checked: number, of: number) => void,
): Promise<FileReport> {
  const name = path === '-' ? '<stdin>' : path;
  let input: InputText | undefined;
  try {
    input = await readInput(path, io, options.maxFileSize, path === '-' ? options.input : undefined);
    const result = checkBudgetStream(await loadInput(input, { sheet: options.sheet }), {
      strict: options.strict,
      onPartner,
      // a finding's figures make its words in another language only: an output in English does without them
      said: (options.locale ?? localeFromEnv(io.env)) !== 'en' || (options.locale ?? 'en') !== 'en',
    });
    return ignored(
      { file: name, verdict: result.verdict, partners: result.partners, findings: result.findings },
      options,
    );
  } catch (error) {
    if (!(error instanceof CofinError)) throw error;
    // a claim file is refused by the budget reader (claims:, periods:): only then is it read as one, its readers
    // loaded then (a budget's check starts without them)
    const { isClaimText } = await import('../io/claim-input.js');
    if (input && isClaimText(input)) return checkClaimFile(name, path, input, options, io);
    if (input && input.format !== 'xlsx' && looksLikeRateTable(input.text, input.format))
      return invalid(name, await rateTableNamed(input.text, input.format, name));
    return invalid(name, error);
  }
}

/**
 * A rate table named on the command line: not a budget, so invalid, but read as a rate table first, so that its own
 * error (a month given twice, a bad rate) is the one told.
 */
async function rateTableNamed(text: string, format: 'yaml' | 'json' | 'csv', name: string): Promise<CofinError> {
  const { parseRateTable } = await import('../io/rate-table.js');
  try {
    parseRateTable(text, format, name);
  } catch (error) {
    if (error instanceof CofinError) return error;
    throw error;
  }
  return new CofinError(
    'wrong-type',
    'a rate table of claim files (month, currency, rate), not a budget or a claim file',
    'check the claim files that name it in rates:, which read it (a folder check passes rate tables over)',
    { line: 1, column: 1 },
  );
}

/** `--ignore`d codes kept in the findings, not failing the file. */
function ignored(report: FileReport, options: CheckCommandOptions): FileReport {
  const ignore = options.ignore ?? [];
  if (ignore.length === 0) return report;
  const findings: MaybeIgnored[] = report.findings.map((f) => (ignore.includes(f.code) ? { ...f, ignored: true } : f));
  return { ...report, verdict: findings.some(failsFile) ? 'fail' : 'pass', findings };
}

/**
 * A claim file, computed as `cofin claim` computes it: its findings are the file's, `--strict` and `--ignore` as for a
 * budget.
 */
async function checkClaimFile(
  name: string,
  path: string,
  input: InputText,
  options: CheckCommandOptions,
  io: Io,
): Promise<FileReport> {
  const { InFile, loadClaimInput } = await import('../io/claim-input.js');
  const { computeClaims } = await import('../core/claims/compute.js');
  const { claimsSummary } = await import('../core/claims/summary.js');
  try {
    const { file, rates } = await loadClaimInput(input, path, io);
    const report = computeClaims(file, { rates });
    const findings = options.strict
      ? report.findings.map((f) => ({ ...f, severity: 'error' as const }))
      : report.findings;
    const verdict = findings.some((f) => f.severity === 'error') ? 'fail' : 'pass';
    return ignored({ file: name, verdict, partners: [], findings, claims: claimsSummary(report) }, options);
  } catch (error) {
    if (error instanceof InFile) {
      // the rate table's error, placed in the rate table: named in the message, not at a line of the claim file
      const at = error.error.location;
      const where = [error.name, at?.line, at?.column].filter((x) => x !== undefined).join(':');
      return invalid(
        name,
        new CofinError(error.error.code, `rate table ${where}: ${error.error.message}`, error.error.hint),
      );
    }
    if (!(error instanceof CofinError)) throw error;
    return invalid(name, error);
  }
}

/**
 * Checks every file named (folders expanded), one at a time, handing each
 * report to `onFile` and keeping none: memory does not grow with the files.
 */
export async function checkFiles(
  options: CheckCommandOptions,
  io: Io,
  onFile: (file: FileReport, count: number) => void | Promise<void>,
): Promise<Summary> {
  const summary: Summary = { files: 0, passed: 0, failed: 0, invalid: 0 };
  const progress = new Progress(io, options.locale ?? localeFromEnv(io.env));
  const excludes = (options.exclude ?? []).map(compileExclude);
  const leftOut: LeftOut = { excluded: [], passedOver: [] };
  const targets = await expandPaths(options.paths, io, excludes, options.onlyBudgets === true, leftOut);
  // what the walk left out is named under the summary: a config file up the tree cannot hide a failing file unseen
  if (leftOut.excluded.length > 0) {
    const globs = options.exclude ?? [];
    const whose = (glob: string) => (options.excludedBy ?? []).find((s) => s.globs.includes(glob))?.by ?? '--exclude';
    summary.excluded = leftOut.excluded.map(({ file, exclude }) => {
      const glob = globs[exclude] ?? '';
      return { file, by: whose(glob), exclude: glob };
    });
  }
  if (leftOut.passedOver.length > 0) summary.passedOver = leftOut.passedOver;
  // one file: progress by its partners (a file of 100 000 takes seconds)
  const onPartner =
    targets.length === 1 && io.stderr.isTTY
      ? (checked: number, of: number) => progress.partners(checked, of)
      : undefined;
  let stdinRead = false;
  const ignored = new IgnoredErrors();
  for (const target of targets) {
    // standard input can be read once: a second `-` would read it empty
    const again = target.path === '-' && stdinRead;
    if (target.path === '-') stdinRead = true;
    const report = target.error
      ? invalid(target.path, target.error)
      : again
        ? invalid(
            '<stdin>',
            new CofinError(
              'unreadable',
              'standard input is named twice; it can be read once',
              'name - once, or save each text to a file and name the files',
            ),
          )
        : await checkOne(target.path, options, io, onPartner);
    summary.files++;
    summary[report.verdict === 'pass' ? 'passed' : report.verdict === 'fail' ? 'failed' : 'invalid']++;
    ignored.count(report.findings);
    progress.makeRoom();
    await onFile(report, targets.length);
    progress.tick(summary.files, targets.length);
  }
  progress.clear();
  // a config file up the tree can ignore errors: a pass is shown for what it is
  const told = ignored.summary(options);
  if (told) summary.ignored = told;
  return summary;
}

/**
 * A progress line on a terminal's stderr once the work takes more than a
 * second, redrawn in place; none when stderr is piped. When standard output
 * is the same terminal, the line steps aside for each file's output and is
 * drawn again below it, so it stays visible.
 */
class Progress {
  private readonly start = Date.now();
  private readonly after: number;
  private drawn = 0;
  private text = '';
  private shown = false;

  constructor(
    private readonly io: Io,
    private readonly locale: Locale,
  ) {
    // COFIN_PROGRESS_AFTER_MS: for the terminal test, which cannot wait a second per case
    const after = Number(io.env.COFIN_PROGRESS_AFTER_MS);
    this.after = Number.isFinite(after) && after >= 0 ? after : 1000;
  }

  tick(count: number, of: number): void {
    this.draw(count, of, 'files');
  }

  /** One file's partners, as they are checked. */
  partners(count: number, of: number): void {
    // asked after every partner: the clock is read once in 1 024
    if ((count & 1023) === 0) this.draw(count, of, 'partners');
  }

  private draw(count: number, of: number, what: 'files' | 'partners'): void {
    if (!this.io.stderr.isTTY) return;
    const now = Date.now();
    const elapsed = now - this.start;
    if (elapsed < this.after) return;
    if (now - this.drawn >= Math.min(100, this.after) || this.text === '') {
      this.drawn = now;
      this.text = WORDS[this.locale].progress(
        count,
        of,
        elapsed > 0 ? Math.round((count * 1000) / elapsed) : undefined,
        (elapsed / 1000).toFixed(1),
        what,
      );
    } else if (this.shown) {
      return; // still on screen and not due for a new figure
    }
    this.io.stderr.write(`\r\u001b[K${this.text}`);
    this.shown = true;
  }

  /** Before a file's output: off the screen if that output goes to the same terminal. */
  makeRoom(): void {
    if (this.io.stdout.isTTY) this.clear();
  }

  clear(): void {
    if (this.shown) this.io.stderr.write('\r\u001b[K');
    this.shown = false;
  }
}

/** Checks every file named and returns the whole report (for the library and tests; the CLI streams). */
export async function checkCommand(options: CheckCommandOptions, io: Io): Promise<CheckReport> {
  const files: FileReport[] = [];
  const summary = await checkFiles(options, io, (file) => {
    files.push(file);
  });
  return { files, summary };
}

export function exitCodeOf(summary: Summary): number {
  return summary.invalid > 0 ? 2 : summary.failed > 0 ? 1 : 0;
}

/** Standard output gathered into large writes, which waits for a slow reader. */
type BufferedOutput = Io['stdout'] & { flush(): void; settle(): Promise<void> };

/**
 * Gathers small writes into large ones (a folder of 10 000 files is otherwise
 * 10 000 system calls) and tells when the reader is behind: a pipe to a slow
 * reader would otherwise queue the whole report in memory.
 */
function buffered(output: Io['stdout'], closed: () => boolean): BufferedOutput {
  let parts: string[] = [];
  let size = 0;
  let behind = false;
  const send = (text: string) => {
    if (closed()) return; // the reader went away: the rest is checked, not written
    if (output.write(text) === false) behind = true;
  };
  const flush = () => {
    if (parts.length > 0) send(parts.join(''));
    parts = [];
    size = 0;
  };
  return {
    isTTY: output.isTTY,
    write(text: string) {
      if (text.length > 1 << 16) {
        // a large piece goes out as it is: joining would copy it
        flush();
        send(text);
        return !behind;
      }
      parts.push(text);
      size += text.length;
      if (size > 1 << 16 || output.isTTY) flush();
      return !behind;
    },
    flush,
    async settle() {
      if (!behind) return;
      behind = false;
      if (!closed()) await drained(output);
    },
  };
}

/**
 * `cofin check big/ | head`: when the reader of standard output goes away
 * (EPIPE), the check goes on without writing, so that the exit code still
 * counts every file (a failure after the pipe closed is exit 1, not 0).
 * The process's own handlers (the bin's: exit quietly with the code so far)
 * are set aside and given every other error. They are not put back when the
 * check ends: the last write's EPIPE arrives after it, and would end the
 * process before the exit code is set.
 */
function holdClosedPipe(output: Io['stdout']): { closed: () => boolean } {
  type Listener = (...args: unknown[]) => void;
  const stream = output as {
    listeners?: (event: string) => Listener[];
    on?: (event: string, listener: Listener) => unknown;
    removeListener?: (event: string, listener: Listener) => unknown;
  };
  let closed = false;
  if (
    typeof stream.listeners !== 'function' ||
    typeof stream.on !== 'function' ||
    typeof stream.removeListener !== 'function'
  ) {
    return { closed: () => closed };
  }
  const others = stream.listeners('error');
  const mine = (...args: unknown[]) => {
    const error = args[0] as NodeJS.ErrnoException;
    if (error?.code === 'EPIPE') closed = true;
    else for (const other of others) other(...args);
  };
  for (const other of others) stream.removeListener('error', other);
  stream.on('error', mine);
  return { closed: () => closed };
}

export async function runCheck(
  options: CheckCommandOptions,
  processIo: Io,
  styles: { stdout: Style; stderr: Style },
): Promise<number> {
  if (options.format === 'xlsx') return writeCheckWorkbook(options, processIo, styles.stderr);
  const pipe = holdClosedPipe(processIo.stdout);
  const stdout = buffered(processIo.stdout, pipe.closed);
  const io = withStdout(processIo, stdout);
  try {
    return await writeCheck(options, io, stdout, styles);
  } finally {
    stdout.flush();
  }
}

async function writeCheck(
  options: CheckCommandOptions,
  io: Io,
  stdout: BufferedOutput,
  styles: { stdout: Style; stderr: Style },
): Promise<number> {
  let summary: Summary;
  // people's text follows the environment; annotations only a --locale given (a CI runner's LANG says nothing of its
  // readers)
  const locale = options.locale ?? localeFromEnv(io.env);
  switch (options.format) {
    case 'json': {
      let first = true;
      io.stdout.write('{\n  "schemaVersion": 1,\n  "files": [');
      summary = await checkFiles(options, io, async (file) => {
        stdout.write(first ? '\n' : ',\n');
        await writePieces(stdout, fileJsonPieces(file));
        first = false;
      });
      io.stdout.write(`${first ? '' : '\n  '}],\n  "summary": ${indent(jsonText(summary, 2), '  ').trimStart()}\n}\n`);
      break;
    }
    case 'github': {
      summary = await checkFiles(options, io, async (file) => {
        await writePieces(stdout, githubLinePieces(file, options.locale ?? 'en'));
      });
      io.stdout.write(githubSummary(summary, options.locale ?? 'en'));
      break;
    }
    case 'csv': {
      const { CheckCsv } = await import('../render/check-sheet.js');
      const csv = new CheckCsv(options.csvDialect);
      io.stdout.write(csv.header());
      summary = await checkFiles(options, io, async (file) => {
        // the row says "invalid"; the reason goes to stderr, as in the table
        if (file.verdict === 'invalid') io.stderr.write(invalidToText(file, styles.stderr, locale));
        await writePieces(stdout, csv.rows(file));
      });
      // the rows have no summary: what the walk left out is said beside the reasons for invalid files
      io.stderr.write(leftOutText(summary, locale));
      break;
    }
    case 'junit': {
      const suites: JunitSuite[] = [];
      summary = await checkFiles(options, io, (file) => {
        suites.push(junitSuite(file));
      });
      io.stdout.write(junitDocument([...suites, ...junitLeftOut(summary)]));
      break;
    }
    case 'table': {
      // One file: its tables. Several: a line per passing file, failures in full, and a closing list of failures.
      const detail = options.detail ?? 'normal';
      const closing: string[] = [];
      let endsBlank = true; // a file's tables end with a blank line, a passing file's line does not
      summary = await checkFiles(options, io, async (file, count) => {
        const many = count > 1;
        if (file.verdict === 'pass') {
          if (detail === 'quiet') return;
          if (many && detail === 'normal') {
            if (!stdout.write(passLine(file, styles.stdout, locale))) await stdout.settle();
            // a passing file's warnings and notes are told under its line: a line alone would hide them
            await writePieces(stdout, passFindings(file, styles.stdout, locale));
            endsBlank = false;
            return;
          }
        } else if (many) {
          closing.push(closingLine(file, styles.stdout, locale));
        }
        if (file.verdict === 'invalid') {
          io.stderr.write(invalidToText(file, styles.stderr, locale));
          if (!options.toFile) return;
          stdout.write(`${invalidToText(file, styles.stdout, locale)}\n`);
        } else {
          await writePieces(stdout, checkTablePieces(file, styles.stdout, locale));
        }
        endsBlank = true;
      });
      if (closing.length > 0) {
        stdout.write(`${endsBlank ? '' : '\n'}${closing.join('')}\n`);
        endsBlank = true;
      }
      io.stdout.write(`${endsBlank ? '' : '\n'}${summaryLine(summary, locale)}\n`);
      // a config file up the tree can ignore errors: a pass is shown for what it is (names escaped, as every name)
      const ignoredText = ignoredLine(summary, locale);
      if (ignoredText !== undefined) io.stdout.write(`${terminalText(ignoredText)}\n`);
      io.stdout.write(leftOutText(summary, locale));
      break;
    }
    case 'xlsx': // a workbook is written whole, by writeCheckWorkbook
      throw unknownFormat(options.format, CHECK_FORMATS);
    default: {
      // a library caller's string: refused, never drawn as a table (a new format: the compiler stops here)
      const unknown: never = options.format;
      throw unknownFormat(unknown, CHECK_FORMATS);
    }
  }
  return exitCodeOf(summary);
}

/**
 * The check as a workbook (shares, findings, files), written whole at the
 * end: a zip has its directory last. The rows are kept, not the files.
 */
async function writeCheckWorkbook(options: CheckCommandOptions, io: Io, stderr: Style): Promise<number> {
  refuseTerminal(io.stdout, 'xlsx');
  const { CheckWorkbook } = await import('../render/check-sheet.js');
  const workbook = new CheckWorkbook();
  const locale = options.locale ?? localeFromEnv(io.env);
  const summary = await checkFiles(options, io, (file) => {
    if (file.verdict === 'invalid') io.stderr.write(invalidToText(file, stderr, locale));
    workbook.add(file);
  });
  workbook.leftOut(summary);
  io.stderr.write(leftOutText(summary, locale));
  io.stdout.write(workbook.bytes());
  return exitCodeOf(summary);
}

/** The errors the files' ignored codes let pass, and whose ignore: lists did it (a config file up the tree). */
class IgnoredErrors {
  private errors = 0;
  private readonly codes = new Set<string>();

  count(findings: readonly MaybeIgnored[]): void {
    for (const f of findings)
      if (f.ignored === true && f.severity === 'error') {
        this.errors++;
        this.codes.add(f.code);
      }
  }

  /** How many errors, their codes and whose lists named them (`../cofin.config.yaml`), or undefined when none was. */
  summary(options: CheckCommandOptions): IgnoredSummary | undefined {
    if (this.errors === 0) return undefined;
    const by = (options.ignoredBy ?? []).filter((s) => s.codes.some((code) => this.codes.has(code)));
    return {
      errors: this.errors,
      codes: [...this.codes].sort(),
      by: by.length > 0 ? by.map((s) => s.by) : ['--ignore'],
    };
  }
}

/** The lines naming what the walk left out, for a terminal (names escaped as every name there is). */
const leftOutText = (summary: Summary, locale: Locale) =>
  leftOutLines(summary, locale)
    .map((line) => `${terminalText(line.text)}\n`)
    .join('');

const indent = (text: string, by: string) => text.replace(/^/gm, by);

/** Writes the pieces, waiting whenever the reader falls behind. */
async function writePieces(stdout: BufferedOutput, pieces: Iterable<string>): Promise<void> {
  for (const piece of pieces) if (!stdout.write(piece)) await stdout.settle();
}

export function summaryLine(summary: Summary, locale: Locale = 'en'): string {
  return WORDS[locale].summary(summary.files, summary.passed, summary.failed, summary.invalid);
}
