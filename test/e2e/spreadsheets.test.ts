// Tables out (issue 15): the workbooks and CSV files cofin writes, opened by a real
// spreadsheet engine. LibreOffice headless converts them to flat ODF (see readers.ts), and
// every amount, rate and name is read back as the sheet holds and shows it, and compared with
// cofin's own JSON figures, exactly. Hostile names stay text in every form.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Decimal } from 'decimal.js';
import { strFromU8, unzipSync } from 'fflate';
import { parse as parseCsv } from 'csv-parse/sync';
import { bin, cofin, root } from './run.js';
import { libreOffice, needs, readBack, xmllintError, type SheetCell } from './readers.js';

const dir = mkdtempSync(join(tmpdir(), 'cofin-sheets-'));
const at = (name: string) => join(dir, name);
const PROJECT = join(root, 'fixtures/project/digital-innovation-in-cities.yaml');
const COSTS = join(root, 'fixtures/project/costs.yaml');

/** The built cofin with its standard output as bytes (a workbook is not UTF-8 text). */
function cofinBytes(
  args: string[],
  env: Record<string, string> = {},
): { stdout: Buffer; stderr: string; code: number | null } {
  const run = spawnSync(process.execPath, [bin, ...args], {
    cwd: dir,
    env: { ...process.env, ...env },
    maxBuffer: 1 << 28,
  });
  return { stdout: run.stdout, stderr: run.stderr.toString('utf8'), code: run.status };
}
const json = (args: string[]) => JSON.parse(cofin([...args, '--format', 'json'], { cwd: dir }).stdout);

/** An amount as an English-locale sheet shows it under `#,##0.00 "EUR"`: written here, not taken from src. */
const shown = (amount: string, currency = 'EUR') => {
  const [whole, fraction] = amount.replace('-', '').split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+$)/g, ',');
  return `${amount.startsWith('-') ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''} ${currency}`;
};
const shownPercent = (rate: string) => `${rate}%`;

function expectAmount(cell: SheetCell | undefined, amount: string, where: string) {
  expect(cell?.formula, where).toBeUndefined();
  expect(cell?.type, where).toBe('float');
  expect(new Decimal(cell!.value!).eq(amount), `${where}: ${cell?.value} = ${amount}`).toBe(true);
  expect(cell!.text, where).toBe(shown(amount));
}
function expectRate(cell: SheetCell | undefined, rate: string, where: string) {
  expect(cell?.formula, where).toBeUndefined();
  expect(cell?.type, where).toBe('percentage');
  expect(new Decimal(cell!.value!).eq(new Decimal(rate).div(100)), `${where}: ${cell?.value} = ${rate}%`).toBe(true);
  expect(cell!.text, where).toBe(shownPercent(rate));
}
function expectText(cell: SheetCell | undefined, text: string, where: string) {
  expect(cell?.formula, where).toBeUndefined();
  if (text === '') return expect(cell === undefined || cell.type === undefined || cell.text === '', where).toBe(true);
  expect(cell?.type, where).toBe('string');
  expect(readBack(cell!.text), where).toBe(text);
}
const texts = (row: SheetCell[] | undefined) => (row ?? []).map((c) => c.text);

const KIND_NAMES: Record<string, string> = {
  'eu-fund': 'EU funds',
  public: 'Public',
  'automatic-public': 'Automatic public',
  private: 'Private',
};

interface ReportJson {
  budget: string;
  averageEuRate: string;
  partners: {
    partner: string;
    country: string | null;
    budget: string;
    amounts: Record<string, string>;
    euRate: string;
    shareOfProject: string;
  }[];
  sources: { id: string; name: string; amount: string }[];
  kinds: { kind: string; amount: string }[];
  countries: { country: string; budget: string; euAmount: string }[];
  categories: { name: string; amount: string }[];
  verdict: string;
  findings: { code: string; severity: string; message: string; line: number | null }[];
}

const share = (amount: string, budget: string) =>
  new Decimal(amount).div(budget).times(100).toDecimalPlaces(2).toFixed();

