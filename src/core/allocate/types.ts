/** The named rules that turn exact shares into amounts at a rounding unit. */
export type RoundingMethod = 'largest-remainder' | 'half-up' | 'fund-down';

/** One share to round, in fixed point at the allocation's scale. */
export interface ShareToRound {
  /** The exact share: budget × rate / 100, a fixed amount, or what the others leave. */
  exact: bigint;
  /** An EU fund (`fund-down` rounds it down). */
  fund: boolean;
  /** A fixed amount: kept as it is, never rounded. */
  fixed: boolean;
}

/** A budget to hand out at a unit; every figure a whole number of 10^-scale. */
export interface Allocation {
  budget: bigint;
  unit: bigint;
  shares: readonly ShareToRound[];
}

/** A rounding rule: the rounded shares, in the order given. Pure. */
export type Allocator = (allocation: Allocation) => bigint[];
