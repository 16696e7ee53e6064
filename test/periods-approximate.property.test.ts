import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseBudgetFile } from '../src/io/budget-file.js';
import { checkBudgetFile } from '../src/core/check.js';
import { approximatePlan, type ModelSource } from './reference/periods.js';

// The periods of an approximate budget (trial 8, F2) against test/reference/periods.ts: planned on the budget as
// written when the declared amounts are its shares, else on the declared amounts' sum, else not at all; never a
// period figure that contradicts a declared total the check accepted.

const check = (yaml: string) => checkBudgetFile(parseBudgetFile(yaml, 'yaml'));
const toCents = (amount: { toFixed(places: number): string }) => BigInt(amount.toFixed(2).replace('.', ''));

interface Case {
  /** The budget as written, whole thousands: `~23 000`. */
  thousands: number;
  /** ERDF's rate, whole percent; national takes the rest or 100 less it. */
  rate: number;
  rest: boolean;
  /** The budget the declared amounts are shares of, less the one written, in euros (0: the budget as written). */
  shift: number;
  /** What each declared amount differs from its share of that budget, in euros. */
  erdfOff: number;
  nationalOff: number | undefined;
  before: number[];
}

const off = fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: -3, max: 3 }));
const caseArb: fc.Arbitrary<Case> = fc.record({
  thousands: fc.integer({ min: 10, max: 99 }),
  rate: fc.integer({ min: 50, max: 85 }),
  rest: fc.boolean(),
  shift: fc.oneof(fc.constant(0), fc.integer({ min: -700, max: 700 })),
  erdfOff: off,
  nationalOff: fc.option(off, { nil: undefined, freq: 4 }),
  before: fc.array(fc.integer({ min: 0, max: 4_000 }), { minLength: 1, maxLength: 3 }),
});

function text(c: Case): { yaml: string; declared: (bigint | undefined)[]; sources: ModelSource[] } {
  const meant = BigInt(c.thousands) * 1000n + BigInt(c.shift);
  const erdfShare = (meant * BigInt(c.rate)) / 100n;
  const erdf = erdfShare + BigInt(c.erdfOff);
  const national = c.rest || c.nationalOff === undefined ? undefined : meant - erdfShare + BigInt(c.nationalOff);
  const lines = [
    `partner: A`,
    `budget: "~${c.thousands} 000"`,
    'funding:',
    `  erdf: { rate: ${c.rate}%, amount: ${erdf} }`,
    c.rest
      ? '  national: rest'
      : `  national: { rate: ${100 - c.rate}%${national === undefined ? '' : `, amount: ${national}`} }`,
    'rounding: { method: largest-remainder, unit: 1 }',
    'periods:',
    ...c.before.map((p, i) => `  - { period: ${i + 1}, budget: ${p} }`),
    `  - { period: ${c.before.length + 1} }`,
    '',
  ];
  const sources: ModelSource[] = [
    { kind: 'rate', fund: true, hundredths: BigInt(c.rate) * 100n },
    c.rest ? { kind: 'rest', fund: false } : { kind: 'rate', fund: false, hundredths: BigInt(100 - c.rate) * 100n },
  ];
  return {
    yaml: lines.join('\n'),
    declared: [erdf * 100n, national === undefined ? undefined : national * 100n],
    sources,
  };
}

describe('property: the periods of an approximate budget (test/reference/periods.ts approximatePlan)', () => {
  it('planned on the written budget, on the declared sum, or unchecked; every accepted declared total kept', () => {
    const reached = { written: 0, declaredSum: 0, unchecked: 0, refused: 0 };
    fc.assert(
      fc.property(caseArb, (c) => {
        const { yaml, declared, sources } = text(c);
        const result = check(yaml);
        const partner = result.partners[0]!;
        const codes = result.findings.map((f) => f.code);
        const accepted = !codes.some((code) =>
          ['share-mismatch', 'sum-mismatch', 'budget-implied-mismatch', 'rates-sum', 'periods-over-budget'].includes(
            code,
          ),
        );
        const before = c.before.map((p) => BigInt(p) * 100n);
        const model = approximatePlan(
          BigInt(c.thousands) * 100_000n,
          before,
          sources,
          declared,
          100n,
          'largest-remainder',
        );
        if (!accepted) {
          reached.refused++;
          // amounts the check refused state no budget: the periods are planned on the budget as written, or not at all
          if (partner.periods) expect(model?.budget).toBe(BigInt(c.thousands) * 100_000n);
          return;
        }
        if (model === undefined) {
          reached.unchecked++;
          expect(partner.periods).toBeUndefined();
          expect(codes).toContain('periods-unchecked');
          return;
        }
        const periods = partner.periods!;
        expect(periods).toBeDefined();
        const plan = periods.map((p) => p.shares.map((s) => toCents(s.computed)));
        if (model.periods.every((row) => row.every((v) => v >= 0n))) expect(plan).toEqual(model.periods);
        expect(toCents(periods.at(-1)!.budget)).toBe(model.budget - before.reduce((a, b) => a + b, 0n));
        // each declared total is what its periods add up to
        declared.forEach((d, i) => {
          if (d !== undefined) expect(plan.reduce((s, row) => s + row[i]!, 0n)).toBe(d);
        });
        if (model.budget === BigInt(c.thousands) * 100_000n) reached.written++;
        else {
          reached.declaredSum++;
          expect(codes).toContain('periods-budget-implied');
        }
      }),
      { seed: 2_727, numRuns: 600 },
    );
    expect(reached.written).toBeGreaterThanOrEqual(150);
    expect(reached.declaredSum).toBeGreaterThanOrEqual(70);
    expect(reached.unchecked).toBeGreaterThanOrEqual(130);
    expect(reached.refused).toBeGreaterThanOrEqual(90);
  });
});
