import { csvAmountCell, csvTextCell } from './safe-text.js';

/** What a CSV column holds: text (neutralised for spreadsheets) or amounts (decimal strings, written as they are). */
export type CsvColumn = 'text' | 'amount';

/**
 * Who reads the CSV: `rfc4180` scripts (cofin's CSV as it has always been:
 * `,`, decimal point, LF, no BOM), `excel-lv` Excel or LibreOffice set to
 * Latvian (BOM, `;`, decimal comma, CRLF), `excel-en` set to English (BOM,
 * `,`, decimal point, CRLF). Without the BOM Excel reads UTF-8 as its ANSI
 * code page and "Botoșani" comes out mangled.
 */
export const CSV_DIALECTS = ['rfc4180', 'excel-lv', 'excel-en'] as const;
export type CsvDialect = (typeof CSV_DIALECTS)[number];

interface DialectRules {
  separator: ',' | ';';
  decimalMark: '.' | ',';
  lineEnd: string;
  start: string;
}

const RULES: Record<CsvDialect, DialectRules> = {
  rfc4180: { separator: ',', decimalMark: '.', lineEnd: '\n', start: '' },
  'excel-lv': { separator: ';', decimalMark: ',', lineEnd: '\r\n', start: '\ufeff' },
  'excel-en': { separator: ',', decimalMark: '.', lineEnd: '\r\n', start: '\ufeff' },
};

/**
 * CSV written in pieces: the header first, then rows as they come (a check
 * of a folder is never one string). Cells are made safe by their column's
 * type, never by their content: a text cell `-0.3` is neutralised, an amount
 * `-0.3` stays a number (see safe-text).
 */
export class CsvWriter {
  private readonly rules: DialectRules;

  constructor(
    private readonly columns: readonly CsvColumn[],
    dialect: CsvDialect = 'rfc4180',
  ) {
    this.rules = RULES[dialect];
  }

  /** The byte order mark (in the Excel dialects) and the header row. */
  header(names: readonly string[]): string {
    const { separator, lineEnd, start } = this.rules;
    return start + names.map((name) => csvTextCell(name, separator)).join(separator) + lineEnd;
  }

  /** Between two cells. */
  get separator(): string {
    return this.rules.separator;
  }

  /** After a record. */
  get lineEnd(): string {
    return this.rules.lineEnd;
  }

  /** A text cell as `row` writes it: for a writer that makes the cells of many rows once. */
  text(value: string): string {
    return csvTextCell(value, this.rules.separator);
  }

  /** An amount cell as `row` writes it. */
  amount(value: string): string {
    return csvAmountCell(value, this.rules.separator, this.rules.decimalMark);
  }

  /** One record, ended by the dialect's line end. */
  row(cells: readonly string[]): string {
    const { separator, decimalMark, lineEnd } = this.rules;
    return (
      cells
        .map((value, index) =>
          this.columns[index] === 'amount'
            ? csvAmountCell(value, separator, decimalMark)
            : csvTextCell(value, separator),
        )
        .join(separator) + lineEnd
    );
  }
}

/**
 * CSV text with a header row, one record a line; in the default dialect
 * CRLF-free so it diffs well.
 */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  columns: readonly CsvColumn[],
  dialect: CsvDialect = 'rfc4180',
): string {
  const writer = new CsvWriter(columns, dialect);
  return writer.header(header) + rows.map((row) => writer.row(row)).join('');
}
