import { CofinError } from '../../core/errors.js';
import { builtInFormat, parseNumberFormat, type NumberFormat } from './number-format.js';
import { XmlReader, xmlError } from './xml.js';
import { unzipParts, ZIP_LIMITS, type ZipLimits } from './zip.js';
import { isStoredNumber } from './shown.js';

/** One cell as the sheet stores it, typed; a number keeps the text of its `<v>`, never a JS number. */
export type CellValue =
  | { type: 'empty' }
  | { type: 'text'; text: string }
  | { type: 'number'; stored: string; format: NumberFormat }
  | { type: 'boolean'; value: boolean }
  | { type: 'error'; text: string }
  | { type: 'date'; text: string };

export interface Cell {
  /** 1-based row and column. */
  row: number;
  column: number;
  value: CellValue;
  /** The cell holds a formula (its value is the one the spreadsheet last computed and stored). */
  formula: boolean;
  /** A formula whose value was never stored (a file written by a program that does not compute). */
  uncomputed: boolean;
}

export interface SheetRow {
  row: number;
  hidden: boolean;
  cells: Cell[];
}

export interface Sheet {
  name: string;
  hidden: boolean;
  rows: SheetRow[];
  /** Merged ranges, 1-based and inclusive. */
  merges: { top: number; left: number; bottom: number; right: number }[];
  hiddenColumns: Set<number>;
}

/** How much of a workbook cofin reads: beyond these it says so rather than run out of memory. */
export interface WorkbookLimits extends ZipLimits {
  cells: number;
}

export const WORKBOOK_LIMITS: WorkbookLimits = { ...ZIP_LIMITS, cells: 2_000_000 };

/** The largest sheet a spreadsheet makes: 1 048 576 rows, columns A to XFD. */
const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/** A workbook's sheets by name, each read when asked for. */
export interface Workbook {
  sheetNames: { name: string; hidden: boolean }[];
  sheet(index: number): Sheet;
}

/** The column letters of a 1-based column number: 1 → A, 28 → AB. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** `B7` → row 7, column 2. */
function parseReference(reference: string): { row: number; column: number } | undefined {
  const match = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/.exec(reference);
  if (!match) return undefined;
  let column = 0;
  for (const c of match[1]!.toUpperCase()) column = column * 26 + (c.charCodeAt(0) - 64);
  const row = Number(match[2]);
  if (row < 1 || row > MAX_ROW || column > MAX_COLUMN) return undefined;
  return { row, column };
}

/** Opens a workbook: its list of sheets, its shared strings and number formats. Sheets are read on demand. */
export function openWorkbook(bytes: Uint8Array, limits: WorkbookLimits = WORKBOOK_LIMITS): Workbook {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) {
    throw new CofinError(
      'syntax',
      'not a workbook: an .xlsx file is a zip archive, and this one is not',
      'save it from the spreadsheet as "Excel Workbook (.xlsx)"; an old .xls or an .ods must be saved as .xlsx first',
    );
  }
  const parts = unzipParts(bytes, (name) => /\.(?:xml|rels)$/i.test(name), limits);
  const partText = (name: string): string | undefined => {
    const data = parts.get(name);
    if (data === undefined) return undefined;
    if ((data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff))
      throw xmlError(name, 'it is UTF-16; cofin reads workbooks written in UTF-8');
    try {
      return STRICT_UTF8.decode(data);
    } catch {
      throw xmlError(name, 'it is not valid UTF-8');
    }
  };
  const workbookPath = officeDocument(partText('_rels/.rels')) ?? 'xl/workbook.xml';
  const workbookXml = partText(workbookPath);
  if (workbookXml === undefined)
    throw new CofinError(
      'syntax',
      'not a workbook: the archive has no workbook part (xl/workbook.xml)',
      'is this a Word or PowerPoint file? cofin reads Excel workbooks (.xlsx)',
    );
  const folder = workbookPath.includes('/') ? workbookPath.slice(0, workbookPath.lastIndexOf('/') + 1) : '';
  const relsPath = `${folder}_rels/${workbookPath.slice(folder.length)}.rels`;
  const targets = relationships(partText(relsPath), relsPath, folder);
  const sheets = sheetList(workbookXml, workbookPath, targets);
  let cells = 0;
  let strings: string[] | undefined;
  let formats: NumberFormat[] | undefined;
  const sharedStrings = () =>
    (strings ??= readSharedStrings(
      partText(targets.sharedStrings ?? `${folder}sharedStrings.xml`),
      targets.sharedStrings ?? `${folder}sharedStrings.xml`,
    ));
  const cellFormats = () =>
    (formats ??= readStyles(
      partText(targets.styles ?? `${folder}styles.xml`),
      targets.styles ?? `${folder}styles.xml`,
    ));
  return {
    sheetNames: sheets.map(({ name, hidden }) => ({ name, hidden })),
    sheet(index) {
      const entry = sheets[index]!;
      const xml = partText(entry.path);
      if (xml === undefined)
        throw new CofinError(
          'syntax',
          `the workbook names a sheet "${entry.name}" whose part ${JSON.stringify(entry.path)} is missing`,
          'save the workbook again from a spreadsheet application',
        );
      return readSheet(xml, entry.path, entry.name, entry.hidden, sharedStrings, cellFormats, () => {
        if (++cells > limits.cells)
          throw new CofinError(
            'too-large',
            `the workbook has more than ${limits.cells} cells`,
            'a partner table is far smaller: check that this is the right workbook',
          );
      });
    },
  };
}

