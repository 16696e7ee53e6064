import { describe, expect, it } from 'vitest';
import { computeClaims } from '../src/core/claims/compute.js';
import { parseClaimFile } from '../src/io/claim-file.js';
import { errorOf } from './helpers.js';

const report = (yaml: string) => computeClaims(parseClaimFile(yaml, 'yaml'));

describe("claim files: Jems's preparation and closure periods in the plan", () => {
  it.each([
    ['25', ['13888.89', '13892.04', '174.99', '0.62', '138.90', '1388.89']],
    ['33', ['18333.33', '18337.49', '230.99', '0.81', '183.37', '1833.33']],
  ])(
    "Jems's vectors C7/C8 (GetPartnerFundsPerPeriodInteractorTest): preparation and closure on their own, the last reporting period the remainder (%s%%)",
    (rate, erdf) => {
      // docs/jems-rules.md 1.3: last = fund total − the other regular periods − preparation − closure; the budget is
      // the vectors' 117 937.34, its lump sums the preparation's and the closure's
      const r = report(`
costs: { staff: 56 826.22, lump-sums: 61 111.12 }
funding: { erdf: ${rate}%, municipal: rest }
periods:
  - { period: preparation, lump-sums: 55 555.56 }
  - { period: 1, staff: 55 568.16 }
  - { period: 2, staff: 699.99 }
  - { period: 3, staff: 2.48 }
  - { period: 4, staff: 0 }
  - { period: 5, staff: 0 }
  - { period: 6, staff: 0 }
  - { period: 7, staff: 0 }
  - { period: 8, staff: 0 }
  - { period: 9 }
  - { period: closure, lump-sums: 5 555.56 }
`);
      const periods = r.periods!;
      expect(periods.map((p) => [p.phase ?? p.period, p.remainder])).toEqual([
        ['preparation', false],
        [1, false],
        [2, false],
        [3, false],
        [4, false],
        [5, false],
        [6, false],
        [7, false],
        [8, false],
        [9, true],
        ['closure', false],
      ]);
      const fund = periods.map((p) => p.funds[0]!.amount.toFixed(2));
      expect([fund[0], fund[1], fund[2], fund[3], fund[9], fund[10]]).toEqual(erdf);
      expect(periods[9]!.total.toFixed(2)).toBe('555.59');
      // the periods add up to the budget, per category and per fund
      expect(periods.reduce((s, p) => s.plus(p.total), periods[0]!.total.minus(periods[0]!.total)).toFixed(2)).toBe(
        '117937.34',
      );
      expect(
        periods.reduce((s, p) => s.plus(p.funds[0]!.amount), periods[0]!.total.minus(periods[0]!.total)).toFixed(2),
      ).toBe(r.budget.funds[0]!.amount.toFixed(2));
      expect(r.findings).toEqual([]);
    },
  );

  it('preparation and closure: first and last, lump sums only, never the remainder; a declared fund checked', () => {
    const file = (periods: string) =>
      `costs: { staff: 6 000, lump-sums: 1 500 }\nfunding: { erdf: 80%, municipal: rest }\nperiods:\n${periods}`;
    const message = (periods: string) => errorOf(() => parseClaimFile(file(periods), 'yaml')).message;
    expect(message('  - { period: 1, staff: 1 }\n  - { period: preparation, lump-sums: 1 }\n  - { period: 2 }\n')).toBe(
      'the preparation period must be the first of the periods',
    );
    expect(message('  - { period: closure, lump-sums: 1 }\n  - { period: 1 }\n')).toBe(
      'the closure period must be the last of the periods',
    );
    expect(message('  - { period: preparation, staff: 1 }\n  - { period: 1 }\n')).toBe(
      'the preparation period holds only lump sums (as in Jems), not staff',
    );
    expect(message('  - { period: preparation, lump-sums: 1 }\n  - { period: closure, lump-sums: 1 }\n')).toBe(
      'periods needs a reporting period besides the preparation and closure periods',
    );
    expect(message('  - { period: 1, staff: 1 }\n  - { period: 300 }\n  - { period: closure, lump-sums: 1 }\n')).toBe(
      'the closure period comes after period 300',
    );
    expect(message('  - { period: prep }\n')).toBe(
      'periods item 1: period must be a whole number from 1 to 999, preparation or closure: "prep"',
    );
    const r = report(
      file(
        '  - { period: preparation, lump-sums: 1 000, declared: { erdf: 801 } }\n  - { period: 1, staff: 3 000 }\n' +
          '  - { period: 2 }\n  - { period: closure, lump-sums: 500 }\n',
      ),
    );
    expect(r.periods!.map((p) => [p.phase ?? p.period, p.total.toFixed(2), p.funds[0]!.amount.toFixed(2)])).toEqual([
      ['preparation', '1000.00', '800.00'],
      [1, '3000.00', '2400.00'],
      [2, '3000.00', '2400.00'],
      ['closure', '500.00', '400.00'],
    ]);
    expect(r.findings.map((f) => [f.code, f.line, f.message.split(':')[0]])).toEqual([
      ['period-fund-mismatch', 4, 'the preparation period'],
    ]);
  });
});
