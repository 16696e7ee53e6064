// An independent reference for a claim's "of which" parts of the partner contribution (docs/claims.md, "What it
// computes", 3), in BigInt cents: a source at a rate gets its budget amount × 100 ÷ the budget, rounded down to 17
// decimals, applied to the eligible total and rounded down to the cent (Jems); the source at rest gets the
// contribution less the other sources' parts. Nothing here comes from src/.

const SCALE = 10n ** 17n;

/**
 * eligible and contribution in cents; each source's budget amount in cents; rest the index of the source at rest, or
 * -1. Returns each source's part in cents.
 */
export function referenceContributionParts(
  eligible: bigint,
  contribution: bigint,
  sourceBudgets: readonly bigint[],
  budgetTotal: bigint,
  rest: number,
): bigint[] {
  const parts = sourceBudgets.map((amount) => {
    if (budgetTotal === 0n) return 0n;
    // the percentage in units of 10^-17, rounded down (amounts are not negative)
    const percentage = (amount * 100n * SCALE) / budgetTotal;
    return (eligible * percentage) / (100n * SCALE);
  });
  if (rest >= 0) parts[rest] = contribution - parts.reduce((s, p, i) => (i === rest ? s : s + p), 0n);
  return parts;
}
