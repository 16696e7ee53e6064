/**
 * What a new user's trial of cofin found at stop 24 (each case ran through the built bin and failed before its fix).
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cofin, scratch } from './e2e/run.js';

const { dir, write, run, fresh } = scratch('cofin-trial24u-');

describe('project.partners says more partners than are listed, and the listed ones take the whole total', () => {
  const file = [
    'project: { total: 40 000, partners: 3 }',
    'partners:',
    '  - { partner: A, budget: 20 000, funding: { erdf: 85%, national: rest } }',
    '  - { partner: B, budget: 20 000, funding: { erdf: 85%, national: rest } }',
    '',
  ].join('\n');

  it('is a note, placed at the total (the third partner has no budget left)', () => {
    const name = write(file);
    const result = run(['check', name]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      `${name}:1:19: note: the 2 partners of 3 listed already take the project total EUR 40 000: ` +
        'the other partner has no budget left [project-unaccounted]',
    );
    expect(result.stdout).toContain('hint: list the other partners, or correct project.partners');
  });

  it('in Latvian too, and none when every partner is listed', () => {
    const lv = run(['check', write(file), '--locale', 'lv']);
    expect(lv.stdout).toContain('norādītie partneri (2 no 3) jau aizņem visu projekta kopsummu');
    const all = run(['check', write(file.replace('partners: 3', 'partners: 2'))]);
    expect([all.code, all.stdout.includes('project-unaccounted')]).toEqual([0, false]);
  });
});

describe("a programme maximum passed by funds' computed shares", () => {
  it('shows the share at 4 decimals, not hundreds of digits', () => {
    const name = write(
      [
        'programme: interreg-latvia-lithuania',
        'partner: Rokiškis',
        'costs:',
        '  staff: 10 000',
        '  office: 15% of staff',
        '  travel: 15% of staff',
        'funding:',
        '  erdf: { amount: 10 350 }',
        '  esf: { amount: 100 }',
        '  national: rest',
        '',
      ].join('\n'),
    );
    const result = run(['check', name]);
    expect(result.code).toBe(1);
    const line = result.stdout.split('\n').find((l) => l.includes('[programme-rate-above-maximum]'));
    expect(line).toContain('the programme funds (erdf, esf) 80.3846% together is more than');
    expect(line).not.toMatch(/\d{9}/);
  });
});

describe('rates short of 100% in a partner table', () => {
  it('hints at a rest cell, never at a YAML key', () => {
    const name = write('partner,budget,erdf,national\nA,10000.50,85%,15\n', 'csv');
    const result = run(['check', name]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('[rates-sum]');
    expect(result.stdout).toContain(
      'hint: make the rates add up to 100%, or let one source take the rest: write rest in its cell',
    );
    expect(result.stdout).not.toContain('national: rest');
    const yaml = run(['check', write('partner: A\nbudget: 10 000\nfunding: { erdf: 85%, national: 10% }\n')]);
    expect(yaml.stdout).toContain('let one source take the rest: national: rest');
  });
});

describe("Excel's sep= first line in a partner table", () => {
  it('names the delimiter and is no row: findings keep their lines', () => {
    const name = write('sep=;\npartner;budget;erdf;national\nA;1 000,00;85%;rest\nB;2 000,00;85%;10%\n', 'csv');
    const result = run(['check', name]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${name}:4:3: error: partner "B": rates add up to 95%`);
    expect(result.stderr).toBe('');
  });

  it('after a BOM and with CRLF line ends', () => {
    const name = write('\ufeffsep=,\r\npartner,budget,erdf,national\r\n"A; B",1000.00,85%,rest\r\n', 'csv');
    const result = run(['check', name, '--format', 'json']);
    expect(result.code).toBe(0);
    const partners = (JSON.parse(result.stdout) as { files: { partners: { partner: string }[] }[] }).files[0]!.partners;
    expect(partners.map((p) => p.partner)).toEqual(['A; B']);
  });
});

describe('YAML read as a CSV table', () => {
  it('says it looks like YAML wherever the table broke, not only at its first line', () => {
    const yaml = 'partner: Liepājas pašvaldība\nbudget: 12 758,00\nfunding:\n  erdf: { rate: 85%, amount: 10 844 }\n';
    const result = cofin(['check', '-', '--input', 'csv'], { cwd: dir, input: yaml });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('<stdin>:2:1: error: CSV: a row has a different number of cells than the header');
    expect(result.stderr).toContain('hint: the text looks like YAML: --input yaml reads standard input as YAML');
    // a real table broken on a later row keeps its own hint
    const table = run(['check', write('partner;budget;erdf\nA;1 000;85%;x\n', 'csv')]);
    expect(table.code).toBe(2);
    expect(table.stderr).toContain('hint: check the delimiters and quotes on this row');
  });
});

describe('small messages', () => {
  it('-o onto an input: the refusal has its hint line', () => {
    const name = write('partner: A\nbudget: 100\nfunding: { erdf: 85%, national: rest }\n');
    const result = run(['check', name, '-o', name]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `cofin: error: ${name} is an input of this command: cofin never writes to its inputs\n` +
        'hint: choose another output file with -o\n',
    );
  });

  it('a folder whose every budget file is excluded says so, and names --exclude', () => {
    const sub = fresh('excluded');
    mkdirSync(sub);
    writeFileSync(join(sub, 'a.yaml'), 'partner: A\nbudget: 100\nfunding: { erdf: 85%, national: rest }\n');
    const result = cofin(['check', sub, '--exclude', '*.yaml'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no budget files (.yaml, .yml, .json, .csv) in this folder but the ones excluded');
    expect(result.stderr).toContain('hint: loosen --exclude (or exclude: in the config file), or name the files');
    const empty = fresh('empty');
    mkdirSync(empty);
    expect(cofin(['check', empty], { cwd: dir }).stderr).toContain('hint: name a folder that holds budget files');
  });

  it('rate: rest hints at amount: rest', () => {
    const result = run([
      'check',
      write('partner: A\nbudget: 100\nfunding:\n  erdf: 85%\n  national: { rate: rest }\n'),
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('error: not a rate: "rest" [bad-rate]');
    expect(result.stderr).toContain('hint: the rest is no rate: write amount: rest instead');
  });
});
