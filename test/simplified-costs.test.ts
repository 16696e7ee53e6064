import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeClaims } from '../src/core/claims/compute.js';
import { computeCosts, type CostLine } from '../src/core/costs.js';
import { Decimal } from '../src/core/decimal.js';
import { parseClaimFile } from '../src/io/claim-file.js';
import { parseFlatRate } from '../src/core/costs.js';

// Lump sums and unit costs (Jems's LumpSum and UnitCost buckets) are never in a flat rate's base
// (docs/jems-rules.md 2.2, BudgetCalculatorHelper.calculateBudget).
const at = { line: 1, column: 1, pointer: '' };
const CENT = new Decimal('0.01');

describe('Jems E with its lump sums and unit costs (GetReportExpenditureCostCategoryCalculatorServiceTest, newest version)', () => {
  // E1's items: lump sums 24.31, unit costs 143.19 (and SPF 96.00, which cofin has no category for)
  const E = (office: string) =>
    computeClaims(
      parseClaimFile(
        `
costs: { staff: 500, travel: 15% of staff, external: 530, equipment: 540, infrastructure: 550${office}, lump-sums: 100, unit-costs: 200 }
funding: { erdf: 80%, municipal: rest }
claims:
  - period: 1
    expenditure: { staff: 300, external: 330 }
  - period: 2
    expenditure: { staff: 400, external: 230, equipment: 135, infrastructure: 122.50, lump-sums: 24.31, unit-costs: 143.19 }
`,
        'yaml',
      ),
    );

  it("E1: travel 15% of staff is 60.00 whatever the lump sums; the total is Jems's 1 211.00 less SPF 96.00", () => {
    const claim = E('').claims[1]!;
    expect(claim.categories.find((c) => c.category === 'travel')!.amount.toFixed(2)).toBe('60.00');
    expect(claim.eligible.toFixed(2)).toBe('1115.00');
  });

  it('E3: office 10% of direct costs is 94.75 on 947.50: the lump sums and unit costs are not in the base; total 1 305.75 less SPF', () => {
    const claim = E(', office: 10% of direct').claims[1]!;
    const office = claim.categories.find((c) => c.category === 'office')!;
    expect([office.base!.toFixed(2), office.amount.toFixed(2)]).toEqual(['947.50', '94.75']);
    expect(claim.eligible.toFixed(2)).toBe('1209.75');
  });

  it('E4: office 15% of staff is 60.00; total 1 271.00 less SPF', () => {
    expect(E(', office: 15% of staff').claims[1]!.eligible.toFixed(2)).toBe('1175.00');
  });
});

describe('in budgets: a simplified cost is an amount, and no flat rate counts it', () => {
  const line = (category: CostLine['category'], text: string): CostLine => {
    const flat = parseFlatRate(text, at);
    return {
      category,
      flat,
      amount: flat
        ? undefined
        : { value: new Decimal(text), text, scale: 0, precision: undefined, currency: undefined, at },
      at,
    };
  };

  it('staff at 20% of direct costs and office at 7% of direct costs leave the lump sums and unit costs out', () => {
    const costs = computeCosts(
      [
        line('staff', '20% of direct'),
        line('travel', '1000'),
        line('external', '2000'),
        line('office', '7% of direct'),
        line('lump-sums', '5000'),
        line('unit-costs', '3000'),
      ],
      CENT,
    );
    const amount = (c: string) => costs.lines.find((l) => l.category === c)!.amount.toFixed(2);
    // staff 20% of 3 000 = 600.00; office 7% of 3 600 = 252.00; total 3 852 + 8 000
    expect([amount('staff'), amount('office'), costs.total.toFixed(2)]).toEqual(['600.00', '252.00', '11852.00']);
    expect(costs.problems).toEqual([]);
  });

  it('a flat rate of lump sums, or lump sums as a flat rate, is an error flat-rate-base, and counts 0', () => {
    const base = computeCosts(
      [line('staff', '1000'), line('lump-sums', '500'), line('other', '10% of lump-sums')],
      CENT,
    );
    expect(base.problems.map((p) => [p.code, p.message])).toEqual([
      ['flat-rate-base', "other is 10% of lump-sums, but lump sums and unit costs are never in a flat rate's base"],
    ]);
    expect(base.lines.find((l) => l.category === 'other')!.amount.toFixed(2)).toBe('0.00');
    const flat = computeCosts([line('staff', '1000'), line('unit-costs', '15% of staff')], CENT);
    expect(flat.problems.map((p) => p.code)).toEqual(['flat-rate-base']);
    expect(flat.total.toFixed(2)).toBe('1000.00');
  });
});

describe('properties: lump sums and unit costs move the total by themselves only', () => {
  it('every flat rate is the same with any lump sums and unit costs, and the total moves by exactly their sum', () => {
    const cents = fc.integer({ min: 0, max: 100_000_000 }).map((n) => new Decimal(n).div(100).toFixed(2));
    const rate = fc.integer({ min: 1, max: 40 });
    let withOffice = 0;
    fc.assert(
      fc.property(
        cents,
        cents,
        cents,
        fc.option(rate, { nil: undefined }),
        rate,
        cents,
        cents,
        (staff, travel, external, officeRate, travelRate, lump, unit) => {
          const amount = (category: CostLine['category'], text: string): CostLine => ({
            category,
            flat: undefined,
            amount: { value: new Decimal(text), text, scale: 2, precision: undefined, currency: undefined, at },
            at,
          });
          const base: CostLine[] = [
            amount('staff', staff),
            travelRate % 2 === 0
              ? { category: 'travel', flat: parseFlatRate(`${travelRate}% of staff`, at), amount: undefined, at }
              : amount('travel', travel),
            amount('external', external),
          ];
          if (officeRate !== undefined)
            base.push({
              category: 'office',
              flat: parseFlatRate(`${officeRate}% of direct`, at),
              amount: undefined,
              at,
            });
          const without = computeCosts(base, CENT);
          const withSimplified = computeCosts([...base, amount('lump-sums', lump), amount('unit-costs', unit)], CENT);
          for (const l of without.lines)
            expect(withSimplified.lines.find((w) => w.category === l.category)!.amount.eq(l.amount)).toBe(true);
          expect(withSimplified.total.minus(without.total).eq(new Decimal(lump).plus(unit))).toBe(true);
          if (officeRate !== undefined) withOffice++;
        },
      ),
      { seed: 16, numRuns: 500 },
    );
    expect(withOffice).toBeGreaterThan(100);
  });
});
