// Trial 10 WP7: a rate cell that lost its % beside a rest cell. No sum catches it (the rest takes what is left), so
// read as an amount it passed: `85;rest` gave the ERDF EUR 85 of EUR 12 758.
import { describe, expect, it } from 'vitest';
import { scratch } from './run.js';

const { write, run } = scratch('cofin-bare-rate-');
const table = (row: string, sep = ';') => `partner${sep}budget${sep}erdf${sep}national\n${row}\n`;

describe('a bare whole number beside a rest is refused as a likely rate', () => {
  it('85 beside rest: exit 2, at the cell, with both ways to write it', () => {
    const r = run(['check', write(table('A;12 758;85;rest'), 'csv')]);
    expect(r.stderr).toMatch(
      /:2:10: error: "85" in the erdf column beside a rest may be a rate: a cell without % is an amount \[bad-rate\]\n/,
    );
    expect(r.stderr).toContain('hint: write 85% for a rate, or EUR 85 if the amount is meant');
    expect(r.stdout).toBe('1 file: 0 passed, 1 invalid\n');
    expect(r.code).toBe(2);
  });
  it('in Latvian', () => {
    const r = run(['check', '--locale', 'lv', write(table('A;12 758;85;rest'), 'csv')]);
    expect(r.stderr).toContain('"85" kolonnā erdf blakus atlikumam (rest) var būt likme: šūna bez % ir summa');
    expect(r.code).toBe(2);
  });
  it.each([
    ['the amount written with its currency', 'A;12 758;EUR 85;rest', 'A: EUR 12 758'],
    ['the amount written with cents', 'A;12 758;85,00;rest', 'A: EUR 12 758'],
    ['the rate with its %', 'A;12 758;85%;rest', 'A: EUR 12 758'],
    ['a budget under 100 times the cell', 'A;5 000;85;rest', 'A: EUR 5 000'],
    ['a figure over 100', 'A;12 758;850;rest', 'A: EUR 12 758'],
  ])('%s is read as before', (_, row, summary) => {
    const r = run(['check', write(table(row), 'csv')]);
    expect(r.stderr).not.toContain('may be a rate');
    expect(r.stdout).toContain(summary);
    expect(r.code).toBe(0);
  });
  it('without a rest the sum still catches it (sum-mismatch, with the may-be-a-rate hint)', () => {
    const r = run(['check', write(table('A;12 758;85;15'), 'csv')]);
    expect(r.stdout).toContain('[sum-mismatch]');
    expect(r.stdout).toContain('85 in the erdf column may be a rate');
    expect(r.code).toBe(1);
  });
});
