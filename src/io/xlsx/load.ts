import { CofinError } from '../../core/errors.js';
import type { BudgetStream, Located, ReadingNote } from '../../core/model.js';
import { markerCurrency, type AmountOptions } from '../../core/amount.js';
import { didYouMean } from '../suggest.js';
import { fixedColumnMeant, headerRenames, partnerTableStream, renameHint, type CellRole } from '../partner-table.js';
import {
  columnLetters,
  openWorkbook,
  WORKBOOK_LIMITS,
  type Cell,
  type Sheet,
  type WorkbookLimits,
} from './workbook.js';
import { shownNumber, storedText } from './shown.js';
import { said, type Said } from '../../core/check/said.js';

export interface WorkbookOptions {
  /**
   * `--sheet NAME|N`: a sheet's name, or its place among the sheets (1 is the first); default: the first sheet with a
   * `partner` header.
   */
  sheet?: string | undefined;
  limits?: WorkbookLimits | undefined;
}

/** A sheet's name as a cell reference writes it: `Budget`, or `'Partner budgets'` quoted. */
export function sheetReference(name: string): string {
  const plain =
    /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) &&
    !/^[A-Za-z]{1,3}[0-9]+$/.test(name) &&
    !/^R[0-9]*(C[0-9]*)?$|^C[0-9]*$/i.test(name) &&
    !/^(true|false)$/i.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

