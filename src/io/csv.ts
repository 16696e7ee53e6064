import { otherFormatHint } from './looks-like.js';
import { characterColumn } from '../core/position.js';
import { parse } from 'csv-parse/sync';
import { CofinError } from '../core/errors.js';
import type { BudgetFile, BudgetStream, Located } from '../core/model.js';
import { partnerTableStream } from './partner-table.js';

/** The delimiter of the header line: `;` (Latvian Excel), tab or `,`, whichever it has most of outside quotes. */
export function detectDelimiter(text: string): string {
  const header =
    text
      .replace(/^\ufeff/, '')
      .split(/\r?\n/)
      .find((line) => line.trim() !== '') ?? '';
  const bare = header.replace(/"[^"]*"/g, '');
  const counts = [';', '\t', ','].map((d) => ({ d, n: bare.split(d).length - 1 }));
  return counts.sort((a, b) => b.n - a.n)[0]!.n > 0 ? counts[0]!.d : ',';
}

/** Where each field of a raw record starts (0-based), quotes respected. */
function fieldOffsets(raw: string, delimiter: string): number[] {
  const offsets = [0];
  let quoted = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '"') quoted = !quoted;
    else if (c === delimiter && !quoted) offsets.push(i + 1);
    else if (c === '\n' && !quoted) break;
  }
  return offsets;
}

/** Where a record stands in the text: the line it ends on and its raw text (for the columns of its cells). */
interface RowPlace {
  line: number;
  raw: string;
  /** Where its cells start, found once for a row (a row of thousands of cells may have a finding in each). */
  offsets?: number[];
}

/**
 * A cell's place, found only when a finding or an error asks for it: the
 * table is then read a second time with csv-parse's line and raw-text
 * records, which cost more than the reading itself.
 */
class CellPlace implements Located {
  constructor(
    readonly pointer: string,
    private readonly places: () => RowPlace[],
    private readonly row: number,
    private readonly delimiter: string,
    private readonly index: number,
  ) {}

  get line(): number {
    return this.ownPlace().line;
  }

  get column(): number {
    return this.ownPlace().column;
  }

  /** The cell's own line and column: a record with a quoted line break spans lines, and ends on the last. */
  private ownPlace(): { line: number; column: number } {
    const place = this.places()[this.row]!;
    const offset = (place.offsets ??= fieldOffsets(place.raw, this.delimiter))[this.index] ?? 0;
    const body = place.raw.replace(/\r?\n$|\r$/, '');
    let breaks = 0;
    let before = 0;
    let lineStart = 0;
    for (let i = body.indexOf('\n'); i >= 0; i = body.indexOf('\n', i + 1)) {
      breaks++;
      if (i < offset) {
        before++;
        lineStart = i + 1;
      }
    }
    // in characters, as every column cofin gives (an emoji before the cell is one column)
    return { line: place.line - breaks + before, column: characterColumn(place.raw, lineStart, offset) };
  }
}

function csvError(error: unknown): CofinError {
  const e = error as Error & { lines?: number; code?: string };
  const why =
    e.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH'
      ? 'a row has a different number of cells than the header'
      : e.message.replace(/^Invalid Record Length: /, '').replace(/:.*$/s, '');
  return new CofinError('syntax', `CSV: ${why}`, 'check the delimiters and quotes on this row', {
    line: e.lines ?? 1,
    column: 1,
  });
}

/** A partner table read whole, every partner in memory (see loadPartnerCsv). */
export function parsePartnerCsv(text: string): BudgetFile {
  const file = loadPartnerCsv(text);
  return { ...file, partners: [...file.partners] };
}

/**
 * Reads a partner table (one partner a row: partner, country, budget, and a
 * column per source id holding a rate or an amount). Every cell is read as
 * text; a bad cell is placed at its line and column. Partners are made from
 * their rows one at a time, each time the list is read.
 */
export function loadPartnerCsv(text: string): BudgetStream {
  try {
    return readPartnerCsv(text);
  } catch (error) {
    throw withOtherFormatHint(error, () => text);
  }
}

