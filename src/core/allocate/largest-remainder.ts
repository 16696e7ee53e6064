import { floorTo } from '../scaled.js';
import { handOut } from './apportion.js';
import type { Allocator } from './types.js';

/**
 * Each exact share floored to the unit; the leftover units one each to the
 * largest remainders, ties to the earlier share. Fixed amounts stay as they
 * are. The shares add up to the budget, each within one unit of exact.
 */
export const largestRemainder: Allocator = ({ budget, unit, exact, fixed }) => {
  const amounts: bigint[] = [];
  const remainders: bigint[] = [];
  let given = 0n;
  for (let i = 0; i < exact.length; i++) {
    const amount = fixed[i] ? exact[i]! : floorTo(exact[i]!, unit);
    amounts.push(amount);
    remainders.push(fixed[i] ? -1n : exact[i]! - amount);
    given += amount;
  }
  handOut(amounts, remainders, (budget - given) / unit, unit);
  return amounts;
};
