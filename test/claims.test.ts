import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeClaims } from '../src/core/claims/compute.js';
import { coFinance, contributionParts, percentOf } from '../src/core/claims/jems.js';
import type { ClaimsReport } from '../src/core/claims/types.js';
import { Decimal, sum } from '../src/core/decimal.js';
import { parseClaimFile } from '../src/io/claim-file.js';
import { isClaimText } from '../src/io/claim-input.js';
import { d, errorOf } from './helpers.js';

const claims = (text: string): ClaimsReport => computeClaims(parseClaimFile(text, 'yaml'));
const fixed = (values: readonly Decimal[]) => values.map((v) => v.toFixed(2));
const codes = (report: ClaimsReport) => report.findings.map((f) => `${f.severity}:${f.code}`);
const category = (report: ClaimsReport, period: number, name: string) =>
  report
    .periods!.find((p) => p.period === period)!
    .categories.find((c) => c.category === name)!
    .amount.toFixed(2);

// Jems's own test vectors (docs/jems-rules.md, section 6), the newest version of each test file the index holds.
describe('Jems B: budget per period, the last period the remainder (PartnerBudgetPerPeriodCalculatorTest @1aeebca)', () => {
  // B1-B3: staff 10% on direct, travel 10% on staff, office 15% on staff; three periods
  const B = claims(`
costs: { staff: 10% of direct, travel: 10% of staff, office: 15% of staff, external: 300, equipment: 200 }
funding: { erdf: 25%, interreg: 33%, municipal: rest }
periods:
  - { period: 1, external: 133.33, equipment: 50 }
  - { period: 2, external: 100, equipment: 50 }
  - { period: 3, external: 66.67, equipment: 100 }
`);

  it('B3: the partner total by the flat-rate calculator', () => {
    expect(B.budget.categories.map((c) => `${c.category} ${c.amount.toFixed(2)}`)).toEqual([
      'staff 50.00',
      'travel 5.00',
      'office 7.50',
      'external 300.00',
      'equipment 200.00',
    ]);
    expect(B.budget.total.toFixed(2)).toBe('562.50');
  });

  it('B1, B2: every period but the last computed on its own base, flat rates rounded down per period', () => {
    expect(['staff', 'travel', 'office'].map((c) => category(B, 1, c))).toEqual(['18.33', '1.83', '2.74']);
    expect(B.periods![0]!.total.toFixed(2)).toBe('206.23');
    expect(['staff', 'travel', 'office'].map((c) => category(B, 2, c))).toEqual(['15.00', '1.50', '2.25']);
    expect(B.periods![1]!.total.toFixed(2)).toBe('168.75');
  });

  it('B3: the last period is the remainder, not what it writes (computed directly, staff would be 16.66 and the total 187.48)', () => {
    const last = B.periods![2]!;
    expect(last.remainder).toBe(true);
    expect(last.total.toFixed(2)).toBe('187.52');
    expect(['staff', 'travel', 'office', 'external', 'equipment'].map((c) => category(B, 3, c))).toEqual([
      '16.67',
      '1.67',
      '2.51',
      '66.67',
      '100.00',
    ]);
    expect(codes(B)).toEqual(['note:period-remainder']);
  });

  it("B4: the periods' shares of the budget, half-up to 2 decimals, the last one 100 − the others", () => {
    expect(B.periods!.map((p) => p.percentage!.toFixed(2))).toEqual(['36.66', '30.00', '33.34']);
    // thirds: the last period gets 33.34, where its own share would be 33.33
    const thirds = claims(
      'costs: { staff: 300 }\nfunding: { erdf: 80%, municipal: rest }\nperiods:\n  - { period: 1, staff: 100 }\n  - { period: 2, staff: 100 }\n  - { period: 3 }\n',
    );
    expect(thirds.periods!.map((p) => p.percentage!.toFixed(2))).toEqual(['33.33', '33.33', '33.34']);
  });

  it('B7: flat rates on a period holding every cost; the last period then takes 0.00', () => {
    const B7 = claims(`
costs: { staff: 10% of direct, travel: 15% of staff, external: 10, infrastructure: 2 }
funding: { erdf: 80%, municipal: rest }
periods:
  - { period: 1, external: 10, infrastructure: 2 }
  - { period: 2 }
`);
    expect([category(B7, 1, 'staff'), category(B7, 1, 'travel'), B7.periods![0]!.total.toFixed(2)]).toEqual([
      '1.20',
      '0.18',
      '13.38',
    ]);
    expect(B7.periods![1]!.total.toFixed(2)).toBe('0.00');
    expect(B7.periods![1]!.categories.every((c) => c.amount.isZero())).toBe(true);
  });
});

