import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { absorption } from '../src/core/claims/absorption.js';
import { computeClaims } from '../src/core/claims/compute.js';
import { parseClaimFile } from '../src/io/claim-file.js';
import { readFileSync } from 'node:fs';
import { CATEGORIES, referenceAbsorption } from './reference/absorption.js';

const cents = (n: bigint) => `${n / 100n}.${String(n % 100n).padStart(2, '0')}`;
const fromCents = (text: string) => BigInt(text.replace('.', ''));

describe("absorption of the founding partner's claims (fixtures/claims/ventspils-digital-centre.yaml)", () => {
  const report = computeClaims(
    parseClaimFile(readFileSync('fixtures/claims/ventspils-digital-centre.yaml', 'utf8'), 'yaml'),
  );
  const a = absorption(report);
  const row = (id: string) => a.lines.find((l) => l.id === id)!;
  const fixed = (id: string) =>
    [row(id).budget, ...row(id).byPeriod, row(id).claimed, row(id).remaining].map((v) => v.toFixed(2));

  it("sums each period's claim per line: staff 2 500 + 3 400 of 6 000; office 15% of each period's staff, 375 + 510", () => {
    expect(a.periods).toEqual([1, 2]);
    expect(fixed('staff')).toEqual(['6000.00', '2500.00', '3400.00', '5900.00', '100.00']);
    expect(fixed('office')).toEqual(['900.00', '375.00', '510.00', '885.00', '15.00']);
    expect(fixed('travel')).toEqual(['2000.00', '800.00', '1300.00', '2100.00', '-100.00']);
    expect(row('travel').percentage!.toFixed(2)).toBe('105.00');
  });

  it('the total, ERDF (85% of each claim, rounded down) and the contribution: 5 533 + 7 210 = 12 743 of 12 758, 99.88%', () => {
    expect(fixed('total')).toEqual(['12758.00', '5533.00', '7210.00', '12743.00', '15.00']);
    expect(fixed('erdf')).toEqual(['10844.30', '4703.05', '6128.50', '10831.55', '12.75']);
    expect(fixed('contribution')).toEqual(['1913.70', '829.95', '1081.50', '1911.45', '2.25']);
    expect(row('total').percentage!.toFixed(2)).toBe('99.88');
    expect(a.planned!.map((p) => p.toFixed(2))).toEqual(['5950.00', '6808.00']);
  });
});

describe('properties: absorption against an independent reference in BigInt cents (test/reference/absorption.ts)', () => {
  const amount = fc.bigInt({ min: 0n, max: 10_000_000n });
  const amounts = fc.tuple(...CATEGORIES.map(() => amount));
  const input = fc.record({
    budget: amounts,
    office: fc.boolean(),
    rate: fc.bigInt({ min: 0n, max: 8500n }),
    claims: fc.array(fc.record({ period: fc.integer({ min: 1, max: 4 }), amounts }), { minLength: 1, maxLength: 6 }),
  });

  it("each line per period, claimed and % used are the reference's; the periods add up to what each line claimed, and to cofin claim's cumulative figures", () => {
    let twice = 0;
    let over = 0;
    fc.assert(
      fc.property(input, (x) => {
        const line = (values: readonly bigint[]) => CATEGORIES.map((c, i) => `${c}: ${cents(values[i]!)}`).join(', ');
        const rate = `${x.rate / 100n}.${String(x.rate % 100n).padStart(2, '0')}`;
        const text = [
          `costs: { ${line(x.budget)}${x.office ? ', office: 15% of staff' : ''} }`,
          `funding: { erdf: ${rate}%, municipal: rest }`,
          'claims:',
          ...x.claims.map((c) => `  - { period: ${c.period}, expenditure: { ${line(c.amounts)} } }`),
        ].join('\n');
        const report = computeClaims(parseClaimFile(text, 'yaml'));
        const got = absorption(report);
        const want = referenceAbsorption(x);
        expect(got.periods).toEqual(want.periods);
        for (const w of want.lines) {
          const g = got.lines.find((l) => l.id === w.id)!;
          expect([g.budget, ...g.byPeriod, g.claimed].map((v) => fromCents(v.toFixed(2)))).toEqual([
            w.budget,
            ...w.byPeriod,
            w.claimed,
          ]);
          expect(g.percentage === undefined ? undefined : fromCents(g.percentage.toFixed(2))).toBe(w.percentage);
          expect(fromCents(g.remaining.toFixed(2))).toBe(w.budget - w.claimed);
        }
        // the same sums as cofin claim's cumulative table after the last claim
        const last = report.claims.at(-1)!.cumulative;
        for (const c of last.categories) expect(got.lines.find((l) => l.id === c.id)!.claimed.eq(c.claimed)).toBe(true);
        expect(got.lines.find((l) => l.id === 'total')!.claimed.eq(last.total.claimed)).toBe(true);
        expect(got.lines.find((l) => l.id === 'contribution')!.claimed.eq(last.contribution.claimed)).toBe(true);
        if (got.periods.length < x.claims.length) twice++;
        if (got.lines.some((l) => l.remaining.isNegative())) over++;
      }),
      { seed: 20_261_202, numRuns: 300 },
    );
    // the paths that matter are reached: a period claimed twice (summed in its column), a line over its budget
    expect(twice).toBeGreaterThan(30);
    expect(over).toBeGreaterThan(30);
  });
});
