import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseBudgetFile } from '../src/io/budget-file.js';
import { checkBudgetFile } from '../src/core/check.js';
import { computeClaims } from '../src/core/claims/compute.js';
import { parseClaimFile } from '../src/io/claim-file.js';

// A budget planned per reporting period (periods: in a budget file, core/periods.ts), against golden
// vectors and against an independent model written here: exact rationals in BigInt cents, no code
// shared with src/.

const check = (yaml: string) => checkBudgetFile(parseBudgetFile(yaml, 'yaml'));
const plan = (yaml: string) => check(yaml).partners[0]!.periods!;
const codes = (yaml: string) => check(yaml).findings.map((f) => f.code);
const figures = (yaml: string) =>
  plan(yaml).map((p) => [p.period, p.budget.toFixed(), ...p.shares.map((s) => s.computed.toFixed())]);

const FOUNDING = `
currency: EUR
partner: Ventspils Digital Centre
budget: 12 758
funding:
  erdf:      { rate: 85%, amount: 10 844 }
  municipal: { rate: 10%, amount: 1 276 }
  state:     { rate: 5%,  amount: 638 }
`;

describe('golden vectors: the last period takes the remainder', () => {
  it("the founding budget at whole euros: period 1 split by the partner's rule, period 2 the partner's shares less period 1", () => {
    // 5 950 × 85% = 5 057.5, × 10% = 595, × 5% = 297.5: largest remainder gives the unit to the first tie, erdf
    expect(figures(`${FOUNDING}periods: [ { period: 1, budget: 5 950 }, { period: 2 } ]`)).toEqual([
      [1, '5950', '5058', '595', '297'],
      [2, '6808', '5786', '681', '341'],
    ]);
  });

  it("Jems's vector C1 (GetPartnerFundsPerPeriodInteractorTest): 25% of 206.23, 168.75, 187.52 is 51.55, 42.18 and the remainder 46.89", () => {
    // fund-down at the cent is Jems's rule: each period rounded down, the last the fund total (140.62) less the others
    const yaml = `
budget: 562.50
funding: { erdf: 25%, municipal: rest }
rounding: { method: fund-down, unit: 0.01 }
periods:
  - { period: 1, budget: 206.23 }
  - { period: 2, budget: 168.75 }
  - { period: 3, declared: { erdf: "46.89" } }
`;
    expect(figures(yaml)).toEqual([
      [1, '206.23', '51.55', '154.68'],
      [2, '168.75', '42.18', '126.57'],
      [3, '187.52', '46.89', '140.63'],
    ]);
    expect(codes(yaml)).toEqual([]);
    // 187.52 × 25% on its own is 46.88: a plan that says so fails at the declared figure
    const wrong = check(yaml.replace('"46.89"', '"46.88"')).findings;
    expect(wrong.map((f) => [f.code, f.line, f.column])).toEqual([['period-share-mismatch', 8, 36]]);
    expect(wrong[0]!.message).toBe(
      'period 3: erdf is declared as EUR 46.88, but its share is EUR 46.89 (the last period: the partner share less the other periods)',
    );
  });

  it('flat rates on each period’s own base, rounded down; the last period per category is the budget less the others', () => {
    const yaml = `
costs: { staff: "1 000,01", office: 15% of staff, travel: 200 }
funding: { erdf: 80%, state: rest }
rounding: { method: fund-down }
periods:
  - { period: 1, costs: { staff: 333.33, travel: 100 } }
  - { period: 2 }
`;
    const [p1, p2] = plan(yaml);
    // office: 15% of 333.33 = 49.9995, rounded down 49.99; the budget's office 15% of 1 000.01 = 150.0015 → 150.00
    expect(p1!.categories!.map((c) => [c.category, c.amount.toFixed(2)])).toEqual([
      ['staff', '333.33'],
      ['office', '49.99'],
      ['travel', '100.00'],
    ]);
    expect(p2!.categories!.map((c) => [c.category, c.amount.toFixed(2)])).toEqual([
      ['staff', '666.68'],
      ['office', '100.01'],
      ['travel', '100.00'],
    ]);
    expect([p1!.budget.toFixed(2), p2!.budget.toFixed(2)]).toEqual(['483.32', '866.69']);
    // the fund rounded down per period: 483.32 × 80% = 386.656 → 386.65; the last: 1 080.00 − 386.65
    expect(p1!.shares.map((s) => s.computed.toFixed(2))).toEqual(['386.65', '96.67']);
    expect(p2!.shares.map((s) => s.computed.toFixed(2))).toEqual(['693.35', '173.34']);
  });

  it('periods that miss the budget, or pass it before the last, are errors at the figure', () => {
    const miss = check(`${FOUNDING}periods: [ { period: 1, budget: 5 950 }, { period: 2, budget: 6 800 } ]`);
    expect(miss.findings.map((f) => [f.code, f.column])).toEqual([['periods-budget-mismatch', 63]]);
    expect(miss.findings[0]!.message).toBe(
      'the periods add up to EUR 12 750, not the budget EUR 12 758: period 2 plans EUR 6 800, the remainder is EUR 6 808',
    );
    expect(codes(`${FOUNDING}periods: [ { period: 1, budget: 13 000 }, { period: 2 } ]`)).toEqual([
      'periods-over-budget',
    ]);
    // a last period written as the remainder passes
    expect(codes(`${FOUNDING}periods: [ { period: 1, budget: 5 950 }, { period: 2, budget: 6 808 } ]`)).toEqual([]);
  });

  it('a period’s categories that disagree with its budget, and shares that follow from no rate, are said', () => {
    const costs = `costs: { staff: 6 000, travel: 2 000 }\nfunding: { erdf: 85%, state: rest }\n`;
    expect(
      codes(`${costs}periods: [ { period: 1, budget: 3 000, costs: { staff: 2 000, travel: 500 } }, { period: 2 } ]`),
    ).toEqual(['periods-budget-mismatch']);
    expect(
      codes(`budget: 100\nfunding: { erdf: 85%, state: 20% }\nperiods: [ { period: 1, budget: 50 }, { period: 2 } ]`),
    ).toContain('periods-unchecked');
  });

  it('a period planned by category on a partner without costs is an error, not a silent pass (new-user trial)', () => {
    const yaml = `budget: 10 000\nfunding: { erdf: 80%, national: rest }\nperiods:\n  - period: 1\n    costs: { staff: 3 000 }\n  - period: 2\n`;
    const found = check(yaml).findings;
    expect(found.map((f) => [f.code, f.severity, f.line, f.column])).toEqual([
      ['periods-budget-mismatch', 'error', 5, 14],
    ]);
    expect(found[0]!.message).toBe(
      "period 1 plans EUR 3 000.00 by cost category (staff), but the partner's budget has no costs: " +
        'no category is in the budget',
    );
    expect(found[0]!.hint).toBe("give the partner's costs: by category, or plan period 1 by budget: 3000");
    // the last period written by category too
    const last = `budget: 10 000\nfunding: { erdf: 80%, national: rest }\nperiods:\n  - { period: 1, budget: 3 000 }\n  - { period: 2, costs: { staff: 7 000 } }\n`;
    expect(codes(last)).toEqual(['periods-budget-mismatch']);
  });

  it('a period naming a category the budget does not have: an error at the period; every period lists the same categories', () => {
    const yaml = `costs: { staff: 6 000, travel: 4 000 }\nfunding: { erdf: 80%, national: rest }\nperiods:\n  - period: 1\n    costs: { staff: 3 000, equipment: 500 }\n  - period: 2\n`;
    const result = check(yaml);
    expect(result.findings.map((f) => [f.code, f.line])).toEqual([['periods-budget-mismatch', 5]]);
    expect(result.findings[0]!.message).toBe('period 1 plans EUR 500.00 of equipment, which the budget does not have');
    const [p1, p2] = result.partners[0]!.periods!;
    // the last period takes the remainder of each category, the budget's none of equipment: 0 − 500
    expect(p1!.categories!.map((c) => [c.category, c.amount.toFixed(2)])).toEqual([
      ['staff', '3000.00'],
      ['travel', '0.00'],
      ['equipment', '500.00'],
    ]);
    expect(p2!.categories!.map((c) => [c.category, c.amount.toFixed(2)])).toEqual([
      ['staff', '3000.00'],
      ['travel', '4000.00'],
      ['equipment', '-500.00'],
    ]);
    expect(p2!.budget.toFixed(2)).toBe('6500.00');
    // in the last period too
    const last = `costs: { staff: 6 000, travel: 4 000 }\nfunding: { erdf: 80%, national: rest }\nperiods:\n  - { period: 1, costs: { staff: 3 000 } }\n  - { period: 2, costs: { staff: 3 000, travel: 3 000, equipment: 1 000 } }\n`;
    expect(codes(last)).toEqual(['periods-budget-mismatch']);
  });

  it('a source given as an amount is shared per period in proportion to the period budgets, the last the remainder', () => {
    // erdf 10 844 of 12 758: period 1 gets 5 950 × 10 844 ÷ 12 758 = 5 057.36…; municipal 595, state the rest 297.64…;
    // largest remainder at whole euros gives the unit to state (.64); period 2 is each share less period 1
    const fixed = `
budget: 12 758
funding:
  erdf:      { amount: 10 844 }
  municipal: { rate: 10%, amount: 1 276 }
  state:     rest
periods: [ { period: 1, budget: 5 950, declared: { erdf: 5 057 } }, { period: 2, declared: { erdf: 5 787 } } ]
`;
    expect(figures(fixed)).toEqual([
      [1, '5950', '5057', '595', '298'],
      [2, '6808', '5787', '681', '340'],
    ]);
    expect(codes(fixed)).toEqual([]);
    // the amount split at its own rate (85%) would be 5 058 in period 1: a plan that says so fails there
    expect(check(fixed.replace('erdf: 5 057 }', 'erdf: 5 058 }')).findings.map((f) => f.code)).toEqual([
      'period-share-mismatch',
    ]);
    // without a rest: 80% and an amount of 2 000 over three periods at the cent (fund-down, Jems's rule)
    const cents = `
budget: 10 000
funding: { erdf: 80%, national: { amount: 2 000 } }
rounding: { method: fund-down, unit: 0.01 }
periods: [ { period: 1, budget: 3 333.33 }, { period: 2, budget: 3 333.33 }, { period: 3 } ]
`;
    expect(figures(cents)).toEqual([
      [1, '3333.33', '2666.66', '666.67'],
      [2, '3333.33', '2666.66', '666.67'],
      [3, '3333.34', '2666.68', '666.66'],
    ]);
    expect(codes(cents)).toEqual([]);
  });

  it.each([
    ['25', ['13888.89', '13892.04', '174.99', '0.62', '138.90', '1388.89'], '29484.33'],
    ['33', ['18333.33', '18337.49', '230.99', '0.81', '183.37', '1833.33'], '38919.32'],
  ])(
    "Jems's vectors C7/C8 (GetPartnerFundsPerPeriodInteractorTest, including lump sums): preparation and closure on their own, the last reporting period the remainder (%s%%)",
    (rate, erdf, total) => {
      // docs/jems-rules.md 1.3: last = fund total − the other regular periods − preparation − closure
      const yaml = `
budget: 117 937.34
funding: { erdf: ${rate}%, municipal: rest }
rounding: { method: fund-down, unit: 0.01 }
periods:
  - { period: preparation, budget: 55 555.56 }
  - { period: 1, budget: 55 568.16 }
  - { period: 2, budget: 699.99 }
  - { period: 3, budget: 2.48 }
  - { period: 4, budget: 0 }
  - { period: 5, budget: 0 }
  - { period: 6, budget: 0 }
  - { period: 7, budget: 0 }
  - { period: 8, budget: 0 }
  - { period: 9 }
  - { period: closure, budget: 5 555.56 }
`;
      const periods = plan(yaml);
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
      const fund = periods.map((p) => p.shares[0]!.computed.toFixed(2));
      expect([fund[0], fund[1], fund[2], fund[3], fund[9], fund[10]]).toEqual(erdf);
      expect(check(yaml).partners[0]!.shares[0]!.computed.toFixed(2)).toBe(total);
      expect(periods[9]!.budget.toFixed(2)).toBe('555.59');
      expect(codes(yaml)).toEqual([]);
    },
  );

  it('preparation and closure: first and last, lump sums only, never the remainder; errors located', () => {
    const error = (periods: string) => {
      try {
        check(`${FOUNDING}periods: ${periods}`);
      } catch (e) {
        return (e as Error).message;
      }
      return 'no error';
    };
    expect(error('[ { period: 1, budget: 1 }, { period: preparation, budget: 1 }, { period: 2 } ]')).toBe(
      'the preparation period must be the first of the periods',
    );
    expect(error('[ { period: closure, budget: 1 }, { period: 1, budget: 1 }, { period: 2 } ]')).toBe(
      'the closure period must be the last of the periods',
    );
    expect(error('[ { period: 1, budget: 1 }, { period: 2 }, { period: closure, costs: { staff: 1 } } ]')).toBe(
      'the closure period holds only lump sums (as in Jems), not staff',
    );
    expect(error('[ { period: preparation, budget: 1 }, { period: closure, budget: 1 } ]')).toBe(
      'periods needs a reporting period besides the preparation and closure periods',
    );
    expect(error('[ { period: 1, budget: 1 }, { period: 2 }, { period: closure } ]')).toBe(
      'the closure period has neither "budget" nor "costs"',
    );
    expect(error('[ { period: 1, budget: 1 }, { period: 300 }, { period: closure, budget: 1 } ]')).toBe(
      'the closure period comes after period 300',
    );
    expect(error('[ { period: prep, budget: 1 }, { period: 2 } ]')).toBe(
      'period "prep" is not a whole number from 1 to 999, preparation or closure',
    );
    // the README's bound: 1 to 999, said in the message and the hint
    expect(error('[ { period: 1000, budget: 1 }, { period: 1001 } ]')).toBe(
      'period "1000" is not a whole number from 1 to 999, preparation or closure',
    );
    expect(error('[ { period: 0, budget: 1 }, { period: 1 } ]')).toBe(
      'period "0" is not a whole number from 1 to 999, preparation or closure',
    );
    // one reporting period between them is enough: it takes the remainder
    expect(
      plan(
        `${FOUNDING}periods: [ { period: preparation, budget: 1 000 }, { period: 1 }, { period: closure, budget: 500 } ]`,
      ).map((p) => p.budget.toFixed()),
    ).toEqual(['1000', '11258', '500']);
  });

  it('invalid periods are one located error each', () => {
    const error = (periods: string) => {
      try {
        check(`${FOUNDING}periods: ${periods}`);
      } catch (e) {
        return (e as Error).message;
      }
      return 'no error';
    };
    expect(error('[ { period: 1 }, { period: 2 } ]')).toBe('period 1 has neither "budget" nor "costs"');
    expect(error('[ { period: 2, budget: 1 }, { period: 1 } ]')).toBe('period 1 comes after period 2');
    expect(error('[ { period: 1, budget: 1, declared: { erfd: 1 } }, { period: 2 } ]')).toBe(
      'unknown key "erfd" in period 1 declared',
    );
    expect(error('[ { period: 1, budget: ~1 000 }, { period: 2 } ]')).toBe('period 1 budget: ~1 000 is approximate');
    expect(error('[ { period: 1, budget: 1 } ]')).toBe('periods needs at least two periods');
  });
});

