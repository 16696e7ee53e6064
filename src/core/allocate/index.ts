import { fundDown, fundDownRest } from './fund-down.js';
import { halfUp } from './half-up.js';
import { largestRemainder } from './largest-remainder.js';
import type { Allocation, Allocator, RestRule, RoundingMethod } from './types.js';

export type { Allocation, Allocator, RestRule, RoundingMethod } from './types.js';
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

const takesWhatIsLeft: RestRule = (left) => left;

/** What each rule gives a `rest` share of what the others leave. */
const REST_RULES: Readonly<Record<RoundingMethod, RestRule>> = {
  'largest-remainder': takesWhatIsLeft,
  'half-up': takesWhatIsLeft,
  'fund-down': fundDownRest,
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
 * absorbs any drift (under `fund-down` an EU-fund rest only up to its share rounded down: `fundDownRest`).
 */
export function allocateShares(allocation: Allocation, method: RoundingMethod, rest: number): bigint[] {
  const amounts = ALLOCATORS[method](allocation);
  if (rest >= 0) {
    let others = 0n;
    for (let i = 0; i < amounts.length; i++) if (i !== rest) others += amounts[i]!;
    amounts[rest] = REST_RULES[method](allocation.budget - others, amounts[rest] ?? 0n, allocation.fund[rest] ?? false);
  }
  return amounts;
}
