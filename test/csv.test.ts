import { describe, expect, it } from 'vitest';
import { detectDelimiter, parsePartnerCsv } from '../src/io/csv.js';
import { checkBudgetFile } from '../src/core/check.js';
import { errorOf } from './helpers.js';

const partners = (text: string) => parsePartnerCsv(text).partners.map((p) => [p.partner, p.country, p.budget!.value.toFixed(), p.funding.map((f) => `${f.id}:${f.rest ? 'rest' : f.rate ? `${f.rate.value.toFixed()}%` : f.amount!.value.toFixed()}`).join(' ')]);

describe('partner tables (CSV)', () => {
  it('detects ; , and tab delimiters', () => {
    expect(detectDelimiter('partner;budget;erdf\n')).toBe(';');
    expect(detectDelimiter('partner\tbudget\terdf\n')).toBe('\t');
    expect(detectDelimiter('partner,budget,erdf\n')).toBe(',');
    expect(detectDelimiter('"a;b",budget,erdf\n')).toBe(',');
  });

  it('reads Latvian spreadsheets: ; with decimal commas, a BOM, CRLF and empty rows', () => {
    const text = '\ufeffpartner;country;budget;erdf;municipal\r\nVentspils;LV;12 758,00;85%;rest\r\n;;;;\r\n\r\nRīga;LV;1 000,5;70%;300,15\r\n';
    expect(partners(text)).toEqual([
      ['Ventspils', 'LV', '12758', 'erdf:85% municipal:rest'],
      ['Rīga', 'LV', '1000.5', 'erdf:70% municipal:300.15'],
    ]);
  });

  it('reads quoted fields with delimiters and quotes inside', () => {
    expect(partners('partner,budget,erdf,national\n"Oulu, city ""North""",100,85%,rest\n')).toEqual([['Oulu, city "North"', undefined, '100', 'erdf:85% national:rest']]);
    expect(partners('partner\tbudget\terdf\nA\t1 000\t100%\n')).toEqual([['A', undefined, '1000', 'erdf:100%']]);
  });

  it('places a bad cell at its line and column', () => {
    const error = errorOf(() => parsePartnerCsv('partner;budget;erdf\nA;1 000;85%\n"B; quoted";12,75,8;85%\n'));
    expect(error.code).toBe('bad-amount');
    expect(error.location).toMatchObject({ line: 3, column: 13 });
    expect(errorOf(() => parsePartnerCsv('partner;budget;erdf\nA;100;eighty%\n')).location).toMatchObject({ line: 2, column: 7 });
  });

  it('refuses a table without the columns it needs, ragged rows and unknown column ids', () => {
    expect(errorOf(() => parsePartnerCsv('name;budget;erdf\nA;1;100%\n')).message).toBe('the header has no "partner" column');
    expect(errorOf(() => parsePartnerCsv('partner;budget;erdf\nA;1;100%;x\n')).code).toBe('syntax');
    expect(errorOf(() => parsePartnerCsv('partner;budget;e r d f\nA;1;100%\n')).code).toBe('unknown-key');
    expect(errorOf(() => parsePartnerCsv('')).code).toBe('empty-file');
  });

  it('checks like any budget file', () => {
    const check = checkBudgetFile(parsePartnerCsv('partner;budget;erdf;municipal\nA;12 758;85%;1 913,70\nB;100;85%;16\n'));
    expect(check.verdict).toBe('fail'); // B: 85 + 16 is not 100
    expect(check.partners.map((p) => p.partner)).toEqual(['A', 'B']);
  });
});
