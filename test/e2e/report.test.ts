import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cofin, root } from './run.js';

const PROJECT = 'fixtures/project/digital-innovation-in-cities.yaml';

describe('cofin report (binary)', () => {
  it('shows the tables and the chart of the eight-partner project', () => {
    const run = cofin(['report', PROJECT, '--locale', 'en']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(
      'Digital Innovation in Cities (URBACT III): 8 partners, €146,994.00, EU funds €118,909.20 (average EU rate 80.89%)',
    );
    for (const heading of ['Partners and sources', 'By kind of source', 'By country', 'Budgets by source'])
      expect(run.stdout).toContain(heading);
    expect(run.stdout).toContain('█ ERDF  ▓ Municipal  ▒ State budget');
  });

  it('reports a project of 2 000 partners: a row each, totals summed from the partners', () => {
    const partners = Array.from(
      { length: 2000 },
      (_, i) => `${i === 0 ? '' : '\n'}P${i};${['LV', 'EE', 'LT'][i % 3]};${1000 + i};85%;rest`,
    ).join('');
    // standard input is known for a partner table by its header row, without --input csv
    const run = cofin(['report', '-', '--locale', 'en'], {
      input: `partner;country;budget;erdf;national\n${partners}\n`,
    });
    expect([run.code, run.stderr]).toEqual([0, '']);
    // budgets 1 000 .. 2 999: 2 000 × 1 999.5
    expect(run.stdout).toContain('2000 partners, €3,999,000.00, EU funds €3,399,150.00 (average EU rate 85%)');
    const table = run.stdout.split('Partners and sources\n')[1]!.split('\n\n')[0]!.split('\n');
    expect(table).toHaveLength(2000 + 6);
    expect(table[3]).toMatch(/^│ P0 +│ LV +│ +€1,000\.00 │ +€850\.00 │ +€150\.00 │ +85% │ +0\.03% │$/);
    expect(table.at(-2)).toMatch(/^│ Total +│ +│ €3,999,000\.00 │ €3,399,150\.00 │ €599,850\.00 │ +85% │ +100% │$/);
  });

  it('follows LANG for the locale, and colours the chart with FORCE_COLOR', () => {
    expect(cofin(['report', PROJECT], { env: { LANG: 'lv_LV.UTF-8', LC_ALL: '' } }).stdout).toContain(
      '146\u00a0994,00\u00a0€',
    );
    expect(cofin(['report', PROJECT], { env: { FORCE_COLOR: '1' } }).stdout).toContain('\u001b[34m█');
  });

  it('writes JSON, CSV and Markdown', () => {
    const json = JSON.parse(cofin(['report', PROJECT, '--format', 'json']).stdout);
    expect(json.sources.map((s: { amount: string }) => s.amount)).toEqual(['118909.20', '27446.80', '638.00']);
    // CSV for scripts, whatever the environment's locale; --locale lv given makes it Latvian Excel's (BOM, ;, decimal comma, CRLF)
    const csv = cofin(['report', PROJECT, '--format', 'csv'], { env: { LANG: 'lv_LV.UTF-8', LC_ALL: '' } }).stdout;
    expect(csv.split('\n')[1]).toBe(
      'Messina Business Innovation Centre,IT,40000.00,erdf,ERDF,eu-fund,34000.00,pass,,,,,,',
    );
    const lv = cofin(['report', PROJECT, '--format', 'csv', '--locale', 'lv']).stdout;
    expect(lv.split('\r\n')[1]).toBe(
      'Messina Business Innovation Centre;IT;40000,00;erdf;ERDF;eu-fund;34000,00;pass;;;;;;',
    );
    const md = cofin(['report', PROJECT, '--format', 'md', '--locale', 'en']).stdout;
    expect(md.startsWith('# Digital Innovation in Cities (URBACT III): 8 partners')).toBe(true);
  });

  it('reports a CSV partner table, from a file or standard input', () => {
    const file = cofin(['report', 'fixtures/project/partners-lv.csv', '--format', 'json']);
    expect(file.code).toBe(0);
    expect(JSON.parse(file.stdout).partners.map((p: { partner: string }) => p.partner)).toEqual([
      'Ventspils Digital Centre',
      'Saint-Quentin (invented)',
      'Oulu; city (invented)',
    ]);
    const stdin = cofin(['report', '-', '--input', 'csv', '--format', 'json'], {
      input: readFileSync(join(root, 'fixtures/project/partners-lv.csv'), 'utf8'),
    });
    expect(JSON.parse(stdin.stdout).budget).toBe('52994.50');
  });

  it('checks CSV tables, cost categories and flat rates', () => {
    expect(cofin(['check', 'fixtures/project']).code).toBe(0);
    const costs = cofin(['check', 'fixtures/project/costs.yaml']);
    expect(costs.stdout).toMatch(/│ Office and administration\s+│ 15% of staff │ 6 000 │\s+900 │/);
    const csv = cofin(['check', '-', '--input', 'csv'], { input: 'partner;budget;erdf\nA;100;85%\n' });
    expect(csv.code).toBe(1);
    expect(csv.stdout).toContain(
      '<stdin>:2:3: error: partner "A": rates add up to 85%, 15% (EUR 15.00) short of 100% [rates-sum]',
    );
  });

  it('shows the report but exits 1 when the figures have errors', () => {
    const run = cofin(['report', 'fixtures/fail/duplicate-partner.yaml']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Partners and sources');
    expect(run.stderr).toBe(
      'cofin: fixtures/fail/duplicate-partner.yaml: 1 error in the figures; the report shows the computed amounts\nhint: run "cofin check fixtures/fail/duplicate-partner.yaml" for the details\n',
    );
  });

  it('draws bounded bars when declared amounts dwarf the budget: exit 1 for the errors, not a crash', () => {
    const input = 'partner: P\nbudget: 10\nfunding:\n  erdf: { amount: 1000000000000 }\n  national: { amount: 5 }\n';
    for (const env of [{}, { FORCE_COLOR: '1' }] as Record<string, string>[]) {
      const run = cofin(['report', '-'], { input, env });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('error');
      expect(run.stderr).not.toContain('internal error');
      expect(run.stdout.length).toBeLessThan(10_000);
      const chart = run.stdout
        .replace(/\u001b\[[0-9;]*m/g, '')
        .split('Budgets by source\n')[1]!
        .split('\n');
      expect(chart[0]).toBe(`P       ${'█'.repeat(40)}`);
    }
    expect(cofin(['report', '-', '--format', 'md'], { input }).code).toBe(1);
  });

  it('keeps an id given two kinds apart: two sources, kind totals that agree with them', () => {
    const input =
      'partners:\n  - { partner: A, budget: 1000, funding: { ipa: { rate: 80%, kind: eu-fund, name: IPA }, national: rest } }\n  - { partner: B, budget: 1000, funding: { ipa: { rate: 20%, kind: private, name: IPA sponsor }, national: rest } }\n';
    const json = JSON.parse(cofin(['report', '-', '--format', 'json'], { input }).stdout);
    expect(json.sources).toEqual([
      { id: 'ipa', name: 'IPA', kind: 'eu-fund', amount: '800.00' },
      { id: 'ipa', name: 'IPA sponsor', kind: 'private', amount: '200.00' },
      { id: 'national', name: 'National', kind: 'public', amount: '1000.00' },
    ]);
    expect(json.kinds).toEqual([
      { kind: 'eu-fund', amount: '800.00' },
      { kind: 'public', amount: '1000.00' },
      { kind: 'private', amount: '200.00' },
    ]);
    const table = cofin(['report', '-', '--locale', 'en'], { input }).stdout;
    expect(table).toContain('█ IPA (eu-fund)  ▓ IPA sponsor (private)  ▒ National');
  });

  it('exits 2 with a located error for an invalid file', () => {
    const run = cofin(['report', 'fixtures/invalid/csv-bad-cell.csv']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'cofin: error: fixtures/invalid/csv-bad-cell.csv:2:25: not an amount: "ten percent"\nhint: write an amount such as 12758, 12 758 or 12 758,00\n',
    );
  });
});

describe('one source id, named two ways by two partners (binary)', () => {
  const FILE = [
    'partners:',
    '  - partner: Ventspils',
    '    country: LV',
    '    budget: 1000',
    '    funding: { erdf: 80%, nat: { name: Latvian state budget, kind: public, amount: rest } }',
    '  - partner: Siauliai',
    '    country: LT',
    '    budget: 2000',
    '    funding: { erdf: 80%, nat: { name: Lithuanian state budget, kind: public, amount: rest } }',
    '',
  ].join('\n');

  it("never shows the first partner's name for the second's amount: the column and legend name both", () => {
    const run = cofin(['report', '-', '--locale', 'en'], { input: FILE });
    expect(run.code).toBe(0);
    const head = run.stdout.split('\n').find((line) => line.startsWith('│ Partner'));
    expect(head).toContain('│ Latvian state budget / Lithuanian state budget │');
    expect(run.stdout).toContain('▓ Latvian state budget / Lithuanian state budget\n');
    const md = cofin(['report', '-', '--format', 'md', '--locale', 'en'], { input: FILE }).stdout;
    expect(md).toContain('| ERDF | Latvian state budget / Lithuanian state budget | EU rate |');
  });

  it("CSV: each partner's row names its own source; JSON: the first name, and every name in names", () => {
    const csv = cofin(['report', '-', '--format', 'csv'], { input: FILE });
    expect(csv.stdout).toBe(
      'partner,country,budget,source,name,kind,amount,verdict,severity,code,line,column,message,hint\n' +
        'Ventspils,LV,1000.00,erdf,ERDF,eu-fund,800.00,pass,,,,,,\n' +
        'Ventspils,LV,1000.00,nat,Latvian state budget,public,200.00,pass,,,,,,\n' +
        'Siauliai,LT,2000.00,erdf,ERDF,eu-fund,1600.00,pass,,,,,,\n' +
        'Siauliai,LT,2000.00,nat,Lithuanian state budget,public,400.00,pass,,,,,,\n',
    );
    const json = JSON.parse(cofin(['report', '-', '--format', 'json'], { input: FILE }).stdout) as {
      sources: Record<string, unknown>[];
    };
    expect(json.sources).toEqual([
      { id: 'erdf', name: 'ERDF', kind: 'eu-fund', amount: '2400.00' },
      {
        id: 'nat',
        name: 'Latvian state budget',
        names: ['Latvian state budget', 'Lithuanian state budget'],
        kind: 'public',
        amount: '600.00',
      },
    ]);
  });
});
