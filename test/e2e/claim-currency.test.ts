import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cofin, root } from './run.js';

const FILE = 'fixtures/claims/converted.yaml';

describe('cofin claim: expenditure in other currencies (binary)', () => {
  it('converts each item at the rate of the month of submission and shows the rate and its month', () => {
    const run = cofin(['claim', FILE]);
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toContain('Claim 1, period 1, submitted 2024-03: eligible EUR 7 885.40');
    expect(run.stdout).toMatch(/│ staff +│ PLN 12 500\.00 │ 4\.3205 │ InforEuro 2024-03 │ 2 893\.18 │/);
    expect(run.stdout).toMatch(/│ external +│ SEK 15 000\.00 │ 11\.234 │ InforEuro 2024-03 │ 1 335\.23 │/);
    // the EUR item is not converted: it is not in the table
    expect(run.stdout).not.toMatch(/│ travel +│ EUR/);
    expect(run.stdout).toContain('monthly rates from fixtures/claims/rates/sample.csv');
    expect(run.stdout).toMatch(/│ Staff costs +│ +│ +│ 5 177\.77 │/);
    expect(run.stdout).toContain('Claim 2, period 2, submitted 2024-09: eligible EUR 12 262.05');
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe(
      '2 claims: EUR 20 147.45 of 37 000.00 claimed (54.45%); 0 errors, 0 warnings',
    );
  });

  it('writes each conversion in JSON, amounts and rates as strings', () => {
    const json = JSON.parse(cofin(['claim', FILE, '--format', 'json']).stdout);
    expect(json.rates).toBe('fixtures/claims/rates/sample.csv');
    expect(json.claims[0].submitted).toBe('2024-03');
    expect(json.claims[0].conversions[0]).toEqual({
      category: 'staff',
      amount: '12500.00',
      currency: 'PLN',
      rate: '4.3205',
      kind: 'monthly',
      month: '2024-03',
      converted: '2893.18',
    });
    expect(json.claims[1].conversions.map((c: { converted: string }) => c.converted)).toEqual([
      '4671.26',
      '2335.63',
      '4204.13',
    ]);
    expect(json.claims[0].eligible).toBe('7885.40');
  });

  it("--rates replaces the file's rates:", () => {
    const json = JSON.parse(
      cofin(['claim', FILE, '--rates', 'fixtures/claims/rates/sample.yaml', '--format', 'json']).stdout,
    );
    expect(json.rates).toBe('fixtures/claims/rates/sample.yaml');
    expect(json.claims[0].conversions[0]).toMatchObject({ rate: '4.3', converted: '2906.98' });
  });

  it('a month the table lacks is an error at the item (exit 1); the items count 0', () => {
    const run = cofin(['claim', 'fixtures/claims/missing-rate.yaml']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'fixtures/claims/missing-rate.yaml:10:16: error: claim 1 (period 1): the rate table fixtures/claims/rates/sample.csv has no rate of PLN for 2025-01; the items in PLN count EUR 0.00 [exchange-rate-missing]\n',
    );
    expect(run.stdout).toMatch(/│ staff +│ PLN 1 000\.00 │ +none │ 2025-01 +│ counts 0 │/);
  });

  it('a missing or bad rate table is one located error (exit 2)', () => {
    expect(cofin(['claim', 'fixtures/claims/invalid-rates-path.yaml'])).toMatchObject({
      code: 2,
      stdout: '',
      stderr:
        "fixtures/claims/invalid-rates-path.yaml:3:8: error: rates: rates/no-such-table.csv: no such file [not-found]\n  hint: the path of rates: is relative to the claim file's folder\n",
    });
    expect(cofin(['claim', FILE, '--rates', 'fixtures/claims/rates/invalid-duplicate.csv'])).toMatchObject({
      code: 2,
      stdout: '',
      stderr:
        'fixtures/claims/rates/invalid-duplicate.csv:3:13: error: PLN is given twice for 2024-03 [duplicate-key]\n  hint: give each currency one rate a month\n',
    });
    const json = JSON.parse(cofin(['claim', FILE, '--rates', 'nowhere.csv', '--format', 'json']).stdout);
    expect(json).toMatchObject({ file: 'nowhere.csv', verdict: 'invalid', findings: [{ code: 'not-found' }] });
  });

  it('amounts in lati convert at the fixed euro rate', () => {
    const text =
      'costs: { staff: 20 000 }\nfunding: { erdf: 85%, municipal: rest }\nclaims:\n  - { period: 1, expenditure: { staff: "LVL 8 966,37" } }\n';
    const json = JSON.parse(cofin(['claim', '-', '--format', 'json'], { input: text }).stdout);
    expect(json.claims[0].conversions).toEqual([
      {
        category: 'staff',
        amount: '8966.37',
        currency: 'LVL',
        rate: '0.702804',
        kind: 'fixed',
        month: null,
        converted: '12758.00',
      },
    ]);
    expect(json.claims[0].funds[0].amount).toBe('10844.30');
  });

  it('checks a fund amount stated in lati against the euro share at the fixed rate', () => {
    const run = cofin(['claim', 'fixtures/claims/lati.yaml']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /│ ERDF +│ +85% │ 4 703\.05 │ LVL 3 305,32 │ LVL 0\.00 \(EUR 4 703\.05 = LVL 3 305\.32\) │/,
    );
    expect(run.stdout).toContain(
      'fixtures/claims/lati.yaml:17:23: error: claim 2 (period 2): ERDF declared LVL 4 307.10, computed EUR 6 128.50, which is LVL 4 307.13 at the fixed rate 0.702804 (difference LVL -0.03) [claimed-fund-mismatch]\n',
    );
    const json = JSON.parse(cofin(['claim', 'fixtures/claims/lati.yaml', '--format', 'json']).stdout);
    expect(json.claims[1].funds[0]).toMatchObject({
      amount: '6128.50',
      declared: '4307.1',
      declaredCurrency: 'LVL',
      expected: '4307.13',
      difference: '-0.03',
    });
  });

  it('refuses -o onto the rate table', () => {
    const run = cofin([
      'claim',
      FILE,
      '--rates',
      'fixtures/claims/rates/sample.yaml',
      '-o',
      'fixtures/claims/rates/sample.yaml',
      '--force',
    ]);
    expect(run.code).toBe(2);
  });
});

