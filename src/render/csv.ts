import { csvAmountCell, csvTextCell } from './safe-text.js';

/** What a CSV column holds: text (neutralised for spreadsheets) or amounts (decimal strings, written as they are). */
export type CsvColumn = 'text' | 'amount';

/**
 * CSV text with a header row; CRLF-free so it diffs well, one record a line.
 * Cells are made safe by their column's type, never by their content: a text
 * cell `-0.3` is neutralised, an amount `-0.3` stays a number (see safe-text).
 */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[], columns: readonly CsvColumn[]): string {
  const cell = (value: string, index: number) => (columns[index] === 'amount' ? csvAmountCell(value) : csvTextCell(value));
  return [header.map((name) => csvTextCell(name)).join(','), ...rows.map((row) => row.map(cell).join(','))].join('\n') + '\n';
}
