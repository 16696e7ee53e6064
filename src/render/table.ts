import type TableType from 'cli-table3';
import { createRequire } from 'node:module';

// Loaded synchronously on first use (renderTable is synchronous), so neither is part of every start-up.
const load = createRequire(import.meta.url);

/**
 * Characters one column wide everywhere (string-width counts each as 1), no line breaks, and colour codes, which take
 * no room.
 */
const PLAIN_CELL = /^(?:[\x20-\x7e\u00a0-\u02ff\u2010-\u2027\u202f\u20ac\u2713\u2717\u2248]|\u001b\[[0-9;]*m)*$/;
const COLOUR = /\u001b\[[0-9;]*m/g;
const widthOf = (cell: string) => (cell.includes('\u001b') ? cell.replace(COLOUR, '').length : cell.length);

/**
 * A plain box table: a rule under the header and, with `total`, above the
 * last row; none between the other rows. cli-table3 colours headers itself
 * unless given neutral styles, and draws a rule between every row.
 */
export function renderTable(
  head: string[],
  rows: string[][],
  rightAligned: readonly number[],
  total = false,
  maxWidth?: number,
): string {
  return [...tableLines(head, rows, rightAligned, total, maxWidth)].join('\n');
}

/**
 * A table's rows kept as one string each, their cells joined by U+0000 (a row holding that character keeps its
 * cells), each column's widest plain cell measured as the rows are added: the 100 000 partners' rows of a report,
 * kept until their column widths are known, weigh a third of as many arrays of cells.
 */
export class PackedRows implements Iterable<string[]> {
  private readonly rows: (string | string[])[] = [];
  /** Each column's widest cell, while every cell is plain (`PLAIN_CELL`) and every row as long as the first. */
  private widths: number[] | undefined = [];
  private cells: number | undefined;

  get length(): number {
    return this.rows.length;
  }

  add(cells: string[]): void {
    this.cells ??= cells.length;
    if (this.widths && cells.length !== this.cells) this.widths = undefined;
    let separated = false;
    cells.forEach((cell, column) => {
      if (cell.includes('\u0000')) separated = true;
      if (!this.widths) return;
      if (!PLAIN_CELL.test(cell)) this.widths = undefined;
      else this.widths[column] = Math.max(this.widths[column] ?? 0, widthOf(cell));
    });
    if (separated) {
      this.rows.push(cells);
      return;
    }
    const packed = cells.join('\u0000');
    packed.charCodeAt(0); // a joined string is a rope in V8 until a character is read
    this.rows.push(packed);
  }

  row(index: number): string[] {
    const row = this.rows[index] ?? [];
    return typeof row === 'string' ? row.split('\u0000') : row;
  }

  /** The widest plain cell of each of `columns` columns; undefined when a cell is not plain or a row is not as long. */
  plainWidths(columns: number): readonly number[] | undefined {
    const widths = this.widths;
    if (!widths || (this.rows.length > 0 && this.cells !== columns)) return undefined;
    return Array.from({ length: columns }, (_, column) => widths[column] ?? 0);
  }

  *[Symbol.iterator](): Generator<string[]> {
    for (let index = 0; index < this.rows.length; index++) yield this.row(index);
  }
}

/** `renderTable` a line at a time (no line break after each): a table of 100 000 rows is never one string. */
export function tableLines(
  head: string[],
  rows: string[][] | PackedRows,
  rightAligned: readonly number[],
  total = false,
  maxWidth?: number,
): Iterable<string> {
  if (rows instanceof PackedRows) {
    const packed = rows;
    const widths = packed.plainWidths(head.length);
    if (widths && head.every((cell) => PLAIN_CELL.test(cell))) {
      const natural = head.map((cell, column) => Math.max(widths[column] ?? 0, widthOf(cell)));
      const at = (index: number) => packed.row(index);
      return drawLines(head, packed.length, at, rightAligned, total, widthOf, maxWidth, natural, () => [...packed]);
    }
    rows = [...packed];
  }
  // cli-table3's layout costs about 0.2 ms a row and grows faster than its rows (4 000 rows take a second):
  // plain cells, nearly every table cofin prints, are drawn directly, exactly as it would draw them
  if (
    head.every((cell) => PLAIN_CELL.test(cell)) &&
    rows.every((row) => row.length === head.length && row.every((cell) => PLAIN_CELL.test(cell)))
  ) {
    return drawRows(head, rows, rightAligned, total, widthOf, maxWidth);
  }
  // wide characters and emoji, one line each (safe-text escapes line breaks): measured by string-width, as cli-table3
  // measures them, and drawn directly, so that a table of 20 000 such rows takes no longer than a plain one
  if ([head, ...rows].every((row) => row.length === head.length && row.every((cell) => !cell.includes('\n')))) {
    const stringWidth = load('string-width') as (text: string) => number;
    return drawRows(
      head,
      rows,
      rightAligned,
      total,
      (cell) => (PLAIN_CELL.test(cell) ? widthOf(cell) : stringWidth(cell)),
      maxWidth,
    );
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
  return [lines.filter((line, i) => !line.startsWith('├') || keep.has(i)).join('\n')];
}

/**
 * The same table as cli-table3 draws it (a property test holds them equal), for plain cells, in time linear in its
 * rows.
 * With `maxWidth` (a terminal's columns) a wider table narrows its text columns, wrapping their words onto more
 * lines; amounts and rates (the right-aligned columns) and coloured cells are never cut, so a table whose numbers
 * alone are wider than the terminal stays wider than it.
 */
export function drawTable(
  head: string[],
  rows: string[][],
  rightAligned: readonly number[],
  total = false,
  width: (cell: string) => number = widthOf,
  maxWidth?: number,
): string {
  return [...drawRows(head, rows, rightAligned, total, width, maxWidth)].join('\n');
}

function drawRows(
  head: string[],
  rows: string[][],
  rightAligned: readonly number[],
  total: boolean,
  width: (cell: string) => number,
  maxWidth: number | undefined,
): Generator<string> {
  const natural = head.map((cell, column) =>
    rows.reduce((most, row) => Math.max(most, width(row[column]!)), width(cell)),
  );
  return drawLines(
    head,
    rows.length,
    (i) => rows[i]!,
    rightAligned,
    total,
    width,
    maxWidth,
    natural,
    () => rows,
  );
}

/** `drawTable` a line at a time (a row wrapped onto several lines is one piece, its lines joined). */
function* drawLines(
  head: string[],
  count: number,
  rowAt: (index: number) => string[],
  rightAligned: readonly number[],
  total: boolean,
  width: (cell: string) => number,
  maxWidth: number | undefined,
  natural: readonly number[],
  allRows: () => string[][],
): Generator<string> {
  const widths =
    maxWidth !== undefined && tableWidth(natural) > maxWidth
      ? narrowed(natural, head, allRows(), rightAligned, maxWidth, width)
      : natural;
  const rule = (left: string, middle: string, right: string) =>
    left + widths.map((w) => '─'.repeat(w + 2)).join(middle) + right;
  const right = head.map((_, column) => rightAligned.includes(column));
  const pad = (cell: string, column: number) => {
    const space = ' '.repeat(Math.max(0, widths[column]! - width(cell)));
    return right[column] ? space + cell : cell + space;
  };
  const drawLine = (cells: string[]) => `│${cells.map((cell, column) => ` ${pad(cell, column)} `).join('│')}│`;
  const line = (cells: string[]): string => {
    if (widths === natural || cells.every((cell, column) => width(cell) <= widths[column]!)) return drawLine(cells);
    const wrapped = cells.map((cell, column) =>
      width(cell) <= widths[column]! ? [cell] : wrapWords(cell, widths[column]!, width),
    );
    const height = Math.max(...wrapped.map((parts) => parts.length));
    return Array.from({ length: height }, (_, i) => drawLine(wrapped.map((parts) => parts[i] ?? ''))).join('\n');
  };
  yield rule('┌', '┬', '┐');
  yield line(head);
  for (let index = 0; index < count; index++) {
    if (index === 0 || (total && index === count - 1)) yield rule('├', '┼', '┤');
    yield line(rowAt(index));
  }
  yield rule('└', '┴', '┘');
}

const tableWidth = (widths: readonly number[]) => widths.reduce((sum, w) => sum + w + 3, 1);

/** A text column is never narrowed below this, nor below its longest word up to LONG_WORD (longer words are broken). */
const NARROWEST = 8;
const LONG_WORD = 16;

/** Column widths that fit `maxWidth` as far as narrowing the text columns, widest first, can make them. */
function narrowed(
  natural: readonly number[],
  head: string[],
  rows: string[][],
  rightAligned: readonly number[],
  maxWidth: number,
  width: (cell: string) => number,
): number[] {
  const floor = natural.map((w, column) => {
    const cells = [head[column]!, ...rows.map((row) => row[column]!)];
    if (rightAligned.includes(column) || cells.some((cell) => cell.includes('\u001b'))) return w;
    const longestWord = cells.reduce(
      (most, cell) => cell.split(' ').reduce((m, word) => Math.max(m, width(word)), most),
      0,
    );
    return Math.min(w, Math.max(NARROWEST, Math.min(longestWord, LONG_WORD)));
  });
  const widths = [...natural];
  let excess = tableWidth(widths) - maxWidth;
  while (excess > 0) {
    let widest = -1;
    widths.forEach((w, column) => {
      if (w > floor[column]! && (widest < 0 || w > widths[widest]!)) widest = column;
    });
    if (widest < 0) break;
    widths[widest]!--;
    excess--;
  }
  return widths;
}

/** A cell's words in lines of at most `columns`; a word longer than that is broken where it must be. */
export function wrapWords(cell: string, columns: number, width: (text: string) => number = widthOf): string[] {
  const pieces = cell.split(' ').flatMap((word) => {
    if (width(word) <= columns) return [word];
    const broken: string[] = [];
    let piece = '';
    for (const char of word) {
      if (piece !== '' && width(piece + char) > columns) {
        broken.push(piece);
        piece = '';
      }
      piece += char;
    }
    return [...broken, piece];
  });
  const lines: string[] = [];
  let current: string | undefined;
  for (const piece of pieces) {
    if (current === undefined) current = piece;
    else if (width(`${current} ${piece}`) <= columns) current = `${current} ${piece}`;
    else {
      lines.push(current);
      current = piece;
    }
  }
  return current === undefined ? lines : [...lines, current];
}