/** JSON or YAML read as a table says so, wherever the table broke (a YAML line with a comma is a row of 2 cells). */
function withOtherFormatHint(error: unknown, text: () => string): unknown {
  const other = error instanceof CofinError && otherFormatHint(text(), 'csv');
  if (!other) return error;
  const told = new CofinError(error.code, error.message, other, error.location, error.exitCode);
  told.more = error.more;
  return told;
}

/** Excel's first line `sep=;` names the delimiter (Excel writes and reads it); blanked, so lines keep their numbers. */
const EXCEL_SEP = /^(\ufeff?)sep=([;,\t|])[ \t]*(?=\r?\n|$)/i;

function readPartnerCsv(written: string): BudgetStream {
  const sep = EXCEL_SEP.exec(written);
  const text = sep ? written.replace(EXCEL_SEP, '$1') : written;
  if (text.replace(/^\ufeff/, '').trim() === '')
    throw new CofinError(
      'empty-file',
      'the file is empty',
      'the first row names the columns: partner;country;budget;erdf;municipal',
      { line: 1, column: 1 },
    );
  const delimiter = sep?.[2] ?? detectDelimiter(text);
  const options = parseOptions(delimiter);
  const places = placesOf(text, options);
  const plain = plainRecords(text, delimiter);
  if (plain)
    return partnerCsvStream<number>(
      places,
      delimiter,
      plain.header,
      plain.rows,
      plain.rows.length > 0 ? plain.rows.length - 1 : undefined,
      (row) => plain.rowIndex[row]!,
      (row) => plain.cells(row),
    );
  let records: string[][];
  try {
    records = parse(text, options);
  } catch (error) {
    throw csvError(error);
  }
  const [head, ...body] = records;
  // a row of empty cells, as spreadsheets export, is no partner
  const partnerRows: number[] = [];
  body.forEach((row, rowIndex) => {
    if (!row.every((cell) => cell.trim() === '')) partnerRows.push(rowIndex);
  });
  return partnerCsvStream<number>(
    places,
    delimiter,
    head!,
    partnerRows,
    partnerRows.at(-1),
    (rowIndex) => rowIndex,
    (rowIndex) => body[rowIndex]!,
  );
}

type ParseOptions = { delimiter: string; bom: true; skip_empty_lines: true; relax_quotes: false; trim: false };

const parseOptions = (delimiter: string): ParseOptions =>
  ({ delimiter, bom: true, skip_empty_lines: true, relax_quotes: false, trim: false }) as const;

/** Where each record of the text stands, read once and only when a place is asked for. */
function placesOf(text: string | (() => string), options: ParseOptions): () => RowPlace[] {
  let rowPlaces: RowPlace[] | undefined;
  return () =>
    (rowPlaces ??= parse(typeof text === 'string' ? text : text(), {
      ...options,
      raw: true,
      on_record: ((parsed: { raw: string }, context: { lines: number }): RowPlace => ({
        line: context.lines,
        raw: parsed.raw,
      })) as never,
    }) as unknown as RowPlace[]);
}

/**
 * The partners of a table whose rows are `rows` (a streamed table's, or any numbers), each row's record index (0 for
 * the first row under the header) and cells given.
 */
function partnerCsvStream<Row>(
  places: () => RowPlace[],
  delimiter: string,
  head: string[],
  rows: Iterable<Row> & { readonly length: number },
  last: Row | undefined,
  recordOf: (row: Row) => number,
  cellsOf: (row: Row) => readonly string[],
): BudgetStream {
  const headLine = () => places()[0]!.line;
  // a partner table is in euro: a marker of another currency in a cell is refused, as in a budget file
  const amountOptions = { decimal: delimiter === ',' ? undefined : ('comma' as const), currency: 'EUR' };
  return partnerTableStream<Row>({
    header: head,
    headAt: (index) => new CellPlace(`/0/${index}`, places, 0, delimiter, index),
    headPlace: () => ({ line: headLine(), column: 1 }),
    rows,
    last: () => last,
    cell: (row, index) => cellsOf(row)[index]!,
    at: (row, index) => new CellPlace(`/${recordOf(row) + 1}/${index}`, places, recordOf(row) + 1, delimiter, index),
    amountOptions: () => amountOptions,
    example: `partner${delimiter}country${delimiter}budget${delimiter}erdf${delimiter}municipal`,
    headerWhere: 'the first row names the columns',
  });
}