/** Every sheet of a report workbook against the report's JSON, figure by figure. */
function expectReportSheets(sheets: Map<string, SheetCell[][]>, report: ReportJson) {
  // the file's verdict and findings: the sheet the workbook opens on when it fails, the last when it passes
  const failing = report.verdict === 'fail';
  expect([...sheets.keys()]).toEqual([
    ...(failing ? ['Findings'] : []),
    'Partners and sources',
    ...(report.categories.length > 0 ? ['Cost categories'] : []),
    'By kind of source',
    'By country',
    ...(failing ? [] : ['Findings']),
  ]);
  const findings = sheets.get('Findings') ?? [];
  expect(texts(findings[0])).toEqual([
    'File',
    'Verdict',
    'Line',
    'Column',
    'Severity',
    'Code',
    'Partner',
    'Message',
    'Hint',
  ]);
  const found = findings.slice(1);
  expect(found.map((row) => row[1]?.text)).toEqual(
    report.findings.length === 0 ? [report.verdict] : report.findings.map(() => report.verdict),
  );
  if (report.findings.length > 0) {
    expect(found.map((row) => [row[4]?.text, row[5]?.text])).toEqual(report.findings.map((f) => [f.severity, f.code]));
    expect(found.map((row) => readBack(row[7]?.text ?? ''))).toEqual(report.findings.map((f) => f.message));
    for (const row of found) expect(row.every((c) => c.formula === undefined)).toBe(true);
  }
  const partners = sheets.get('Partners and sources')!;
  expect(texts(partners[0]).map(readBack)).toEqual([
    'Partner',
    'Country',
    'Budget',
    ...report.sources.map((s) => s.name),
    'EU rate',
    'Share',
  ]);
  expect(partners).toHaveLength(1 + report.partners.length + 1);
  for (const [i, p] of report.partners.entries()) {
    const row = partners[i + 1]!;
    const where = `partner ${i + 1}`;
    expectText(row[0], p.partner, where);
    expectText(row[1], p.country ?? '', where);
    expectAmount(row[2], p.budget, `${where} budget`);
    for (const [j, s] of report.sources.entries()) {
      if (p.amounts[s.id] === undefined) expectText(row[3 + j], '', `${where} ${s.id}`);
      else expectAmount(row[3 + j], p.amounts[s.id]!, `${where} ${s.id}`);
    }
    expectRate(row[3 + report.sources.length], p.euRate, `${where} EU rate`);
    expectRate(row[4 + report.sources.length], p.shareOfProject, `${where} share`);
  }
  const total = partners.at(-1)!;
  expectText(total[0], 'Total', 'total');
  expectAmount(total[2], report.budget, 'total budget');
  for (const [j, s] of report.sources.entries()) expectAmount(total[3 + j], s.amount, `total ${s.id}`);
  expectRate(total[3 + report.sources.length], report.averageEuRate, 'average EU rate');
  expectRate(total[4 + report.sources.length], '100', 'total share');
  if (report.categories.length > 0) {
    const categories = sheets.get('Cost categories')!;
    expect(texts(categories[0])).toEqual(['Category', 'Amount', 'Share']);
    expect(categories).toHaveLength(1 + report.categories.length);
    for (const [i, c] of report.categories.entries()) {
      expectText(categories[i + 1]![0], c.name, c.name);
      expectAmount(categories[i + 1]![1], c.amount, c.name);
      expectRate(categories[i + 1]![2], share(c.amount, report.budget), c.name);
    }
  }
  const kinds = sheets.get('By kind of source')!;
  expect(kinds).toHaveLength(1 + report.kinds.length);
  for (const [i, k] of report.kinds.entries()) {
    expectText(kinds[i + 1]![0], KIND_NAMES[k.kind]!, k.kind);
    expectAmount(kinds[i + 1]![1], k.amount, k.kind);
    expectRate(kinds[i + 1]![2], share(k.amount, report.budget), k.kind);
  }
  const countries = sheets.get('By country')!;
  expect(countries).toHaveLength(1 + report.countries.length);
  for (const [i, c] of report.countries.entries()) {
    expectText(countries[i + 1]![0], c.country, c.country);
    expectAmount(countries[i + 1]![1], c.budget, c.country);
    expectAmount(countries[i + 1]![2], c.euAmount, c.country);
    expectRate(countries[i + 1]![3], share(c.budget, report.budget), c.country);
  }
}

