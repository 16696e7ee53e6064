import { describe, expect, it } from 'vitest';
import { detectDelimiter, parsePartnerCsv } from '../src/io/csv.js';
import { checkBudgetFile } from '../src/core/check.js';
import { errorOf } from './helpers.js';

const partners = (text: string) =>
  parsePartnerCsv(text).partners.map((p) => [
    p.partner,
    p.country,
    p.budget!.value.toFixed(),
    p.funding
      .map((f) => `${f.id}:${f.rest ? 'rest' : f.rate ? `${f.rate.value.toFixed()}%` : f.amount!.value.toFixed()}`)
      .join(' '),
  ]);

describe('partner tables (CSV)', () => {
  it('detects ; , and tab delimiters', () => {
    expect(detectDelimiter('partner;budget;erdf\n')).toBe(';');
    expect(detectDelimiter('partner\tbudget\terdf\n')).toBe('\t');
    expect(detectDelimiter('partner,budget,erdf\n')).toBe(',');
    expect(detectDelimiter('"a;b",budget,erdf\n')).toBe(',');
  });

  it('reads Latvian spreadsheets: ; with decimal commas, a BOM, CRLF and empty rows', () => {
    const text =
      '\ufeffpartner;country;budget;erdf;municipal\r\nVentspils;LV;12 758,00;85%;rest\r\n;;;;\r\n\r\nRīga;LV;1 000,5;70%;300,15\r\n';
    expect(partners(text)).toEqual([
      ['Ventspils', 'LV', '12758', 'erdf:85% municipal:rest'],
      ['Rīga', 'LV', '1000.5', 'erdf:70% municipal:300.15'],
    ]);
  });

  it('reads quoted fields with delimiters and quotes inside', () => {
    expect(partners('partner,budget,erdf,national\n"Oulu, city ""North""",100,85%,rest\n')).toEqual([
      ['Oulu, city "North"', undefined, '100', 'erdf:85% national:rest'],
    ]);
    expect(partners('partner\tbudget\terdf\nA\t1 000\t100%\n')).toEqual([['A', undefined, '1000', 'erdf:100%']]);
  });

  it('places a bad cell at its line and column', () => {
    const error = errorOf(() => parsePartnerCsv('partner;budget;erdf\nA;1 000;85%\n"B; quoted";12,75,8;85%\n'));
    expect(error.code).toBe('bad-amount');
    expect(error.location).toMatchObject({ line: 3, column: 13 });
    expect(errorOf(() => parsePartnerCsv('partner;budget;erdf\nA;100;eighty%\n')).location).toMatchObject({
      line: 2,
      column: 7,
    });
  });

  it('refuses a table without the columns it needs, ragged rows and unknown column ids', () => {
    expect(errorOf(() => parsePartnerCsv('name;budget;erdf\nA;1;100%\n')).message).toBe(
      'the header has no "partner" column',
    );
    expect(errorOf(() => parsePartnerCsv('partner;budget;erdf\nA;1;100%;x\n')).code).toBe('syntax');
    expect(errorOf(() => parsePartnerCsv('partner;budget;e r d f\nA;1;100%\n')).code).toBe('unknown-key');
    expect(errorOf(() => parsePartnerCsv('')).code).toBe('empty-file');
  });

  it('checks like any budget file', () => {
    const check = checkBudgetFile(
      parsePartnerCsv('partner;budget;erdf;municipal\nA;12 758;85%;1 913,70\nB;100;85%;16\n'),
    );
    expect(check.verdict).toBe('fail'); // B: 85 + 16 is not 100
    expect(check.partners.map((p) => p.partner)).toEqual(['A', 'B']);
  });
  it('refuses a column written twice, fixed ones too, at the second header cell', () => {
    const error = (text: string) => {
      const e = errorOf(() => parsePartnerCsv(text));
      return { code: e.code, message: e.message, line: e.location?.line, column: e.location?.column };
    };
    // a second budget or partner column was ignored: the row's figures could be read from either
    expect(error('partner;budget;erdf;budget;national\nA;1000;85%;900;rest\n')).toEqual({
      code: 'duplicate-key',
      message: 'the column "budget" appears twice',
      line: 1,
      column: 21,
    });
    expect(error('partner;budget;erdf;national;Partner\nA;1000;85%;rest;B\n')).toEqual({
      code: 'duplicate-key',
      message: 'the column "partner" appears twice',
      line: 1,
      column: 30,
    });
    expect(error('partner,country,budget,country,erdf\nA,LV,1000,EE,100%\n')).toMatchObject({
      code: 'duplicate-key',
      message: 'the column "country" appears twice',
      column: 24,
    });
    expect(error('partner;budget;erdf;erdf\nA;1000;85%;15%\n')).toMatchObject({
      code: 'duplicate-key',
      message: 'the column "erdf" appears twice',
      column: 21,
    });
    // an id with an invisible character is the same column, named as written
    expect(error('partner;budget;erdf;erdf\u200b\nA;1000;85%;15%\n')).toEqual({
      code: 'duplicate-key',
      message:
        'the column "erdf\u200b" appears twice: the same as "erdf" but for invisible or combining characters (U+200B)',
      line: 1,
      column: 21,
    });
    // the first problem in header order is the one reported
    expect(error('partner;budget;e r d f;budget\nA;1;100%;2\n').code).toBe('unknown-key');
    expect(error('partner;budget;budget;e r d f\nA;1;2;100%\n').code).toBe('duplicate-key');
  });

  it('finds duplicate partners whose names differ only by invisible or composed characters', () => {
    const check = checkBudgetFile(
      parsePartnerCsv('partner;budget;erdf;national\nBoto\u0219ani;1000;85%;rest\nBotos\u0326ani;1000;85%;rest\n'),
    );
    expect(check.findings.map((f) => f.code)).toEqual(['duplicate-partner']);
    expect(check.partners.map((p) => p.partner)).toEqual(['Boto\u0219ani', 'Botos\u0326ani']);
  });
});
