import type TableType from 'cli-table3';
import { createRequire } from 'node:module';

// Loaded synchronously on first use (renderTable is synchronous), so neither is part of every start-up.
const load = createRequire(import.meta.url);

/** Characters one column wide everywhere (string-width counts each as 1), no line breaks, and colour codes, which take no room. */
const PLAIN_CELL = /^(?:[\x20-\x7e\u00a0-\u02ff\u2010-\u2027\u202f\u20ac\u2713\u2717\u2248]|\u001b\[[0-9;]*m)*$/;
const COLOUR = /\u001b\[[0-9;]*m/g;
const widthOf = (cell: string) => (cell.includes('\u001b') ? cell.replace(COLOUR, '').length : cell.length);

/**
 * A plain box table: a rule under the header and, with `total`, above the
 * last row; none between the other rows. cli-table3 colours headers itself
 * unless given neutral styles, and draws a rule between every row.
 */
export function renderTable(head: string[], rows: string[][], rightAligned: readonly number[], total = false): string {
  // cli-table3's layout costs about 0.2 ms a row and grows faster than its rows (4 000 rows take a second):
  // plain cells, nearly every table cofin prints, are drawn directly, exactly as it would draw them
  if (head.every((cell) => PLAIN_CELL.test(cell)) && rows.every((row) => row.length === head.length && row.every((cell) => PLAIN_CELL.test(cell)))) {
    return drawTable(head, rows, rightAligned, total);
  }
  // wide characters and emoji, one line each (safe-text escapes line breaks): measured by string-width, as cli-table3
  // measures them, and drawn directly, so that a table of 20 000 such rows takes no longer than a plain one
  if ([head, ...rows].every((row) => row.length === head.length && row.every((cell) => !cell.includes('\n')))) {
    const stringWidth = load('string-width') as (text: string) => number;
    return drawTable(head, rows, rightAligned, total, (cell) => (PLAIN_CELL.test(cell) ? widthOf(cell) : stringWidth(cell)));
  }
  const Table = load('cli-table3') as typeof TableType;
  const table = new Table({
    head,
    style: { head: [], border: [] },
    colAligns: head.map((_, i) => (rightAligned.includes(i) ? 'right' : 'left')),
  });
  table.push(...rows);
  const lines = table.toString().split('\n');
  const rules = lines.map((line, i) => (line.startsWith('├') ? i : -1)).filter((i) => i >= 0);
  const keep = new Set([rules[0], total ? rules.at(-1) : undefined]);
  return lines.filter((line, i) => !line.startsWith('├') || keep.has(i)).join('\n');
}

/** The same table as cli-table3 draws it (a property test holds them equal), for plain cells, in time linear in its rows. */
export function drawTable(head: string[], rows: string[][], rightAligned: readonly number[], total = false, width: (cell: string) => number = widthOf): string {
  const widths = head.map((cell, column) => rows.reduce((most, row) => Math.max(most, width(row[column]!)), width(cell)));
  const rule = (left: string, middle: string, right: string) => left + widths.map((w) => '─'.repeat(w + 2)).join(middle) + right;
  const right = head.map((_, column) => rightAligned.includes(column));
  const pad = (cell: string, column: number) => {
    const space = ' '.repeat(widths[column]! - width(cell));
    return right[column] ? space + cell : cell + space;
  };
  const line = (cells: string[]) => `│${cells.map((cell, column) => ` ${pad(cell, column)} `).join('│')}│`;
  const lines = [rule('┌', '┬', '┐'), line(head)];
  rows.forEach((row, index) => {
    if (index === 0 || (total && index === rows.length - 1)) lines.push(rule('├', '┼', '┤'));
    lines.push(line(row));
  });
  lines.push(rule('└', '┴', '┘'));
  return lines.join('\n');
}
