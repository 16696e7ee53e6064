// Workbooks in (issue 15): the built cofin reads .xlsx partner tables, on a path and on standard input,
// places errors and notes at their cells, and keeps hostile sheet names and cell text safe in every output.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { cofin, type Run } from './run.js';
import { readBack } from './readers.js';
import { buildWorkbook, type CellSpec, type SheetSpec } from '../xlsx-build.js';

const dir = mkdtempSync(join(tmpdir(), 'cofin-xlsx-'));
const write = (name: string, sheets: SheetSpec[]) => {
  writeFileSync(join(dir, name), buildWorkbook(sheets));
  return name;
};
const run = (args: string[], input?: Buffer): Run =>
  cofin(args, { cwd: dir, ...(input === undefined ? {} : { input }) });

const HEADER = ['partner', 'budget', 'erdf', 'municipal', 'state', 'country'];
const VENTSPILS: CellSpec[] = [
  'Ventspils Digital Centre',
  { n: '12758' },
  { n: '0.85', fmt: '0%' },
  { n: '0.1', fmt: '0%' },
  { n: '0.05', fmt: '0%' },
  'LV',
];
const BOOK = write('book.xlsx', [
  { name: 'Read me', rows: [['This workbook holds the partner budgets.']] },
  {
    name: 'Budget',
    rows: [
      HEADER,
      VENTSPILS,
      ['Oulu (invented)', { n: '26000.5', fmt: '#,##0.00' }, { n: '0.7', fmt: '0%' }, 'rest', null, 'FI'],
    ],
  },
]);

