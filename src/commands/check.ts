import { CofinError } from '../core/errors.js';
import { checkBudgetStream, type CheckReport, type FileReport } from '../core/check.js';
import { expandPaths, readInput, type InputFormat } from '../io/read.js';
import { loadBudget } from '../io/load.js';
import type { Io } from '../io/streams.js';
import type { Style } from '../render/style.js';
import { checkTablePieces, fileJsonPieces, githubLines, githubSummary, invalidToText, junitDocument, junitSuite, type JunitSuite } from '../render/check.js';

export interface CheckCommandOptions {
  paths: string[];
  format: string;
  strict: boolean;
  maxFileSize?: number | undefined;
  /** The format of standard input (and of files without a known extension). */
  input?: InputFormat | undefined;
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

type Summary = CheckReport['summary'];

async function checkOne(path: string, options: CheckCommandOptions, io: Io): Promise<FileReport> {
  const name = path === '-' ? '<stdin>' : path;
  try {
    const input = await readInput(path, io, options.maxFileSize, path === '-' ? options.input : undefined);
    const result = checkBudgetStream(loadBudget(input), { strict: options.strict });
    return { file: name, verdict: result.verdict, partners: result.partners, findings: result.findings };
  } catch (error) {
    if (!(error instanceof CofinError)) throw error;
    return invalid(name, error);
  }
}

/**
 * Checks every file named (folders expanded), one at a time, handing each
 * report to `onFile` and keeping none: memory does not grow with the files.
 */
export async function checkFiles(options: CheckCommandOptions, io: Io, onFile: (file: FileReport) => void | Promise<void>): Promise<Summary> {
  const summary: Summary = { files: 0, passed: 0, failed: 0, invalid: 0 };
  const progress = new Progress(io, options.format === 'table' && Boolean(io.stdout.isTTY));
  for (const target of await expandPaths(options.paths, io)) {
    const report = target.error ? invalid(target.path, target.error) : await checkOne(target.path, options, io);
    summary.files++;
    summary[report.verdict === 'pass' ? 'passed' : report.verdict === 'fail' ? 'failed' : 'invalid']++;
    progress.clear();
    await onFile(report);
    progress.tick(summary.files);
  }
  progress.clear();
  return summary;
}

/** A progress line on a terminal's stderr once the work takes more than a second; none when piped. */
class Progress {
  private readonly start = Date.now();
  private drawn = 0;
  private shown = false;

  constructor(private readonly io: Io, private readonly stdoutIsTerminal: boolean) {}

  tick(count: number): void {
    if (!this.io.stderr.isTTY || this.stdoutIsTerminal) return;
    const now = Date.now();
    const elapsed = (now - this.start) / 1000;
    if (elapsed < 1 || now - this.drawn < 100) return;
    this.drawn = now;
    this.shown = true;
    this.io.stderr.write(`\r\u001b[Kchecked ${count} files, ${Math.round(count / elapsed)} files/s, ${elapsed.toFixed(1)} s`);
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
function buffered(output: Io['stdout']): BufferedOutput {
  let parts: string[] = [];
  let size = 0;
  let behind = false;
  const send = (text: string) => {
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
      const stream = output as Partial<NodeJS.WritableStream> & { writableNeedDrain?: boolean };
      if (stream.writableNeedDrain && typeof stream.once === 'function') await new Promise((done) => stream.once!('drain', done));
    },
  };
}

export async function runCheck(options: CheckCommandOptions, processIo: Io, styles: { stdout: Style; stderr: Style }): Promise<number> {
  const stdout = buffered(processIo.stdout);
  const io: Io = { ...processIo, stdout };
  try {
    return await writeCheck(options, io, stdout, styles);
  } finally {
    stdout.flush();
  }
}

async function writeCheck(options: CheckCommandOptions, io: Io, stdout: BufferedOutput, styles: { stdout: Style; stderr: Style }): Promise<number> {
  let summary: Summary;
  switch (options.format) {
    case 'json': {
      let first = true;
      io.stdout.write('{\n  "schemaVersion": 1,\n  "files": [');
      summary = await checkFiles(options, io, async (file) => {
        stdout.write(first ? '\n' : ',\n');
        await writePieces(stdout, fileJsonPieces(file));
        first = false;
      });
      io.stdout.write(`${first ? '' : '\n  '}],\n  "summary": ${indent(JSON.stringify(summary, null, 2), '  ').trimStart()}\n}\n`);
      break;
    }
    case 'github':
      summary = await checkFiles(options, io, async (file) => {
        if (!stdout.write(githubLines(file))) await stdout.settle();
      });
      io.stdout.write(githubSummary(summary));
      break;
    case 'junit': {
      const suites: JunitSuite[] = [];
      summary = await checkFiles(options, io, (file) => {
        suites.push(junitSuite(file));
      });
      io.stdout.write(junitDocument(suites));
      break;
    }
    default:
      summary = await checkFiles(options, io, async (file) => {
        if (file.verdict === 'invalid') io.stderr.write(invalidToText(file, styles.stderr));
        else await writePieces(stdout, checkTablePieces(file, styles.stdout));
      });
      io.stdout.write(summaryLine(summary) + '\n');
  }
  return exitCodeOf(summary);
}

const indent = (text: string, by: string) => text.replace(/^/gm, by);

/** Writes the pieces, waiting whenever the reader falls behind. */
async function writePieces(stdout: BufferedOutput, pieces: Iterable<string>): Promise<void> {
  for (const piece of pieces) if (!stdout.write(piece)) await stdout.settle();
}

export function summaryLine(summary: Summary): string {
  const parts = [`${summary.passed} passed`];
  if (summary.failed > 0) parts.push(`${summary.failed} failed`);
  if (summary.invalid > 0) parts.push(`${summary.invalid} invalid`);
  return `${summary.files} file${summary.files === 1 ? '' : 's'}: ${parts.join(', ')}`;
}