describe('Jems C: fund per period, rounded down, the last period the remainder (GetPartnerFundsPerPeriodInteractorTest @47a309b)', () => {
  const B = claims(`
costs: { staff: 10% of direct, travel: 10% of staff, office: 15% of staff, external: 300, equipment: 200 }
funding: { erdf: 25%, interreg: 33%, municipal: rest }
periods:
  - { period: 1, external: 133.33, equipment: 50 }
  - { period: 2, external: 100, equipment: 50 }
  - { period: 3 }
`);
  const fund = (report: ClaimsReport, k: number) => fixed(report.periods!.map((p) => p.funds[k]!.amount));

  it('C1: 25% of [206.23, 168.75, 187.52] is [51.55, 42.18, 46.89], total 140.62 (187.52 × 25% alone would be 46.88)', () => {
    expect(fund(B, 0)).toEqual(['51.55', '42.18', '46.89']);
    expect(B.budget.funds[0]!.amount.toFixed(2)).toBe('140.62');
  });

  it('C2: 33% of the same periods', () => {
    expect(fund(B, 1)).toEqual(['68.05', '55.68', '61.89']);
    expect(B.budget.funds[1]!.amount.toFixed(2)).toBe('185.62');
  });

  // C4-C6: nine periods [55 568.16, 699.99, 2.48, 0, 0, 0, 0, 0, 555.59]
  const nine = (funding: string) =>
    claims(`
costs: { external: 56 826.22 }
funding: ${funding}
periods:
  - { period: 1, external: 55 568.16 }
  - { period: 2, external: 699.99 }
  - { period: 3, external: 2.48 }
  - { period: 4 }
  - { period: 5 }
  - { period: 6 }
  - { period: 7 }
  - { period: 8 }
  - { period: 9 }
`);

  it('C4, C5: 25% and 33% over nine periods', () => {
    const report = nine('{ erdf: 25%, interreg: 33%, municipal: rest }');
    expect(report.periods!.at(-1)!.total.toFixed(2)).toBe('555.59');
    expect(fund(report, 0)).toEqual(['13892.04', '174.99', '0.62', '0.00', '0.00', '0.00', '0.00', '0.00', '138.90']);
    expect(report.budget.funds[0]!.amount.toFixed(2)).toBe('14206.55');
    expect(fund(report, 1)).toEqual(['18337.49', '230.99', '0.81', '0.00', '0.00', '0.00', '0.00', '0.00', '183.36']);
    expect(report.budget.funds[1]!.amount.toFixed(2)).toBe('18752.65');
  });

  it('C6: 80% over nine periods', () => {
    const report = nine('{ erdf: 80%, municipal: rest }');
    expect(fund(report, 0)).toEqual(['44454.52', '559.99', '1.98', '0.00', '0.00', '0.00', '0.00', '0.00', '444.48']);
    expect(report.budget.funds[0]!.amount.toFixed(2)).toBe('45460.97');
  });
});

