import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cofin, root } from './run.js';

const MAIN = 'fixtures/claims/ventspils-digital-centre.yaml';
const findingLines = (stdout: string) =>
  stdout.split('\n').filter((l) => /^fixtures\/claims\/[^:]+:\d+:\d+: (error|warning|note): /.test(l));

describe('cofin claim (binary)', () => {
  it("shows the founding partner's plan, both claims and the cumulative figures, and passes", () => {
    const run = cofin(['claim', MAIN]);
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout.split('\n')[0]).toBe(
      'PASS fixtures/claims/ventspils-digital-centre.yaml  Ventspils Digital Centre: budget EUR 12 758.00 (ERDF 85%, Municipal 10%, State budget 5%), 2 claims, flexibility 10%',
    );
    expect(run.stdout).toMatch(/│ Total +│ 5 950\.00 │ +6 808\.00 │ 12 758\.00 │/);
    expect(run.stdout).toMatch(/│ ERDF 85% +│ 5 057\.50 │ +5 786\.80 │ 10 844\.30 │/);
    expect(run.stdout).toContain('Claim 1, period 1: eligible EUR 5 533.00');
    expect(run.stdout).toMatch(/│ Office and administration +│ 15% of staff │ 2 500\.00 │ +375\.00 │/);
    expect(run.stdout).toMatch(/│ ERDF +│ +85% │ 4 703\.05 │ 4 703,05 │ +0\.00 │/);
    expect(run.stdout).toMatch(/│ {3}of which Municipal +│ +│ +553\.30 │/);
    expect(run.stdout).toContain('the partner types them in');
    expect(run.stdout).toMatch(/│ Travel and accommodation +│ +2 000\.00 │ +2 100\.00 │ +105\.00% │ -100\.00 │/);
    expect(run.stdout).toMatch(/│ Total +│ 12 758\.00 │ +12 743\.00 │ +99\.88% │ +15\.00 │/);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe(
      '2 claims: EUR 12 743.00 of 12 758.00 claimed (99.88%); 0 errors, 0 warnings',
    );
  });

  it('writes JSON with every amount a decimal string, from YAML and from JSON alike', () => {
    const run = cofin(['claim', MAIN, '--format', 'json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json).toMatchObject({ schemaVersion: 1, verdict: 'pass', currency: 'EUR', unit: '0.01', flexibility: '10' });
    expect(json.budget.funds).toEqual([{ id: 'erdf', name: 'ERDF', kind: 'eu-fund', rate: '85', amount: '10844.30' }]);
    expect(json.budget.sources.map((s: { amount: string }) => s.amount)).toEqual(['1275.80', '637.90']);
    expect(json.periods.map((p: { total: string; remainder: boolean }) => [p.total, p.remainder])).toEqual([
      ['5950.00', false],
      ['6808.00', true],
    ]);
    expect(json.claims[0].funds[0]).toEqual({
      id: 'erdf',
      name: 'ERDF',
      kind: 'eu-fund',
      rate: '85',
      amount: '4703.05',
      maximum: '4703.05',
      declared: '4703.05',
      declaredCurrency: null,
      expected: null,
      difference: '0.00',
    });
    expect(json.claims[0].sources.map((s: { percentage: string; amount: string }) => [s.percentage, s.amount])).toEqual(
      [
        ['10', '553.30'],
        ['5', '276.65'],
      ],
    );
    expect(json.claims[1].cumulative.total).toEqual({
      id: 'total',
      name: 'Total',
      budget: '12758.00',
      claimed: '12743.00',
      percentage: '99.88',
      remaining: '15.00',
    });
    expect(json.claims[1].cumulative.plan).toEqual({ planned: '12758.00', difference: '15.00', percentage: '99.88' });
    expect(json.findings).toEqual([]);
    // no JSON number anywhere but the period numbers, the claim index and the schema version
    const numbers: string[] = [];
    JSON.parse(run.stdout, (key, value) =>
      typeof value === 'number' && !['schemaVersion', 'period', 'index', 'line', 'column'].includes(key)
        ? numbers.push(key)
        : value,
    );
    expect(numbers).toEqual([]);
    const fromJson = JSON.parse(
      cofin(['claim', 'fixtures/claims/ventspils-digital-centre.json', '--format', 'json']).stdout,
    );
    // the JSON fixture has no plan: the same claim, without the comparison with a plan
    expect(fromJson.claims[0]).toEqual({ ...json.claims[0], cumulative: { ...json.claims[0].cumulative, plan: null } });
  });

  it('reads standard input, YAML or JSON', () => {
    const text = readFileSync(join(root, 'fixtures/claims/ventspils-digital-centre.json'), 'utf8');
    const run = cofin(['claim', '-', '--format', 'json'], { input: text });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).file).toBe('<stdin>');
    expect(cofin(['claim', '-'], { input: readFileSync(join(root, MAIN), 'utf8') }).stdout).toContain('PASS <stdin>');
  });

  it('finds claims over the budget and categories beyond the flexibility (exit 1)', () => {
    const run = cofin(['claim', 'fixtures/claims/over-budget.yaml']);
    expect(run.code).toBe(1);
    expect(run.stdout.startsWith('FAIL fixtures/claims/over-budget.yaml')).toBe(true);
    expect(findingLines(run.stdout)).toEqual([
      'fixtures/claims/over-budget.yaml:11:5: error: claim 2 (period 2): claimed so far EUR 14 263.00, more than the budget EUR 12 758.00 by EUR 1 505.00 [claim-over-budget]',
      'fixtures/claims/over-budget.yaml:12:20: error: claim 2 (period 2): staff claimed so far EUR 6 700.00, more than its budget EUR 6 000.00 + 10% flexibility (EUR 6 600.00) [category-over-flexibility]',
      'fixtures/claims/over-budget.yaml:11:5: error: claim 2 (period 2): office claimed so far EUR 1 005.00, more than its budget EUR 900.00 + 10% flexibility (EUR 990.00) [category-over-flexibility]',
      'fixtures/claims/over-budget.yaml:12:34: error: claim 2 (period 2): travel claimed so far EUR 2 400.00, more than its budget EUR 2 000.00 + 10% flexibility (EUR 2 200.00) [category-over-flexibility]',
    ]);
    expect(run.stdout).toContain(
      '  hint: the claims may not pass the partner budget: lower this claim, or change the budget first\n',
    );
  });

  it('finds what partner reports declare wrongly: a flat rate as real costs, a fund above its rate, a period twice, a fund amount off', () => {
    const run = cofin(['claim', 'fixtures/claims/declared.yaml']);
    expect(run.code).toBe(1);
    expect(findingLines(run.stdout)).toEqual([
      'fixtures/claims/declared.yaml:8:42: warning: claim 1 (period 1): office is a flat rate (15% of staff), but EUR 400.00 is written as real costs; the flat rate is computed instead [flat-rate-declared]',
      'fixtures/claims/declared.yaml:9:23: error: claim 1 (period 1): ERDF declared EUR 4 800.00 is more than 85% of the eligible EUR 5 533.00 (EUR 4 703.05) [fund-above-rate]',
      'fixtures/claims/declared.yaml:10:13: error: claim 2 (period 1): period 1 is claimed already, by claim 1 [period-claimed-twice]',
      'fixtures/claims/declared.yaml:12:23: error: claim 2 (period 1): ERDF declared EUR 1 000.00, computed EUR 1 147.50 (85% of EUR 1 350.00, rounded down; difference EUR -147.50) [claimed-fund-mismatch]',
    ]);
    const json = JSON.parse(cofin(['claim', 'fixtures/claims/declared.yaml', '--format', 'json']).stdout);
    expect(json.verdict).toBe('fail');
    expect(json.findings.map((f: { code: string }) => f.code)).toEqual([
      'flat-rate-declared',
      'fund-above-rate',
      'period-claimed-twice',
      'claimed-fund-mismatch',
    ]);
    expect(json.findings[1]).toMatchObject({
      severity: 'error',
      line: 9,
      column: 23,
      pointer: '/claims/0/declared/erdf',
    });
  });

  it('a warning alone passes (exit 0)', () => {
    const text = readFileSync(join(root, MAIN), 'utf8').replace(
      'equipment: 858 }\n    declared',
      'equipment: 858, office: 400 }\n    declared',
    );
    const run = cofin(['claim', '-'], { input: text });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'warning: claim 1 (period 1): office is a flat rate (15% of staff), but EUR 400.00 is written as real costs; the flat rate is computed instead [flat-rate-declared]',
    );
  });

  it('finds a plan whose first periods exceed the budget', () => {
    const run = cofin(['claim', 'fixtures/claims/plan-over-budget.yaml']);
    expect(run.code).toBe(1);
    expect(findingLines(run.stdout)).toEqual([
      'fixtures/claims/plan-over-budget.yaml:7:5: error: the periods before period 3 plan EUR 6 500.00 of staff, more than its budget EUR 6 000.00 [periods-over-budget]',
      'fixtures/claims/plan-over-budget.yaml:7:5: error: the periods before period 3 plan EUR 975.00 of office, more than its budget EUR 900.00 [periods-over-budget]',
    ]);
    expect(run.stdout).toMatch(/│ Staff costs +│ 4 000\.00 │ 2 500\.00 │ +-500\.00 │ +6 000\.00 │/);
  });

  // every claim golden in the folder, one test each
  const claimGoldens = readdirSync(join(root, 'fixtures/claims'))
    .filter((f) => f.endsWith('.yaml.expected'))
    .map((f) => f.replace(/\.yaml\.expected$/, ''));
  it('has the claim goldens', () =>
    expect(claimGoldens).toEqual(
      expect.arrayContaining(['invalid-unknown-key', 'invalid-bad-amount', 'invalid-rates']),
    ));
  it.each(claimGoldens)('refuses %s.yaml with its one error (exit 2)', (name) => {
    const run = cofin(['claim', `fixtures/claims/${name}.yaml`]);
    expect([run.code, run.stdout]).toEqual([2, '']);
    expect(run.stderr).toBe(readFileSync(join(root, `fixtures/claims/${name}.yaml.expected`), 'utf8'));
  });

  it('an invalid file in JSON is its one finding; a missing file is exit 2', () => {
    const run = cofin(['claim', 'fixtures/claims/invalid-unknown-key.yaml', '--format', 'json']);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toEqual({
      schemaVersion: 1,
      file: 'fixtures/claims/invalid-unknown-key.yaml',
      verdict: 'invalid',
      findings: [
        {
          code: 'unknown-key',
          severity: 'error',
          message: 'unknown key "expenditures" in claim 1',
          hint: 'did you mean "expenditure"?',
          line: 7,
          column: 5,
          pointer: '/claims/0/expenditures',
        },
      ],
    });
    const missing = cofin(['claim', 'fixtures/claims/no-such-file.yaml']);
    expect([missing.code, missing.stderr]).toEqual([
      2,
      'fixtures/claims/no-such-file.yaml: error: no such file [not-found]\n  hint: check the path; - reads standard input\n',
    ]);
  });

  it('is listed in the help', () => {
    expect(cofin(['--help']).stdout).toContain('claim [options] <file>');
    expect(cofin(['claim', '--help']).stdout).toContain('Exit codes: 0 no errors, 1 the figures have errors');
  });
});
