// Trial 10's findings on partner tables, config, locale and messages, through the built bin (stdout, stderr, exit code).
import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cofin, scratch } from './run.js';
import { buildWorkbook } from '../xlsx-build.js';

const { dir, write, run } = scratch('cofin-trial10-');

describe('WP3: a total row with a footnote mark or a heading not yet known is no third partner', () => {
  const table = (heading: string, erdf = '25 000', national = '5 000') =>
    `partner;budget;erdf;national\nA;10 000;85%;rest\nB;20 000;85%;rest\n${heading};30 000;${erdf};${national}\n`;
  it.each([
    'Kopā¹',
    'Total²',
    'Projekta kopējais budžets',
    'Visi partneri kopā',
    'Partnership total',
    'Project budget',
  ])('%s: read as the total row, its wrong ERDF total fails', (heading) => {
    const r = run(['check', write(table(heading), 'csv')]);
    expect(r.stdout).toContain('2 partners: EUR 30 000');
    expect(r.stdout).toContain("the partners' erdf adds up to EUR 25 500, EUR 500 more than the total row's");
    expect(r.code).toBe(1);
  });
  it.each(['Overall', 'All partners', 'Партнёры итого'])('%s: read as the total row, right sums pass', (heading) => {
    const r = run(['check', write(table(heading, '25 500', '4 500'), 'csv')]);
    expect(r.stdout).toMatch(/^PASS .* 2 partners: EUR 30 000/);
    expect(r.stdout).not.toContain('total-row-by-sum');
    expect(r.code).toBe(0);
  });
  it('a last row of any name whose budget is the sum of those above is read as the total, with a note', () => {
    const r = run(['check', write(table('Rīgas pašvaldība', '25 500', '4 500'), 'csv')]);
    expect(r.stdout).toMatch(/^PASS .* 2 partners: EUR 30 000/);
    expect(r.stdout).toContain(
      ':4:18: note: the last row "Rīgas pašvaldība" is read as the table\'s total row: its budget 30 000 is the sum ' +
        "of the 2 budgets above it, and its columns are checked against the partners' sums [total-row-by-sum]",
    );
    expect(r.stdout).toContain('if it is a partner, add the total row below it');
    expect(r.code).toBe(0);
    // and held to the sums: a wrong ERDF total fails
    const wrong = run(['check', write(table('Rīgas pašvaldība'), 'csv')]);
    expect(wrong.stdout).toContain('[project-total]');
    expect(wrong.code).toBe(1);
  });
  it('kept a partner by a total row below it', () => {
    const text = table('Rīgas pašvaldība', '25 500', '4 500') + 'Kopā;60 000;51 000;9 000\n';
    const r = run(['check', write(text, 'csv')]);
    expect(r.stdout).toMatch(/^PASS .* 3 partners: EUR 60 000/);
    expect(r.stdout).not.toContain('total-row-by-sum');
    expect(r.code).toBe(0);
  });
  it('one row above is no sum: the last row stays a partner', () => {
    const r = run(['check', write('partner;budget;erdf;national\nA;10 000;85%;rest\nB;10 000;85%;rest\n', 'csv')]);
    expect(r.stdout).toMatch(/^PASS .* 2 partners: EUR 20 000/);
    expect(r.code).toBe(0);
  });
  it('the same in a workbook (Kopā¹)', () => {
    const bytes = buildWorkbook([
      {
        name: 'Budget',
        rows: [
          ['partner', 'budget', 'erdf', 'national'],
          ['A', { n: '10000' }, { n: '0.85', fmt: '0%' }, 'rest'],
          ['B', { n: '20000' }, { n: '0.85', fmt: '0%' }, 'rest'],
          ['Kopā¹', { n: '30000' }, { n: '25000' }, { n: '5000' }],
        ],
      },
    ]);
    writeFileSync(join(dir, 'tf.xlsx'), bytes);
    const r = run(['check', 'tf.xlsx']);
    expect(r.stdout).toContain('2 partners: EUR 30 000');
    expect(r.stdout).toContain('[project-total]');
    expect(r.code).toBe(1);
  });
});

describe('R4: fixed amounts alone that add up to the budget pass, one in whole euros', () => {
  it('a table row and a budget file', () => {
    const csv = run(['check', write('partner;budget;erdf;municipal;state\nA;12 758;10 844,50;1 275,50;638\n', 'csv')]);
    expect(csv.stdout).toMatch(/^PASS .*A: EUR 12 758, largest-remainder, unit 0.01/);
    expect(csv.stdout).not.toContain('amount-unit');
    expect(csv.code).toBe(0);
    const yaml =
      'partner: A\nbudget: 12 758\nfunding:\n  erdf: { amount: "10 844,50" }\n' +
      '  municipal: { amount: "1 275,50" }\n  state: { amount: 638 }\n';
    const file = run(['check', write(yaml)]);
    expect(file.stdout).toMatch(/^PASS /);
    expect(file.code).toBe(0);
    // one euro off is still a sum-mismatch
    const off = run(['check', write('partner;budget;erdf;municipal;state\nA;12 758;10 844,50;1 275,50;637\n', 'csv')]);
    expect(off.stdout).toContain('[sum-mismatch]');
    expect(off.code).toBe(1);
  });
  it('beside a rate the unit binds as before, and the message quotes the cell as written', () => {
    const r = run(['check', write('partner;budget;erdf;national;municipal\nA;12 758;10 844,50;85%;1 000\n', 'csv')]);
    expect(r.stdout).toContain('erdf: the fixed amount 10 844,50 is not a whole number of units of 1');
    expect(r.code).toBe(1);
  });
});