describe("Jems E: a report's cost categories, flat rates on the actual expenditure (GetReportExpenditureCostCategoryCalculatorServiceTest, newest version, file id 37891377220)", () => {
  // The EUR values of E1's items (staff 400 at its frozen rate 1; external 460, equipment 270, infrastructure 245 at 2).
  // Lump sums (24.31), unit costs (143.19) and SPF (96.00) are not cost categories of cofin: Jems's totals less 263.50.
  const E = (office: string) =>
    claims(`
costs: { staff: 500, travel: 15% of staff, external: 530, equipment: 540, infrastructure: 550${office} }
funding: { erdf: 80%, municipal: rest }
claims:
  - period: 1
    expenditure: { staff: 300, external: 330 }
  - period: 2
    expenditure: { staff: 400, external: 230, equipment: 135, infrastructure: 122.50 }
`);
  const amounts = (report: ClaimsReport) =>
    report.claims[1]!.categories.map((c) => `${c.category} ${c.amount.toFixed(2)}`);

  it('E1: no office: travel 15% of staff is 60.00; total 1 211.00 less the lump sums, unit costs and SPF', () => {
    const report = E('');
    expect(amounts(report)).toEqual([
      'staff 400.00',
      'travel 60.00',
      'external 230.00',
      'equipment 135.00',
      'infrastructure 122.50',
    ]);
    expect(report.claims[1]!.eligible.toFixed(2)).toBe(d('1211').minus('263.50').toFixed(2));
  });

  it('E3: office 10% on direct costs is 94.75 (base 947.50; lump sums, unit costs and SPF excluded)', () => {
    const report = E(', office: 10% of direct');
    const office = report.claims[1]!.categories.find((c) => c.category === 'office')!;
    expect([office.base!.toFixed(2), office.amount.toFixed(2)]).toEqual(['947.50', '94.75']);
    expect(report.claims[1]!.eligible.toFixed(2)).toBe(d('1305.75').minus('263.50').toFixed(2));
  });

  it('E4: office 15% on staff is 60.00', () => {
    const report = E(', office: 15% of staff');
    expect(report.claims[1]!.categories.find((c) => c.category === 'office')!.amount.toFixed(2)).toBe('60.00');
    expect(report.claims[1]!.eligible.toFixed(2)).toBe(d('1271').minus('263.50').toFixed(2));
  });

  it('E2: the cumulative lines: staff 700.00, 140.00%, remaining -200.00; external 560.00, 105.66%, -30.00', () => {
    const lines = E('').claims[1]!.cumulative.categories;
    const show = (id: string) => {
      const l = lines.find((x) => x.id === id)!;
      return [l.claimed.toFixed(2), l.percentage!.toFixed(2), l.remaining.toFixed(2)];
    };
    expect(show('staff')).toEqual(['700.00', '140.00', '-200.00']);
    expect(show('external')).toEqual(['560.00', '105.66', '-30.00']);
    // the lines whose earlier reports are mocked in Jems's test (travel 320, the total 3 450), by the same rule
    expect(percentOf(d('380'), d('520'))!.toFixed(2)).toBe('73.08');
    expect(percentOf(d('4661'), d('5450'))!.toFixed(2)).toBe('85.52');
    expect(percentOf(d('404.75'), d('510'))!.toFixed(2)).toBe('79.36'); // E3 office
    expect(percentOf(d('370'), d('510'))!.toFixed(2)).toBe('72.55'); // E4 office
  });
});

