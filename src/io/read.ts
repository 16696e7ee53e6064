import { closeSync, constants, fstatSync, openSync, readSync, readdirSync, statSync, type Dirent } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { isUtf8 } from 'node:buffer';
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
  /** A streamed file's text is read whole only when asked for (an error's hints), each time it is asked for. */
  readonly text: string;
  format: InputFormat;
  /** A workbook's bytes (format `xlsx`). */
  bytes?: Uint8Array;
  /** A large CSV file, read in pieces each time its rows are read instead of held (a programme's million rows). */
  streamed?: StreamedText;
}

/** A file's text in pieces, from its start, each time it is asked for; its size in bytes. */
export interface StreamedText {
  size: number;
  chunks(): Generator<string, void, undefined>;
}

/** A CSV file larger than this is streamed (`StreamedText`): under it, holding the text costs little. */
export const STREAMED_CSV_SIZE = 4 * 1024 * 1024;
const CHUNK_BYTES = 1024 * 1024;

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
  // a partner table's header row: partner;country;budget;... (or with commas or tabs; after Excel's sep=; line; the
  // Latvian Partneris, which the table's reader names in its rename hint)
  return /^\s*(?:sep=[;,\t|][ \t]*\r?\n\s*)?"?partner(?:is)?"?\s*[;,\t]/i.test(text) ? 'csv' : 'yaml';
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

/** A file that is not what it was when first read: its rows are read more than once, and each reading must agree. */
const changed = () =>
  new CofinError('unreadable', 'the file changed while cofin read it', 'check it again once it is written');

/**
 * Where the last whole UTF-8 sequence of `bytes` ends: a piece is decoded to there, and the bytes of a character cut
 * by the piece's end go to the next piece.
 */
function wholeSequencesEnd(bytes: Uint8Array, end: number): number {
  let lead = end - 1;
  while (lead >= 0 && end - lead <= 3 && ((bytes[lead] ?? 0) & 0xc0) === 0x80) lead--;
  if (lead < 0) return end;
  const first = bytes[lead] ?? 0;
  const length = first >= 0xf0 && first < 0xf8 ? 4 : first >= 0xe0 ? 3 : first >= 0xc0 ? 2 : 1;
  return lead + length > end ? lead : end;
}

/**
 * A file's text read in pieces of about a megabyte, each decoded as `decodeUtf8` decodes it (a BOM taken off), from a
 * file of the size and modification time it had when first read, whose bytes are UTF-8 without a NUL: any other
 * is refused as changed (its first reading, `readInput`'s, then reads it whole, and `decodeUtf8` tells what it is).
 * Buffer's own decoding and `isUtf8`: a streaming TextDecoder held tens of megabytes outside the heap.
 */
function* fileChunks(at: string, size: number, modified: number): Generator<string, void, undefined> {
  const fd = openSync(at, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = fstatSync(fd);
    if (info.size !== size || info.mtimeMs !== modified) throw changed();
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    let read = 0;
    let kept = 0;
    for (let first = true; ; first = false) {
      const n = readSync(fd, buffer, kept, buffer.length - kept, read);
      read += n;
      if (read > size) throw changed();
      const filled = kept + n;
      const end = n === 0 ? filled : wholeSequencesEnd(buffer, filled);
      const piece = buffer.subarray(0, end);
      if (!isUtf8(piece) || piece.includes(0)) throw changed();
      let text = buffer.toString('utf8', 0, end);
      if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      if (text !== '') yield text;
      kept = filled - end;
      buffer.copyWithin(0, end, filled);
      if (n === 0) break;
    }
    if (read !== size || kept !== 0) throw changed();
  } finally {
    closeSync(fd);
  }
}

/**
 * Whether a file decodes as `decodeUtf8` would decode it without error, read in pieces: a file that would not is
 * read whole, and `decodeUtf8` tells its error as for any file.
 */
function decodesInPieces(chunks: Generator<string, void, undefined>, fd: number): boolean {
  const head = Buffer.alloc(2);
  if (
    readSync(fd, head, 0, 2, 0) === 2 &&
    ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))
  )
    return false;
  try {
    for (let piece = chunks.next(); !piece.done; piece = chunks.next());
    return true;
  } catch {
    return false;
  }
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
      // a large partner table is read in pieces, each time its rows are read (once its bytes decode as UTF-8)
      if (format === undefined && extname(path).toLowerCase() === '.csv' && info.size > STREAMED_CSV_SIZE) {
        const at = resolve(io.cwd, path);
        const { size, mtimeMs } = info;
        const chunks = () => fileChunks(at, size, mtimeMs);
        if (decodesInPieces(chunks(), fd))
          return {
            format: 'csv',
            streamed: { size, chunks },
            get text() {
              return [...chunks()].join('');
            },
          };
      }
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
 * cofin's own outputs, by their first bytes: JSON that begins as each of its JSON outputs begins (`schemaVersion`,
 * then the key that follows it there: `files` of check, `verdict` or `currency`, `budget`, `euAmount` of report,
 * `file` of claim, `currency`, `budget`, `unit` of split, `error`), the CSV of `check --format csv` and the long CSV
 * of `report --format csv`. A report written with `-o` into the folder checked is then not read as a budget on the
 * next run; a budget file that merely begins with a `schemaVersion` key is read (and told it has no such key). The JSON
 * of `cofin extract` (`language` after `schemaVersion`) is a budget, read as its YAML is, doubts and conflicts told.
 */
/** A header row of these cells, any of cofin's delimiters, quoted or not. */
const csvHead = (cells: string[], end: string) =>
  new RegExp(`^\uFEFF?${cells.map((c) => `"?${c}"?`).join('[,;\t]')}${end}`);
/** `"currency": "EUR", "budget": "…", "unit"` (split) or `"euAmount"` (report) after `schemaVersion`. */
const SPLIT_OR_REPORT_KEYS =
  String.raw`"currency"\s*:\s*"[^"]*"\s*,\s*` + String.raw`"budget"\s*:\s*"[^"]*"\s*,\s*"(?:unit|euAmount)"\s*:`;
const OWN_OUTPUT = [
  new RegExp(
    String.raw`^\uFEFF?\s*\{\s*"schemaVersion"\s*:\s*\d+\s*,\s*` +
      String.raw`(?:"(?:files|verdict|file|error)"\s*:|${SPLIT_OR_REPORT_KEYS})`,
  ),
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