describe('cofin claim: programme profiles (binary)', () => {
  it("holds the funds to the programme's maximum for the partner's category, citing the source (exit 1)", () => {
    const run = cofin(['claim', 'fixtures/claims/programme.yaml']);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n')[0]).toBe(
      'FAIL fixtures/claims/programme.yaml  Example City: budget EUR 8 900.00 (ERDF 85%, Municipal rest), 1 claim, URBACT III (more-developed)',
    );
    expect(run.stdout).toContain(
      'fixtures/claims/programme.yaml:8:18: error: erdf 85% is more than URBACT III\'s maximum for partners from more developed regions (ERDF), 70% (ÖROK (Austrian Conference on Spatial Planning), "URBACT III | Programmbudget", Kofinanzierung für Netzwerke (co-financing of networks)) [programme-rate-above-maximum]\n',
    );
    const json = JSON.parse(cofin(['claim', 'fixtures/claims/programme.yaml', '--format', 'json']).stdout);
    expect(json.programme).toEqual({ id: 'urbact-iii', name: 'URBACT III', category: 'more-developed' });
    expect(json.findings.map((f: { code: string }) => f.code)).toEqual(['programme-rate-above-maximum']);
  });
});

describe('cofin claim: a hostile rate table name stays safe for each reader', () => {
  // a file name may hold any byte but / and NUL: escape sequences, a newline, a workflow command
  const hostile = 'r\u001b]52;c;eA\u0007\n::error::x\u202e.csv';
  const dir = mkdtempSync(join(tmpdir(), 'cofin-rates-'));
  copyFileSync(join(root, 'fixtures/claims/rates/sample.csv'), join(dir, hostile));
  const args = ['claim', join(root, FILE), '--rates', hostile];
  const raw = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

  it('table: escaped, no raw control character, no line that starts a workflow command', () => {
    const run = cofin(args, { cwd: dir });
    expect(run.code).toBe(0);
    expect(raw.test(run.stdout)).toBe(false);
    expect(run.stdout.split('\n').some((l) => l.startsWith('::'))).toBe(false);
    expect(run.stdout).toContain('monthly rates from r\\x1b]52;c;eA\\x07\\n::error::x\\u202e.csv');
  });

  it('JSON: the name exactly, control and bidi characters as \\u escapes', () => {
    const run = cofin([...args, '--format', 'json'], { cwd: dir });
    expect(raw.test(run.stdout)).toBe(false);
    expect(JSON.parse(run.stdout).rates).toBe(hostile);
  });

  it('an error in it: one line naming it escaped (exit 2)', () => {
    const run = cofin(['claim', join(root, FILE), '--rates', 'x\u001b[2J.csv'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(raw.test(run.stderr)).toBe(false);
    expect(run.stderr.split('\n')[0]).toMatch(/^x\\x1b\[2J\.csv: error: no such file \[not-found\]$/);
  });
});