describe("Jems G: a report's co-financing (GetReportExpenditureCoFinancingBreakdownCalculatorTest @19173f8)", () => {
  it('G1: funds 15% and 25% of 1 000 rounded down, the partner contribution the remainder', () => {
    const report = claims(`
costs: { external: 1 000 }
funding: { erdf: 15%, interreg: 25%, municipal: rest }
claims:
  - { period: 1, expenditure: { external: 1 000 } }
`);
    const claim = report.claims[0]!;
    expect(fixed(claim.funds.map((f) => f.amount))).toEqual(['150.00', '250.00']);
    expect(claim.contribution.toFixed(2)).toBe('600.00');
  });

  it('G1: the "of which" split: each status as % of the AF total less SPF (679), rounded down; nobody takes the remainder', () => {
    const parts = contributionParts(d('1000'), [d('20'), d('30'), d('40')], d('679'), d('0.01'));
    expect(fixed(parts.map((p) => p.amount))).toEqual(['29.45', '44.18', '58.91']);
  });

  it('G2: the overview lines: fund 195.00 of 150, 130.00%, remaining -45.00; total 1 006.00, 100.60%', () => {
    expect(percentOf(d('195'), d('150'))!.toFixed(2)).toBe('130.00');
    expect(percentOf(d('1006'), d('1000'))!.toFixed(2)).toBe('100.60');
  });

  it('G3, G4: claims of 10^15 euros, exact to the cent', () => {
    const unit = d('0.01');
    const g3 = coFinance(d('1000000000000000.01'), [{ rate: d('66') }], unit);
    expect([g3.funds[0]!.toFixed(2), g3.contribution.toFixed(2)]).toEqual(['660000000000000.00', '340000000000000.01']);
    const parts3 = contributionParts(
      d('1000000000000000.01'),
      [d('2200000000'), d('180000000'), d('0')],
      d('7000000000'),
      unit,
    );
    expect(fixed(parts3.map((p) => p.amount))).toEqual(['314285714285714.28', '25714285714285.71', '0.00']);
    const g4 = coFinance(d('2000000000000000.02'), [{ rate: d('66') }], unit);
    expect([g4.funds[0]!.toFixed(2), g4.contribution.toFixed(2)]).toEqual([
      '1320000000000000.01',
      '680000000000000.01',
    ]);
    const parts4 = contributionParts(
      d('2000000000000000.02'),
      [d('2200000000'), d('180000000')],
      d('7000000000'),
      unit,
    );
    expect(fixed(parts4.map((p) => p.amount))).toEqual(['628571428571428.57', '51428571428571.42']);
  });

  it('G5: a zero claim: 0.00; so far 45.00 of 150, 30.00%', () => {
    const zero = coFinance(d('0'), [{ rate: d('15') }], d('0.01'));
    expect([zero.funds[0]!.toFixed(2), zero.contribution.toFixed(2)]).toEqual(['0.00', '0.00']);
    expect(percentOf(d('45'), d('150'))!.toFixed(2)).toBe('30.00');
    expect(percentOf(d('0'), d('0'))!.toFixed(2)).toBe('100.00');
    expect(percentOf(d('5'), d('0'))).toBeUndefined();
  });
});