/** A row of a streamed table: its record index and its line, split into cells when a cell is asked for. */
interface StreamedRow {
  record: number;
  line: string;
  cells?: string[];
}

/**
 * The lines of a text in pieces as `plainRecords` reads them (a CR before each LF taken off: the file's CRs are
 * counted, and a table with another CR is read whole), with the counts that tell whether it is plain.
 */
function* linesOf(
  chunks: Iterable<string>,
  counts: { quotes: boolean; returns: number; pairs: number; feeds: number },
): Generator<string, void, undefined> {
  let carry = '';
  for (const chunk of chunks) {
    if (!counts.quotes && chunk.includes('"')) counts.quotes = true;
    for (let i = chunk.indexOf('\r'); i >= 0; i = chunk.indexOf('\r', i + 1)) counts.returns++;
    let at = 0;
    for (let next = chunk.indexOf('\n'); next >= 0; next = chunk.indexOf('\n', at)) {
      let line = carry === '' ? chunk.slice(at, next) : carry + chunk.slice(at, next);
      carry = '';
      counts.feeds++;
      if (line.endsWith('\r')) {
        counts.pairs++;
        line = line.slice(0, -1);
      }
      at = next + 1;
      yield line;
    }
    carry += chunk.slice(at);
  }
  if (carry !== '') yield carry;
}

/**
 * A large partner table read from its file in pieces, each time its rows are read: what `loadPartnerCsv` reads from
 * the whole text, for a table `plainRecords` reads (no quote, one kind of line end, every row as many cells as the
 * header), without holding the text or an index of its rows. Any other table, and any place asked for (a finding's
 * line and column), is read from the whole text, as `loadPartnerCsv` reads it.
 */
export function loadStreamedCsv(chunks: () => Iterable<string>, whole: () => string): BudgetStream {
  const fallback = () => loadPartnerCsv(whole());
  let first = '';
  for (const chunk of chunks()) {
    first = chunk;
    break;
  }
  // the first line whole in the first piece, and no BOM left after decoding's: else read whole
  const firstEnd = first.indexOf('\n');
  if (firstEnd < 0 || first.charCodeAt(0) === 0xfeff) return fallback();
  const sep = EXCEL_SEP.exec(first);
  const head = first.slice(0, first.lastIndexOf('\n'));
  const headText = sep ? head.replace(EXCEL_SEP, '$1') : head;
  if (!headText.split(/\r?\n/).some((line) => line.trim() !== '')) return fallback();
  const delimiter = sep?.[2] ?? detectDelimiter(headText);
  const blank = new RegExp(`^[\\s${delimiter === '\t' ? '\\t' : `\\${delimiter}`}]*$`);
  // the text as the whole reader reads it: the sep= line blanked
  const pieces = function* () {
    let atStart = true;
    for (const chunk of chunks()) {
      yield atStart && sep ? chunk.replace(EXCEL_SEP, '$1') : chunk;
      atStart = false;
    }
  };
  const counts = { quotes: false, returns: 0, pairs: 0, feeds: 0 };
  let header: string[] | undefined;
  let rows = 0;
  let last: StreamedRow | undefined;
  let record = -1;
  for (const line of linesOf(pieces(), counts)) {
    if (counts.quotes) return fallback();
    if (line === '') continue;
    if (header === undefined) header = line.split(delimiter);
    else {
      let cells = 1;
      for (let i = line.indexOf(delimiter); i >= 0; i = line.indexOf(delimiter, i + 1)) cells++;
      if (cells !== header.length) return fallback();
      if (!blank.test(line)) {
        rows++;
        last = { record, line };
      }
    }
    record++;
  }
  if (counts.quotes || header === undefined) return fallback();
  if (counts.returns > 0 && (counts.returns !== counts.pairs || counts.returns !== counts.feeds)) return fallback();
  const text = () => {
    const written = whole();
    return sep ? written.replace(EXCEL_SEP, '$1') : written;
  };
  const table: Iterable<StreamedRow> & { length: number } = {
    length: rows,
    *[Symbol.iterator]() {
      const again = { quotes: false, returns: 0, pairs: 0, feeds: 0 };
      let read = 0;
      let record = -1;
      let header = true;
      for (const line of linesOf(pieces(), again)) {
        if (line === '') continue;
        if (header) header = false;
        else if (!blank.test(line)) {
          read++;
          yield { record, line };
        }
        record++;
      }
      // the file is checked unchanged as each reading begins; a reading that finds other rows is no reading of it
      if (read !== rows)
        throw new CofinError('unreadable', 'the file changed while cofin read it', 'check it again once it is written');
    },
  };
  try {
    return partnerCsvStream<StreamedRow>(
      placesOf(text, parseOptions(delimiter)),
      delimiter,
      header,
      table,
      last,
      (row) => row.record,
      (row) => (row.cells ??= row.line.split(delimiter)),
    );
  } catch (error) {
    throw withOtherFormatHint(error, whole);
  }
}

