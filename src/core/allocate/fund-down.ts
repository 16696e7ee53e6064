import { floorTo } from '../scaled.js';
import { apportion } from './apportion.js';
import type { Allocator, RestRule } from './types.js';

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

/**
 * A `rest` EU fund is a fund like the others: rounded down, never above rate × budget, so it takes what the others
 * leave only up to its own share floored. With EU funds only (a rest among them too) the units left are nobody's and
 * the sum drifts, as it does without a rest; any other rest takes what is left.
 */
export const fundDownRest: RestRule = (left, ruled, fund) => (fund && ruled < left ? ruled : left);
