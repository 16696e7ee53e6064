import { describe, expect, it } from 'vitest';
import { CofinError } from '../src/core/errors.js';
import { checkBudgetStream } from '../src/core/check.js';
import { loadPartnerWorkbook, sheetReference } from '../src/io/xlsx/load.js';
import { parseNumberFormat } from '../src/io/xlsx/number-format.js';
import { shownNumber } from '../src/io/xlsx/shown.js';
import { WORKBOOK_LIMITS } from '../src/io/xlsx/workbook.js';
import { buildWorkbook, workbookParts, zipParts, type CellSpec, type SheetSpec } from './xlsx-build.js';

const HEADER = ['partner', 'country', 'budget', 'erdf', 'municipal'];

function load(sheets: SheetSpec[], sheet?: string) {
  return loadPartnerWorkbook(buildWorkbook(sheets), { sheet });
}

function partners(sheets: SheetSpec[], sheet?: string) {
  return [...load(sheets, sheet).partners];
}

function failure(run: () => unknown): CofinError {
  try {
    run();
  } catch (error) {
    if (error instanceof CofinError) return error;
    throw error;
  }
  throw new Error('no error');
}

/** A loader failure, as `check` places it: code, message, cell. */
function refused(sheets: SheetSpec[] | Uint8Array, sheet?: string) {
  const bytes = sheets instanceof Uint8Array ? sheets : buildWorkbook(sheets);
  const error = failure(() => [...loadPartnerWorkbook(bytes, { sheet }).partners]);
  return { code: error.code, message: error.message, cell: error.location?.cell };
}

const budget = (rows: CellSpec[][], extra: Partial<SheetSpec> = {}): SheetSpec[] => [
  { name: 'Budget', rows: [HEADER, ...rows], ...extra },
];

