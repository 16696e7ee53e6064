import { link, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { CofinError } from '../core/errors.js';

/**
 * Writes a new file without ever overwriting one: the text goes to a
 * temporary file in the same folder, which is then hard-linked to its name
 * (fails if the name exists) and removed. A failed write leaves no partial file.
 */
export async function writeNewFile(cwd: string, path: string, text: string): Promise<void> {
  const target = resolve(cwd, path);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await writeFile(temp, text, { flag: 'wx' });
    await link(temp, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new CofinError('file-exists', `${path} already exists`, 'cofin never overwrites a file; choose another name or remove it first');
    if (code === 'ENOENT') throw new CofinError('not-found', `${path}: no such folder`, 'create the folder first');
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw new CofinError('unwritable', `${path}: permission denied`, 'write into a folder you may write to');
    if (code === 'ENOSPC') throw new CofinError('unwritable', `${path}: no space left on the device`, 'free some space and try again');
    throw new CofinError('unwritable', `${path}: cannot write (${code ?? 'unknown error'})`, 'check the path');
  } finally {
    await unlink(temp).catch(() => {});
  }
}