/** Every text that a hostile file brings, and one of each spreadsheet trap. */
const NASTY =
  'A\u001b[2J\u0007\r\n\t\b\u0000\u007f\u009b31m\u0085\u202e\u2028::error::x ]]> <script>alert(1)</script> & "q" \'a\' \\ end';
const HOSTILE = [
  `=1+1${NASTY}`,
  `=HYPERLINK("http://x","click")`,
  "+cmd|' /C calc'!A0",
  '-2+3',
  '@SUM(1)',
  '\t=1+1',
  '\r=1+1',
  '::error file=a.yaml,line=1::pwned',
  '  ::warning::pwned',
  '<img src=x onerror=alert(1)>',
  '_x0041_ is not A',
  'a;b,c',
  ' padded ',
  'Botoșani',
];
function hostileProject(): string {
  return JSON.stringify({
    project: { name: `=cmd${NASTY}`, programme: NASTY },
    funding: { erdf: '85%', evil: { rate: '15%', name: `=HYPERLINK("http://x")${NASTY}`, kind: 'public' } },
    partners: HOSTILE.map((partner, i) => ({
      partner,
      country: i % 2 ? `-${NASTY}` : `@${i}`,
      budget: `${1000 + i * 1111}.${i % 10}5`,
    })),
  });
}
writeFileSync(at('hostile.json'), hostileProject());

describe('report --format xlsx', () => {
  it('writes a workbook whose every part is well-formed XML, with no formula, the same bytes on every run and in every time zone', () => {
    const file = cofinBytes(['report', PROJECT, '--format', 'xlsx', '-o', 'report.xlsx']);
    expect([file.code, file.stderr, file.stdout.length]).toEqual([0, '', 0]);
    const bytes = readFileSync(at('report.xlsx'));
    // to a pipe or a redirect, without -o: the same bytes; in another time zone too
    expect(cofinBytes(['report', PROJECT, '--format', 'xlsx']).stdout.equals(bytes)).toBe(true);
    expect(cofinBytes(['report', PROJECT, '--format', 'xlsx'], { TZ: 'Pacific/Kiritimati' }).stdout.equals(bytes)).toBe(
      true,
    );
    const parts = unzipSync(bytes);
    expect(Object.keys(parts)).toContain('xl/worksheets/sheet3.xml');
    for (const [name, data] of Object.entries(parts)) {
      const xml = strFromU8(data);
      expect(xml, name).not.toMatch(/<f[ >]/);
      if (needs('xmllint', 'a real XML parser reads every part of the workbook'))
        expect(xmllintError(xml), name).toBeUndefined();
    }
    const sheet = strFromU8(parts['xl/worksheets/sheet1.xml']!);
    // the JSON's decimal strings, as written; the header row frozen; widths fitted
    expect(sheet).toContain('<v>146994.00</v>');
    expect(sheet).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(sheet).toMatch(/<col min="1" max="1" width="36" customWidth="1"\/>/);
    // never overwritten without --force
    const again = cofinBytes(['report', PROJECT, '--format', 'xlsx', '-o', 'report.xlsx']);
    expect([again.code, again.stderr]).toEqual([
      2,
      'cofin: error: report.xlsx already exists\nhint: cofin never overwrites a file unless told: choose another name, or pass --force\n',
    ]);
    expect(readFileSync(at('report.xlsx')).equals(bytes)).toBe(true);
  });

  it("LibreOffice reads every amount, rate and name of every sheet as cofin's JSON has it, the totals cofin's own", () => {
    if (!needs('soffice', 'LibreOffice opens the workbook as a spreadsheet would')) return;
    expect(cofinBytes(['report', PROJECT, '--format', 'xlsx', '-o', 'project.xlsx']).code).toBe(0);
    expect(cofinBytes(['report', COSTS, '--format', 'xlsx', '-o', 'costs.xlsx']).code).toBe(0);
    // exit 1: the file has errors (see cofin check), and the workbook is written all the same
    expect(cofinBytes(['report', 'hostile.json', '--format', 'xlsx', '-o', 'hostile.xlsx']).code).toBe(1);
    const [project, costs, hostile] = libreOffice(dir, [at('project.xlsx'), at('costs.xlsx'), at('hostile.xlsx')]);
    expectReportSheets(project!, json(['report', PROJECT]));
    expectReportSheets(costs!, json(['report', COSTS]));
    // hostile names: every one a string cell with its text, never a formula
    const report = json(['report', 'hostile.json']) as ReportJson;
    expect(report.partners.map((p) => p.partner)).toEqual(HOSTILE);
    expectReportSheets(hostile!, report);
    for (const rows of hostile!.values())
      for (const row of rows) for (const c of row) expect(c.formula).toBeUndefined();
  }, 180_000);
});