describe('workbook partner tables: cells as the sheet shows them', () => {
  it('reads shared strings, inline strings, numbers at their format and percent cells as rates', () => {
    const [p, q] = partners(
      budget([
        [
          'Ventspils Digital Centre',
          { inline: 'LV' },
          { n: '12758', fmt: '#,##0.00' },
          { n: '0.85', fmt: '0%' },
          { n: '0.15', fmt: 9 },
        ],
        [{ inline: 'Oulu' }, 'FI', { n: '26000.5', fmt: 4 }, { n: '0.4967', fmt: '0.00%' }, { n: '13086.25', fmt: 2 }],
      ]),
    );
    expect(p!.partner).toBe('Ventspils Digital Centre');
    expect(p!.country).toBe('LV');
    expect(p!.budget).toMatchObject({ text: '12758.00', scale: 2 });
    expect(p!.budget!.value.toFixed()).toBe('12758');
    expect(p!.funding.map((s) => [s.id, s.rate?.text, s.rate?.value.toFixed(), s.rate?.scale])).toEqual([
      ['erdf', '85%', '85', 0],
      ['municipal', '15%', '15', 0],
    ]);
    expect(q!.partner).toBe('Oulu');
    expect(q!.budget).toMatchObject({ text: '26000.50', scale: 2 });
    expect(q!.funding[0]!.rate).toMatchObject({ text: '49.67%', scale: 2 });
    expect(q!.funding[1]!.amount).toMatchObject({ text: '13086.25', scale: 2 });
    expect(q!.funding[1]!.at).toMatchObject({ line: 3, column: 5, cell: 'Budget!E3', pointer: '/Budget/E3' });
  });

  it('a formula leaving digits the sheet does not show: read as shown, with a hidden-digits note giving both', () => {
    const model = load(
      budget([
        [
          'Ventspils',
          'LV',
          { f: 'SUM(X1:X9)', v: '12758', fmt: '0' },
          { f: 'C2*0.85', v: '10844.299999999999', fmt: '0.00' },
          { n: '1913.7', fmt: '0.00' },
        ],
      ]),
    );
    const [p] = [...model.partners];
    expect(p!.funding[0]!.amount).toMatchObject({ text: '10844.30', scale: 2 });
    expect(model.notes).toEqual([
      expect.objectContaining({ code: 'hidden-digits', at: expect.objectContaining({ cell: 'Budget!D2' }) }),
    ]);
    expect(model.notes![0]!.message).toBe(
      "the cell shows 10844.30 but holds 10844.299999999999 (a formula's result); cofin reads what the sheet shows",
    );
    const check = checkBudgetStream(model);
    expect(check.findings.find((f) => f.code === 'hidden-digits')).toMatchObject({
      severity: 'note',
      cell: 'Budget!D2',
      line: 2,
      column: 4,
    });
  });

  it('hidden digits under General and under a percent format', () => {
    const model = load(
      budget([
        ['A', 'LV', { n: '1000.0000000000001' }, { n: '0.84999999999999998', fmt: '0%' }, { n: '0.15', fmt: '0%' }],
      ]),
    );
    const [p] = [...model.partners];
    expect(p!.budget!.text).toBe('1000');
    expect(p!.funding[0]!.rate!.text).toBe('85%');
    expect(model.notes!.map((n) => n.message)).toEqual([
      'the cell shows 1000 but holds 1000.0000000000001; cofin reads what the sheet shows',
      'the cell shows 85% but holds 84.999999999999998%; cofin reads what the sheet shows',
    ]);
  });

  it('no note when the stored number is what the sheet shows', () => {
    const model = load(
      budget([['A', 'LV', { n: '12758', fmt: '0.00' }, { n: '0.85', fmt: '0.00%' }, { n: '1913.70', fmt: '0.00' }]]),
    );
    expect(model.notes).toBeUndefined();
  });

  it('merged header cells: a title merged over two rows, a group over the source ids', () => {
    const [p] = partners([
      {
        name: 'Budget',
        rows: [
          ['partner', 'country', 'budget', 'Funding', null],
          [null, null, null, 'erdf', 'municipal'],
          ['Ventspils', 'LV', { n: '12758' }, { n: '0.85', fmt: '0%' }, { n: '0.15', fmt: '0%' }],
        ],
        merges: ['A1:A2', 'B1:B2', 'C1:C2', 'D1:E1'],
      },
    ]);
    expect(p!.funding.map((s) => s.id)).toEqual(['erdf', 'municipal']);
    expect(p!.at.cell).toBe('Budget!A3');
  });

  it('title rows above the header, empty rows, and rows left out are skipped', () => {
    const list = partners([
      {
        name: 'Budget',
        firstRow: 3,
        rows: [
          ['Project budget, Interreg'],
          [],
          HEADER,
          ['A', 'LV', { n: '100' }, { n: '0.85', fmt: '0%' }, 'rest'],
          [null, { inline: ' ' }],
          ['B', 'EE', { n: '200' }, { n: '0.8', fmt: '0%' }, 'rest'],
        ],
      },
    ]);
    expect(list.map((p) => [p.partner, p.at.cell])).toEqual([
      ['A', 'Budget!A6'],
      ['B', 'Budget!A8'],
    ]);
  });

  it('hidden rows and columns are read, with a note each', () => {
    const model = load(
      budget(
        [
          ['A', 'LV', { n: '100' }, '85%', 'rest'],
          ['B', 'EE', { n: '200' }, '80%', 'rest'],
        ],
        { hiddenRows: [3], hiddenColumns: [5] },
      ),
    );
    expect([...model.partners].map((p) => p.partner)).toEqual(['A', 'B']);
    expect(model.notes!.map((n) => [n.code, n.at.cell])).toEqual([
      ['hidden-column', 'Budget!E1'],
      ['hidden-row', 'Budget!A3'],
    ]);
  });

  it('a formula with no stored value: a note in a row that is skipped, an error where a figure is read', () => {
    const model = load(
      budget([
        ['A', 'LV', { n: '100' }, '85%', 'rest'],
        [null, null, { f: 'SUM(C2:C2)' }],
      ]),
    );
    expect(model.notes!.map((n) => [n.code, n.at.cell])).toEqual([['formula-without-value', 'Budget!C3']]);
    expect(refused(budget([['A', 'LV', { f: 'SUM(X1:X2)' }, '85%', 'rest']]))).toEqual({
      code: 'missing-key',
      message: expect.stringContaining('a formula whose value was never stored'),
      cell: 'Budget!C2',
    });
  });

  it("error cells, dates, booleans and scientific notation are located errors with CSV's codes", () => {
    expect(
      refused(
        budget([
          ['A', 'LV', { n: '100' }, '85%', 'rest'],
          ['B', 'LV', { e: '#DIV/0!' }, '85%', 'rest'],
        ]),
      ),
    ).toEqual({
      code: 'bad-amount',
      message: 'the cell shows the error #DIV/0! (its formula failed)',
      cell: 'Budget!C3',
    });
    expect(refused(budget([['A', 'LV', { n: '45992', fmt: 14 }, '85%', 'rest']]))).toMatchObject({
      code: 'bad-amount',
      message: 'the cell holds a date, not an amount or a name',
      cell: 'Budget!C2',
    });
    expect(refused(budget([['A', 'LV', { n: '100' }, { b: true }, 'rest']]))).toMatchObject({
      code: 'bad-amount',
      message: 'not an amount: "TRUE"',
      cell: 'Budget!D2',
    });
    expect(refused(budget([['A', 'LV', { n: '12758', fmt: 11 }, '85%', 'rest']]))).toMatchObject({
      code: 'bad-amount',
      cell: 'Budget!C2',
    });
    expect(refused(budget([['A', { e: '#N/A' }, { n: '100' }, '85%', 'rest']]))).toMatchObject({
      code: 'wrong-type',
      cell: 'Budget!B2',
    });
    expect(refused(budget([['A', 'LV', { n: '100' }, 'ten percent', 'rest']]))).toMatchObject({
      code: 'bad-amount',
      cell: 'Budget!D2',
    });
  });

  it('a value in a column with no header is refused; an empty unheaded column is not', () => {
    expect(refused(budget([['A', 'LV', { n: '100' }, '85%', 'rest', { n: '5' }]]))).toMatchObject({
      code: 'syntax',
      cell: 'Budget!F2',
    });
    expect(partners(budget([['A', 'LV', { n: '100' }, '85%', 'rest', { inline: '' }]]))).toHaveLength(1);
  });

  it("the header's rules are the CSV table's: required columns, unknown and duplicate ids, at the header cell", () => {
    expect(
      refused([
        {
          name: 'Budget',
          rows: [
            ['partner', 'country', 'erdf'],
            ['A', 'LV', '85%'],
          ],
        },
      ]),
    ).toMatchObject({ code: 'missing-key', message: 'the header has no "budget" column', cell: 'Budget!A1' });
    expect(
      refused([
        {
          name: 'Budget',
          rows: [
            ['partner', 'budget', 'erdf fund'],
            ['A', { n: '1' }, '85%'],
          ],
        },
      ]),
    ).toMatchObject({ code: 'unknown-key', cell: 'Budget!C1' });
    expect(
      refused([
        {
          name: 'Budget',
          rows: [
            ['partner', 'budget', 'erdf', 'ERDF'],
            ['A', { n: '1' }, '85%', '15%'],
          ],
        },
      ]),
    ).toMatchObject({ code: 'duplicate-key', cell: 'Budget!D1' });
    expect(refused([{ name: 'Budget', rows: [HEADER] }])).toMatchObject({
      code: 'missing-key',
      message: 'the table has no partner rows',
    });
  });

  it('--sheet by name (any case) or place; the default is the first sheet with a partner header', () => {
    const sheets: SheetSpec[] = [
      { name: 'Notes', rows: [['read me']] },
      { name: 'Budget 2027', rows: [HEADER, ['A', 'LV', { n: '100' }, '85%', 'rest']] },
      { name: 'Old', rows: [HEADER, ['Old', 'LV', { n: '1' }, '85%', 'rest']] },
    ];
    expect(partners(sheets)[0]!.at.cell).toBe("'Budget 2027'!A2");
    expect(partners(sheets, 'old')[0]!.partner).toBe('Old');
    expect(partners(sheets, '3')[0]!.partner).toBe('Old');
    expect(refused(sheets, 'Bugdet 2027')).toMatchObject({
      code: 'not-found',
      message: 'the workbook has no sheet "Bugdet 2027"',
    });
    expect(refused(sheets, 'Notes')).toMatchObject({
      code: 'missing-key',
      message: 'the sheet "Notes" has no "partner" header',
      cell: 'Notes!A1',
    });
    expect(refused([{ name: 'Notes', rows: [['read me']] }])).toMatchObject({
      code: 'missing-key',
      message: 'no sheet has a "partner" header (the sheets: "Notes")',
    });
  });

  it('a hidden sheet is read when it is the one, with a note', () => {
    const model = load([{ name: 'Budget', state: 'hidden', rows: [HEADER, ['A', 'LV', { n: '100' }, '85%', 'rest']] }]);
    expect(model.notes!.map((n) => n.code)).toEqual(['hidden-sheet']);
  });

  it('sheet names in cell references are quoted as a spreadsheet quotes them', () => {
    expect(
      ['Budget', 'Budget_2027', 'Budžets', 'Budget 2027', "O'Brien", 'A1', 'R1C1', '2027', 'x::y'].map(sheetReference),
    ).toEqual([
      'Budget',
      'Budget_2027',
      'Budžets',
      "'Budget 2027'",
      "'O''Brien'",
      "'A1'",
      "'R1C1'",
      "'2027'",
      "'x::y'",
    ]);
  });

  it('rich text runs are joined and phonetic guides left out; _x000D_ escapes are read', () => {
    const parts = workbookParts(budget([['PLACEHOLDER', 'LV', { n: '100' }, '85%', 'rest']]));
    parts['xl/sharedStrings.xml'] = parts['xl/sharedStrings.xml']!.replace(
      '<t xml:space="preserve">PLACEHOLDER</t>',
      '<r><rPr><b/></rPr><t>Ventspils </t></r><r><t>Digital_x000D_Centre</t></r><rPh sb="0" eb="1"><t>ヴェ</t></rPh>',
    );
    const [p] = [...loadPartnerWorkbook(zipParts(parts)).partners];
    expect(p!.partner).toBe('Ventspils Digital\rCentre');
  });
});

