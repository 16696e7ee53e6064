import { parse } from 'csv-parse/sync';
import { CofinError } from '../core/errors.js';
import { parseFigure } from '../core/figure.js';
import { parseRate } from '../core/rate.js';
import { resolveSource } from '../core/sources.js';
import type { BudgetFile, FundingSource, Located, PartnerBudget } from '../core/model.js';

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

/**
 * Reads a partner table (one partner a row: partner, country, budget, and a
 * column per source id holding a rate or an amount). Every cell is read as
 * text; a bad cell is placed at its line and column.
 */
export function parsePartnerCsv(text: string): BudgetFile {
  if (text.replace(/^\ufeff/, '').trim() === '') throw new CofinError('empty-file', 'the file is empty', 'the first row names the columns: partner;country;budget;erdf;municipal', { line: 1, column: 1 });
  const delimiter = detectDelimiter(text);
  let rows: { record: string[]; info: { lines: number }; raw: string }[];
  try {
    rows = parse(text, { delimiter, bom: true, skip_empty_lines: true, info: true, raw: true, relax_quotes: false, trim: false }) as unknown as typeof rows;
  } catch (error) {
    const e = error as Error & { lines?: number; code?: string };
    const why = e.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH' ? 'a row has a different number of cells than the header' : e.message.replace(/^Invalid Record Length: /, '').replace(/:.*$/s, '');
    throw new CofinError('syntax', `CSV: ${why}`, 'check the delimiters and quotes on this row', { line: e.lines ?? 1, column: 1 });
  }
  const [head, ...body] = rows;
  const columns = head!.record.map((h) => h.trim().toLowerCase());
  const headAt = (index: number): Located => ({ line: head!.info.lines, column: fieldOffsets(head!.raw, delimiter)[index]! + 1, pointer: `/0/${index}` });
  for (const required of ['partner', 'budget']) {
    if (!columns.includes(required)) throw new CofinError('missing-key', `the header has no "${required}" column`, `the first row names the columns, e.g. partner${delimiter}country${delimiter}budget${delimiter}erdf${delimiter}municipal`, { line: head!.info.lines, column: 1 });
  }
  const sources = columns.map((c, i) => ({ id: c, index: i })).filter((c) => !FIXED.includes(c.id));
  const seen = new Set<string>();
  for (const { id, index } of sources) {
    if (seen.has(id)) throw new CofinError('duplicate-key', `the column "${id}" appears twice`, 'name each column once', headAt(index));
    seen.add(id);
    try {
      resolveSource(id);
    } catch (error) {
      if (error instanceof CofinError) throw new CofinError('unknown-key', error.message, error.hint, headAt(index));
      throw error;
    }
  }
  const decimal = delimiter === ',' ? undefined : 'comma';
  const sourceOf = new Map(sources.map(({ id }) => [id, resolveSource(id)]));
  const partners: PartnerBudget[] = [];
  body.forEach((row, rowIndex) => {
    if (row.record.every((cell) => cell.trim() === '')) return; // a row of empty cells, as spreadsheets export
    const offsets = fieldOffsets(row.raw, delimiter);
    const at = (index: number): Located => ({ line: row.info.lines, column: (offsets[index] ?? 0) + 1, pointer: `/${rowIndex + 1}/${index}` });
    const cell = (name: string) => {
      const index = columns.indexOf(name);
      return index < 0 ? undefined : { text: row.record[index]!.trim(), at: at(index) };
    };
    const placed = <T>(where: Located, read: () => T): T => {
      try {
        return read();
      } catch (error) {
        if (error instanceof CofinError) throw new CofinError(error.code, error.message, error.hint, where);
        throw error;
      }
    };
    const name = cell('partner')!;
    if (name.text === '') throw new CofinError('missing-key', 'a row has no partner name', 'fill the partner cell', name.at);
    const budget = cell('budget')!;
    if (budget.text === '') throw new CofinError('missing-key', `partner "${name.text}" has no budget`, 'fill the budget cell', budget.at);
    const funding: FundingSource[] = [];
    for (const { id, index } of sources) {
      const text = row.record[index]!.trim();
      if (text === '') continue;
      const where = at(index);
      const base = { ...sourceOf.get(id)!, at: where, rate: undefined, amount: undefined, rest: false };
      if (text === 'rest') funding.push({ ...base, rest: true });
      else if (text.endsWith('%')) funding.push({ ...base, rate: { ...placed(where, () => parseRate(text)), text, at: where } });
      else funding.push({ ...base, amount: { ...placed(where, () => parseFigure(text, { decimal })), at: where } });
    }
    if (funding.length === 0) throw new CofinError('missing-key', `partner "${name.text}" has no funding`, 'fill at least one source cell with a rate (85%) or an amount', at(0));
    partners.push({
      partner: name.text,
      country: cell('country')?.text || undefined,
      budget: { ...placed(budget.at, () => parseFigure(budget.text, { decimal })), at: budget.at },
      costs: undefined,
      funding,
      at: at(0),
    });
  });
  if (partners.length === 0) throw new CofinError('missing-key', 'the table has no partner rows', 'add one row per partner under the header', { line: head!.info.lines, column: 1 });
  return { currency: 'EUR', partners, multi: true, rounding: { unit: undefined, method: undefined }, project: undefined, source: undefined, at: { line: 1, column: 1, pointer: '' } };
}