// ---------------------------------------------------------------------------------------------
// The independent model: cents as BigInt, shares as exact rationals.

const floorDiv = (a: bigint, b: bigint) => (a >= 0n ? a / b : -((-a + b - 1n) / b));
const fmt = (cents: bigint) => {
  const sign = cents < 0n ? '-' : '';
  const a = cents < 0n ? -cents : cents;
  return `${sign}${a / 100n}.${String(a % 100n).padStart(2, '0')}`;
};

interface Case {
  /** Whole percent rates of the funds (EU funds, fund-down rounds them down); the state source takes the rest. */
  funds: number[];
  /** Cents of each period before the last. */
  periods: bigint[];
  /** Cents the last period is short of (a budget bigger than the periods before it). */
  last: bigint;
}

const caseArb = fc
  .record({
    funds: fc.array(fc.integer({ min: 1, max: 45 }), { minLength: 1, maxLength: 2 }),
    periods: fc.array(fc.bigInt({ min: 0n, max: 900_000n }), { minLength: 1, maxLength: 4 }),
    last: fc.bigInt({ min: 0n, max: 900_000n }),
  })
  .filter((c) => c.funds.reduce((a, b) => a + b, 0) <= 90);

const FUND_IDS = ['erdf', 'esf'];

function budgetText(c: Case): string {
  const budget = c.periods.reduce((a, b) => a + b, 0n) + c.last;
  const funding = c.funds.map((r, i) => `${FUND_IDS[i]}: ${r}%`).join(', ');
  const periods = c.periods.map((p, i) => `  - { period: ${i + 1}, budget: "${fmt(p)}" }`).join('\n');
  return `budget: "${fmt(budget)}"\nfunding: { ${funding}, state: rest }\nrounding: { method: fund-down, unit: 0.01 }\nperiods:\n${periods}\n  - { period: ${c.periods.length + 1} }\n`;
}