describe('the founding partner: EUR 12 758 claimed over two periods', () => {
  const text = `
currency: EUR
partner: Ventspils Digital Centre
costs: { staff: 6 000, office: 15% of staff, travel: 2 000, external: 3 000, equipment: 858 }
funding: { erdf: 85%, municipal: 10%, state: 5% }
flexibility: 10%
periods:
  - { period: 1, staff: 3 000, office: 15% of staff, travel: 1 000, external: 1 500 }
  - { period: 2 }
claims:
  - period: 1
    expenditure: { staff: 2 500, travel: 800, external: 1 000, equipment: 858 }
    declared: { erdf: "4 703,05" }
  - period: 2
    expenditure: { staff: 3 400, travel: 1 300, external: 2 000 }
`;
  const report = claims(text);

  it('splits the budget: ERDF 10 844.30 rounded down to the cent, the contribution 1 913.70 shared by the rates', () => {
    expect(report.budget.total.toFixed(2)).toBe('12758.00');
    expect(report.budget.funds[0]!.amount.toFixed(2)).toBe('10844.30');
    expect(fixed(report.budget.sources.map((s) => s.amount))).toEqual(['1275.80', '637.90']);
  });

  it('plans period 1 as written and period 2 as the remainder', () => {
    expect(fixed(report.periods!.map((p) => p.total))).toEqual(['5950.00', '6808.00']);
    expect(fixed(report.periods!.map((p) => p.funds[0]!.amount))).toEqual(['5057.50', '5786.80']);
    expect(fixed(report.periods!.map((p) => p.contribution))).toEqual(['892.50', '1021.20']);
  });

  it('computes each claim: office on the actual staff, ERDF rounded down, the contribution and its "of which" parts', () => {
    const [first, second] = report.claims;
    expect(first!.categories.find((c) => c.category === 'office')!.amount.toFixed(2)).toBe('375.00');
    expect([first!.eligible, first!.funds[0]!.amount, first!.contribution].map((v) => v.toFixed(2))).toEqual([
      '5533.00',
      '4703.05',
      '829.95',
    ]);
    expect(fixed(first!.sources.map((s) => s.amount))).toEqual(['553.30', '276.65']);
    expect([second!.eligible, second!.funds[0]!.amount].map((v) => v.toFixed(2))).toEqual(['7210.00', '6128.50']);
  });

  it('adds up the claims: travel 105% of its budget (within 10%), the total 99.88%, 15.00 left', () => {
    const c = report.claims[1]!.cumulative;
    const travel = c.categories.find((l) => l.id === 'travel')!;
    expect([travel.claimed.toFixed(2), travel.percentage!.toFixed(2), travel.remaining.toFixed(2)]).toEqual([
      '2100.00',
      '105.00',
      '-100.00',
    ]);
    expect([c.total.claimed.toFixed(2), c.total.percentage!.toFixed(2), c.total.remaining.toFixed(2)]).toEqual([
      '12743.00',
      '99.88',
      '15.00',
    ]);
    expect(c.plan!.planned.toFixed(2)).toBe('12758.00');
    expect(report.findings).toEqual([]);
    expect(report.verdict).toBe('pass');
  });

  it('finds a travel overrun beyond a 4% flexibility, at the travel line of the claim', () => {
    const strict = claims(text.replace('flexibility: 10%', 'flexibility: 4%'));
    expect(codes(strict)).toEqual(['error:category-over-flexibility']);
    expect(strict.findings[0]).toMatchObject({ line: 15, column: 34 });
  });

  it('finds a fund declared above rate × eligible, and one that differs from the computed amount', () => {
    expect(codes(claims(text.replace('"4 703,05"', '"4 703,06"')))).toEqual(['error:fund-above-rate']);
    expect(codes(claims(text.replace('"4 703,05"', '"4 703,04"')))).toEqual(['error:claimed-fund-mismatch']);
  });
});

describe('the claim file loader', () => {
  const base = 'costs: { staff: 6 000, office: 15% of staff }\nfunding: { erdf: 85%, municipal: rest }\n';

  it('refuses unknown keys with a did-you-mean, approximate and sub-cent amounts, and rates that do not cover', () => {
    expect(errorOf(() => parseClaimFile(`${base}claim:\n  - { period: 1 }\n`, 'yaml'))).toMatchObject({
      code: 'unknown-key',
      hint: 'did you mean "claims"?',
      location: { line: 3, column: 1 },
    });
    expect(
      errorOf(() => parseClaimFile(`${base}claims:\n  - { period: 1, expenditure: { staff: ~2 500 } }\n`, 'yaml')).code,
    ).toBe('bad-amount');
    expect(
      errorOf(() => parseClaimFile(`${base}claims:\n  - { period: 1, expenditure: { staff: 2 500.001 } }\n`, 'yaml'))
        .code,
    ).toBe('bad-amount');
    expect(
      errorOf(() => parseClaimFile('costs: { staff: 1 }\nfunding: { erdf: 85%, municipal: 10% }\nclaims: []\n', 'yaml'))
        .code,
    ).toBe('bad-rate');
    expect(errorOf(() => parseClaimFile(`${base}claims:\n  - { period: 0, expenditure: {} }\n`, 'yaml')).code).toBe(
      'wrong-type',
    );
    expect(errorOf(() => parseClaimFile(`${base}periods:\n  - { period: 2 }\n  - { period: 1 }\n`, 'yaml')).code).toBe(
      'wrong-type',
    );
    expect(
      errorOf(() =>
        parseClaimFile(`${base}claims:\n  - { period: 1, expenditure: {}, declared: { municipal: 1 } }\n`, 'yaml'),
      ).message,
    ).toContain('partner contribution source');
  });

  it('reads JSON numbers from their text, never through a float', () => {
    const file = parseClaimFile(
      '{"costs": {"staff": 12758.10}, "funding": {"erdf": "85%", "municipal": "rest"}, "claims": [{"period": 1, "expenditure": {"staff": 0.10}}]}',
      'json',
    );
    expect(file.costs[0]!.amount!.value.toFixed()).toBe('12758.1');
    expect(file.claims[0]!.expenditure[0]!.amount!.text).toBe('0.10');
  });

  it('finds a period claimed twice and a claim outside the plan', () => {
    const report = claims(
      `${base}periods:\n  - { period: 1 }\n  - { period: 2 }\nclaims:\n  - { period: 1, expenditure: { staff: 1 } }\n  - { period: 1, expenditure: { staff: 1 } }\n  - { period: 3, expenditure: { staff: 1 } }\n`,
    );
    expect(codes(report)).toEqual(['error:period-claimed-twice', 'error:claim-period-unknown']);
  });
});

