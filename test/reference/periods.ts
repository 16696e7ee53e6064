// An independent reference for a fund's amount per reporting period (README, "What it computes" 2;
// docs/jems-rules.md 1.3), in BigInt cents: every period but the last is its total × rate rounded
// down to the cent; the last is the fund's budget share (the budget × rate, rounded down) less the
// other periods, so that the periods add up to it exactly. Nothing here comes from src/.

/** Fund amounts per period, in cents; `rate` in hundredths of a percent. */
export function fundPerPeriod(periodTotals: readonly bigint[], budget: bigint, rate: bigint): bigint[] {
  const down = (cents: bigint) => (cents * rate) / 10_000n;
  const others = periodTotals.slice(0, -1).map(down);
  return [...others, down(budget) - others.reduce((s, v) => s + v, 0n)];
}