const pointerPart = (text: string) => text.replace(/~/g, '~0').replace(/\//g, '~1');

/** A cell's place: its row and column number, and `Budget!B7` as a spreadsheet names it. */
function cellAt(sheet: string, row: number, column: number): Located {
  const reference = `${columnLetters(column)}${row}`;
  return {
    line: row,
    column,
    pointer: `/${pointerPart(sheet)}/${reference}`,
    cell: `${sheetReference(sheet)}!${reference}`,
  };
}

/**
 * A cell as the table reads it: its text, or what it holds instead of one (read only when a partner's row needs it).
 */
type TableCell = string | { text: string; refuse?: (role: CellRole) => CofinError; number?: true };

interface BodyRow {
  row: number;
  cells: Map<number, TableCell>;
}

// a partner table is in euro: a marker of another currency in a cell is refused, as in a budget file
const POINT: AmountOptions = { decimal: 'point', currency: 'EUR' };
const WRITTEN: AmountOptions = { currency: 'EUR' };

const isPartnerHeader = (cell: Cell) =>
  cell.value.type === 'text' && cell.value.text.trim().toLowerCase() === 'partner';

const EXAMPLE = 'partner | country | budget | erdf | municipal';

/**
 * The first header row whose partner column is written in Latvian or misspelt (`Partneris`, `partnr`), with the
 * renames its cells ask for: the hint then names them, as a CSV table's does, where "a row names the columns" would
 * leave the reader to guess that cofin reads English headers only.
 */
function meantHeader(sheets: readonly Sheet[]): { at: Located; renames: string[] } | undefined {
  for (const sheet of sheets)
    for (const row of sheet.rows) {
      const texts = row.cells.map((c) => (c.value.type === 'text' ? c.value.text : ''));
      const first = texts.findIndex((t) => fixedColumnMeant(t) === 'partner');
      const cell = row.cells[first];
      if (cell) return { at: cellAt(sheet.name, cell.row, cell.column), renames: headerRenames(texts) };
    }
  return undefined;
}

/**
 * Reads a partner table from a workbook: the sheet `--sheet` names, else the
 * first with a `partner` header, one partner a row under that header, the
 * columns those of the CSV partner table. Every cell is read as the sheet
 * shows it (see `cellText`); what the reader notes (hidden rows, digits the
 * sheet does not show, formulas never computed) goes into the model's notes.
 */
export function loadPartnerWorkbook(bytes: Uint8Array, options: WorkbookOptions = {}): BudgetStream {
  const workbook = openWorkbook(bytes, options.limits ?? WORKBOOK_LIMITS);
  const names = workbook.sheetNames.map((s) => s.name);
  let sheet: Sheet | undefined;
  if (options.sheet !== undefined) {
    const wanted = options.sheet;
    let index = names.indexOf(wanted);
    if (index < 0) index = names.findIndex((n) => n.toLowerCase() === wanted.toLowerCase());
    if (index < 0 && /^[1-9][0-9]{0,4}$/.test(wanted) && Number(wanted) <= names.length) index = Number(wanted) - 1;
    if (index < 0) {
      const near = didYouMean(wanted, names);
      throw new CofinError(
        'not-found',
        `the workbook has no sheet "${wanted}"`,
        near
          ? `did you mean --sheet "${near}"?`
          : `its sheets are ${names.map((n, i) => `${i + 1} "${n}"`).join(', ')}`,
      );
    }
    sheet = workbook.sheet(index);
    if (!sheet.rows.some((r) => r.cells.some(isPartnerHeader))) {
      const latvian = meantHeader([sheet]);
      throw new CofinError(
        'missing-key',
        `the sheet "${sheet.name}" has no "partner" header`,
        latvian ? renameHint(latvian.renames, EXAMPLE) : `a row names the columns, e.g. ${EXAMPLE}`,
        latvian?.at ?? cellAt(sheet.name, 1, 1),
      );
    }
  } else {
    const seen: Sheet[] = [];
    for (let index = 0; index < names.length && !sheet; index++) {
      const candidate = workbook.sheet(index);
      seen.push(candidate);
      if (candidate.rows.some((r) => r.cells.some(isPartnerHeader))) sheet = candidate;
    }
    if (!sheet) {
      const latvian = meantHeader(seen);
      throw new CofinError(
        'missing-key',
        `no sheet has a "partner" header (the sheets: ${names.map((n) => `"${n}"`).join(', ')})`,
        latvian
          ? renameHint(latvian.renames, EXAMPLE)
          : `a row names the columns, e.g. ${EXAMPLE}; name the sheet with --sheet`,
        latvian?.at,
      );
    }
  }
  return sheetTable(sheet);
}

function sheetTable(sheet: Sheet): BudgetStream {
  const notes: ReadingNote[] = [];
  const at = (row: number, column: number) => cellAt(sheet.name, row, column);
  const headerRow = sheet.rows.find((r) => r.cells.some(isPartnerHeader))!;
  // a header cell merged down over the rows below makes them part of the header (a group title over the source ids)
  let bandBottom = headerRow.row;
  for (const m of sheet.merges)
    if (m.top <= headerRow.row && m.bottom >= headerRow.row) bandBottom = Math.max(bandBottom, m.bottom);
  const band = sheet.rows.filter((r) => r.row >= headerRow.row && r.row <= bandBottom);
  const stored = new Map<string, Cell>();
  for (const r of sheet.rows) {
    if (r.row > bandBottom) break;
    for (const c of r.cells) stored.set(`${c.row}:${c.column}`, c);
  }
  // a merged cell shows its first cell's text down its rows, in its first column
  const shownInHeader = (row: number, column: number): { text: string; place: Located } | undefined => {
    const merge = sheet.merges.find((m) => m.left === column && m.top <= row && m.bottom >= row);
    const source = merge ? stored.get(`${merge.top}:${merge.left}`) : stored.get(`${row}:${column}`);
    if (!source) return undefined;
    const text = headerText(source);
    return text.trim() === '' ? undefined : { text, place: at(source.row, source.column) };
  };
  let lastColumn = 0;
  for (const r of band)
    for (const c of r.cells) if (headerText(c).trim() !== '') lastColumn = Math.max(lastColumn, c.column);
  for (const m of sheet.merges)
    if (m.top <= bandBottom && m.bottom >= headerRow.row) lastColumn = Math.max(lastColumn, m.left);
  const header: { column: number; text: string; place: Located }[] = [];
  const unheaded = new Set<number>();
  for (let column = 1; column <= lastColumn; column++) {
    let found: { text: string; place: Located } | undefined;
    for (let row = headerRow.row; row <= bandBottom; row++) found = shownInHeader(row, column) ?? found;
    if (found) header.push({ column, ...found });
    else unheaded.add(column);
  }
  const columnIndex = new Map(header.map((h, i) => [h.column, i]));
  if (sheet.hidden)
    notes.push({
      code: 'hidden-sheet',
      message: `the sheet "${sheet.name}" is hidden in the workbook; cofin reads it`,
      hint: 'check that the hidden sheet is the partner table meant',
      at: header[0]?.place ?? at(headerRow.row, 1),
      said: said('hidden-sheet', { sheet: sheet.name }),
    });
  for (const h of header) {
    if (sheet.hiddenColumns.has(h.column))
      notes.push({
        code: 'hidden-column',
        message:
          `the column "${h.text.trim()}" (${columnLetters(h.column)}) is hidden in the ` +
          `sheet; cofin reads it like the others`,
        hint: 'unhide it to see what is read',
        at: h.place,
        said: said('hidden-column', { column: h.text.trim(), letters: columnLetters(h.column) }),
      });
  }
  const rows: BodyRow[] = [];
  for (const r of sheet.rows) {
    if (r.row <= bandBottom) continue;
    const cells = new Map<number, TableCell>();
    const uncomputed: Cell[] = [];
    let filled = false;
    for (const c of r.cells) {
      if (c.uncomputed) uncomputed.push(c);
      const index = columnIndex.get(c.column);
      const text = cellText(c, (message, hint, words) =>
        notes.push({ code: 'hidden-digits', message, hint, at: at(c.row, c.column), said: words }),
      );
      // a formula never computed shows nothing: its row may still be empty
      const empty = (typeof text === 'string' ? text : text.text).trim() === '';
      if (index === undefined) {
        if (!empty && (unheaded.has(c.column) || c.column > lastColumn)) {
          throw new CofinError(
            'syntax',
            `a value in column ${columnLetters(c.column)}, which has no header`,
            'name the column in the header row, or clear the cell',
            at(c.row, c.column),
          );
        }
        continue;
      }
      if (!empty || c.uncomputed) cells.set(index, text);
      if (!empty) filled = true;
    }
    if (!filled) {
      // a row that shows nothing is no partner; a formula in it never computed is noted
      for (const c of uncomputed)
        notes.push({
          code: 'formula-without-value',
          message:
            'a formula whose value was never stored (the file was written by a program that ' +
            'does not compute formulas); its row is empty and skipped',
          hint: 'open the workbook in a spreadsheet application and save it, so that every formula has its value',
          at: at(c.row, c.column),
          said: said('formula-without-value', {}),
        });
      continue;
    }
    if (r.hidden)
      notes.push({
        code: 'hidden-row',
        message: `row ${r.row} is hidden in the sheet; cofin reads it like the others`,
        hint: 'unhide it to see what is read; delete it if it is not a partner',
        at: at(r.row, header[0]?.column ?? 1),
        said: said('hidden-row', { row: r.row }),
      });
    rows.push({ row: r.row, cells });
  }
  return partnerTableStream<BodyRow>({
    header: header.map((h) => h.text),
    headAt: (index) => header[index]!.place,
    headPlace: () => at(headerRow.row, 1),
    rows,
    last: () => rows.at(-1),
    cell: (row, index, role) => {
      const cell = row.cells.get(index);
      if (cell === undefined) return '';
      if (typeof cell === 'string') return cell;
      const refused = cell.refuse?.(role);
      if (refused) {
        refused.location = at(row.row, header[index]!.column);
        throw refused;
      }
      return cell.text;
    },
    at: (row, index) => at(row.row, header[index]!.column),
    // a number's text has a decimal point; a text cell is read as written, as a CSV with commas is
    amountOptions: (row, index) => {
      const cell = row.cells.get(index);
      return typeof cell === 'object' && cell.number ? POINT : WRITTEN;
    },
    example: EXAMPLE,
    headerWhere: `the header row (${headerRow.row}) names the columns`,
    notes,
  });
}

/** A header cell's text: what it shows. */
function headerText(cell: Cell): string {
  const v = cell.value;
  switch (v.type) {
    case 'text':
      return v.text;
    case 'number':
      return v.format.kind === 'percent' || v.format.kind === 'fixed' || v.format.kind === 'general'
        ? shownNumber(v.stored, v.format).text
        : v.stored;
    case 'boolean':
      return v.value ? 'TRUE' : 'FALSE';
    case 'error':
    case 'date':
      return v.text;
    case 'empty':
      return '';
  }
}

const refusal = (code: 'bad-amount' | 'wrong-type' | 'missing-key', message: string, hint: string) =>
  new CofinError(code, message, hint);

/**
 * What a body cell shows, as the text a CSV cell would hold: a number at its
 * format's decimals (`10844.30`, `85%`), a text as it is, TRUE or FALSE. A
 * cell that shows no figure or name (an error such as #DIV/0!, a date, a
 * formula never computed, a number in scientific notation) is kept as a
 * refusal, raised only if a partner's row reads it.
 */
function cellText(cell: Cell, hiddenDigits: (message: string, hint: string, words: Said) => void): TableCell {
  const v = cell.value;
  if (cell.uncomputed) {
    return {
      text: '',
      refuse: () =>
        refusal(
          'missing-key',
          'the cell holds a formula whose value was never stored (the file was written by ' +
            'a program that does not compute formulas)',
          'open the workbook in a spreadsheet application and save it, so that every formula has its value',
        ),
    };
  }
  switch (v.type) {
    case 'empty':
      return '';
    case 'text':
      return v.text;
    case 'boolean':
      return v.value ? 'TRUE' : 'FALSE';
    case 'error':
      return {
        text: v.text,
        refuse: (role) =>
          refusal(
            role === 'figure' ? 'bad-amount' : 'wrong-type',
            `the cell shows the error ${v.text}${cell.formula ? ' (its formula failed)' : ''}`,
            'correct the formula or the cells it uses, then save the workbook',
          ),
      };
    case 'date':
      return {
        text: v.text,
        refuse: (role) =>
          refusal(
            role === 'figure' ? 'bad-amount' : 'wrong-type',
            'the cell holds a date, not an amount or a name',
            'format the cell as a number or as text (Format Cells), or correct it',
          ),
      };
    case 'number': {
      const format = v.format;
      if (format.kind === 'other' || format.kind === 'date') {
        const why = format.kind === 'other' ? format.why : 'a date';
        return {
          text: v.stored,
          refuse: () =>
            refusal(
              'bad-amount',
              `the cell shows its number as ${why} (number ` +
                `format ${JSON.stringify(format.code)}), which cofin does not read as an amount`,
              'format the cell as a number with its decimals (0.00) or as a percentage (0%)',
            ),
        };
      }
      // a number shown in another currency is not a euro amount, whatever it stores
      if (format.kind === 'fixed' && format.shows !== '' && markerCurrency(format.shows) !== 'EUR') {
        return {
          text: v.stored,
          refuse: (role) =>
            refusal(
              role === 'figure' ? 'bad-amount' : 'wrong-type',
              `the cell shows its number with ${JSON.stringify(format.shows)} (number format ` +
                `${JSON.stringify(format.code)}): an amount in another currency or unit than EUR`,
              'give the amount in euro: format the cell as a number (0.00) or in euro (#,##0.00 €)',
            ),
        };
      }
      const shown = shownNumber(v.stored, format);
      if (shown.hidden) {
        hiddenDigits(
          `the cell shows ${shown.text} but ` +
            `holds ${storedText(v.stored, format)}${cell.formula ? " (a formula's result)" : ''}; ` +
            `cofin reads what the sheet shows`,
          format.kind === 'general'
            ? 'round the value (=ROUND(...; 2)) so that the sheet adds up what it shows'
            : 'round the formula (=ROUND(...; 2)) or show more decimals, so that the sheet adds up what it shows',
          said('hidden-digits', {
            shown: shown.text,
            stored: storedText(v.stored, format),
            formula: cell.formula,
            general: format.kind === 'general',
          }),
        );
      }
      return { text: shown.text, number: true };
    }
    default:
      return '';
  }
}