describe('number formats and what they show', () => {
  it('decimals, percent, dates and formats cofin refuses', () => {
    const kinds = [
      'General',
      '0',
      '0.00',
      '#,##0.00 "EUR"',
      '[$€-426] #,##0.00',
      '#,##0.00\\ [$€-1]',
      '0%',
      '0.0%',
      '[Red]#,##0.00;[Red]-#,##0.00',
      '_-* #,##0.00_-;-* #,##0.00_-;_-* "-"??_-;_-@_-',
      'dd.mm.yyyy',
      '[h]:mm',
      '0.00E+00',
      '# ?/?',
      '#,##0,',
      '@',
      '0%%',
    ].map((code) => {
      const f = parseNumberFormat(code);
      return [code, f.kind, 'decimals' in f ? f.decimals : undefined];
    });
    expect(kinds).toEqual([
      ['General', 'general', undefined],
      ['0', 'fixed', 0],
      ['0.00', 'fixed', 2],
      ['#,##0.00 "EUR"', 'fixed', 2],
      ['[$€-426] #,##0.00', 'fixed', 2],
      ['#,##0.00\\ [$€-1]', 'fixed', 2],
      ['0%', 'percent', 0],
      ['0.0%', 'percent', 1],
      ['[Red]#,##0.00;[Red]-#,##0.00', 'fixed', 2],
      ['_-* #,##0.00_-;-* #,##0.00_-;_-* "-"??_-;_-@_-', 'fixed', 2],
      ['dd.mm.yyyy', 'date', undefined],
      ['[h]:mm', 'date', undefined],
      ['0.00E+00', 'other', undefined],
      ['# ?/?', 'other', undefined],
      ['#,##0,', 'other', undefined],
      ['@', 'general', undefined],
      ['0%%', 'other', undefined],
    ]);
  });

  it("shows a stored number at 15 significant digits, then at the format's decimals, half away from zero, on the digits", () => {
    const fixed = (decimals: number) => ({ kind: 'fixed' as const, decimals, code: '', shows: '' });
    expect(shownNumber('10844.299999999999', fixed(2))).toEqual({ text: '10844.30', hidden: true });
    expect(shownNumber('1.0844299999999999E4', fixed(2))).toEqual({ text: '10844.30', hidden: true });
    expect(shownNumber('1.0049999999999999', fixed(2))).toEqual({ text: '1.01', hidden: true });
    expect(shownNumber('2.5', fixed(0))).toEqual({ text: '3', hidden: true });
    expect(shownNumber('12758', fixed(2))).toEqual({ text: '12758.00', hidden: false });
    expect(shownNumber('-0.001', fixed(2))).toEqual({ text: '0.00', hidden: true });
    expect(shownNumber('0.30000000000000004', { kind: 'general', code: 'General' })).toEqual({
      text: '0.3',
      hidden: true,
    });
    expect(shownNumber('123456789012345678', { kind: 'general', code: 'General' })).toEqual({
      text: '123456789012346000',
      hidden: true,
    });
    expect(shownNumber('0.85', { kind: 'percent', decimals: 0, code: '0%' })).toEqual({ text: '85%', hidden: false });
    expect(shownNumber('0.004967', { kind: 'percent', decimals: 2, code: '0.00%' })).toEqual({
      text: '0.50%',
      hidden: true,
    });
    expect(shownNumber('1', { kind: 'percent', decimals: 0, code: '0%' })).toEqual({ text: '100%', hidden: false });
  });
});