describe('properties', () => {
  const cents = (n: number) => `${Math.floor(n / 100)}.${String(n % 100).padStart(2, '0')}`;
  const CATS = ['staff', 'travel', 'external', 'equipment'] as const;
  const amounts = fc.tuple(...CATS.map(() => fc.integer({ min: 0, max: 10_000_000 })));
  const rate = fc
    .tuple(fc.integer({ min: 0, max: 85 }), fc.integer({ min: 0, max: 99 }))
    .map(([whole, hundredths]) => (whole === 85 ? '85' : `${whole}.${String(hundredths).padStart(2, '0')}`));
  const input = fc.record({
    budget: amounts,
    office: fc.boolean(),
    erdf: rate,
    interreg: fc.option(rate, { nil: undefined }),
    periods: fc.array(amounts, { minLength: 0, maxLength: 5 }),
    claims: fc.array(amounts, { minLength: 1, maxLength: 4 }),
  });
  const line = (values: readonly number[]) => CATS.map((c, i) => `${c}: ${cents(values[i]!)}`).join(', ');

  it("the periods add up exactly to the partner's figures (per category, in total, per fund); a claim's funds + contribution is its eligible total", () => {
    fc.assert(
      fc.property(input, (x) => {
        const interreg =
          x.interreg !== undefined && Number(x.erdf) + Number(x.interreg) <= 100 ? `, interreg: ${x.interreg}%` : '';
        const text = [
          `costs: { ${line(x.budget)}${x.office ? ', office: 15% of staff' : ''} }`,
          `funding: { erdf: ${x.erdf}%${interreg}, municipal: rest }`,
          'periods:',
          ...x.periods.map((p, i) => `  - { period: ${i + 1}, ${line(p)} }`),
          `  - { period: ${x.periods.length + 1} }`,
          'claims:',
          ...x.claims.map((c, i) => `  - { period: ${i + 1}, expenditure: { ${line(c)} } }`),
        ].join('\n');
        const report = claims(text);
        const periods = report.periods!;
        report.budget.categories.forEach((c, k) =>
          expect(sum(periods.map((p) => p.categories[k]!.amount)).eq(c.amount)).toBe(true),
        );
        expect(sum(periods.map((p) => p.total)).eq(report.budget.total)).toBe(true);
        for (const p of periods) expect(sum(p.categories.map((c) => c.amount)).eq(p.total)).toBe(true);
        report.budget.funds.forEach((f, k) =>
          expect(sum(periods.map((p) => p.funds[k]!.amount)).eq(f.amount)).toBe(true),
        );
        expect(sum(periods.map((p) => p.contribution)).eq(report.budget.contribution)).toBe(true);
        if (!report.budget.total.isZero()) expect(sum(periods.map((p) => p.percentage!)).eq(100)).toBe(true);
        for (const claim of report.claims) {
          expect(
            sum(claim.funds.map((f) => f.amount))
              .plus(claim.contribution)
              .eq(claim.eligible),
          ).toBe(true);
          for (const f of claim.funds) {
            expect(f.amount.lte(f.maximum) && f.maximum.minus(f.amount).lt('0.01')).toBe(true);
          }
          expect(claim.contribution.gte(0)).toBe(true);
          // the one contribution source is at rest: its "of which" part is the contribution (test/tidy9.test.ts
          // holds the parts beside other sources against a reference)
          expect(claim.sources.map((s) => s.amount.toFixed(2))).toEqual([claim.contribution.toFixed(2)]);
        }
        const last = report.claims.at(-1)!.cumulative;
        expect(last.total.claimed.eq(sum(report.claims.map((c) => c.eligible)))).toBe(true);
        expect(last.total.remaining.eq(report.budget.total.minus(last.total.claimed))).toBe(true);
      }),
      { seed: 20_261_202, numRuns: 200 },
    );
  });
});

