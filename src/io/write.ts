import { closeSync, openSync, writeSync } from 'node:fs';
import { link, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { CofinError } from '../core/errors.js';

/**
 * Writes a file without ever leaving half of one: the text goes to a
 * temporary file in the same folder, which is then hard-linked to its name
 * (fails if the name exists) or, with `force`, renamed over it. A failed
 * write leaves no partial file and the old one untouched.
 */
export async function writeNewFile(cwd: string, path: string, text: string, force = false): Promise<void> {
  const file = openNewFile(cwd, path, force);
  try {
    file.write(text);
    await file.commit();
  } finally {
    await file.discard();
  }
}

/** A file being written, out of sight until it is committed. */
export interface NewFile {
  /** Appends text; nothing is held in memory. */
  write(text: string): void;
  /** Did anything get written? */
  readonly written: boolean;
  /** Puts the file in place: fails if the name exists, unless forced. */
  commit(): Promise<void>;
  /** Removes the temporary file (after a commit, only its spare name). */
  discard(): Promise<void>;
}

function writeError(path: string, error: unknown): CofinError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EEXIST') return new CofinError('file-exists', `${path} already exists`, 'cofin never overwrites a file unless told: choose another name, or pass --force');
  if (code === 'ENOENT') return new CofinError('not-found', `${path}: no such folder`, 'create the folder first');
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return new CofinError('unwritable', `${path}: permission denied`, 'write into a folder you may write to');
  if (code === 'ENOSPC') return new CofinError('unwritable', `${path}: no space left on the device`, 'free some space and try again');
  return new CofinError('unwritable', `${path}: cannot write (${code ?? 'unknown error'})`, 'check the path');
}

/**
 * Starts a new file as a temporary file in the same folder, written as the
 * output comes (a 100 MB report is never one string), then hard-linked to
 * its name (fails if the name exists) or, with `force`, renamed over it.
 */
export function openNewFile(cwd: string, path: string, force = false): NewFile {
  const target = resolve(cwd, path);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now()}.tmp`);
  let fd: number | undefined;
  let written = false;
  try {
    fd = openSync(temp, 'wx');
  } catch (error) {
    throw writeError(path, error);
  }
  const close = () => {
    if (fd !== undefined) closeSync(fd);
    fd = undefined;
  };
  return {
    get written() {
      return written;
    },
    write(text: string) {
      try {
        // a write may take less than it is given
        const bytes = Buffer.from(text);
        for (let done = 0; done < bytes.length; ) done += writeSync(fd!, bytes, done, bytes.length - done);
        written ||= bytes.length > 0;
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
    },
  };
}
