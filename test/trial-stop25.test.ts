/**
 * What the lead and a new user's trial found at stop 25 (each case ran through the built bin and failed before its fix).
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { join } from 'node:path';
import { cofin, scratch } from './e2e/run.js';

const { dir, write, run, fresh } = scratch('cofin-trial25-');

/** A sheet's rows as their cells' texts (inline strings and numbers, as cofin writes them). */
function sheetRows(file: string, sheet: number): string[][] {
  const xml = strFromU8(
    unzipSync(readFileSync(join(dir, file)))[`xl/worksheets/sheet${sheet}.xml`] ?? new Uint8Array(),
  );
  return [...xml.matchAll(/<row [^>]*>(.*?)<\/row>/g)].map((row) =>
    [...(row[1] ?? '').matchAll(/<c [^>]*>(?:<is><t[^>]*>(.*?)<\/t><\/is>|<v>(.*?)<\/v>)<\/c>/g)].map(
      (c) => c[1] ?? c[2] ?? '',
    ),
  );
}

describe('a folder check of a file with an approximate budget', () => {
  it("keeps the budget's ~ in the one-line pass, in English and Latvian", () => {
    const sub = fresh('approx');
    mkdirSync(sub);
    writeFileSync(
      join(sub, 'a.yaml'),
      'partner: A\nbudget: ~10 000\nfunding:\n  erdf: { rate: 85%, amount: 8 500 }\n  national: { rate: 15%, amount: 1 500 }\n',
    );
    writeFileSync(join(sub, 'b.yaml'), 'partner: B\nbudget: 100\nfunding: { erdf: 85%, national: rest }\n');
    const en = cofin(['check', sub, '--no-color'], { cwd: dir });
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('a.yaml  A: EUR ~10 000\n');
    expect(en.stdout).toContain('b.yaml  B: EUR 100\n');
    // Latvian groups and places the euro sign with no-break spaces
    const lv = cofin(['check', sub, '--no-color', '--locale', 'lv'], { cwd: dir }).stdout.replace(
      /[\u00a0\u202f]/g,
      ' ',
    );
    expect(lv).toContain('a.yaml  A: ~10 000 €\n');
  });
});

describe('the check workbook', () => {
  it("names a one-partner file's partner on each of its findings, and counts a claim file's partner", () => {
    const budget = write('partner: Riga\nbudget: 100\nfunding:\n  erdf: { rate: 85%, amount: 86 }\n  national: rest\n');
    const claims = write(readFileSync(join(process.cwd(), 'fixtures/claims/declared.yaml'), 'utf8'));
    expect(run(['check', budget, claims, '--format', 'xlsx', '-o', 'out.xlsx']).code).toBe(1);
    const findings = sheetRows('out.xlsx', 2);
    expect(findings[0]?.[5]).toBe('Partner');
    const ofBudget = findings.filter((row) => row[0] === budget);
    expect(ofBudget.length).toBeGreaterThan(0);
    expect(ofBudget.map((row) => row[5])).toEqual(ofBudget.map(() => 'Riga'));
    const files = sheetRows('out.xlsx', 3);
    expect(files.find((row) => row[0] === claims)?.[2]).toBe('1');
  });
});