/**
 * The records of a table with no quote and one kind of line end, as
 * csv-parse reads it (empty lines skipped, every record as many cells as
 * the header), without holding them: each partner row is kept as where its
 * line starts and ends, and split into cells when read. A programme's
 * million rows were otherwise six million strings. Undefined for any other
 * table (quotes, a lone CR, a row of another length: csv-parse reads it, and
 * says what is wrong); a property test holds the two readers to the same records.
 */
export function plainRecords(
  text: string,
  delimiter: string,
): { header: string[]; rows: Int32Array; rowIndex: Int32Array; cells(row: number): string[] } | undefined {
  if (text.includes('"')) return undefined;
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const carriageReturns = text.split('\r').length - 1;
  const crlf = carriageReturns > 0;
  if (crlf && (carriageReturns !== text.split('\r\n').length - 1 || carriageReturns !== text.split('\n').length - 1))
    return undefined;
  const end = crlf ? '\r\n' : '\n';
  const blank = new RegExp(`^[\\s${delimiter === '\t' ? '\\t' : `\\${delimiter}`}]*$`);
  // where each row's line starts and ends, and its record's number: in typed arrays, as long as the lines can be
  // (a million rows in 12 MB, where arrays of numbers took three times that and more as they grew)
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  const starts = new Int32Array(lines);
  const ends = new Int32Array(lines);
  const records = new Int32Array(lines);
  let count = 0;
  let header: string[] | undefined;
  let record = -1;
  for (let at = start; at < text.length;) {
    let next = text.indexOf(end, at);
    if (next < 0) next = text.length;
    if (next > at) {
      const line = text.slice(at, next);
      if (header === undefined) header = line.split(delimiter);
      else {
        // counted without splitting: a cell more or less is csv-parse's error to say
        let cells = 1;
        for (let i = line.indexOf(delimiter); i >= 0; i = line.indexOf(delimiter, i + 1)) cells++;
        if (cells !== header.length) return undefined;
        if (!blank.test(line)) {
          starts[count] = at;
          ends[count] = next;
          records[count++] = record;
        }
      }
      record++;
    }
    at = next + end.length;
  }
  if (header === undefined) return undefined;
  let last = -1;
  let lastCells: string[] = [];
  return {
    header,
    rows: new Int32Array(count).map((_, i) => i),
    rowIndex: records.subarray(0, count),
    cells(row) {
      // a row's cells are asked for one after another: split it once
      if (row !== last) {
        lastCells = text.slice(starts[row], ends[row]).split(delimiter);
        last = row;
      }
      return lastCells;
    },
  };
}
