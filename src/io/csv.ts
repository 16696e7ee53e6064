import { parse } from 'csv-parse/sync';
import { CofinError } from '../core/errors.js';
import type { BudgetFile, BudgetStream, Located } from '../core/model.js';
import { partnerTableStream } from './partner-table.js';

/** The delimiter of the header line: `;` (Latvian Excel), tab or `,`, whichever it has most of outside quotes. */
export function detectDelimiter(text: string): string {
  const header = text.replace(/^\ufeff/, '').split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
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
  constructor(readonly pointer: string, private readonly places: () => RowPlace[], private readonly row: number, private readonly delimiter: string, private readonly index: number) {}

  get line(): number {
    return this.places()[this.row]!.line;
  }

  get column(): number {
    const place = this.places()[this.row]!;
    return ((place.offsets ??= fieldOffsets(place.raw, this.delimiter))[this.index] ?? 0) + 1;
  }
}

function csvError(error: unknown): CofinError {
  const e = error as Error & { lines?: number; code?: string };
  const why = e.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH' ? 'a row has a different number of cells than the header' : e.message.replace(/^Invalid Record Length: /, '').replace(/:.*$/s, '');
  return new CofinError('syntax', `CSV: ${why}`, 'check the delimiters and quotes on this row', { line: e.lines ?? 1, column: 1 });
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
  if (text.replace(/^\ufeff/, '').trim() === '') throw new CofinError('empty-file', 'the file is empty', 'the first row names the columns: partner;country;budget;erdf;municipal', { line: 1, column: 1 });
  const delimiter = detectDelimiter(text);
  const options = { delimiter, bom: true, skip_empty_lines: true, relax_quotes: false, trim: false } as const;
  let records: string[][];
  try {
    records = parse(text, options);
  } catch (error) {
    throw csvError(error);
  }
  let rowPlaces: RowPlace[] | undefined;
  const places = () =>
    (rowPlaces ??= parse(text, {
      ...options,
      raw: true,
      on_record: ((parsed: { raw: string }, context: { lines: number }): RowPlace => ({ line: context.lines, raw: parsed.raw })) as never,
    }) as unknown as RowPlace[]);
  const [head, ...body] = records;
  const headLine = () => places()[0]!.line;
  // a row of empty cells, as spreadsheets export, is no partner
  const partnerRows: [string[], number][] = [];
  body.forEach((row, rowIndex) => {
    if (!row.every((cell) => cell.trim() === '')) partnerRows.push([row, rowIndex]);
  });
  const amountOptions = { decimal: delimiter === ',' ? undefined : ('comma' as const) };
  return partnerTableStream<[string[], number]>({
    header: head!,
    headAt: (index) => new CellPlace(`/0/${index}`, places, 0, delimiter, index),
    headPlace: () => ({ line: headLine(), column: 1 }),
    rows: partnerRows,
    cell: ([row], index) => row[index]!,
    at: ([, rowIndex], index) => new CellPlace(`/${rowIndex + 1}/${index}`, places, rowIndex + 1, delimiter, index),
    amountOptions: () => amountOptions,
    example: `partner${delimiter}country${delimiter}budget${delimiter}erdf${delimiter}municipal`,
    headerWhere: 'the first row names the columns',
  });
}
