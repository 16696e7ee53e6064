import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeClaims } from '../src/core/claims/compute.js';
import { parseClaimFile } from '../src/io/claim-file.js';
import { fundPerPeriod } from './reference/periods.js';

const cents = (n: bigint) => `${n / 100n}.${String(n % 100n).padStart(2, '0')}`;
const report = (text: string) => computeClaims(parseClaimFile(text, 'yaml'));
const codes = (text: string) => report(text).findings.map((f) => f.code);

describe('fund amounts a plan declares per period: Jems C1 (GetPartnerFundsPerPeriodInteractorTest @47a309b)', () => {
  // 25% of the periods [206.23, 168.75, 187.52]: [51.55, 42.18, 46.89]; the last computed on its own would be 46.88
  const plan = (declared: [string, string, string]) => `
costs: { staff: 562.50 }
funding: { erdf: 25%, municipal: rest }
periods:
  - { period: 1, staff: 206.23, declared: { erdf: "${declared[0]}" } }
  - { period: 2, staff: 168.75, declared: { erdf: "${declared[1]}" } }
  - { period: 3, declared: { erdf: "${declared[2]}" } }
`;
  it('passes the amounts Jems computes, the last period the remainder 46.89', () => {
    expect(codes(plan(['51.55', '42.18', '46.89']))).toEqual([]);
  });
  it('fails the last period computed on its own (46.88), and a period rounded half-up (206.23 × 25% = 51.5575 is not 51.56)', () => {
    const found = report(plan(['51.56', '42.18', '46.88'])).findings;
    expect(found.map((f) => [f.code, f.line])).toEqual([
      ['period-fund-mismatch', 5],
      ['period-fund-mismatch', 7],
    ]);
    expect(found[1]!.message).toBe(
      'period 3: ERDF declared EUR 46.88, computed EUR 46.89 (the last period: EUR 140.62 less the other periods; difference EUR -0.01)',
    );
  });
  it('a declared amount of a contribution source, or of an unknown fund, is an invalid file', () => {
    expect(() =>
      report(plan(['51.55', '42.18', '46.89']).replace('declared: { erdf: "51.55" }', 'declared: { municipal: "1" }')),
    ).toThrow(/period 1 declared: "municipal" is a partner contribution source, not a fund/);
    expect(() =>
      report(plan(['51.55', '42.18', '46.89']).replace('declared: { erdf: "51.55" }', 'declared: { erfd: "1" }')),
    ).toThrow(/unknown fund "erfd" in period 1 declared/);
  });
});

describe('properties: per-period fund amounts against an exact reference (test/reference/periods.ts)', () => {
  it("the amounts the reference computes pass, they add up to the fund's share of the budget, and one cent off any period fails that period alone", () => {
    const amount = fc.bigInt({ min: 0n, max: 100_000_000n });
    let lastOff = 0;
    fc.assert(
      fc.property(
        fc.array(amount, { minLength: 1, maxLength: 6 }),
        amount,
        fc.bigInt({ min: 0n, max: 8500n }),
        fc.nat(),
        (written, extra, rate, pick) => {
          // the periods before the last as written; the budget at least their sum, so the last is not negative
          const budget = written.slice(0, -1).reduce((s, v) => s + v, 0n) + extra;
          const totals = [...written.slice(0, -1), budget - written.slice(0, -1).reduce((s, v) => s + v, 0n)];
          const want = fundPerPeriod(totals, budget, rate);
          expect(want.reduce((s, v) => s + v, 0n)).toBe((budget * rate) / 10_000n);
          const rateText = `${rate / 100n}.${String(rate % 100n).padStart(2, '0')}`;
          const file = (declared: readonly bigint[]) =>
            [
              `costs: { staff: ${cents(budget)} }`,
              `funding: { erdf: ${rateText}%, municipal: rest }`,
              'periods:',
              ...totals.map(
                (t, i) =>
                  `  - { period: ${i + 1}${i < totals.length - 1 ? `, staff: ${cents(t)}` : ''}, declared: { erdf: "${cents(declared[i]!)}" } }`,
              ),
            ].join('\n');
          expect(codes(file(want))).toEqual([]);
          const off = pick % want.length;
          if (off === want.length - 1) lastOff++;
          const wrong = want.map((v, i) => (i === off ? v + 1n : v));
          const found = report(file(wrong)).findings;
          expect(found.map((f) => [f.code, f.line])).toEqual([['period-fund-mismatch', 4 + off]]);
        },
      ),
      { seed: 1_103, numRuns: 300 },
    );
    expect(lastOff).toBeGreaterThan(50);
  });
});

describe('a claim file plan naming a category the budget does not have', () => {
  it('is category-not-in-budget, and the last period lists it too (0 less the others), so that every period adds up', () => {
    const text = `
costs: { staff: 6 000, equipment: 4 000 }
funding: { erdf: 80%, national: rest }
periods:
  - { period: 1, staff: 3 000, travel: 111, equipment: 500 }
  - { period: 2 }
`;
    const result = report(text);
    expect(result.findings.map((f) => f.code)).toEqual(['category-not-in-budget']);
    const [p1, p2] = result.periods!;
    for (const p of [p1!, p2!])
      expect(p.categories.reduce((s, c) => s.plus(c.amount), p.total.minus(p.total)).eq(p.total)).toBe(true);
    expect(p2!.categories.map((c) => [c.category, c.amount.toFixed(2)])).toEqual([
      ['staff', '3000.00'],
      ['equipment', '3500.00'],
      ['travel', '-111.00'],
    ]);
  });
});