/** Jems's rule from docs/jems-rules.md 1.3, in cents: each fund floor(period × rate / 100), the rest the remainder. */
function model(c: Case): { budget: bigint; shares: bigint[] }[] {
  const budget = c.periods.reduce((a, b) => a + b, 0n) + c.last;
  const split = (total: bigint) => {
    const funds = c.funds.map((r) => floorDiv(total * BigInt(r), 100n));
    return [...funds, total - funds.reduce((a, b) => a + b, 0n)];
  };
  const whole = split(budget);
  const before = c.periods.map((p) => ({ budget: p, shares: split(p) }));
  const last = {
    budget: budget - c.periods.reduce((a, b) => a + b, 0n),
    shares: whole.map((s, i) => s - before.reduce((a, p) => a + p.shares[i]!, 0n)),
  };
  return [...before, last];
}

describe('property: a partner’s periods add up exactly to its figures (fund-down at the cent, Jems)', () => {
  it('matches the independent model, period by period, and reaches every path', () => {
    const reached = { remainderDiffers: 0, twoFunds: 0, manyPeriods: 0, zeroPeriod: 0, negativeRepaired: 0 };
    fc.assert(
      fc.property(caseArb, (c) => {
        const yaml = budgetText(c);
        const result = check(yaml);
        const periods = result.partners[0]!.periods!;
        const expected = model(c);
        // the plain rule's last period can go below zero: then a unit moves (trial 8 F1), never a negative share
        if (expected.every((p) => p.shares.every((v) => v >= 0n)))
          expect(
            periods.map((p) => [
              fmt(BigInt(p.budget.times(100).toFixed(0))),
              ...p.shares.map((s) => s.computed.toFixed(2)),
            ]),
          ).toEqual(expected.map((p) => [fmt(p.budget), ...p.shares.map(fmt)]));
        else reached.negativeRepaired++;
        for (const p of periods) for (const s of p.shares) expect(s.computed.isNegative()).toBe(false);
        // the periods add up to the partner's figures exactly
        const partner = result.partners[0]!;
        expect(
          periods
            .reduce((a, p) => a.plus(p.budget), periods[0]!.budget.minus(periods[0]!.budget))
            .eq(partner.budget.value),
        ).toBe(true);
        partner.shares.forEach((s, i) => {
          const total = periods.reduce((a, p) => a.plus(p.shares[i]!.computed), periods[0]!.budget.times(0));
          expect(total.eq(s.computed)).toBe(true);
        });
        const last = expected.at(-1)!;
        const own = c.funds.map((r) => floorDiv(last.budget * BigInt(r), 100n));
        if (own.some((v, i) => v !== last.shares[i])) reached.remainderDiffers++;
        if (c.funds.length > 1) reached.twoFunds++;
        if (c.periods.length >= 3) reached.manyPeriods++;
        if (c.periods.some((p) => p === 0n)) reached.zeroPeriod++;
      }),
      { seed: 16, numRuns: 300 },
    );
    expect(reached.remainderDiffers).toBeGreaterThanOrEqual(30);
    expect(reached.twoFunds).toBeGreaterThanOrEqual(60);
    expect(reached.manyPeriods).toBeGreaterThanOrEqual(60);
    expect(reached.zeroPeriod).toBeGreaterThanOrEqual(1);
  });
});

