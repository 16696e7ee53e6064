import {
  closeSync,
  constants,
  fchmodSync,
  fchownSync,
  fstatSync,
  lstatSync,
  openSync,
  realpathSync,
  statSync,
  unlinkSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { link, rename, unlink } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { CofinError } from '../core/errors.js';
import { sameFile, type FileIdentity, type Output } from './streams.js';

/**
 * Writes a file without ever leaving half of one: the text goes to a
 * temporary file in the same folder, which is then hard-linked to its name
 * (fails if the name exists) or, with `force`, renamed over it. A failed
 * write leaves no partial file and the old one untouched. A FIFO or a device
 * is written into directly (see `openNewFile`).
 */
export async function writeNewFile(cwd: string, path: string, text: string, force = false): Promise<void> {
  const file = await openNewFile(cwd, path, { force });
  try {
    file.write(text);
    await file.commit();
  } finally {
    await file.discard();
  }
}

/** A file being written, out of sight until it is committed. */
export interface NewFile {
  /** Appends text (or bytes); nothing is held in memory. */
  write(text: string | Uint8Array): void;
  /** Did anything get written? */
  readonly written: boolean;
  /** Puts the file in place: fails if the name exists, unless forced. */
  commit(): Promise<void>;
  /** Removes the temporary file (after a commit, only its spare name). */
  discard(): Promise<void>;
}

export interface NewFileOptions {
  /** Replace an existing regular file (its permission bits are kept). */
  force?: boolean | undefined;
  /** The files the command reads: the target may be none of them, whatever `force` says. */
  inputs?: (() => Iterable<FileIdentity> | Promise<Iterable<FileIdentity>>) | undefined;
  /**
   * Streams the process already has open (its stdout and stderr, with their file descriptors):
   * a target that is one of them (`/dev/stdout`, `/proc/self/fd/1`) is written through the stream.
   */
  streams?: ReadonlyArray<{ fd: number; output: Output }> | undefined;
}

/**
 * The reader of a FIFO written with `-o` went away: the same as a closed pipe
 * on standard output, which ends quietly.
 */
export class OutputClosed extends Error {
  constructor() {
    super('the reader of the output went away');
    this.name = 'OutputClosed';
  }
}

function writeError(path: string, error: unknown): Error {
  if (error instanceof CofinError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EPIPE') return new OutputClosed();
  if (code === 'EEXIST') return exists(path);
  if (code === 'ENOENT') return new CofinError('not-found', `${path}: no such folder`, 'create the folder first');
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    return new CofinError('unwritable', `${path}: permission denied`, 'write into a folder you may write to');
  if (code === 'ENOSPC')
    return new CofinError('unwritable', `${path}: no space left on the device`, 'free some space and try again');
  if (code === 'ENAMETOOLONG')
    return new CofinError('unwritable', `${path}: the name is too long for the file system`, 'choose a shorter name');
  return new CofinError('unwritable', `${path}: cannot write (${code ?? 'unknown error'})`, 'check the path');
}

const exists = (path: string) =>
  new CofinError(
    'file-exists',
    `${path} already exists`,
    'cofin never overwrites a file unless told: choose another name, or pass --force',
  );

// ---------------------------------------------------------------------------
// Temporary files: removed when the process is interrupted or exits early.

const temporaries = new Set<string>();
const SIGNALS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

function removeTemporaries(): void {
  for (const temp of temporaries) {
    try {
      unlinkSync(temp);
    } catch {
      // already gone
    }
  }
  temporaries.clear();
}

const onSignal = (signal: NodeJS.Signals) => {
  removeTemporaries();
  process.exit(SIGNALS[signal as keyof typeof SIGNALS] ?? 1);
};

/**
 * While a temporary file exists, SIGINT, SIGTERM and SIGHUP remove it and end
 * the process with 128 + the signal's number (130, 143, 129), and any exit
 * (a closed stderr) removes it too. Without one, signals keep their default.
 */
let listening = false;

/** Before a temporary file is created, so that a signal never finds it there without a listener. */
function listen(): void {
  if (listening) return;
  for (const signal of Object.keys(SIGNALS)) process.on(signal, onSignal);
  process.on('exit', removeTemporaries);
  listening = true;
}

function unlisten(): void {
  if (!listening || temporaries.size > 0) return;
  for (const signal of Object.keys(SIGNALS)) process.off(signal, onSignal);
  process.off('exit', removeTemporaries);
  listening = false;
}

function track(temp: string): void {
  listen();
  temporaries.add(temp);
}

function untrack(temp: string): void {
  if (temporaries.delete(temp)) unlisten();
}

/** A short name, whatever the target's length: a 255-byte name must still fit. */
const temporaryName = (folder: string) => join(folder, `.cofin-${randomBytes(6).toString('hex')}.tmp`);

// ---------------------------------------------------------------------------

/** What the target is now: nothing, a regular file, or something written into as it is. */
function statOrNothing(target: string, path: string): Stats | undefined {
  try {
    return statSync(target, { throwIfNoEntry: false });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP')
      throw new CofinError('unwritable', `${path}: a loop of symbolic links`, 'name a file, or fix the link');
    if (code === 'ENOTDIR') throw new CofinError('not-found', `${path}: no such folder`, 'create the folder first');
    throw writeError(path, error);
  }
}

function isSymbolicLink(target: string): boolean {
  try {
    return lstatSync(target).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Writes every byte (a write may take less than it is given). */
function writeAll(fd: number, text: string | Uint8Array): number {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done, bytes.length - done);
  return bytes.length;
}

/**
 * Opens where a command's output goes, `-o FILE`:
 *
 * - a new name: a temporary file (short name) in the same folder, written as
 *   the output comes (a 100 MB report is never one string), then hard-linked
 *   to its name, which fails if the name appeared meanwhile (with `force`,
 *   renamed over it);
 * - an existing regular file: refused unless `force`; with it, the temporary
 *   file gets the old file's permission bits (and owner, when allowed) and is
 *   renamed over it in one step;
 * - a symbolic link: followed. To a regular file, the file it points to is
 *   replaced as above (the temporary file in that file's folder), and the link
 *   stays; a link to nothing is refused;
 * - a FIFO, a character device (`/dev/null`), anything that is not a regular
 *   file: written into directly, no temporary file, no rename;
 * - one of the process's own streams (`/dev/stdout`): written through it;
 * - one of the command's inputs (the same device and inode, through links
 *   or hard links): refused, with or without `force`.
 */
export async function openNewFile(cwd: string, path: string, options: NewFileOptions = {}): Promise<NewFile> {
  const target = resolve(cwd, path);
  const info = statOrNothing(target, path);
  if (info === undefined) {
    if (isSymbolicLink(target))
      throw new CofinError(
        'unwritable',
        `${path} is a symbolic link to a missing file`,
        'name the file itself, or remove the link',
      );
    return temporaryFile(path, target, undefined, options.force === true);
  }
  for (const input of (await options.inputs?.()) ?? []) {
    if (sameFile(info, input))
      throw new CofinError(
        'usage',
        `${path} is an input of this command: cofin never writes to its inputs`,
        'choose another output file with -o',
      );
  }
  if (info.isDirectory()) throw new CofinError('unwritable', `${path} is a folder`, 'name a file to write');
  for (const stream of options.streams ?? []) {
    let open: Stats;
    try {
      open = fstatSync(stream.fd);
    } catch {
      continue;
    }
    if (sameFile(info, open))
      return direct(
        path,
        (text) => stream.output.write(text),
        () => {},
      );
  }
  if (!info.isFile()) {
    let fd: number;
    try {
      // no O_CREAT: what is there is written into, never replaced; a FIFO waits for its reader here
      fd = openSync(target, constants.O_WRONLY | constants.O_NOCTTY);
    } catch (error) {
      throw writeError(path, error);
    }
    if (fstatSync(fd).isFile()) {
      // replaced by a regular file since it was looked at: start again
      closeSync(fd);
      return openNewFile(cwd, path, options);
    }
    return direct(
      path,
      (text) => writeAll(fd, text),
      () => closeSync(fd),
    );
  }
  if (!options.force) throw exists(path);
  let real = target;
  if (isSymbolicLink(target)) {
    try {
      real = realpathSync(target);
    } catch (error) {
      throw writeError(path, error);
    }
  }
  return temporaryFile(path, real, info, true);
}

/** A FIFO, a device or a stream: written as the output comes, nothing to put in place. */
function direct(path: string, send: (text: string | Uint8Array) => unknown, close: () => void): NewFile {
  let written = false;
  let closed = false;
  const end = () => {
    if (!closed) close();
    closed = true;
  };
  return {
    get written() {
      return written;
    },
    write(text: string | Uint8Array) {
      try {
        send(text);
      } catch (error) {
        throw writeError(path, error);
      }
      written ||= text.length > 0;
    },
    commit() {
      end();
      return Promise.resolve();
    },
    discard() {
      end();
      return Promise.resolve();
    },
  };
}

/**
 * A temporary file in the target's folder, put in place on commit: linked to
 * a new name, or (when `replaced` is the file found there) renamed over it
 * with its permission bits.
 */
function temporaryFile(path: string, target: string, replaced: Stats | undefined, force: boolean): NewFile {
  const folder = dirname(target);
  let temp = temporaryName(folder);
  let fd: number | undefined;
  let written = false;
  listen();
  for (let attempt = 0; fd === undefined; attempt++) {
    try {
      fd = openSync(temp, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 8) {
        unlisten();
        throw writeError(path, error);
      }
      temp = temporaryName(folder);
    }
  }
  track(temp);
  if (replaced) {
    try {
      if (replaced.uid !== process.getuid?.() || replaced.gid !== process.getgid?.())
        fchownSync(fd, replaced.uid, replaced.gid);
    } catch {
      // only root may give a file away: the new file is then the writer's
    }
    try {
      fchmodSync(fd, replaced.mode & 0o7777);
    } catch (error) {
      closeSync(fd);
      unlinkSync(temp);
      untrack(temp);
      throw writeError(path, error);
    }
  }
  const close = () => {
    if (fd !== undefined) closeSync(fd);
    fd = undefined;
  };
  return {
    get written() {
      return written;
    },
    write(text: string | Uint8Array) {
      try {
        written = writeAll(fd!, text) > 0 || written;
      } catch (error) {
        throw writeError(path, error);
      }
    },
    async commit() {
      try {
        close();
        // link fails on an existing name; rename (with --force) replaces it in one step
        await (force ? rename(temp, target) : link(temp, target));
      } catch (error) {
        throw writeError(path, error);
      }
    },
    async discard() {
      close();
      await unlink(temp).catch(() => {});
      untrack(temp);
    },
  };
}
