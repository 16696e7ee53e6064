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

describe('errors ignored by a config file up the tree', () => {
  const wrong =
    'partner: A\nbudget: 12 758\nfunding:\n  erdf: { rate: 85%, amount: 10 844 }\n  national: { rate: 15%, amount: 1 915 }\n';

  it('are counted under the summary, with their codes and the file that ignores them', () => {
    const top = fresh('config');
    mkdirSync(join(top, 'sub'), { recursive: true });
    writeFileSync(join(top, 'cofin.config.yaml'), 'ignore: [share-mismatch, sum-mismatch]\n');
    writeFileSync(join(top, 'sub', 'a.yaml'), wrong);
    writeFileSync(join(top, 'sub', 'b.yaml'), wrong.replace('1 915', '1 914'));
    const result = cofin(['check', '.', '--no-color'], { cwd: join(top, 'sub') });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /2 files: 2 passed\n2 errors ignored \(share-mismatch, sum-mismatch\) by \.\.\/cofin\.config\.yaml\n$/,
    );
    const flag = cofin(['check', 'a.yaml', '--no-color', '--ignore', 'rates-sum', '--locale', 'lv'], {
      cwd: join(top, 'sub'),
    });
    expect(flag.stdout).toMatch(
      /2 kļūdas netiek ņemtas vērā \(share-mismatch, sum-mismatch\): \.\.\/cofin\.config\.yaml\n$/,
    );
  });

  it('say nothing when nothing was ignored', () => {
    const top = fresh('none');
    mkdirSync(top);
    writeFileSync(join(top, 'a.yaml'), wrong.replace('1 915', '1 914'));
    const result = cofin(['check', 'a.yaml', '--no-color', '--ignore', 'share-mismatch'], { cwd: top });
    expect(result.stdout.endsWith('1 file: 1 passed\n')).toBe(true);
  });
});

describe('English amounts in a table whose decimal mark is ","', () => {
  it('say what was written and how to write it, in English and Latvian', () => {
    const table = write('partner;budget;erdf;national\nA;1,000.50;85%;rest\n', 'csv');
    const en = run(['check', table]);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain(
      `${table}:2:3: error: "1,000.50" is written with a "," between thousands and a decimal point, ` +
        'but in this table "," is the decimal mark [bad-amount]\n  hint: write 1 000,50 (or without spaces: 1000,50)\n',
    );
    const lv = run(['check', table, '--locale', 'lv']);
    expect(lv.stderr).toContain('"1,000.50" tūkstošus atdala ar "," un decimāldaļu ar punktu');
    expect(lv.stderr).toContain('ieteikums: rakstiet 1 000,50 (vai bez atstarpēm: 1000,50)');
  });

  it("a source's unknown key is said in Latvian with the source's id as written", () => {
    const file = write('partner: A\nbudget: 100\nfunding:\n  erdf: 85%\n  municipal: { rate: 15%, amont: 15 }\n');
    expect(run(['check', file, '--locale', 'lv']).stderr).toContain(
      'kļūda: nezināma atslēga "amont" finansējuma avotā "municipal" [unknown-key]',
    );
  });
});

describe('a claim file with two misspelled keys', () => {
  const text = readFileSync(join(process.cwd(), 'fixtures/claims/declared.yaml'), 'utf8')
    .replace(/^partner:/m, 'partnr:')
    .replace('    declared: { erdf: 4 800 }', '    declard: { erdf: 4 800 }');

  it('tells both, in check, claim and report, and no key as missing', () => {
    const file = write(text);
    const both = [
      `${file}:3:1: error: unknown key "partnr" in the claim file [unknown-key]\n  hint: did you mean "partner"?\n`,
      `${file}:9:5: error: unknown key "declard" in claim 1 [unknown-key]\n  hint: did you mean "declared"?\n`,
    ].join('');
    const check = run(['check', file]);
    expect([check.code, check.stderr]).toEqual([2, both]);
    const claim = run(['claim', file]);
    expect([claim.code, claim.stderr]).toEqual([2, both]);
    const json = JSON.parse(run(['claim', file, '--format', 'json']).stdout) as { findings: { code: string }[] };
    expect(json.findings.map((f) => f.code)).toEqual(['unknown-key', 'unknown-key']);
    const report = run(['report', file]);
    expect(report.code).toBe(2);
    expect(report.stderr.match(/unknown key/g)).toHaveLength(2);
    expect(report.stderr).not.toContain('missing');
  });
});

describe('a mistyped option with --format json', () => {
  it("puts commander's suggestion in the hint, on stderr and in the JSON error alike", () => {
    const result = run(['check', 'x.yaml', '--fromat', 'json', '--format', 'json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'cofin: error: unknown option \'--fromat\'\nhint: did you mean --format? (run "cofin check --help" for usage)\n',
    );
    const error = (JSON.parse(result.stdout) as { error: { message: string; hint: string } }).error;
    expect([error.message, error.hint]).toEqual([
      "unknown option '--fromat'",
      'did you mean --format? (run "cofin check --help" for usage)',
    ]);
  });
});

describe('extract reads the Nordic crowns by their ISO codes', () => {
  it('SEK beside every figure: a budget file in SEK, whose wrong share fails the check', () => {
    const text = write(
      'The total cost is SEK 2,500,000, of which ERDF SEK 2,125,000 and national SEK 375,001.\n',
      'txt',
    );
    const extracted = run(['extract', text]);
    expect(extracted.code).toBe(0);
    expect(extracted.stdout).toContain('currency: SEK\n');
    expect(extracted.stdout).toContain('budget: 2500000');
    const budget = write(extracted.stdout);
    expect(run(['check', budget]).code).toBe(1);
    // the figure corrected against the document, and its conflict line deleted, as the hint says
    const corrected = extracted.stdout.replace('375001', '375000').replace(/^# check: conflict:.*\n/gm, '');
    expect(run(['check', write(corrected)]).code).toBe(0);
  });
});

describe('rates and amounts in a bracket after the eligible costs', () => {
  it('each rate stays with the amount it is ("85% jeb 729 825,54 EUR ir ERAF"), not with the next pair', () => {
    const text = write(
      'Attiecināmās izmaksas 200 000,00 EUR (85% jeb 170 000,00 EUR ir ERAF finansējums, 5% jeb 10 000,00 EUR ' +
        'valsts budžeta dotācija un 10% jeb 20 000,00 EUR pašvaldības finansējums).\n',
      'txt',
    );
    const out = run(['extract', text]).stdout;
    const rates = [...out.matchAll(/^ {2}([a-z-]+):\n(?: {4}name: .*\n)? {4}rate: ([0-9.]+)%/gm)].map(
      (m) => `${m[1]} ${m[2]}`,
    );
    expect(rates).toEqual(['erdf 85', 'state 5', 'municipal 10']);
    expect(run(['check', write(out)]).code).toBe(0);
  });
});