interface CheckJson {
  files: {
    file: string;
    verdict: string;
    partners: {
      partner: string | null;
      country: string | null;
      currency: string;
      budget: string;
      unit: string;
      shares: {
        id: string;
        name: string;
        kind: string;
        rate: string | null;
        computed: string;
        declared: string | null;
        difference: string | null;
        status: string;
      }[];
    }[];
    findings: {
      code: string;
      severity: string;
      message: string;
      hint: string | null;
      line: number | null;
      column: number | null;
      partner: string | null;
    }[];
  }[];
  summary: { files: number; passed: number; failed: number; invalid: number };
}

describe('check --format xlsx and csv', () => {
  const FILES = [
    'fixtures/fail/wrong-figure.yaml',
    'fixtures/project/partners-lv.csv',
    'fixtures/invalid/bad-amount-grouping.yaml',
  ].map((f) => join(root, f));
  writeFileSync(
    at('hostile-check.json'),
    JSON.stringify({
      partners: HOSTILE.map((partner, i) => ({
        partner,
        budget: '100',
        funding: { erdf: { rate: '85%', amount: i % 2 ? '85' : '84' }, [`n${i}`]: { rate: '15%', name: partner } },
      })),
    }),
  );

  it('LibreOffice reads a row per partner × source (declared, computed, difference, status), the findings and the files as the JSON has them', () => {
    if (!needs('soffice', 'LibreOffice opens the workbook as a spreadsheet would')) return;
    const args = [...FILES, at('hostile-check.json')];
    const run = cofinBytes(['check', ...args, '--format', 'xlsx', '-o', 'check.xlsx']);
    const report = json(['check', ...args]) as CheckJson;
    // the exit code of the check; the invalid file's reason on stderr too
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/bad-amount-grouping\.yaml:\d+:\d+: error: .*\[bad-amount\]\n/);
    const [sheets] = libreOffice(dir, [at('check.xlsx')]);
    expect([...sheets!.keys()]).toEqual(['Shares', 'Findings', 'Files']);
    const shares = sheets!.get('Shares')!;
    expect(texts(shares[0])).toEqual([
      'File',
      'Verdict',
      'Partner',
      'Country',
      'Currency',
      'Budget',
      'Source',
      'Name',
      'Kind',
      'Rate',
      'Computed',
      'Declared',
      'Difference',
      'Status',
    ]);
    let r = 1;
    for (const f of report.files) {
      const rows = f.partners.flatMap((p) => p.shares.map((s) => ({ p, s })));
      for (const item of rows.length > 0 ? rows : [undefined]) {
        const { p, s } = item ?? {};
        const row = shares[r++]!;
        const where = `${f.file} ${p?.partner} ${s?.id}`;
        expectText(row[0], f.file, where);
        expectText(row[1], f.verdict, where);
        if (!p || !s) {
          expect(row.slice(2).every((c) => c.type === undefined)).toBe(true);
          continue;
        }
        expectText(row[2], p.partner ?? '', where);
        expectText(row[4], p.currency, where);
        expect(new Decimal(row[5]!.value!).eq(p.budget)).toBe(true);
        expectText(row[6], s.id, where);
        expectText(row[7], s.name, where);
        if (s.rate === null) expectText(row[9], '', where);
        else expect(new Decimal(row[9]!.value!).eq(new Decimal(s.rate).div(100)), where).toBe(true);
        expect(
          [row[10], row[11], row[12]].map((c) => (c?.type === 'float' ? new Decimal(c.value!).toFixed() : null)),
        ).toEqual([s.computed, s.declared, s.difference].map((v) => (v === null ? null : new Decimal(v).toFixed())));
        expect(row[10]!.text).toMatch(/ EUR$/);
        expectText(row[13], s.status, where);
      }
    }
    expect(shares).toHaveLength(r);
    const findings = sheets!.get('Findings')!;
    const all = report.files.flatMap((f) => f.findings.map((x) => ({ f, x })));
    expect(findings).toHaveLength(1 + all.length);
    for (const [i, { f, x }] of all.entries()) {
      const row = findings[i + 1]!;
      expectText(row[0], f.file, x.code);
      expect(row[1]?.value ?? null).toBe(x.line === null ? null : String(x.line));
      expectText(row[3], x.severity, x.code);
      expectText(row[4], x.code, x.code);
      // a one-partner file's findings name its partner (they carry none in JSON)
      const only = f.partners.length === 1 ? (f.partners[0]?.partner ?? '') : '';
      expectText(row[5], x.partner ?? only, x.code);
      expectText(row[6], x.message, x.code);
      expectText(row[7], x.hint ?? '', x.code);
    }
    const files = sheets!.get('Files')!;
    expect(files.slice(1).map((row) => [row[0]!.text, row[1]!.text])).toEqual(
      report.files.map((f) => [f.file, f.verdict]),
    );
    for (const rows of sheets!.values()) for (const row of rows) for (const c of row) expect(c.formula).toBeUndefined();
  }, 180_000);

  it('writes the same rows as CSV, a file at a time, the invalid file a row of its own', () => {
    const run = cofin(['check', ...FILES, '--format', 'csv'], { cwd: dir });
    expect(run.code).toBe(2);
    const rows: string[][] = parseCsv(run.stdout);
    expect(rows[0]).toEqual([
      'file',
      'verdict',
      'partner',
      'country',
      'currency',
      'budget',
      'source',
      'name',
      'kind',
      'rate',
      'computed',
      'declared',
      'difference',
      'status',
    ]);
    expect(rows[1]).toEqual([
      FILES[0],
      'fail',
      'Ventspils Digital Centre',
      '',
      'EUR',
      '12758',
      'erdf',
      'ERDF',
      'eu-fund',
      '85',
      '10844',
      '10484',
      '-360',
      'mismatch',
    ]);
    expect(rows.at(-1)).toEqual([FILES[2], 'invalid', '', '', '', '', '', '', '', '', '', '', '', '']);
    expect(run.stderr).toMatch(/\[bad-amount\]/);
  });
});

