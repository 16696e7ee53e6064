import { floorTo } from '../scaled.js';
import { handOut } from './apportion.js';
import type { Allocator } from './types.js';

/**
 * Each exact share floored to the unit; the leftover units one each to the
 * largest remainders, ties to the earlier share. Fixed amounts stay as they
 * are. The shares add up to the budget, each within one unit of exact.
 */
export const largestRemainder: Allocator = ({ budget, unit, shares }) => {
  const amounts: bigint[] = [];
  const remainders: bigint[] = [];
  let given = 0n;
  for (const share of shares) {
    const amount = share.fixed ? share.exact : floorTo(share.exact, unit);
    amounts.push(amount);
    remainders.push(share.fixed ? -1n : share.exact - amount);
    given += amount;
  }
  handOut(amounts, remainders, (budget - given) / unit, unit);
  return amounts;
};