function officeDocument(xml: string | undefined): string | undefined {
  if (xml === undefined) return undefined;
  const reader = new XmlReader(xml, '_rels/.rels');
  for (let event = reader.next(); event; event = reader.next()) {
    if (
      event.kind === 'open' &&
      event.name === 'Relationship' &&
      /\/officeDocument$/.test(event.attributes.Type ?? '')
    ) {
      return resolveTarget('', event.attributes.Target ?? '');
    }
  }
  return undefined;
}

/** A relationship's target as a part name: relative to the folder of the part that names it, or absolute. */
function resolveTarget(folder: string, target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : folder + target;
  const out: string[] = [];
  for (const piece of path.split('/')) {
    if (piece === '..') out.pop();
    else if (piece !== '.' && piece !== '') out.push(piece);
  }
  return out.join('/');
}

interface Targets {
  byId: Map<string, { type: string; path: string }>;
  sharedStrings: string | undefined;
  styles: string | undefined;
}

function relationships(xml: string | undefined, part: string, folder: string): Targets {
  const targets: Targets = { byId: new Map(), sharedStrings: undefined, styles: undefined };
  if (xml === undefined) return targets;
  const reader = new XmlReader(xml, part);
  for (let event = reader.next(); event; event = reader.next()) {
    if (event.kind !== 'open' || event.name !== 'Relationship') continue;
    const type = (event.attributes.Type ?? '').replace(/^.*\//, '');
    if (event.attributes.TargetMode === 'External') continue;
    const path = resolveTarget(folder, event.attributes.Target ?? '');
    targets.byId.set(event.attributes.Id ?? '', { type, path });
    if (type === 'sharedStrings') targets.sharedStrings = path;
    if (type === 'styles') targets.styles = path;
  }
  return targets;
}

function sheetList(xml: string, part: string, targets: Targets): { name: string; hidden: boolean; path: string }[] {
  const reader = new XmlReader(xml, part);
  const sheets: { name: string; hidden: boolean; path: string }[] = [];
  for (let event = reader.next(); event; event = reader.next()) {
    if (event.kind !== 'open' || event.name !== 'sheet') continue;
    const target = targets.byId.get(event.attributes.id ?? '');
    // chart sheets and dialog sheets hold no cells
    if (target === undefined || target.type !== 'worksheet') continue;
    sheets.push({
      name: event.attributes.name ?? '',
      hidden: event.attributes.state === 'hidden' || event.attributes.state === 'veryHidden',
      path: target.path,
    });
  }
  if (sheets.length === 0)
    throw new CofinError('syntax', 'the workbook has no worksheet', 'put the partner table on a worksheet');
  return sheets;
}

/** `_x000D_` in a workbook's text is a character the XML cannot hold raw; `_x005F_` an underscore. */
function unescapeOoxml(text: string): string {
  return text.includes('_x')
    ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : text;
}

/** The text of a string item (`<si>` or `<is>`): its `<t>` and its runs' `<t>`, without phonetic guides. */
function stringItem(reader: XmlReader): string {
  let out = '';
  let depth = 1;
  let inText = false;
  for (;;) {
    const event = reader.next();
    if (event === undefined) return out;
    if (event.kind === 'open') {
      if (event.name === 'rPh' || event.name === 'phoneticPr') {
        if (!event.empty) reader.skip();
        else reader.next();
        continue;
      }
      depth++;
      inText = event.name === 't';
    } else if (event.kind === 'close') {
      inText = false;
      if (--depth === 0) return unescapeOoxml(out);
    } else if (inText) out += event.text;
  }
}

function readSharedStrings(xml: string | undefined, part: string): string[] {
  if (xml === undefined) return [];
  const reader = new XmlReader(xml, part);
  const strings: string[] = [];
  for (let event = reader.next(); event; event = reader.next()) {
    if (event.kind === 'open' && event.name === 'si') strings.push(stringItem(reader));
  }
  return strings;
}

/** Each cell format (`<cellXfs>`'s `<xf>`, by its index, the `s` of a cell) as its number format. */
function readStyles(xml: string | undefined, part: string): NumberFormat[] {
  if (xml === undefined) return [];
  const reader = new XmlReader(xml, part);
  const codes = new Map<number, string>();
  const formats: NumberFormat[] = [];
  let inCellXfs = false;
  for (let event = reader.next(); event; event = reader.next()) {
    if (event.kind === 'open' && event.name === 'numFmt') {
      codes.set(Number(event.attributes.numFmtId), event.attributes.formatCode ?? 'General');
    } else if (event.kind === 'open' && event.name === 'cellXfs') {
      inCellXfs = !event.empty;
    } else if (event.kind === 'close' && event.name === 'cellXfs') {
      inCellXfs = false;
    } else if (inCellXfs && event.kind === 'open' && event.name === 'xf') {
      const id = Number(event.attributes.numFmtId ?? 0);
      const code = codes.get(id) ?? builtInFormat(id) ?? 'General';
      formats.push(parseNumberFormat(code));
      if (!event.empty) reader.skip();
      else reader.next();
    }
  }
  return formats;
}

const GENERAL: NumberFormat = { kind: 'general', code: 'General' };

function readSheet(
  xml: string,
  part: string,
  name: string,
  hidden: boolean,
  strings: () => string[],
  formats: () => NumberFormat[],
  count: () => void,
): Sheet {
  const reader = new XmlReader(xml, part);
  const sheet: Sheet = { name, hidden, rows: [], merges: [], hiddenColumns: new Set() };
  const bad = (why: string): never => {
    throw new CofinError(
      'syntax',
      `the sheet "${name}" cannot be read: ${why}`,
      'save the workbook again from a spreadsheet application',
    );
  };
  let row: SheetRow | undefined;
  let nextRow = 1;
  let nextColumn = 1;
  for (let event = reader.next(); event; event = reader.next()) {
    if (event.kind === 'close') {
      if (event.name === 'row') row = undefined;
      continue;
    }
    if (event.kind !== 'open') continue;
    switch (event.name) {
      case 'row': {
        const r = event.attributes.r === undefined ? nextRow : Number(event.attributes.r);
        if (!Number.isInteger(r) || r < nextRow || r > MAX_ROW)
          bad(`a row numbered ${JSON.stringify(event.attributes.r)} out of order`);
        row = { row: r, hidden: event.attributes.hidden === '1' || event.attributes.hidden === 'true', cells: [] };
        sheet.rows.push(row);
        nextRow = r + 1;
        nextColumn = 1;
        break;
      }
      case 'c': {
        if (!row) bad('a cell outside a row');
        count();
        const reference =
          event.attributes.r === undefined ? { row: row!.row, column: nextColumn } : parseReference(event.attributes.r);
        if (!reference || reference.row !== row!.row || reference.column < nextColumn)
          bad(`the cell reference ${JSON.stringify(event.attributes.r)} is out of place`);
        nextColumn = reference!.column + 1;
        const cell = readCell(reader, event.attributes, event.empty, reference!, strings, formats, bad);
        row!.cells.push(cell);
        break;
      }
      case 'mergeCell': {
        const [from, to] = (event.attributes.ref ?? '').split(':');
        const a = parseReference(from ?? '');
        const b = to === undefined ? a : parseReference(to);
        if (!a || !b) bad(`a merged range ${JSON.stringify(event.attributes.ref)}`);
        sheet.merges.push({
          top: Math.min(a!.row, b!.row),
          left: Math.min(a!.column, b!.column),
          bottom: Math.max(a!.row, b!.row),
          right: Math.max(a!.column, b!.column),
        });
        break;
      }
      case 'col': {
        if (event.attributes.hidden === '1' || event.attributes.hidden === 'true') {
          const min = Number(event.attributes.min);
          const max = Math.min(Number(event.attributes.max), MAX_COLUMN);
          for (let c = min; Number.isInteger(c) && c <= max; c++) sheet.hiddenColumns.add(c);
        }
        break;
      }
      default:
    }
  }
  return sheet;
}

function readCell(
  reader: XmlReader,
  attributes: Record<string, string>,
  empty: boolean,
  at: { row: number; column: number },
  strings: () => string[],
  formats: () => NumberFormat[],
  bad: (why: string) => never,
): Cell {
  let v: string | undefined;
  let inline: string | undefined;
  let formula = false;
  if (!empty) {
    for (;;) {
      const event = reader.next();
      if (event === undefined) bad('a cell is not closed');
      if (event.kind === 'close') {
        if (event.name === 'c') break;
        continue;
      }
      if (event.kind !== 'open') continue;
      if (event.name === 'v') v = event.empty ? (reader.next(), '') : reader.textContent();
      else if (event.name === 'f') {
        formula = true;
        if (!event.empty) reader.skip();
        else reader.next();
      } else if (event.name === 'is') inline = event.empty ? (reader.next(), '') : stringItem(reader);
      else if (!event.empty) reader.skip();
      else reader.next();
    }
  } else reader.next();
  const type = attributes.t ?? 'n';
  const cell = (value: CellValue, uncomputed = false): Cell => ({
    row: at.row,
    column: at.column,
    value,
    formula,
    uncomputed,
  });
  if (type === 'inlineStr')
    return inline === undefined ? cell({ type: 'empty' }) : cell({ type: 'text', text: inline });
  if (v === undefined) return cell({ type: 'empty' }, formula);
  switch (type) {
    case 's': {
      const index = /^[0-9]{1,9}$/.test(v.trim()) ? Number(v.trim()) : -1;
      const text = strings()[index];
      if (text === undefined)
        bad(
          `the cell ${columnLetters(at.column)}${at.row} names a shared string ${JSON.stringify(v)} that is not there`,
        );
      return cell({ type: 'text', text: text });
    }
    case 'str':
      return cell({ type: 'text', text: unescapeOoxml(v) });
    case 'b':
      return cell({ type: 'boolean', value: v.trim() === '1' || v.trim() === 'true' });
    case 'e':
      return cell({ type: 'error', text: v.trim() });
    case 'd':
      return cell({ type: 'date', text: v.trim() });
    case 'n': {
      const stored = v.trim();
      if (stored === '') return cell({ type: 'empty' }, formula);
      if (!isStoredNumber(stored))
        bad(
          `the cell ${columnLetters(at.column)}${at.row} ` +
            `holds ${JSON.stringify(stored.slice(0, 40))}, which is not a number`,
        );
      const style = attributes.s === undefined ? 0 : Number(attributes.s);
      const format = formats()[style] ?? GENERAL;
      if (format.kind === 'date') return cell({ type: 'date', text: stored });
      return cell({ type: 'number', stored, format });
    }
    default:
      return bad(`the cell ${columnLetters(at.column)}${at.row} has an unknown type ${JSON.stringify(type)}`);
  }
}
