import { floorTo } from '../scaled.js';
import { apportion } from './apportion.js';
import type { Allocator } from './types.js';

/**
 * The rule of Jems: every EU-fund share rounded down, so that the fund never
 * pays more than rate × budget; what that and the fixed amounts leave of the
 * budget is split among the other shares in proportion to their exact
 * shares, by largest remainder. With EU funds only, nothing takes the
 * remainder and the sum drifts.
 */
export const fundDown: Allocator = ({ budget, unit, exact, fund, fixed }) => {
  const rounded = (i: number) => fixed[i] || fund[i];
  const amounts = exact.map((e, i) => (fixed[i] ? e : fund[i] ? floorTo(e, unit) : 0n));
  let left = budget;
  for (const amount of amounts) left -= amount;
  const others = apportion(
    left,
    exact.map((e, i) => (rounded(i) ? 0n : e)),
    unit,
  );
  return amounts.map((amount, i) => (rounded(i) ? amount : others[i]!));
};
