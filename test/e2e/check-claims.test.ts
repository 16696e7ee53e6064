import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cofin, root } from './run.js';

// `cofin check` on claim files: every finding of `cofin claim` fails the file in CI.
const MAIN = 'fixtures/claims/ventspils-digital-centre.yaml';

describe('cofin check on claim files (binary)', () => {
  it("passes the founding partner's claims with one line and a pointer to cofin claim", () => {
    const run = cofin(['check', MAIN]);
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toBe(
      [
        'PASS fixtures/claims/ventspils-digital-centre.yaml  Ventspils Digital Centre: claim file, a plan of 2 periods, 2 claims, EUR 12 743.00 of 12 758.00 claimed (99.88%)',
        'cofin claim fixtures/claims/ventspils-digital-centre.yaml shows every period and claim',
        '',
        '1 file: 1 passed',
        '',
      ].join('\n'),
    );
  });

  it('fails on the claim findings, with the same findings as cofin claim (exit 1)', () => {
    const run = cofin(['check', 'fixtures/claims/over-budget.yaml']);
    expect([run.code, run.stderr]).toEqual([1, '']);
    const claim = cofin(['claim', 'fixtures/claims/over-budget.yaml', '--format', 'json']);
    const check = cofin(['check', 'fixtures/claims/over-budget.yaml', '--format', 'json']);
    expect(check.code).toBe(1);
    const file = JSON.parse(check.stdout).files[0];
    expect(file.verdict).toBe('fail');
    expect(file.partners).toEqual([]);
    expect(file.findings.map((f: { code: string; line: number }) => [f.code, f.line])).toEqual(
      JSON.parse(claim.stdout).findings.map((f: { code: string; line: number }) => [f.code, f.line]),
    );
    expect(file.findings.map((f: { code: string }) => f.code)).toEqual([
      'claim-over-budget',
      'category-over-flexibility',
      'category-over-flexibility',
      'category-over-flexibility',
    ]);
    expect(file.claims).toEqual({
      partner: 'Ventspils Digital Centre',
      currency: 'EUR',
      budget: '12758.00',
      periods: null,
      claims: 2,
      claimed: '14263.00',
      percentage: '111.80',
    });
    expect(run.stdout).toContain(
      'fixtures/claims/over-budget.yaml:11:5: error: claim 2 (period 2): claimed so far EUR 14 263.00, more than the budget EUR 12 758.00 by EUR 1 505.00 [claim-over-budget]',
    );
  });

  it('catches each claim finding in CI: github annotations and a JUnit case', () => {
    const github = cofin(['check', 'fixtures/claims/declared.yaml', '--format', 'github']);
    expect(github.code).toBe(1);
    expect(github.stdout).toMatch(/^::error file=fixtures\/claims\/declared\.yaml,line=9,col=23,.*fund-above-rate/m);
    expect(github.stdout).toMatch(
      /^::error file=fixtures\/claims\/declared\.yaml,line=10,col=13,.*period-claimed-twice/m,
    );
    expect(github.stdout).toMatch(
      /^::warning file=fixtures\/claims\/declared\.yaml,line=8,col=42,.*flat-rate-declared/m,
    );
    const junit = cofin(['check', 'fixtures/claims/declared.yaml', '--format', 'junit']);
    expect(junit.code).toBe(1);
    expect(junit.stdout).toContain(
      '<testsuite name="fixtures/claims/declared.yaml" tests="1" failures="1" errors="0">',
    );
    expect(junit.stdout).toContain(
      '<testcase classname="fixtures/claims/declared.yaml" name="Ventspils Digital Centre"><failure type="fund-above-rate"',
    );
    const passing = cofin(['check', MAIN, '--format', 'junit']);
    expect(passing.stdout).toContain(
      '<testcase classname="fixtures/claims/ventspils-digital-centre.yaml" name="Ventspils Digital Centre"></testcase>',
    );
  });

  it('--ignore keeps a claim finding without failing the file; --strict makes a warning fail it', () => {
    const ignored = cofin([
      'check',
      'fixtures/claims/over-budget.yaml',
      '--ignore',
      'claim-over-budget',
      '--ignore',
      'category-over-flexibility',
    ]);
    expect(ignored.code).toBe(0);
    expect(ignored.stdout).toContain(': ignored: claim 2 (period 2): claimed so far EUR 14 263.00');
    const dir = mkdtempSync(join(tmpdir(), 'cofin-claims-'));
    const warning = join(dir, 'warning.yaml');
    writeFileSync(
      warning,
      [
        'costs: { staff: 1 000, office: 15% of staff }',
        'funding: { erdf: 80%, state: rest }',
        'claims:',
        '  - { period: 1, expenditure: { staff: 500, office: 90 } }',
        '',
      ].join('\n'),
    );
    const plain = cofin(['check', warning]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain(
      'warning.yaml:4:53: warning: claim 1 (period 1): office is a flat rate (15% of staff), but EUR 90.00 is written as real costs',
    );
    const strict = cofin(['check', warning, '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('warning.yaml:4:53: error: claim 1 (period 1): office is a flat rate');
    expect(cofin(['check', warning, '--ignore', 'claim-over-budgte']).stderr).toContain(
      'did you mean "claim-over-budget"?',
    );
  });

  it('checks a folder of budget files and claim files together, a line per passing file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cofin-claims-'));
    mkdirSync(join(dir, 'rates'));
    copyFileSync(join(root, 'fixtures/ventspils-digital-centre.yaml'), join(dir, 'budget.yaml'));
    copyFileSync(join(root, MAIN), join(dir, 'claims.yaml'));
    copyFileSync(join(root, 'fixtures/claims/converted.yaml'), join(dir, 'converted.yaml'));
    copyFileSync(join(root, 'fixtures/claims/rates/sample.csv'), join(dir, 'rates/sample.csv'));
    const run = cofin(['check', dir, '--exclude', 'rates/']);
    expect(run.stderr).toBe('');
    expect(run.stdout.split('\n')).toEqual([
      `✓ ${dir}/budget.yaml  Ventspils Digital Centre: EUR 12 758`,
      // a passing file's note, under its line
      `${dir}/budget.yaml:16:10: note: EUR 134 236 of the project total EUR 146 994 is not accounted for by the 1 partner of 8 listed [project-unaccounted]`,
      '  hint: list the other partners to check the total',
      `✓ ${dir}/claims.yaml  Ventspils Digital Centre: claim file, a plan of 2 periods, 2 claims, EUR 12 743.00 of 12 758.00 claimed (99.88%)`,
      `✓ ${dir}/converted.yaml  Gmina Przykładowa: claim file, 2 claims, EUR 20 147.45 of 37 000.00 claimed (54.45%)`,
      '',
      '3 files: 3 passed',
      // the rate table beside the claims, excluded, is named with who excluded it
      `1 file excluded (rates/) by --exclude: ${dir}/rates/sample.csv`,
      '',
    ]);
    expect(run.code).toBe(0);
  });

  it('checks the fund amounts a plan declares per period, the last period the remainder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cofin-claims-'));
    const file = join(dir, 'plan.yaml');
    writeFileSync(
      file,
      readFileSync(join(root, MAIN), 'utf8').replace(
        'declared: { erdf: "5 786,80" }',
        'declared: { erdf: "5 786,81" }',
      ),
    );
    const run = cofin(['check', file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      `${file}:12:36: error: period 2: ERDF declared EUR 5 786.81, computed EUR 5 786.80 (the last period: EUR 10 844.30 less the other periods; difference EUR 0.01) [period-fund-mismatch]`,
    );
  });

  it('an invalid claim file is invalid (exit 2), with the message cofin claim gives', () => {
    const run = cofin(['check', 'fixtures/claims/invalid-unknown-key.yaml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(readFileSync(join(root, 'fixtures/claims/invalid-unknown-key.yaml.expected'), 'utf8'));
    expect(run.stdout).toBe('1 file: 0 passed, 1 invalid\n');
    const rates = cofin(['check', 'fixtures/claims/invalid-rates-path.yaml']);
    expect(rates.code).toBe(2);
    expect(rates.stderr).toContain(
      'fixtures/claims/invalid-rates-path.yaml:3:8: error: rates: rates/no-such-table.csv: no such file [not-found]',
    );
  });

  it('a budget file that is no claim file keeps its own errors: a word "claims" in a name is not enough', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cofin-claims-'));
    const file = join(dir, 'budget.yaml');
    writeFileSync(
      file,
      'partner: Claims and periods office\nbudget: 100\nfunding: { erdf: 85%, state: rest }\namout: 1\n',
    );
    const run = cofin(['check', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown key "amout" in the budget file [unknown-key]');
  });
});

describe('cofin report on claim files (binary): absorption per period and category', () => {
  it('shows a table per period and line, the plan, and a bar per category with a segment per period', () => {
    const run = cofin(['report', MAIN, '--locale', 'en']);
    expect([run.code, run.stderr]).toEqual([0, '']);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('Ventspils Digital Centre: EUR 12,743.00 of 12,758.00 claimed (99.88%) in 2 claims');
    expect(run.stdout).toContain(
      '│ Line                            │    Budget │ Period 1 │ Period 2 │   Claimed │  % used │    Left │',
    );
    expect(run.stdout).toContain(
      '│ Travel and accommodation        │  2,000.00 │   800.00 │ 1,300.00 │  2,100.00 │ 105.00% │ -100.00 │',
    );
    expect(run.stdout).toContain(
      '│ ERDF                            │ 10,844.30 │ 4,703.05 │ 6,128.50 │ 10,831.55 │  99.88% │   12.75 │',
    );
    expect(run.stdout).toContain(
      '│ Planned (total)                 │           │ 5,950.00 │ 6,808.00 │ 12,758.00 │         │         │',
    );
    // staff: 2 500 of 6 000 is 16.7 of 40 characters (17), then 5 900 is 39.3 (39)
    expect(lines).toContain(`Staff costs                     ${'█'.repeat(17)}${'▓'.repeat(22)}  98.33%`);
    expect(lines).toContain(
      `Travel and accommodation        ${'█'.repeat(16)}${'▓'.repeat(24)} 105.00% over the budget`,
    );
    expect(lines).toContain('                                █ period 1  ▓ period 2');
  });

  it('writes JSON, every amount a decimal string; the periods of each line add up to what it claimed', () => {
    const run = cofin(['report', MAIN, '--format', 'json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json).toMatchObject({ schemaVersion: 1, kind: 'claims', verdict: 'pass', currency: 'EUR', periods: [1, 2] });
    expect(json.lines.find((l: { id: string }) => l.id === 'total')).toEqual({
      id: 'total',
      name: 'Total',
      kind: 'total',
      budget: '12758.00',
      byPeriod: [
        { period: 1, claimed: '5533.00' },
        { period: 2, claimed: '7210.00' },
      ],
      claimed: '12743.00',
      percentage: '99.88',
      remaining: '15.00',
    });
    expect(json.planned).toEqual([
      { period: 1, amount: '5950.00' },
      { period: 2, amount: '6808.00' },
    ]);
  });

  it('a claim file with errors: the report, exit 1 and a pointer to cofin claim; a format it has not is a usage error', () => {
    const run = cofin(['report', 'fixtures/claims/over-budget.yaml']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('111.80% over the budget');
    expect(run.stderr).toBe(
      'cofin: fixtures/claims/over-budget.yaml: 4 errors in the claims; the report shows the computed amounts\nhint: run "cofin claim fixtures/claims/over-budget.yaml" for the details\n',
    );
    const csv = cofin(['report', MAIN, '--format', 'csv']);
    expect([csv.code, csv.stdout]).toEqual([2, '']);
    expect(csv.stderr).toContain('the report of a claim file is a table or JSON, not csv');
  });
});