describe('cofin check and report read workbooks', () => {
  it('cofin check book.xlsx: the first sheet with a partner header, as the sheet shows it', () => {
    const result = run(['check', BOOK]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    // two partners: the file's line, then each partner's (mend8)
    expect(result.stdout).toContain(
      'PASS book.xlsx  2 partners: EUR 38 758.50\n✓ Ventspils Digital Centre: EUR 12 758, largest-remainder, unit 0.01',
    );
    expect(result.stdout).toContain('│ ERDF                 │  85% │ 10 844.30 │ 10 844.30 │');
    expect(result.stdout).toMatch(/1 file: 1 passed\n$/);
  });

  it('--sheet by name or place; a sheet that is not there is an error naming the sheets', () => {
    expect(run(['check', BOOK, '--sheet', 'Budget', '--format', 'json']).code).toBe(0);
    expect(run(['check', BOOK, '--sheet', '2', '-q']).stdout).toBe('1 file: 1 passed\n');
    const missing = run(['check', BOOK, '--sheet', 'Budgte']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(
      'book.xlsx: error: the workbook has no sheet "Budgte" [not-found]\n  hint: did you mean --sheet "Budget"?\n',
    );
    const notTable = run(['check', BOOK, '--sheet', '1']);
    expect(notTable.stderr).toBe(
      'book.xlsx:\'Read me\'!A1: error: the sheet "Read me" has no "partner" header [missing-key]\n  hint: a row names the columns, e.g. partner | country | budget | erdf | municipal\n',
    );
  });

  it('--input xlsx on standard input, and a workbook told by its zip signature', () => {
    const bytes = Buffer.from(buildWorkbook([{ name: 'Budget', rows: [HEADER, VENTSPILS] }]));
    const json = run(['check', '-', '--input', 'xlsx', '--format', 'json'], bytes);
    expect(json.code).toBe(0);
    const [file] = JSON.parse(json.stdout).files;
    expect(file).toMatchObject({
      file: '<stdin>',
      verdict: 'pass',
      partners: [
        {
          partner: 'Ventspils Digital Centre',
          country: 'LV',
          budget: '12758',
          shares: [{ id: 'erdf', rate: '85', computed: '10844.30' }, { id: 'municipal' }, { id: 'state' }],
        },
      ],
    });
    expect(run(['check', '-', '-q'], bytes).stdout).toBe('1 file: 1 passed\n');
    expect(run(['report', '-', '--input', 'xlsx', '--format', 'json'], bytes).code).toBe(0);
  });

  it('a bad cell is located as book.xlsx:Budget!B7, with exit 2', () => {
    const rows: CellSpec[][] = [
      HEADER,
      ...Array.from({ length: 5 }, (_, i): CellSpec[] => [
        `Partner ${i + 1}`,
        { n: '1000' },
        '85%',
        'rest',
        null,
        'LV',
      ]),
    ];
    rows[6] = ['Partner 6', { e: '#DIV/0!' }, '85%', 'rest', null, 'LV'];
    const name = write('bad.xlsx', [{ name: 'Budget', rows }]);
    const result = run(['check', name]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('1 file: 0 passed, 1 invalid\n');
    expect(result.stderr).toBe(
      'bad.xlsx:Budget!B7: error: the cell shows the error #DIV/0! (its formula failed) [bad-amount]\n  hint: correct the formula or the cells it uses, then save the workbook\n',
    );
    const json = JSON.parse(run(['check', name, '--format', 'json']).stdout);
    expect(json.files[0].findings[0]).toMatchObject({
      code: 'bad-amount',
      line: 7,
      column: 2,
      pointer: '/Budget/B7',
      cell: 'Budget!B7',
    });
    const report = run(['report', name]);
    expect(report.code).toBe(2);
    expect(report.stderr).toMatch(/^cofin: error: bad\.xlsx:Budget!B7: the cell shows the error #DIV\/0!/);
  });

  it('notes: digits the sheet does not show, a hidden row; --strict fails them, --ignore lets them pass', () => {
    const name = write('notes.xlsx', [
      {
        name: 'Budget',
        rows: [
          ['partner', 'budget', 'erdf', 'municipal'],
          ['Ventspils', { n: '12758' }, { f: 'B2*0.85', v: '10844.299999999999', fmt: '0.00' }, 'rest'],
          ['Hidden partner', { n: '100' }, '85%', 'rest'],
        ],
        hiddenRows: [3],
      },
    ]);
    const result = run(['check', name]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      "notes.xlsx:Budget!C2: note: the cell shows 10844.30 but holds 10844.299999999999 (a formula's result); cofin reads what the sheet shows [hidden-digits]\n  hint: round the formula",
    );
    expect(result.stdout).toContain(
      'notes.xlsx:Budget!A3: note: row 3 is hidden in the sheet; cofin reads it like the others [hidden-row]',
    );
    expect(run(['check', name, '--strict']).code).toBe(1);
    expect(run(['check', name, '--strict', '--ignore', 'hidden-digits', '--ignore', 'hidden-row']).code).toBe(0);
    const github = run(['check', name, '--format', 'github']).stdout;
    expect(github).toContain('::notice file=notes.xlsx,title=cofin hidden-digits::Budget!C2: the cell shows 10844.30');
  });

  it('a file that is not a workbook, named .xlsx', () => {
    writeFileSync(join(dir, 'fake.xlsx'), 'partner;budget\nA;1\n');
    const result = run(['check', 'fake.xlsx']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^fake\.xlsx: error: not a workbook: an \.xlsx file is a zip archive, and this one is not \[syntax\]\n/,
    );
  });
});

/** Every kind of character a reader acts on, and injections for each output. */
const NASTY =
  '=HYPERLINK("http://x")\u001b[2J\r\n::error::x <script>alert(1)</script> | [a](javascript:x) \u202e & end';
/** Characters that must never reach a reader raw. */
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]/u;
const ANNOTATION = /^::(error|warning|notice) file=[^:,]*(,line=\d+)?(,col=\d+)?,title=cofin [a-z-]+::[^\r\n]*$/;

function expectSafeLines(result: Run, annotations = false) {
  for (const [stream, text] of [
    ['stdout', result.stdout],
    ['stderr', result.stderr],
  ] as const) {
    for (const line of text.split('\n')) {
      expect(RAW.test(line), `${stream}: ${JSON.stringify(line)}`).toBe(false);
      if (line.trimStart().startsWith('::'))
        expect(annotations && stream === 'stdout' && ANNOTATION.test(line), `${stream}: ${JSON.stringify(line)}`).toBe(
          true,
        );
    }
  }
}

describe('hostile sheet names and cell text stay safe in every output the workbook loader feeds', () => {
  const SHEET = '::warning::sheet\u001b[31m<b>';
  // one failing partner (a declared amount off by one) so that findings carry the hostile sheet name
  const HOSTILE = write('hostile.xlsx', [
    {
      name: SHEET,
      rows: [
        ['partner', 'country', 'budget', 'erdf', 'municipal'],
        [
          { inline: NASTY },
          { inline: `@${NASTY}` },
          { n: '12758' },
          { f: 'C2*0.85', v: '10844.299999999999', fmt: '0.00' },
          'rest',
        ],
        [{ inline: `-${NASTY}` }, 'LV', { n: '100' }, '85%', { n: '16' }],
      ],
    },
  ]);

  it('check --format table: names and the sheet escaped, no line starts a workflow command', () => {
    const result = run(['check', HOSTILE]);
    expect(result.code).toBe(1);
    expectSafeLines(result);
    expect(result.stdout).toContain("hostile.xlsx:'::warning::sheet\\x1b[31m<b>'!D2: note: ");
  });

  it('check --format json: parses, and gives the names and the cell back exactly', () => {
    const result = run(['check', HOSTILE, '--format', 'json']);
    expectSafeLines(result);
    const [file] = JSON.parse(result.stdout).files;
    expect(file.partners.map((p: { partner: string }) => p.partner)).toEqual([NASTY, `-${NASTY}`]);
    expect(file.findings.map((f: { cell: string }) => f.cell)).toContain(`'${SHEET}'!D2`);
  });

  it("check --format github: the cell inside the message, escaped; only cofin's annotations start with ::", () => {
    const result = run(['check', HOSTILE, '--format', 'github']);
    expectSafeLines(result, true);
    expect(result.stdout.split('\n').filter((l) => l.startsWith('::')).length).toBeGreaterThanOrEqual(2);
  });

  it('check --format junit: well-formed XML with the text escaped', () => {
    const result = run(['check', HOSTILE, '--format', 'junit']);
    expectSafeLines(result);
    expect(result.stdout).not.toMatch(/<(script|b)>/);
    expect(result.stdout).toContain('&lt;b&gt;');
    const decoded = result.stdout.replace(
      /&(lt|gt|quot|apos|amp);/g,
      (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!,
    );
    expect(readBack(decoded)).toContain(`'${SHEET}'!D2`);
  });

  it('report --format table, md, csv, json', () => {
    for (const format of ['table', 'md', 'csv', 'json']) {
      const result = run(['report', HOSTILE, '--format', format, '--locale', 'en']);
      expect(result.code, format).toBe(1);
      expectSafeLines(result);
      if (format === 'md') expect(result.stdout).not.toMatch(/<script>|(?<!\\)\]\(javascript/);
      if (format === 'json')
        expect(JSON.stringify(JSON.parse(result.stdout))).toContain(JSON.stringify(NASTY).slice(1, -1));
      if (format === 'csv') {
        const rows: string[][] = parseCsv(result.stdout);
        const cells = rows.flat();
        for (const cell of cells) expect(/^[=+\-@\t\r]/.test(cell), cell).toBe(false);
      }
    }
  });

  it("an invalid workbook's error names the hostile sheet escaped, on stderr and in the JSON error", () => {
    const bad = write('hostile-bad.xlsx', [
      {
        name: SHEET,
        rows: [
          ['partner', 'budget', 'erdf'],
          [{ inline: NASTY }, { e: '#REF!' }, '85%'],
        ],
      },
    ]);
    const result = run(['check', bad]);
    expect(result.code).toBe(2);
    expectSafeLines(result);
    expect(result.stderr).toMatch(/^hostile-bad\.xlsx:'::warning::sheet\\x1b\[31m<b>'!B2: error: /);
    const report = run(['report', bad, '--format', 'json']);
    expectSafeLines(report);
    expect(JSON.parse(report.stdout).error).toMatchObject({
      code: 'bad-amount',
      line: 2,
      column: 2,
      cell: `'${SHEET}'!B2`,
    });
  });
});
