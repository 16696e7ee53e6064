import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';
import { CofinError } from '../../core/errors.js';

/** How much a workbook may unpack to: a zip bomb is refused while it inflates, never after. */
export interface ZipLimits {
  /** Bytes of all the parts read, together. */
  total: number;
  /** Bytes of one part. */
  entry: number;
  /** Parts in the archive. */
  entries: number;
}

export const ZIP_LIMITS: ZipLimits = { total: 256 * 1024 * 1024, entry: 128 * 1024 * 1024, entries: 10_000 };

/**
 * Compressed input is fed this much at a time: deflate expands at most ~1 032 : 1, so one step overshoots a limit by at
 * most ~4 MiB.
 */
const STEP = 4096;

const notWorkbook = (why: string) =>
  new CofinError(
    'syntax',
    `not a readable workbook: ${why}`,
    'save the workbook again as .xlsx (Excel Workbook) and check that file',
  );

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MiB`;

/**
 * The parts of a zip archive that `wanted` names, inflated, each bounded by
 * `limits` as its bytes come out. Parts stored twice under one name are
 * refused: which one a spreadsheet shows is not known.
 */
export function unzipParts(
  bytes: Uint8Array,
  wanted: (name: string) => boolean,
  limits: ZipLimits = ZIP_LIMITS,
): Map<string, Uint8Array> {
  const parts = new Map<string, Uint8Array>();
  const seen = new Set<string>();
  let total = 0;
  let failure: CofinError | undefined;
  const fail = (error: CofinError) => {
    failure ??= error;
  };
  const unzip = new Unzip((file: UnzipFile) => {
    if (failure) return;
    const name = file.name;
    if (seen.has(name)) return fail(notWorkbook(`the part ${JSON.stringify(name)} is stored twice`));
    seen.add(name);
    if (seen.size > limits.entries) return fail(notWorkbook(`more than ${limits.entries} parts`));
    if (!wanted(name)) return;
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (error, chunk, final) => {
      if (failure) return;
      if (error) return fail(notWorkbook(`the part ${JSON.stringify(name)} cannot be unpacked (${error.message})`));
      size += chunk.length;
      total += chunk.length;
      if (size > limits.entry) {
        file.terminate();
        return fail(
          new CofinError(
            'too-large',
            `the workbook's part ${JSON.stringify(name)} unpacks to more than ${megabytes(limits.entry)}`,
            'a partner table is far smaller: check that this is the right workbook (a zip bomb is refused)',
          ),
        );
      }
      if (total > limits.total) {
        file.terminate();
        return fail(
          new CofinError(
            'too-large',
            `the workbook unpacks to more than ${megabytes(limits.total)}`,
            'a partner table is far smaller: check that this is the right workbook (a zip bomb is refused)',
          ),
        );
      }
      chunks.push(chunk);
      if (final) parts.set(name, join(chunks, size));
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < bytes.length && !failure; at += STEP)
      unzip.push(bytes.subarray(at, at + STEP), at + STEP >= bytes.length);
  } catch (error) {
    if (error instanceof CofinError) throw error;
    throw notWorkbook(error instanceof Error ? error.message : String(error));
  }
  if (failure) throw failure;
  return parts;
}

function join(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
