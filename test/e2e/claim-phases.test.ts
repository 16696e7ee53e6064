import { describe, expect, it } from 'vitest';
import { cofin } from './run.js';

const FILE = 'fixtures/claims/preparation-closure.yaml';

describe("cofin claim: Jems's preparation and closure periods in the plan (binary)", () => {
  it('shows them on their own, the last reporting period the remainder, and checks their declared funds (exit 0)', () => {
    const run = cofin(['claim', FILE]);
    expect([run.code, run.stderr]).toEqual([0, '']);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe(
      'PASS fixtures/claims/preparation-closure.yaml  Example Town: budget EUR 8 400.00 (ERDF 80%, Municipal rest), 1 claim',
    );
    expect(lines.slice(4, 12)).toEqual([
      '│ Cost category             │ Preparation │ Period 1 │ Period 2 (rest) │ Closure │   Budget │',
      '├───────────────────────────┼─────────────┼──────────┼─────────────────┼─────────┼──────────┤',
      '│ Staff costs               │        0.00 │ 3 000.00 │        3 000.00 │    0.00 │ 6 000.00 │',
      '│ Office and administration │        0.00 │   450.00 │          450.00 │    0.00 │   900.00 │',
      '│ Lump sums                 │    1 000.00 │     0.00 │            0.00 │  500.00 │ 1 500.00 │',
      '├───────────────────────────┼─────────────┼──────────┼─────────────────┼─────────┼──────────┤',
      '│ Total                     │    1 000.00 │ 3 450.00 │        3 450.00 │  500.00 │ 8 400.00 │',
      '└───────────────────────────┴─────────────┴──────────┴─────────────────┴─────────┴──────────┘',
    ]);
    // Jems 1.2: the last reporting period's share is 100 less the others, preparation and closure included
    expect(run.stdout).toContain(
      'share of the budget: preparation 11.90%, period 1 41.07%, period 2 41.08%, closure 5.95%\n',
    );
    expect(run.stdout).toContain(
      '│ ERDF 80%             │      800.00 │ 2 760.00 │        2 760.00 │  400.00 │ 6 720.00 │',
    );
    // the cumulative plan to period 1 holds the preparation period (Jems 1.4)
    expect(run.stdout).toContain('plan to period 1: EUR 4 450.00, claimed so far 64.61%');
    const json = JSON.parse(cofin(['claim', FILE, '--format', 'json']).stdout) as {
      periods: { period: number; phase?: string; remainder: boolean; total: string }[];
    };
    expect(json.periods.map((p) => [p.period, p.phase ?? null, p.remainder, p.total])).toEqual([
      [0, 'preparation', false, '1000.00'],
      [1, null, false, '3450.00'],
      [2, null, true, '3450.00'],
      [255, 'closure', false, '500.00'],
    ]);
    expect(Object.keys(json.periods[1]!)).not.toContain('phase');
  });

  it('a preparation period that is not first is an invalid file: one located line on stderr, exit 2', () => {
    const run = cofin(['claim', '-'], {
      input:
        'costs: { staff: 6 000, lump-sums: 1 000 }\nfunding: { erdf: 80%, municipal: rest }\nperiods:\n' +
        '  - { period: 1, staff: 1 }\n  - { period: preparation, lump-sums: 1 }\n  - { period: 2 }\n',
    });
    expect([run.code, run.stdout]).toEqual([2, '']);
    expect(run.stderr).toBe(
      '<stdin>:5:15: error: the preparation period must be the first of the periods [wrong-type]\n' +
        '  hint: list the preparation period first, then the reporting periods, then the closure period\n',
    );
  });
});
