import { link, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { CofinError } from '../core/errors.js';

/**
 * Writes a file without ever leaving half of one: the text goes to a
 * temporary file in the same folder, which is then hard-linked to its name
 * (fails if the name exists) or, with `force`, renamed over it. A failed
 * write leaves no partial file and the old one untouched.
 */
export async function writeNewFile(cwd: string, path: string, text: string, force = false): Promise<void> {
  const target = resolve(cwd, path);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await writeFile(temp, text, { flag: 'wx' });
    // link fails on an existing name; rename (with --force) replaces it in one step
    await (force ? rename(temp, target) : link(temp, target));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new CofinError('file-exists', `${path} already exists`, 'cofin never overwrites a file unless told: choose another name, or pass --force');
    if (code === 'ENOENT') throw new CofinError('not-found', `${path}: no such folder`, 'create the folder first');
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw new CofinError('unwritable', `${path}: permission denied`, 'write into a folder you may write to');
    if (code === 'ENOSPC') throw new CofinError('unwritable', `${path}: no space left on the device`, 'free some space and try again');
    throw new CofinError('unwritable', `${path}: cannot write (${code ?? 'unknown error'})`, 'check the path');
  } finally {
    await unlink(temp).catch(() => {});
  }
}