describe('the loader on mangled files', () => {
  it('reads a claim file or refuses it with one located CofinError, never anything else', async () => {
    const { readFileSync } = await import('node:fs');
    const { CofinError } = await import('../src/core/errors.js');
    const text = readFileSync(new URL('../fixtures/claims/ventspils-digital-centre.yaml', import.meta.url), 'utf8');
    const pieces = [
      '',
      ' ',
      ':',
      '{',
      '}',
      '[',
      ']',
      '-',
      ',',
      '\n',
      '%',
      '~',
      '"',
      '0',
      '9',
      'rest',
      'of',
      '&a',
      '*a',
      'period: 1',
      'staff: 1',
      '\t',
    ];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(text.length), fc.nat(12), fc.constantFrom(...pieces)), { minLength: 1, maxLength: 4 }),
        (edits) => {
          let mangled = text;
          for (const [at, cut, piece] of edits)
            mangled = mangled.slice(0, at) + piece + mangled.slice(Math.min(mangled.length, at + cut));
          try {
            computeClaims(parseClaimFile(mangled, 'yaml'));
          } catch (error) {
            expect(error).toBeInstanceOf(CofinError);
            expect((error as InstanceType<typeof CofinError>).location?.line).toBeGreaterThan(0);
          }
        },
      ),
      { seed: 20_261_202, numRuns: 500 },
    );
  });
});

describe('which files are claim files (mend8)', () => {
  const plan = (period: string, top = '') =>
    `partner: A\ncosts: { staff: 1 000 }\nfunding: { erdf: 85%, national: rest }\n${top}` +
    `periods:\n  - { period: 1, ${period} }\n  - { period: 2 }\n`;
  const claim = (text: string) => isClaimText({ text, format: 'yaml' });

  it('a plan by category is a claim file; by budget or costs, or a slip of either, a budget file', () => {
    expect(claim(plan('staff: 500'))).toBe(true);
    expect(claim(plan('budget: 500'))).toBe(false);
    expect(claim(plan('cots: { staff: 500 }'))).toBe(false);
    expect(claim(plan('budgt: 500'))).toBe(false);
  });

  it('a key of one kind of file alone decides: rounding, project, euro, partners; claims, flexibility, rates', () => {
    expect(claim(plan('spend: 500', 'rounding: { unit: 1 }\n'))).toBe(false);
    expect(claim(plan('spend: 500', 'project: { total: 2 000 }\n'))).toBe(false);
    expect(claim(plan('staff: 500', 'flexibility: 10%\n'))).toBe(true);
    expect(claim(plan('budget: 500', 'claims: []\n'))).toBe(true);
    // a source with an amount is a budget file's
    expect(claim(plan('spend: 500').replace('erdf: 85%', 'erdf: { rate: 85%, amount: 850 }'))).toBe(false);
  });
});