describe('L1: --locale lv says the euro figures in Latvian, as the share table', () => {
  it('heads, row names and numbers', () => {
    const r = cofin(['check', 'fixtures/lati-euro.yaml', '--locale', 'lv']);
    const out = r.stdout.replace(/\u00a0/g, ' '); // Latvian groups thousands with a no-break space
    expect(out).toContain('│ Summa eiro     │     LVL │ EUR (norādīts) │ EUR no LVL │ LVL no EUR │');
    expect(out).toContain('│ Budžets        │ 8966,37 │ 12 758,00      │  12 758,00 │    8966,37 │ ✓ │');
    expect(out).toContain('│ ERAF           │ 7621,41 │');
    expect(out).not.toMatch(/Euro figure|ERDF|Municipal|\d\.\d\d /);
    expect(r.code).toBe(0);
    // English as before
    expect(cofin(['check', 'fixtures/lati-euro.yaml']).stdout).toContain('│ ERDF         │ 7 621.41 │');
  });
});

describe('D1: a "cofin" key in package.json beside a cofin.config.yaml is two config files', () => {
  it('is an error naming both, exit 2; either alone is read', () => {
    const folder = join(dir, 'd1');
    mkdirSync(join(folder, 'sub'), { recursive: true });
    writeFileSync(join(folder, 'package.json'), '{"name":"x","cofin":{"strict":true}}');
    writeFileSync(join(folder, 'cofin.config.yml'), 'locale: lv\n');
    writeFileSync(join(folder, 'sub', 'a.yaml'), 'partner: A\nbudget: 1000\nfunding:\n  erdf: 85%\n  national: rest\n');
    const both = cofin(['check', 'a.yaml'], { cwd: join(folder, 'sub') });
    expect(both.stderr).toContain(
      'error: two configuration files: ../cofin.config.yml and ../package.json ("cofin" key)',
    );
    expect(both.stdout).toBe('');
    expect(both.code).toBe(2);
    writeFileSync(join(folder, 'package.json'), '{"name":"x"}');
    const one = cofin(['check', 'a.yaml'], { cwd: join(folder, 'sub') });
    expect(one.stdout).toMatch(/^ATBILST /);
    expect(one.code).toBe(0);
  });
});

describe('D2: a cell after a multi-line quoted cell is placed at its own line and column', () => {
  it('line 3, column 14 (not 21, counted from the record start on line 2)', () => {
    const r = run([
      'check',
      write('partner;budget;erdf;national\nA;1 000;85%;rest\n"Multi\nline";10 000;8x5;rest\n', 'csv'),
    ]);
    expect(r.stderr + r.stdout).toContain(':4:14: error: not an amount: "8x5"');
    const first = run(['check', write('partner;budget;erdf;national\n"Multi\nline";x;85%;rest\n', 'csv')]);
    expect(first.stderr + first.stdout).toContain(':3:7: error: not an amount: "x"');
    expect(r.code).toBe(2);
  });
});

describe('M1: a CSV on standard input with Excel sep=; first line, or a Latvian header, is a partner table', () => {
  it('sep=; first line: read as the table', () => {
    const r = cofin(['check', '-'], { input: 'sep=;\npartner;budget;erdf;national\nA;10 000;85%;rest\n' });
    expect(r.stdout).toMatch(/^PASS <stdin>  A: EUR 10 000/);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
  it('a Latvian header: the rename hint a .csv file gets, not "must be a mapping"', () => {
    const r = cofin(['check', '-'], { input: 'Partneris;Budžets;ERAF\nA;10 000;85%\n' });
    expect(r.stdout + r.stderr).toContain(
      '<stdin>:1:1: error: the header has no "partner" column [missing-key]\n' +
        '  hint: cofin reads the headers in English: rename the columns Partneris → partner, Budžets → budget',
    );
    expect(r.stdout + r.stderr).not.toContain('mapping');
    expect(r.code).toBe(2);
  });
});

describe("M2: the ambiguous-amount hint names the cell's own readings, valid in a , table", () => {
  it('a , table and a budget file', () => {
    const r = run(['check', write('partner,budget,erdf,national\nA,"10,844",85%,rest\n', 'csv')]);
    expect(r.stdout + r.stderr).toContain(
      'error: ambiguous amount: "10,844" could be 10844 or 10.844 [bad-amount]\n' +
        '  hint: for 10844 write 10844 or 10 844; for 10.844 write 10.8440: ',
    );
    expect(r.code).toBe(2);
    // each form the hint names is read as one cell of that table, never refused (10.8440 then fails as a budget off
    // the cent, a check's finding)
    for (const cell of ['10844', '10 844', '10.8440']) {
      const read = run(['check', write(`partner,budget,erdf,national\nA,${cell},85%,rest\n`, 'csv')]);
      expect(read.code, cell).not.toBe(2);
      expect(read.stdout + read.stderr, cell).not.toContain('ambiguous');
    }
    const yaml = run(['check', write('partner: A\nbudget: 10.844\nfunding:\n  erdf: 85%\n  national: rest\n')]);
    expect(yaml.stdout + yaml.stderr).toContain('hint: for 10844 write 10844 or 10 844; for 10.844 write 10.8440: ');
    const lv = run(['check', write('partner,budget,erdf,national\nA,"10,844",85%,rest\n', 'csv'), '--locale', 'lv']);
    expect(lv.stdout + lv.stderr).toContain(
      'ieteikums: ja domāts 10844, rakstiet 10844 vai 10 844; ja 10.844, rakstiet',
    );
  });
});