describe('a workbook is hostile input', () => {
  const base = () => workbookParts(budget([['A', 'LV', { n: '100' }, '85%', 'rest']]));

  it('a DTD or an entity declaration is refused outright, whatever the part', () => {
    for (const part of ['xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml', 'xl/styles.xml', 'xl/workbook.xml']) {
      const parts = base();
      parts[part] = parts[part]!.replace(
        '?>\n',
        '?>\n<!DOCTYPE lol [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>\n',
      );
      expect(refused(zipParts(parts)), part).toMatchObject({
        code: 'syntax',
        message: expect.stringContaining('declares a document type or entities'),
      });
    }
    const parts = base();
    parts['xl/sharedStrings.xml'] = parts['xl/sharedStrings.xml']!.replace('>A<', '>&lol;<');
    expect(refused(zipParts(parts))).toMatchObject({
      code: 'syntax',
      message: expect.stringContaining('names an entity'),
    });
  });

  it('a zip bomb is refused while it inflates, at the limit', () => {
    const parts: Record<string, string | Uint8Array> = base();
    parts['xl/worksheets/sheet1.xml'] = new Uint8Array(12 * 1024 * 1024).fill(0x20);
    const small = { ...WORKBOOK_LIMITS, entry: 4 * 1024 * 1024, total: 8 * 1024 * 1024 };
    const error = failure(() => loadPartnerWorkbook(zipParts(parts), { limits: small }));
    expect(error).toMatchObject({
      code: 'too-large',
      message: 'the workbook\'s part "xl/worksheets/sheet1.xml" unpacks to more than 4 MiB',
    });
    const many: Record<string, string | Uint8Array> = base();
    for (let i = 0; i < 4; i++) many[`xl/media/pad${i}.xml`] = new Uint8Array(3 * 1024 * 1024).fill(0x20);
    expect(failure(() => loadPartnerWorkbook(zipParts(many), { limits: small }))).toMatchObject({
      code: 'too-large',
      message: 'the workbook unpacks to more than 8 MiB',
    });
  });

  it('more cells than the limit are refused', () => {
    const rows: CellSpec[][] = Array.from({ length: 30 }, (_, i) => [`P${i}`, 'LV', { n: '100' }, '85%', 'rest']);
    expect(
      failure(() => loadPartnerWorkbook(buildWorkbook(budget(rows)), { limits: { ...WORKBOOK_LIMITS, cells: 100 } })),
    ).toMatchObject({ code: 'too-large', message: 'the workbook has more than 100 cells' });
  });

  it('not a zip, a zip with no workbook, malformed XML and out-of-range numbers are refused with a reason', () => {
    expect(refused(new TextEncoder().encode('partner;budget\nA;1\n'))).toMatchObject({
      code: 'syntax',
      message: expect.stringContaining('is a zip archive'),
    });
    expect(refused(zipParts({ 'word/document.xml': '<w/>' }))).toMatchObject({
      code: 'syntax',
      message: expect.stringContaining('no workbook part'),
    });
    const broken = base();
    broken['xl/worksheets/sheet1.xml'] = broken['xl/worksheets/sheet1.xml']!.replace('</row>', '</rov>');
    expect(refused(zipParts(broken))).toMatchObject({
      code: 'syntax',
      message: expect.stringContaining('not well-formed XML'),
    });
    const huge = base();
    huge['xl/worksheets/sheet1.xml'] = huge['xl/worksheets/sheet1.xml']!.replace('<v>100</v>', '<v>1e999999999</v>');
    expect(refused(zipParts(huge))).toMatchObject({
      code: 'syntax',
      message: expect.stringContaining('which is not a number'),
    });
  });

  it('hostile text is kept as it is (the renderers escape it): control characters, formulas, ::, markup', () => {
    const name = '=HYPERLINK("http://x")\u001b[31m::error::<b>&amp;</b>\u202e';
    const [p] = partners([{ name: '::set-output x\n<i>', rows: [HEADER, [name, 'LV', { n: '100' }, '85%', 'rest']] }]);
    expect(p!.partner).toBe(name);
    expect(p!.at.cell).toBe("'::set-output x\n<i>'!A2");
  });
});

