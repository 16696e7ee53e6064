import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { handOut } from '../src/core/allocate/apportion.js';

/** The rule as words say it: the shares in order of remainder, largest first, ties to the earlier; the first ones get a unit. */
function reference(amounts: bigint[], remainders: bigint[], leftover: number, unit: bigint): bigint[] {
  const candidates = remainders.map((r, i) => ({ r, i })).filter((c) => c.r >= 0n);
  candidates.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  const out = [...amounts];
  for (const c of candidates.slice(0, leftover)) out[c.i] = (out[c.i] ?? 0n) + unit;
  return out;
}

describe('handOut: one or two units picked without a sort, as the sort picks them', () => {
  it('gives the same shares as the ordered rule, ties and shares that take none included', () => {
    let few = 0;
    let ties = 0;
    fc.assert(
      fc.property(
        // small remainders: ties are common; -1 marks a share that takes none
        fc.array(fc.bigInt({ min: -1n, max: 4n }), { minLength: 1, maxLength: 7 }),
        fc.integer({ min: 1, max: 4 }),
        fc.constantFrom(1n, 10n, 100n),
        (remainders, wanted, unit) => {
          const candidates = remainders.filter((r) => r >= 0n).length;
          const leftover = Math.min(wanted, candidates);
          if (leftover === 0) return;
          if (leftover <= 2) few++;
          if (new Set(remainders.filter((r) => r >= 0n)).size < candidates) ties++;
          const amounts = remainders.map((_, i) => BigInt(i) * 1000n);
          const expected = reference(amounts, remainders, leftover, unit);
          handOut(amounts, remainders, BigInt(leftover), unit);
          expect(amounts).toEqual(expected);
        },
      ),
      { seed: 20261207, numRuns: 3000 },
    );
    expect(few).toBeGreaterThan(1500);
    expect(ties).toBeGreaterThan(1000);
  });

  it('refuses more units than shares that can take one', () => {
    expect(() => handOut([0n, 0n], [-1n, 3n], 2n, 1n)).toThrow('internal: 2 leftover units for 1 shares');
    expect(() => handOut([0n, 0n, 0n], [-1n, -1n, -1n], 1n, 1n)).toThrow('internal: 1 leftover units for 0 shares');
  });
});
