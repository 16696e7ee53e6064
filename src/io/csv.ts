import { parse } from 'csv-parse/sync';
import { CofinError, inContext } from '../core/errors.js';
import { parseFigure } from '../core/figure.js';
import { rateParser } from '../core/rate.js';
import { resolveSource } from '../core/sources.js';
import { comparable, unseenCharacters } from '../core/names.js';
import type { BudgetFile, BudgetStream, FigureField, FundingSource, Located, PartnerBudget, RateField } from '../core/model.js';

const FIXED = ['partner', 'country', 'budget'];

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
  const columns = head!.map((h) => h.trim().toLowerCase());
  const headAt = (index: number): Located => new CellPlace(`/0/${index}`, places, 0, delimiter, index);
  const headLine = () => places()[0]!.line;
  for (const required of ['partner', 'budget']) {
    if (!columns.includes(required)) throw new CofinError('missing-key', `the header has no "${required}" column`, `the first row names the columns, e.g. partner${delimiter}country${delimiter}budget${delimiter}erdf${delimiter}municipal`, { line: headLine(), column: 1 });
  }
  const sources = columns.map((c, i) => ({ id: c, index: i })).filter((c) => !FIXED.includes(c.id));
  // every column once, the fixed ones too (a second "budget" would be ignored), compared without invisible or combining differences
  const seen = new Map<string, string>();
  columns.forEach((id, index) => {
    const same = comparable(id);
    const first = seen.get(same);
    if (first === id) throw new CofinError('duplicate-key', `the column "${id}" appears twice`, 'name each column once', headAt(index));
    if (first !== undefined) throw new CofinError('duplicate-key', `the column "${id}" appears twice: the same as "${first}" but for invisible or combining characters (${unseenCharacters(id, first)})`, 'name each column once; retype it', headAt(index));
    seen.set(same, id);
    if (FIXED.includes(id)) return;
    try {
      resolveSource(id);
    } catch (error) {
      if (error instanceof CofinError) throw new CofinError('unknown-key', error.message, error.hint, headAt(index));
      throw error;
    }
  });
  const amountOptions = { decimal: delimiter === ',' ? undefined : ('comma' as const) };
  const parseRate = rateParser();
  const rateOf = (cell: string, where: Located): RateField => {
    const rate = placed(where, () => parseRate(cell));
    return { value: rate.value, scale: rate.scale, text: cell, at: where };
  };
  const figureOf = (cell: string, where: Located): FigureField => {
    const figure = placed(where, () => parseFigure(cell, amountOptions));
    return { value: figure.value, text: figure.text, scale: figure.scale, precision: figure.precision, currency: figure.currency, at: where };
  };
  const sourceOf = new Map(sources.map(({ id }) => [id, resolveSource(id)]));
  const partnerColumn = columns.indexOf('partner');
  const budgetColumn = columns.indexOf('budget');
  const countryColumn = columns.indexOf('country');
  const placed = <T>(where: Located, read: () => T): T => {
    try {
      return read();
    } catch (error) {
      if (error instanceof CofinError) throw inContext(error, 'budget-file', error.code, where);
      throw error;
    }
  };
  const partnerOf = (row: string[], rowIndex: number): PartnerBudget => {
    const at = (index: number): Located => new CellPlace(`/${rowIndex + 1}/${index}`, places, rowIndex + 1, delimiter, index);
    const name = row[partnerColumn]!.trim();
    if (name === '') throw new CofinError('missing-key', 'a row has no partner name', 'fill the partner cell', at(partnerColumn));
    const budgetText = row[budgetColumn]!.trim();
    const budgetAt = at(budgetColumn);
    if (budgetText === '') throw new CofinError('missing-key', `partner "${name}" has no budget`, 'fill the budget cell', budgetAt);
    const funding: FundingSource[] = [];
    for (const { id, index } of sources) {
      const cell = row[index]!.trim();
      if (cell === '') continue;
      const where = at(index);
      const { name: sourceName, kind } = sourceOf.get(id)!;
      if (cell === 'rest') funding.push({ id, name: sourceName, kind, at: where, rate: undefined, amount: undefined, rest: true });
      else if (cell.endsWith('%')) funding.push({ id, name: sourceName, kind, at: where, rate: rateOf(cell, where), amount: undefined, rest: false });
      else funding.push({ id, name: sourceName, kind, at: where, rate: undefined, amount: figureOf(cell, where), rest: false });
    }
    if (funding.length === 0) throw new CofinError('missing-key', `partner "${name}" has no funding`, 'fill at least one source cell with a rate (85%) or an amount', at(0));
    return {
      partner: name,
      country: (countryColumn < 0 ? '' : row[countryColumn]!.trim()) || undefined,
      budget: figureOf(budgetText, budgetAt),
      costs: undefined,
      funding,
      at: at(0),
    };
  };
  // a row of empty cells, as spreadsheets export, is no partner
  const partnerRows: [string[], number][] = [];
  body.forEach((row, rowIndex) => {
    if (!row.every((cell) => cell.trim() === '')) partnerRows.push([row, rowIndex]);
  });
  if (partnerRows.length === 0) throw new CofinError('missing-key', 'the table has no partner rows', 'add one row per partner under the header', { line: headLine(), column: 1 });
  return {
    currency: 'EUR',
    partners: { length: partnerRows.length, *[Symbol.iterator]() { for (const [row, index] of partnerRows) yield partnerOf(row, index); } },
    multi: true,
    rounding: { unit: undefined, method: undefined },
    project: undefined,
    source: undefined,
    at: { line: 1, column: 1, pointer: '' },
  };
}