describe('property: a partner’s claims add up exactly to what is claimed (cofin claim)', () => {
  const claimArb = fc.record({
    rate: fc.integer({ min: 1, max: 85 }),
    claims: fc.array(
      fc.record({ staff: fc.bigInt({ min: 0n, max: 500_000n }), travel: fc.bigInt({ min: 0n, max: 90_000n }) }),
      {
        minLength: 1,
        maxLength: 4,
      },
    ),
  });
  it('each claim: fund = eligible × rate rounded down (model), contribution the rest; cumulative = the sum of the claims', () => {
    const reached = { roundedDown: 0, flatRateDown: 0, severalClaims: 0 };
    fc.assert(
      fc.property(claimArb, ({ rate, claims }) => {
        const text = `costs: { staff: 10 000, office: 15% of staff, travel: 2 000 }\nfunding: { erdf: ${rate}%, municipal: rest }\nclaims:\n${claims
          .map(
            (x, i) => `  - { period: ${i + 1}, expenditure: { staff: "${fmt(x.staff)}", travel: "${fmt(x.travel)}" } }`,
          )
          .join('\n')}\n`;
        const report = computeClaims(parseClaimFile(text, 'yaml'));
        let cumulative = 0n;
        report.claims.forEach((claim, i) => {
          const x = claims[i]!;
          const office = floorDiv(x.staff * 15n, 100n); // 15% of staff, rounded down to the cent
          const eligible = x.staff + office + x.travel;
          const fund = floorDiv(eligible * BigInt(rate), 100n);
          expect([claim.eligible.toFixed(2), claim.funds[0]!.amount.toFixed(2), claim.contribution.toFixed(2)]).toEqual(
            [fmt(eligible), fmt(fund), fmt(eligible - fund)],
          );
          cumulative += eligible;
          expect(claim.cumulative.total.claimed.toFixed(2)).toBe(fmt(cumulative));
          if ((eligible * BigInt(rate)) % 100n !== 0n) reached.roundedDown++;
          if ((x.staff * 15n) % 100n !== 0n) reached.flatRateDown++;
        });
        if (claims.length > 1) reached.severalClaims++;
      }),
      { seed: 16, numRuns: 150 },
    );
    expect(reached.roundedDown).toBeGreaterThanOrEqual(100);
    expect(reached.flatRateDown).toBeGreaterThanOrEqual(100);
    expect(reached.severalClaims).toBeGreaterThanOrEqual(50);
  });
});

