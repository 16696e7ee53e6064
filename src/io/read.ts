import { closeSync, constants, fstatSync, openSync, readSync, readdirSync, statSync, type Dirent } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { nearFileName } from './suggest.js';
import { looksLikeRateTable } from './looks-like.js';
import { CofinError } from '../core/errors.js';
import { lineColumn } from '../core/position.js';
import { compileExclude, DEFAULT_EXCLUDES, type Exclude } from './config.js';
import type { FileIdentity, Io } from './streams.js';
import type { PassedOverReason } from '../core/check/types.js';

/** The extensions a folder's walk takes: `.yaml`, `.yml`, `.json`, `.csv`. */
export const BUDGET_EXTENSIONS = Object.values(INPUT_FILES).flatMap((file) => (file.inFolders ? file.extensions : []));
export const DEFAULT_MAX_FILE_SIZE = 64 * 1024 * 1024;

import { INPUT_FILES, INPUT_FORMATS, type InputFormat } from './input-formats.js';
export type { InputFormat } from './input-formats.js';

/** A budget file, ready to parse: a text format's decoded text, or a workbook's bytes (its `text` is then empty). */
export interface InputText {
  text: string;
  format: InputFormat;
  /** A workbook's bytes (format `xlsx`). */
  bytes?: Uint8Array;
}

/** A zip archive's first bytes: an .xlsx workbook is one. */
const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Decodes UTF-8 (a BOM is accepted); UTF-16 and invalid bytes are refused with their place. */
export function decodeUtf8(bytes: Uint8Array): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new CofinError(
      'encoding',
      'the file is UTF-16, not UTF-8',
      'save it as UTF-8 (in Excel: "CSV UTF-8"; in an editor: encoding UTF-8)',
      { line: 1, column: 1 },
    );
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, nul));
    throw new CofinError(
      'encoding',
      'the file holds binary data (a NUL byte), not text',
      'give cofin a YAML, JSON or CSV budget file, or an .xlsx workbook',
      lineColumn(before, before.length),
    );
  }
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    const lossy = new TextDecoder('utf-8').decode(bytes);
    throw new CofinError(
      'encoding',
      'the file is not valid UTF-8',
      'save it as UTF-8; Windows-1257 or Latin-1 text must be converted first',
      lineColumn(lossy, lossy.indexOf('\ufffd')),
    );
  }
}