describe('CSV dialects', () => {
  it("rfc4180 is the default, byte for byte, for report, check and split; the environment's locale never changes it", () => {
    const lv = { LANG: 'lv_LV.UTF-8', LC_ALL: 'lv_LV.UTF-8' };
    for (const args of [
      ['report', PROJECT, '--format', 'csv'],
      ['check', PROJECT, '--format', 'csv'],
      ['split', '12758', 'erdf=85%', 'municipal=rest', '--format', 'csv'],
    ]) {
      const plain = cofin(args, { cwd: dir });
      expect(cofin([...args, '--csv-dialect', 'rfc4180'], { cwd: dir })).toEqual(plain);
      expect(cofin(args, { cwd: dir, env: lv })).toEqual(plain);
      expect(plain.stdout).not.toMatch(/\r|\ufeff/);
    }
    // --locale lv and --csv-dialect excel-lv are the same; --csv-dialect wins over --locale
    const excel = cofin(['report', PROJECT, '--format', 'csv', '--csv-dialect', 'excel-lv'], { cwd: dir });
    expect(cofin(['report', PROJECT, '--format', 'csv', '--locale', 'lv'], { cwd: dir })).toEqual(excel);
    expect(
      cofin(['report', PROJECT, '--format', 'csv', '--locale', 'lv', '--csv-dialect', 'rfc4180'], { cwd: dir }),
    ).toEqual(cofin(['report', PROJECT, '--format', 'csv'], { cwd: dir }));
    expect(
      excel.stdout.startsWith(
        '\ufeffpartner;country;budget;source;name;kind;amount;verdict;severity;code;line;column;message;hint\r\n' +
          'Messina Business Innovation Centre;IT;40000,00;erdf;ERDF;eu-fund;34000,00;pass;;;;;;\r\n',
      ),
    ).toBe(true);
    const en = cofin(['report', PROJECT, '--format', 'csv', '--csv-dialect', 'excel-en'], { cwd: dir });
    expect(en.stdout).toBe(
      `\ufeff${cofin(['report', PROJECT, '--format', 'csv'], { cwd: dir }).stdout.replace(/\n/g, '\r\n')}`,
    );
    expect(
      cofin([
        'split',
        '12758',
        'erdf=85%',
        'municipal=rest',
        '--unit',
        '1',
        '--format',
        'csv',
        '--csv-dialect',
        'excel-lv',
      ]).stdout,
    ).toBe(
      '\ufeffid;name;kind;rate;exact;amount;adjustment\r\nerdf;ERDF;eu-fund;85;10844,3;10844;-0,3\r\nmunicipal;Municipal;public;15;1913,7;1914;0,3\r\n',
    );
  });

  it("LibreOffice in Latvian opens excel-lv, in English excel-en: every amount a number equal to the JSON's, every name the text written", () => {
    if (!needs('soffice', 'LibreOffice opens the CSV as a spreadsheet would')) return;
    const written: Record<string, string> = {};
    for (const [name, args] of [
      ['report-lv', ['report', PROJECT, '--format', 'csv', '--locale', 'lv']],
      ['hostile-lv', ['report', 'hostile.json', '--format', 'csv', '--csv-dialect', 'excel-lv']],
      ['check-lv', ['check', 'hostile-check.json', PROJECT, '--format', 'csv', '--csv-dialect', 'excel-lv']],
      ['report-en', ['report', PROJECT, '--format', 'csv', '--csv-dialect', 'excel-en']],
      ['hostile-en', ['report', 'hostile.json', '--format', 'csv', '--csv-dialect', 'excel-en']],
    ] as const) {
      const run = cofin([...args], { cwd: dir });
      expect(run.code, name).toBeLessThan(2);
      writeFileSync(at(`${name}.csv`), (written[name] = run.stdout));
    }
    // CSV:59,34,76,1,,1062 — ";", double quote, UTF-8, from line 1, Latvian; formulas are evaluated, as by default
    const lv = libreOffice(
      dir,
      ['report-lv', 'hostile-lv', 'check-lv'].map((n) => at(`${n}.csv`)),
      'CSV:59,34,76,1,,1062',
    );
    const en = libreOffice(
      dir,
      ['report-en', 'hostile-en'].map((n) => at(`${n}.csv`)),
      'CSV:44,34,76,1,,1033',
    );
    // a finding's line and column (report columns 10 and 11) are numbers too
    const amountColumns = { report: [2, 6, 10, 11], check: [5, 9, 10, 11, 12] };
    for (const [name, sheets] of [
      ['report-lv', lv[0]],
      ['hostile-lv', lv[1]],
      ['check-lv', lv[2]],
      ['report-en', en[0]],
      ['hostile-en', en[1]],
    ] as const) {
      const separator = name.endsWith('lv') ? ';' : ',';
      const rows: string[][] = parseCsv(written[name]!.replace(/^\ufeff/, ''), { delimiter: separator });
      const sheet = [...sheets!.values()][0]!;
      expect(sheet.length, name).toBe(rows.length);
      const amounts = name.startsWith('check') ? amountColumns.check : amountColumns.report;
      for (const [r, row] of rows.entries()) {
        for (const [c, text] of row.entries()) {
          const cell = sheet[r]![c];
          const where = `${name} row ${r} column ${c}: ${JSON.stringify(text)}`;
          expect(cell?.formula, where).toBeUndefined();
          if (text === '') continue;
          if (r > 0 && amounts.includes(c)) {
            expect(cell?.type, where).toBe('float');
            expect(new Decimal(cell!.value!).eq(text.replace(',', '.')), where).toBe(true);
          } else {
            expect(cell?.type, where).toBe('string');
            expect(cell!.text, where).toBe(text);
          }
        }
      }
    }
    // and the figures are the JSON's: the Latvian sheet's amounts, row by row
    const report = json(['report', PROJECT]) as ReportJson;
    const expected = report.partners.flatMap((p) => Object.values(p.amounts));
    expect([...lv[0]!.values()][0]!.slice(1).map((row) => new Decimal(row[6]!.value!).toFixed(2))).toEqual(expected);
    expect([...lv[0]!.values()][0]!.slice(1).map((row) => row[0]!.text)).toContain('Botoșani');
  }, 240_000);
});
