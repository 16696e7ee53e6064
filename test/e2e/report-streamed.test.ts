import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cofin } from './run.js';

// A CSV file over 4 MiB is read from disk in pieces, and its report's rows come from a second reading of it; standard
// input is read whole and reported from notes kept in the first. Both must write the very same report.
describe('cofin report of a CSV read from disk in pieces (binary)', () => {
  it('writes the report standard input gives, as CSV, JSON and a table, with findings and a duplicate partner', () => {
    let next = 17;
    const random = () => (next = (next * 1103515245 + 12345) % 2147483648);
    const rows = ['partner;country;budget;erdf;municipal;state'];
    for (let i = 0; rows.length < 130_000; i++) {
      const cents = 100_000 + (random() % 90_000_000);
      const budget = `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`;
      // one row in a thousand a wrong amount (a finding), one a partner written twice
      const erdf = i % 1000 === 7 ? '1 000,00' : '80%';
      rows.push(
        `${i % 1000 === 9 ? `PARTNER  ${i - 1}` : `Partner ${i}`};${['LV', 'LT', 'EE'][i % 3]};${budget};${erdf};15%;5%`,
      );
    }
    const text = `${rows.join('\n')}\n`;
    expect(text.length).toBeGreaterThan(4.2 * 1024 * 1024);
    const dir = mkdtempSync(join(tmpdir(), 'cofin-report-streamed-'));
    try {
      const file = join(dir, 'programme.csv');
      writeFileSync(file, text);
      for (const format of ['csv', 'json', 'table']) {
        const streamed = cofin(['report', file, '--format', format, '--locale', 'en']);
        const whole = cofin(['report', '-', '--format', format, '--locale', 'en'], { input: readFileSync(file) });
        expect(streamed.code).toBe(1); // the wrong amounts fail the file
        expect(streamed.stdout.length).toBeGreaterThan(1_000_000);
        expect(streamed.stdout.replaceAll(file, '<stdin>')).toBe(whole.stdout);
        expect(streamed.stderr.replaceAll(file, '-')).toBe(whole.stderr);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