function formatOf(name: string, text: string): InputFormat {
  const extension = extname(name).toLowerCase();
  const named = INPUT_FORMATS.find((format) => INPUT_FILES[format].extensions.includes(extension));
  if (named !== undefined && named !== 'xlsx') return named; // a workbook is known by its bytes, before its text
  if (/^\s*[{[]/.test(text)) return 'json';
  // a partner table's header row: partner;country;budget;... (or with commas or tabs)
  return /^\s*"?partner"?\s*[;,\t]/i.test(text) ? 'csv' : 'yaml';
}

async function readStdin(stream: NodeJS.ReadableStream, maxSize: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += buffer.length;
    if (size > maxSize)
      throw new CofinError(
        'too-large',
        `standard input is larger than ${maxSize} bytes`,
        'raise --max-file-size if the file is genuine',
      );
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** A did-you-mean for a file that is not there: the closest name in its folder, if one is near. */
function nearbyFile(cwd: string, path: string): string | undefined {
  try {
    const folder = dirname(path);
    const near = nearFileName(basename(path), readdirSync(resolve(cwd, folder)));
    return near === undefined
      ? undefined
      : `did you mean ${folder === '.' && !path.startsWith('./') ? near : join(folder, near)}?`;
  } catch {
    return undefined;
  }
}

/** Reads a file of known size; it may still grow or shrink while read. */
function readAll(fd: number, size: number): Uint8Array {
  const buffer = Buffer.allocUnsafe(size);
  let read = 0;
  while (read < size) {
    const n = readSync(fd, buffer, read, size - read, read);
    if (n === 0) break;
    read += n;
  }
  return buffer.subarray(0, read);
}

/** Reads a budget file, or standard input for `-`. Never writes. */
export async function readInput(
  path: string,
  io: Io,
  maxSize = DEFAULT_MAX_FILE_SIZE,
  format?: InputFormat,
): Promise<InputText> {
  let bytes: Uint8Array;
  if (path === '-') {
    bytes = await readStdin(io.stdin, maxSize);
  } else {
    // Synchronous: one file at a time, and each await would cost a thread-pool round trip.
    let fd: number | undefined;
    try {
      // Opened without waiting (a FIFO would otherwise wait for a writer), then asked what it is.
      fd = openSync(resolve(io.cwd, path), constants.O_RDONLY | constants.O_NONBLOCK);
      const info = fstatSync(fd);
      if (info.isDirectory())
        throw new CofinError('not-found', 'is a folder, not a budget file', 'name a .yaml, .yml, .json or .csv file');
      if (!info.isFile())
        throw new CofinError('unreadable', 'is not a regular file', 'name a .yaml, .yml, .json or .csv file');
      if (info.size > maxSize)
        throw new CofinError(
          'too-large',
          `the file is ${info.size} bytes, more than the limit of ${maxSize}`,
          'raise --max-file-size if the file is genuine',
        );
      bytes = readAll(fd, info.size);
    } catch (error) {
      if (error instanceof CofinError) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR')
        throw new CofinError(
          'not-found',
          'no such file',
          nearbyFile(io.cwd, path) ?? 'check the path; - reads standard input',
        );
      if (code === 'EACCES' || code === 'EPERM')
        throw new CofinError('unreadable', 'permission denied', 'cofin needs read access to the file');
      if (code === 'EISDIR')
        throw new CofinError('not-found', 'is a folder, not a budget file', 'name a .yaml, .yml, .json or .csv file');
      throw new CofinError(
        'unreadable',
        `cannot read the file (${code ?? 'unknown error'})`,
        'check the path and the file',
      );
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }
  if (bytes.length > maxSize)
    throw new CofinError(
      'too-large',
      `the input is larger than ${maxSize} bytes`,
      'raise --max-file-size if the file is genuine',
    );
  // a workbook by its name, by --input xlsx, or by its zip signature when nothing else names its format
  if (format === 'xlsx' || (format === undefined && (extname(path).toLowerCase() === '.xlsx' || isZip(bytes))))
    return { text: '', format: 'xlsx', bytes };
  const text = decodeUtf8(bytes);
  return { text, format: format ?? formatOf(path, text) };
}

/** What a path is, or undefined when it cannot be told (missing, a link loop): reading it will say why. */
function kindAt(path: string): 'file' | 'folder' | 'other' | undefined {
  try {
    const info = statSync(path, { throwIfNoEntry: false });
    return info === undefined ? undefined : info.isFile() ? 'file' : info.isDirectory() ? 'folder' : 'other';
  } catch {
    return undefined;
  }
}
const isFileAt = (path: string) => kindAt(path) === 'file';
const isDirectoryAt = (path: string) => kindAt(path) === 'folder';

/** A path to check, or a path that failed to expand (a folder with no budget files). */
export type Target = { path: string; error?: CofinError };

const DEFAULT_SKIPS = DEFAULT_EXCLUDES.map(compileExclude);

/**
 * cofin's own outputs, by their first bytes: JSON that begins as each of its JSON outputs begins (`schemaVersion`, then
 * the key that follows it there: `files` of check, `verdict` or `currency`, `budget`, `euAmount` of report, `file` of
 * claim, `currency`, `budget`, `unit` of split, `error`, `language` of extract), the CSV of `check --format csv` and the
 * long CSV of `report --format csv`. A report written with `-o` into the folder checked is then not read as a budget on
 * the next run; a budget file that merely begins with a `schemaVersion` key is read (and told it has no such key).
 */
/** A header row of these cells, any of cofin's delimiters, quoted or not. */
const csvHead = (cells: string[], end: string) =>
  new RegExp(`^\uFEFF?${cells.map((c) => `"?${c}"?`).join('[,;\t]')}${end}`);
const OWN_OUTPUT = [
  /^\uFEFF?\s*\{\s*"schemaVersion"\s*:\s*\d+\s*,\s*(?:"(?:files|verdict|file|error|language)"\s*:|"currency"\s*:\s*"[^"]*"\s*,\s*"budget"\s*:\s*"[^"]*"\s*,\s*"(?:unit|euAmount)"\s*:)/,
  csvHead(['file', 'verdict', 'partner'], '[,;\t]'),
  // the report's own columns, then its period and verdict columns, if any
  csvHead(
    ['partner', 'country', 'budget', 'source', 'name', 'kind', 'amount'],
    '(?:[,;\t]"?(?:period|verdict)"?.*)?\r?$',
  ),
];
/**
 * A file the walk passes over by its first bytes, and why: one of cofin's own outputs (`OWN_OUTPUT`), or a claim file's
 * rate table (`month,currency,rate`, or months as keys), an input of the claim files that name it (`rates:`), where it
 * is read and checked, not a budget. Undefined: a file to read.
 */
function skippedByContent(path: string, ext: string): PassedOverReason | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const head = Buffer.alloc(2048);
    const text = head.subarray(0, readSync(fd, head, 0, head.length, 0)).toString('utf8');
    const first = text.split('\n')[0] ?? '';
    if (ext === '.json' || ext === '.csv') {
      const own = OWN_OUTPUT.findIndex((sign, i) => sign.test(i === 0 ? text : first));
      if (own >= 0) return own === 0 ? 'cofin-json' : 'cofin-csv';
    }
    return looksLikeRateTable(text, ext === '.csv' ? 'csv' : ext === '.json' ? 'json' : 'yaml')
      ? 'rate-table'
      : undefined;
  } catch {
    return undefined; // read as any other file: its error is told there
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * What a walk did not read, for the summary to name: the files an exclude matched (or one of the folders above them
 * did), with the index of that exclude in `excludes`, and the files passed over by their content.
 */
export interface LeftOut {
  excluded: { file: string; exclude: number }[];
  passedOver: { file: string; reason: PassedOverReason }[];
}

/**
 * Expands paths to the budget files to check: files as given (always, even
 * when an exclude matches them), folders to every .yaml/.yml/.json/.csv below
 * them in a stable order, less what the default skips (package.json,
 * package-lock.json, tsconfig*.json, node_modules/, dot-folders, cofin's own
 * config) and `excludes` match, by the path from the folder walked, and
 * cofin's own JSON and CSV outputs and claim files' rate tables
 * (`skippedByContent`). Symbolic links to folders are not followed (no
 * loops). What the excludes and the content left out is added to `leftOut`;
 * the default skips are not (they are no budgets, and no config sets them).
 */
export function expandPaths(
  paths: readonly string[],
  io: Io,
  excludes: readonly Exclude[] = [],
  /** `--only-budgets`: a file named that a walk would pass over by its content is passed over too (a commit hook). */
  onlyBudgets = false,
  leftOut: LeftOut = { excluded: [], passedOver: [] },
): Promise<Target[]> {
  const targets: Target[] = [];
  const isBudgetEntry = (entry: Dirent, at: string) =>
    BUDGET_EXTENSIONS.includes(extname(entry.name).toLowerCase()) &&
    // a link is followed only to a file: links to folders could loop
    (entry.isFile() || (entry.isSymbolicLink() && isFileAt(resolve(io.cwd, at))));
  /** The budget files an exclude left out with the folder that holds them (default skips still apply). */
  const excludedBelow = (dir: string, from: string, exclude: number): void => {
    for (const entry of sortedEntries(resolve(io.cwd, dir))) {
      const child = join(dir, entry.name);
      const relativePath = `${from}/${entry.name}`;
      if (DEFAULT_SKIPS.some((skip) => skip.test(relativePath, entry.name, entry.isDirectory()))) continue;
      if (entry.isDirectory()) excludedBelow(child, relativePath, exclude);
      else if (isBudgetEntry(entry, child)) leftOut.excluded.push({ file: child, exclude });
    }
  };
  for (const path of paths) {
    if (path === '-') {
      targets.push({ path });
      continue;
    }
    if (!isDirectoryAt(resolve(io.cwd, path))) {
      const at = resolve(io.cwd, path);
      const reason = onlyBudgets && isFileAt(at) ? skippedByContent(at, extname(path).toLowerCase()) : undefined;
      if (reason !== undefined) {
        leftOut.passedOver.push({ file: path, reason });
        continue;
      }
      targets.push({ path });
      continue;
    }
    const found: string[] = [];
    let excluded = false;
    // Synchronous, like reading: a folder of 10 000 files would otherwise wait on 10 000 round trips.
    const walk = (dir: string, from: string): void => {
      for (const entry of sortedEntries(resolve(io.cwd, dir))) {
        const child = join(dir, entry.name);
        const relativePath = from === '' ? entry.name : `${from}/${entry.name}`;
        const folder = entry.isDirectory();
        if (DEFAULT_SKIPS.some((skip) => skip.test(relativePath, entry.name, folder))) continue;
        const exclude = excludes.findIndex((skip) => skip.test(relativePath, entry.name, folder));
        if (exclude >= 0) {
          excluded = true;
          if (folder) excludedBelow(child, relativePath, exclude);
          else if (isBudgetEntry(entry, child)) leftOut.excluded.push({ file: child, exclude });
          continue;
        }
        if (folder) {
          walk(child, relativePath);
        } else if (isBudgetEntry(entry, child)) {
          const reason = skippedByContent(resolve(io.cwd, child), extname(entry.name).toLowerCase());
          if (reason !== undefined) leftOut.passedOver.push({ file: child, reason });
          else found.push(child);
        }
      }
    };
    walk(path, '');
    if (found.length === 0)
      targets.push({
        path,
        error: excluded
          ? new CofinError(
              'not-found',
              'no budget files (.yaml, .yml, .json, .csv) in this folder but the ones excluded',
              'loosen --exclude (or exclude: in the config file), or name the files themselves',
            )
          : new CofinError(
              'not-found',
              'no budget files (.yaml, .yml, .json, .csv) in this folder',
              'name a folder that holds budget files, or the files themselves',
            ),
      });
    targets.push(...found.map((p) => ({ path: p })));
  }
  return Promise.resolve(targets);
}

/** A folder's entries sorted by name (a stable order on every system); none when it cannot be read. */
function sortedEntries(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return [];
  }
}

/**
 * Which files a command reads, as device and inode (links followed; folders
 * expanded as `check` expands them; `-` is standard input's descriptor, when
 * it has one): `-o` may name none of them.
 */
export async function inputIdentities(paths: readonly string[], io: Io): Promise<FileIdentity[]> {
  const identities: FileIdentity[] = [];
  const add = (stat: () => FileIdentity | undefined) => {
    try {
      const info = stat();
      if (info) identities.push({ dev: info.dev, ino: info.ino });
    } catch {
      // missing or unreadable: reading it will say so
    }
  };
  for (const target of await expandPaths(paths, io)) {
    if (target.error) continue;
    if (target.path === '-') {
      const fd = (io.stdin as { fd?: unknown }).fd;
      if (typeof fd === 'number') add(() => fstatSync(fd));
    } else {
      add(() => statSync(resolve(io.cwd, target.path), { throwIfNoEntry: false }));
    }
  }
  return identities;
}
