import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { PassThrough } from 'node:stream';
import { strFromU8, unzipSync } from 'fflate';
import { main } from '../src/cli.js';
import { cell, columnName, percentFraction, workbookBytes, type XlsxDocument } from '../src/render/xlsx.js';
import { toCsv } from '../src/render/csv.js';
import { XLSX_CELL_LIMIT, xlsxText } from '../src/render/safe-text.js';
import { root } from './e2e/run.js';
import { needs, readBack, xmllintError } from './e2e/readers.js';

const parts = (bytes: Uint8Array) =>
  Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));
const sheet1 = (doc: XlsxDocument) => parts(workbookBytes(doc))['xl/worksheets/sheet1.xml']!;
const one = (cells: Parameters<typeof cell.text>[0][] | ReturnType<typeof cell.text>[]) => ({
  sheets: [{ name: 'S', head: ['h'], rows: [cells as ReturnType<typeof cell.text>[]] }],
});

describe('xlsx cells', () => {
  it('writes an amount as a number whose text is the decimal string given, with a format that shows all its decimals', () => {
    const xml = sheet1(one([cell.money('10844.30', 'EUR'), cell.money('-0.3', 'EUR'), cell.money('12758', 'JPY')]));
    expect(xml).toContain(
      '<c r="A2" s="2"><v>10844.30</v></c><c r="B2" s="3"><v>-0.3</v></c><c r="C2" s="4"><v>12758</v></c>',
    );
    const styles = parts(
      workbookBytes(one([cell.money('10844.30', 'EUR'), cell.money('-0.3', 'EUR'), cell.money('12758', 'JPY')])),
    )['xl/styles.xml']!;
    expect(styles).toContain(
      '<numFmt numFmtId="164" formatCode="#,##0.00 &quot;EUR&quot;"/><numFmt numFmtId="165" formatCode="#,##0.0 &quot;EUR&quot;"/><numFmt numFmtId="166" formatCode="#,##0 &quot;JPY&quot;"/>',
    );
  });

  it('writes an amount a spreadsheet number cannot hold (more than 15 significant digits) as text, never rounded', () => {
    const xml = sheet1(
      one([
        cell.money('1234567890123.45', 'EUR'),
        cell.money('12345678901234.56', 'EUR'),
        cell.money('100000000000000000000.00', 'EUR'),
      ]),
    );
    expect(xml).toContain('<v>1234567890123.45</v>');
    expect(xml).toContain('<c r="B2" t="inlineStr"><is><t>12345678901234.56</t></is></c>');
    // counted from the first digit to the last of the fraction that is not 0: whole-number zeros count (a safe side to err on)
    expect(xml).toContain('<c r="C2" t="inlineStr"><is><t>100000000000000000000.00</t></is></c>');
  });

  it('writes a rate in percent units as the fraction a percent cell holds, by moving the point', () => {
    expect(
      ['85', '80.89', '100', '0', '5', '0.25', '-12.3', '1234.5', '33.3333', '100.00'].map(percentFraction),
    ).toEqual(['0.85', '0.8089', '1', '0', '0.05', '0.0025', '-0.123', '12.345', '0.333333', '1']);
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }),
        fc.integer({ min: 0, max: 6 }),
        (units, decimals) => {
          const text = new Decimal(units.toString()).div(10 ** decimals).toFixed(decimals);
          expect(new Decimal(percentFraction(text)).eq(new Decimal(text).div(100))).toBe(true);
          expect(percentFraction(text)).toBe(new Decimal(text).div(100).toFixed());
        },
      ),
    );
  });

  it('names columns as a spreadsheet does', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702, 16383].map(columnName)).toEqual([
      'A',
      'B',
      'Z',
      'AA',
      'AB',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
      'XFD',
    ]);
  });

  it('makes every text a string cell: a formula stays text, markup is escaped, control characters are written out', () => {
    const xml = sheet1(
      one([
        cell.text('=HYPERLINK("http://x")'),
        cell.text('<b>&</b>'),
        cell.text('a\u001b[2J\u0000\n'),
        cell.text('  padded '),
      ]),
    );
    expect(xml).not.toMatch(/<f>/);
    expect(xml).toContain('<t>=HYPERLINK(&quot;http://x&quot;)</t>');
    expect(xml).toContain('<t>&lt;b&gt;&amp;&lt;/b&gt;</t>');
    expect(xml).toContain('<t>a\\x1b[2J\\x00\\n</t>');
    expect(xml).toContain('<t xml:space="preserve">  padded </t>');
  });

  it('keeps a literal _xHHHH_ as written: Excel would read it as an escaped character', () => {
    expect(xlsxText('_x0041_ and _x000D_x_')).toBe('_x005F_x0041_ and _x005F_x000D_x_');
    expect(xlsxText('_x41_ x_0041_')).toBe('_x41_ x_0041_');
  });

  it('cuts a text longer than a cell holds, and says so', () => {
    const long = xlsxText('a'.repeat(40_000));
    expect(long.length).toBe(XLSX_CELL_LIMIT);
    expect(long.endsWith(' … (40000 characters, cut to fit a cell)')).toBe(true);
    const emoji = xlsxText('😀'.repeat(20_000));
    expect(emoji.length).toBeLessThanOrEqual(XLSX_CELL_LIMIT);
    expect(/[\ud800-\udbff](?![\udc00-\udfff])/.test(emoji)).toBe(false);
  });

  it('every XML part is well-formed, for any text (xmllint)', () => {
    const texts = fc.sample(fc.string({ unit: 'binary', maxLength: 40 }), 200);
    const bytes = workbookBytes({
      title: texts[0],
      sheets: [
        {
          name: 'Any: [text]?',
          head: texts.slice(0, 5),
          rows: texts.map((t) => [
            cell.text(t),
            cell.money('1.5', 'EUR'),
            cell.percent('85'),
            cell.empty,
            cell.count(3),
          ]),
          totals: [cell.text('Total'), cell.money('300', 'EUR')],
        },
      ],
    });
    const files = parts(bytes);
    expect(Object.keys(files)).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'docProps/core.xml',
      'docProps/app.xml',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/worksheets/sheet1.xml',
    ]);
    expect(files['xl/workbook.xml']).toContain('<sheet name="Any   text  " sheetId="1" r:id="rId1"/>');
    // every text back, exactly, from the XML (entities, then the visible escapes)
    const shown = [...files['xl/worksheets/sheet1.xml']!.matchAll(/<t(?: xml:space="preserve")?>([^<]*)<\/t>/g)].map(
      (m) => m[1]!,
    );
    const back = shown.map((t) =>
      readBack(
        t
          .replace(
            /&(lt|gt|quot|apos|amp);/g,
            (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!,
          )
          .replace(/_x005F_(?=x[0-9a-fA-F]{4}_)/g, '_'),
      ),
    );
    expect(back).toEqual([...texts.slice(0, 5), ...texts, 'Total']);
    if (!needs('xmllint', 'a real XML parser reads the workbook parts')) return;
    for (const [name, xml] of Object.entries(files)) expect(xmllintError(xml), name).toBeUndefined();
  });

  it('gives the same bytes for the same document, in any time zone', () => {
    const doc: XlsxDocument = { sheets: [{ name: 'S', head: ['a'], rows: [[cell.money('1.00', 'EUR')]] }] };
    const a = workbookBytes(doc);
    expect(Buffer.from(workbookBytes(doc)).equals(Buffer.from(a))).toBe(true);
    // the zip's date and time fields of every entry: 1980-01-01 00:00
    expect(Buffer.from(a).readUInt32LE(10)).toBe((0 << 25) | (1 << 21) | (1 << 16));
  });
});