describe('properties: what a number shows', () => {
  it('the padding of a typed number is the rounding on Decimals', async () => {
    const fc = (await import('fast-check')).default;
    const { Decimal } = await import('decimal.js');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 9 }),
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 0, max: 4 }),
        fc.constantFrom('general', 'fixed', 'percent'),
        (units, scale, decimals, kind) => {
          const stored = new Decimal(units).div(10 ** scale).toFixed();
          const format =
            kind === 'general'
              ? ({ kind, code: '' } as const)
              : kind === 'fixed'
                ? ({ kind, decimals, code: '', shows: '' } as const)
                : ({ kind, decimals, code: '' } as const);
          // the reference: 15 significant digits, half away from zero to the decimals, the percent times 100
          const value = new Decimal(stored).toSignificantDigits(15, Decimal.ROUND_HALF_UP);
          const shown =
            kind === 'general'
              ? value.toFixed()
              : kind === 'fixed'
                ? value.toFixed(decimals, Decimal.ROUND_HALF_UP)
                : `${value.times(100).toFixed(decimals, Decimal.ROUND_HALF_UP)}%`;
          const hidden =
            kind === 'percent'
              ? !new Decimal(stored).times(100).eq(shown.slice(0, -1))
              : !new Decimal(stored).eq(shown);
          expect(shownNumber(stored, format)).toEqual({ text: shown, hidden });
        },
      ),
      { numRuns: 2000 },
    );
  });
});
