import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cofin } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'cofin-simplified-'));

describe('lump sums and unit costs (binary)', () => {
  it('check: office at 7% of direct costs leaves the lump sums out; a flat rate of them fails', () => {
    const ok = join(dir, 'budget.yaml');
    writeFileSync(
      ok,
      'partner: X\ncosts: { staff: 10 000, office: 7% of direct, lump-sums: 5 000, unit-costs: 2 000 }\nfunding: { erdf: 80%, state: rest }\n',
    );
    const run = cofin(['check', ok]);
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toMatch(/│ Office and administration │ 7% of direct costs │ 10 000\.00 │ +700\.00 │/);
    expect(run.stdout).toMatch(/│ Lump sums +│ +│ +│ +5 000\.00 │/);
    expect(run.stdout).toMatch(/│ Budget +│ +│ +│ +17 700\.00 │/);
    const bad = join(dir, 'bad.yaml');
    writeFileSync(
      bad,
      'partner: X\ncosts: { staff: 1 000, lump-sums: 500, other: 10% of lump-sums }\nfunding: { erdf: 80%, state: rest }\n',
    );
    const fail = cofin(['check', bad]);
    expect(fail.code).toBe(1);
    expect(fail.stdout).toContain(
      "bad.yaml:2:47: error: other is 10% of lump-sums, but lump sums and unit costs are never in a flat rate's base [flat-rate-base]",
    );
  });

  it("claim: office on the claim's direct costs only; the lump sums and unit costs claimed count in the eligible total", () => {
    const file = join(dir, 'claims.yaml');
    writeFileSync(
      file,
      [
        'costs: { staff: 10 000, office: 15% of staff, lump-sums: 5 000, unit-costs: 2 000 }',
        'funding: { erdf: 80%, state: rest }',
        'claims:',
        '  - { period: 1, expenditure: { staff: 4 000, lump-sums: 2 500, unit-costs: 300 } }',
        '',
      ].join('\n'),
    );
    const json = JSON.parse(cofin(['claim', file, '--format', 'json']).stdout);
    const amounts = Object.fromEntries(
      json.claims[0].categories.map((c: { category: string; amount: string }) => [c.category, c.amount]),
    );
    expect(amounts).toEqual({ staff: '4000.00', office: '600.00', 'lump-sums': '2500.00', 'unit-costs': '300.00' });
    expect(json.claims[0].eligible).toBe('7400.00');
    expect(json.claims[0].funds[0].amount).toBe('5920.00');
  });
});
