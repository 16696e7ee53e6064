import { CofinError } from '../core/errors.js';

/** What a command may write to: stdout and stderr, with their terminal-ness. Text, or bytes (a workbook). */
export interface Output {
  write(text: string | Uint8Array): unknown;
  isTTY?: boolean | undefined;
  /** A terminal's width in columns. */
  columns?: number | undefined;
}

/** Everything a command touches of its process, so tests can run it without one. */
export interface Io {
  stdout: Output;
  stderr: Output;
  stdin: NodeJS.ReadableStream;
  env: Record<string, string | undefined>;
  cwd: string;
}

/**
 * The same Io writing to another standard output. Standard input stays as
 * it was given, unread: the bin's is a getter, and making process.stdin
 * loads Node's stream modules (a few ms of every start) for a command that
 * never reads it.
 */
export function withStdout(io: Io, stdout: Output): Io {
  return {
    stdout,
    stderr: io.stderr,
    get stdin() {
      return io.stdin;
    },
    env: io.env,
    cwd: io.cwd,
  };
}

/** Which file a path or descriptor is: its device and inode (links and hard links alike). */
export interface FileIdentity {
  dev: number;
  ino: number;
}

export const sameFile = (a: FileIdentity, b: FileIdentity): boolean => a.dev === b.dev && a.ino === b.ino;

/**
 * A workbook is bytes a terminal would show as noise (and could act on):
 * it goes to `-o FILE`, or to standard output redirected to a file or a pipe.
 */
export function refuseTerminal(output: Output, format: string): void {
  if (output.isTTY) {
    throw new CofinError(
      'usage',
      `--format ${format} writes a binary workbook, not text for a terminal`,
      `write it to a file: -o report.${format} (or redirect: > report.${format})`,
    );
  }
}

/** Waits until a stream that fell behind (a pipe) has drained; a pipe closed while waiting ends the wait too. */
export function drained(output: Output): Promise<void> {
  const stream = output as Partial<NodeJS.WritableStream> & { writableNeedDrain?: boolean };
  if (!stream.writableNeedDrain || typeof stream.once !== 'function') return Promise.resolve();
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