describe('CSV dialects', () => {
  const rows = [
    ['Botoșani', '-0.30'],
    ['a;b', '12758.00'],
  ];
  it("rfc4180 is the CSV cofin has always written; excel-lv and excel-en are Excel's", () => {
    expect(toCsv(['name', 'amount'], rows, ['text', 'amount'])).toBe('name,amount\nBotoșani,-0.30\na;b,12758.00\n');
    expect(toCsv(['name', 'amount'], rows, ['text', 'amount'], 'rfc4180')).toBe(
      'name,amount\nBotoșani,-0.30\na;b,12758.00\n',
    );
    expect(toCsv(['name', 'amount'], rows, ['text', 'amount'], 'excel-lv')).toBe(
      '\ufeffname;amount\r\nBotoșani;-0,30\r\n"a;b";12758,00\r\n',
    );
    expect(toCsv(['name', 'amount'], rows, ['text', 'amount'], 'excel-en')).toBe(
      '\ufeffname,amount\r\nBotoșani,-0.30\r\na;b,12758.00\r\n',
    );
  });
});

describe('xlsx on a terminal', () => {
  const streams = (isTTY: boolean) => {
    const out: (string | Uint8Array)[] = [];
    const err: string[] = [];
    return {
      out,
      err,
      io: {
        stdout: { write: (t: string | Uint8Array) => out.push(t), isTTY },
        stderr: { write: (t: string | Uint8Array) => err.push(String(t)), isTTY: false },
        stdin: new PassThrough(),
        env: {},
        cwd: root,
      },
    };
  };

  it.each([
    ['report', 'fixtures/project/digital-innovation-in-cities.yaml'],
    ['check', 'fixtures/ventspils-digital-centre.yaml'],
  ])('%s --format xlsx refuses a terminal (exit 2) and writes to a pipe', async (command, file) => {
    const tty = streams(true);
    expect(await main([command, file, '--format', 'xlsx'], tty.io)).toBe(2);
    expect(tty.out).toEqual([]);
    expect(tty.err.join('')).toBe(
      'cofin: error: --format xlsx writes a binary workbook, not text for a terminal\nhint: write it to a file: -o report.xlsx (or redirect: > report.xlsx)\n',
    );
    const pipe = streams(false);
    expect(await main([command, file, '--format', 'xlsx'], pipe.io)).toBe(0);
    expect(pipe.out).toHaveLength(1);
    expect(
      Buffer.from(pipe.out[0] as Uint8Array)
        .subarray(0, 4)
        .toString('latin1'),
    ).toBe('PK\u0003\u0004');
  });
});
