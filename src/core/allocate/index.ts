import { fundDown } from './fund-down.js';
import { halfUp } from './half-up.js';
import { largestRemainder } from './largest-remainder.js';
import type { Allocation, Allocator, RoundingMethod } from './types.js';

export type { Allocation, Allocator, RoundingMethod } from './types.js';
export { apportion } from './apportion.js';

/**
 * Every rounding rule, one module each: a new rule is one file and one line here, and the compiler names every place
 * that must know it.
 */
export const ALLOCATORS: Readonly<Record<RoundingMethod, Allocator>> = {
  'largest-remainder': largestRemainder,
  'half-up': halfUp,
  'fund-down': fundDown,
};

/** The rules in the order `check` tries them when none is binding. */
export const ROUNDING_METHODS = Object.keys(ALLOCATORS) as readonly RoundingMethod[];

export function isRoundingMethod(text: string): text is RoundingMethod {
  return Object.hasOwn(ALLOCATORS, text);
}

/**
 * The shares of a budget by a rule, the one computation `split` and `check`
 * share: the rule rounds every share, a `rest` share among them in its
 * written place, and then the rest takes what the others leave, so that it
 * absorbs any drift.
 */
export function allocateShares(allocation: Allocation, method: RoundingMethod, rest: number): bigint[] {
  const amounts = ALLOCATORS[method](allocation);
  if (rest >= 0) {
    let others = 0n;
    for (let i = 0; i < amounts.length; i++) if (i !== rest) others += amounts[i]!;
    amounts[rest] = allocation.budget - others;
  }
  return amounts;
}