describe("a period off the partner's unit (budget-unit), the preparation period and costs too", () => {
  const at1 = 'budget: 1 000\nfunding: { erdf: { amount: 850 }, national: { amount: 150 } }\nperiods:\n';
  it('names the period, is placed at its budget or its first cost off the unit, and plans no period', () => {
    const prep = check(`${at1}  - { period: preparation, budget: "0,5" }\n  - { period: 1 }\n`);
    expect(prep.findings.map((f) => [f.code, f.line, f.message])).toEqual([
      [
        'budget-unit',
        4,
        "the preparation period's budget 0.5 is not a whole number of units of 1: its shares at that unit " +
          'cannot add up to it',
      ],
    ]);
    expect(prep.partners[0]!.periods).toBeUndefined();
    const costs = check(
      'costs: { staff: 900, travel: 100 }\nfunding: { erdf: { amount: 850 }, national: { amount: 150 } }\n' +
        'periods:\n  - { period: 1, costs: { staff: 400, travel: "0,25" } }\n  - { period: 2 }\n',
    );
    expect(costs.findings.map((f) => [f.code, f.line, f.column, f.hint])).toEqual([
      [
        'budget-unit',
        4,
        47,
        "the unit 1 comes from the declared amounts: write period 1's costs in whole units of 1, or " +
          'rounding: { unit: 0.01 }',
      ],
    ]);
    // whole units: planned, no finding
    expect(codes(`${at1}  - { period: 1, budget: 500 }\n  - { period: 2 }\n`)).toEqual([]);
  });
});
