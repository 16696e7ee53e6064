import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseBudgetFile } from '../src/io/budget-file.js';
import { checkBudgetFile } from '../src/core/check.js';
import { fails, overMaximum, prescribed, shownRate } from './reference/programme-maximum.js';

// Trust first: a fund whose rate is written with decimals (80,01%) beside an amount a little over the maximum
// (EUR 8 000,90 of 10 000,00) is a rate display; the amount's exact share is over Interreg Central Baltic's 80%,
// and the file must fail. A rate ending in a zero (80,00%) is prescribed, never a display: beside EUR 8 000,40 the
// file fails by share-mismatch. Held to test/reference/programme-maximum.ts, with floors on each path.

const MAXIMUM = 80n; // Interreg Central Baltic: one category, every partner

const cents = (value: bigint) => {
  const whole = (value / 100n).toString();
  return `${whole},${(value % 100n).toString().padStart(2, '0')}`;
};
const percent = (hundredths: bigint) => `${hundredths / 100n},${(hundredths % 100n).toString().padStart(2, '0')}%`;

function check(budget: bigint, rate: bigint, amount: bigint) {
  const text =
    `programme: interreg-central-baltic\npartner: X\nbudget: "${cents(budget)}"\nfunding:\n` +
    `  erdf: { rate: "${percent(rate)}", amount: "${cents(amount)}" }\n` +
    // the national share declared too, its rate the rest of 100%: only amounts that add up to the budget bear a
    // display out (README step 9; a rest would absorb any drift)
    `  national: { rate: "${percent(10_000n - rate)}", amount: "${cents(budget - amount)}" }\n`;
  return checkBudgetFile(parseBudgetFile(text, 'yaml'));
}

describe('a rate written with decimals beside an amount over the programme maximum', () => {
  it('the examples: 80,01% of 10 000,00 as 8 000,90 fails by the maximum; 80,00% as 8 000,40 by the rate', () => {
    const codes = (budget: bigint, rate: bigint, amount: bigint) => {
      const c = check(budget, rate, amount);
      return [c.verdict, ...c.findings.map((f) => f.code)];
    };
    expect(codes(1_000_000n, 8001n, 800_090n)).toEqual([
      'fail',
      'rate-display',
      'rate-display',
      'programme-rate-above-maximum',
    ]);
    expect(codes(1_000_000n, 8000n, 800_040n)).toEqual(['fail', 'share-mismatch', 'share-mismatch']);
    expect(codes(1_000_000n, 8000n, 800_000n)).toEqual(['pass']);
    expect(codes(1_000_000n, 8501n, 850_090n)).toEqual([
      'fail',
      'rate-display',
      'rate-display',
      'eu-rate-high',
      'programme-rate-above-maximum',
    ]);
  });

  it('property: the file fails exactly when the reference says it fails: over the maximum, or a prescribed rate mismatched (never a wrong PASS)', () => {
    const reached = { displayOver: 0, prescribedRefused: 0, displayWithin: 0, ruleOver: 0, ruleWithin: 0 };
    fc.assert(
      fc.property(
        fc.bigInt({ min: 10_000n, max: 10_000_000_000n }), // EUR 100,00 to 100 000 000,00
        // 79,50% to 80,50%, and often the maximum itself: 80,00% beside an amount a cent or so over it
        fc.oneof(fc.constant(8_000n), fc.bigInt({ min: 7_950n, max: 8_050n })),
        fc.integer({ min: -60, max: 60 }), // cents off the rate's share, within its display or not
        (budget, written, offset) => {
          const exact = (budget * written) / 10_000n;
          const amount = exact + BigInt(offset);
          // a rate display: the document prints the amount's rate, rounded, as the written rate
          const rate = offset === 0 ? written : shownRate(budget, amount);
          if (rate < 7_900n || rate > 8_100n) return;
          // the national amount's rate is shown as the rest of 100% but at an exact half (x,xx5%), which rounds up both
          if ((amount * 20_000n) % (2n * budget) === budget) return;
          const over = overMaximum(budget, rate, amount, MAXIMUM);
          const result = check(budget, rate, amount);
          const codes = result.findings.map((f) => f.code);
          const byDisplay = codes.includes('rate-display');
          // a wrong PASS is the worst defect: over the maximum, the file fails, whatever else it says; and a rate
          // ending in a zero is prescribed: beside an amount no rule gives from it, the file fails too
          expect(result.verdict, `${budget} ${rate} ${amount} ${codes.join(',')}`).toBe(
            fails(budget, rate, amount, MAXIMUM) ? 'fail' : 'pass',
          );
          if (prescribed(rate)) expect(byDisplay).toBe(false);
          // it fails for the maximum, and the maximum is never said of a fund within it
          if (!codes.includes('share-mismatch'))
            expect(codes.includes('programme-rate-above-maximum'), `${budget} ${rate} ${amount}`).toBe(over);
          if (byDisplay) reached[over ? 'displayOver' : 'displayWithin']++;
          // the case a display would have hidden: 80,00% written, the amount over 80%, refused as a mismatch
          if (prescribed(rate) && over && rate <= MAXIMUM * 100n && codes.includes('share-mismatch'))
            reached.prescribedRefused++;
          else if (!codes.includes('share-mismatch')) reached[over ? 'ruleOver' : 'ruleWithin']++;
        },
      ),
      { numRuns: 700, seed: 20261203 },
    );
    expect(reached.displayOver).toBeGreaterThanOrEqual(100);
    expect(reached.prescribedRefused).toBeGreaterThanOrEqual(50);
    expect(reached.displayWithin).toBeGreaterThanOrEqual(100);
    expect(reached.ruleOver).toBeGreaterThanOrEqual(20);
    expect(reached.ruleWithin).toBeGreaterThanOrEqual(20);
  });
});
