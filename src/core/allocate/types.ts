/** The named rules that turn exact shares into amounts at a rounding unit. */
export type RoundingMethod = 'largest-remainder' | 'half-up' | 'fund-down';

/**
 * A budget to hand out at a unit, every figure a whole number of 10^-scale;
 * the shares as three lists of one length (no object per share: a large
 * file allocates millions of them).
 */
export interface Allocation {
  budget: bigint;
  unit: bigint;
  /** Each exact share: budget × rate / 100, a fixed amount, or what the others leave. */
  exact: readonly bigint[];
  /** EU funds (`fund-down` rounds them down). */
  fund: readonly boolean[];
  /** Fixed amounts: kept as they are, never rounded. */
  fixed: readonly boolean[];
}

/** A rounding rule: the rounded shares, in the order given. Pure. */
export type Allocator = (allocation: Allocation) => bigint[];

/**
 * What a rule gives a `rest` share: `left`, what the other shares leave of the budget, unless the rule holds the rest
 * to its own rounded share (`ruled`, the allocator's figure for it). Pure.
 */
export type RestRule = (left: bigint, ruled: bigint, fund: boolean) => bigint;
