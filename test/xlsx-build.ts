// Hand-built workbooks for tests: the XML a spreadsheet writes, zipped with fflate. Nothing here comes from src/.
import { strToU8, zipSync } from 'fflate';

/** A cell: text (a shared string), or a typed cell. */
export type CellSpec =
  | string
  | null
  | { inline: string }
  | { n: string; fmt?: string | number }
  | { f: string; v?: string; fmt?: string | number; t?: 'str' | 'n' }
  | { b: boolean }
  | { e: string }
  | { raw: string };

export interface SheetSpec {
  name: string;
  rows: CellSpec[][];
  /** 1-based rows to write hidden. */
  hiddenRows?: number[];
  hiddenColumns?: number[];
  merges?: string[];
  state?: 'hidden';
  /** Rows start here (1-based); rows above are left out. */
  firstRow?: number;
}

export const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function columnName(column: number): string {
  let out = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

/** The parts of a workbook (path → XML text), for tests that change one of them. */
export function workbookParts(sheets: SheetSpec[]): Record<string, string> {
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const formats: (string | number)[] = [0];
  const styleOf = (fmt: string | number | undefined) => {
    if (fmt === undefined) return 0;
    let i = formats.indexOf(fmt);
    if (i < 0) i = formats.push(fmt) - 1;
    return i;
  };
  const shared = (text: string) => {
    let i = stringIndex.get(text);
    if (i === undefined) {
      i = strings.push(text) - 1;
      stringIndex.set(text, i);
    }
    return i;
  };
  const parts: Record<string, string> = {};
  sheets.forEach((sheet, s) => {
    const first = sheet.firstRow ?? 1;
    const rows = sheet.rows.map((cells, i) => {
      const r = first + i;
      const xml = cells
        .map((cell, c) => {
          const ref = `${columnName(c + 1)}${r}`;
          if (cell === null) return '';
          if (typeof cell === 'string') return `<c r="${ref}" t="s"><v>${shared(cell)}</v></c>`;
          if ('inline' in cell)
            return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(cell.inline)}</t></is></c>`;
          if ('raw' in cell) return cell.raw.replace('REF', ref);
          if ('b' in cell) return `<c r="${ref}" t="b"><v>${cell.b ? 1 : 0}</v></c>`;
          if ('e' in cell) return `<c r="${ref}" t="e"><f>1/0</f><v>${escapeXml(cell.e)}</v></c>`;
          if ('f' in cell)
            return `<c r="${ref}" s="${styleOf(cell.fmt)}"${cell.t === 'str' ? ' t="str"' : ''}><f>${escapeXml(cell.f)}</f>${cell.v === undefined ? '' : `<v>${escapeXml(cell.v)}</v>`}</c>`;
          return `<c r="${ref}" s="${styleOf(cell.fmt)}"><v>${cell.n}</v></c>`;
        })
        .join('');
      return `<row r="${r}"${sheet.hiddenRows?.includes(r) ? ' hidden="1"' : ''}>${xml}</row>`;
    });
    const cols = sheet.hiddenColumns?.length
      ? `<cols>${sheet.hiddenColumns.map((c) => `<col min="${c}" max="${c}" hidden="1" width="0"/>`).join('')}</cols>`
      : '';
    const merges = sheet.merges?.length
      ? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`
      : '';
    parts[`xl/worksheets/sheet${s + 1}.xml`] =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${cols}<sheetData>${rows.join('')}</sheetData>${merges}</worksheet>`;
  });
  const custom = formats.filter((f): f is string => typeof f === 'string');
  const idOf = (f: string | number) => (typeof f === 'number' ? f : 164 + custom.indexOf(f));
  parts['xl/styles.xml'] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="${custom.length}">${custom.map((f) => `<numFmt numFmtId="${idOf(f)}" formatCode="${escapeXml(f)}"/>`).join('')}</numFmts><cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs count="${formats.length}">${formats.map((f) => `<xf numFmtId="${idOf(f)}" xfId="0" applyNumberFormat="1"/>`).join('')}</cellXfs></styleSheet>`;
  parts['xl/sharedStrings.xml'] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((t) => `<si><t xml:space="preserve">${escapeXml(t)}</t></si>`).join('')}</sst>`;
  parts['xl/workbook.xml'] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets.map((sheet, s) => `<sheet name="${escapeXml(sheet.name)}" sheetId="${s + 1}"${sheet.state ? ` state="${sheet.state}"` : ''} r:id="rId${s + 1}"/>`).join('')}</sheets></workbook>`;
  parts['xl/_rels/workbook.xml.rels'] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, s) => `<Relationship Id="rId${s + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${s + 1}.xml"/>`).join('')}<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
  parts['_rels/.rels'] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  parts['[Content_Types].xml'] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`;
  return parts;
}

export function zipParts(parts: Record<string, string | Uint8Array>): Uint8Array {
  return zipSync(
    Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, typeof v === 'string' ? strToU8(v) : v])),
  );
}

export const buildWorkbook = (sheets: SheetSpec[]): Uint8Array => zipParts(workbookParts(sheets));
