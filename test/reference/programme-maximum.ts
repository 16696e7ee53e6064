// An independent reference for a fund held to a programme's maximum rate (README, "Programme profiles") when the
// file writes the rate with decimals beside an amount (85,00% and EUR 8 500,40): in BigInt cents and hundredths of
// a percent. A fund's amount that one of the rounding rules gives from the rate is the rate's share: the written
// rate is held to the maximum. Any other amount is the document's own figure, the rate only its rounded display:
// the amount's exact share of the budget is held to the maximum. A rate whose last written decimal is a zero
// (80,00%) is prescribed (README step 9): an amount no rule gives from it is a mismatch, and the file fails.
// Nothing here comes from src/.

/** The amounts the rules can give a fund at `rate` (hundredths of a percent) of `budget` (cents): down and half-up. */
export function amountsByRule(budget: bigint, rate: bigint): bigint[] {
  const scaled = budget * rate; // the share in cents × 10 000
  const down = scaled / 10_000n;
  const halfUp = (scaled + 5_000n) / 10_000n;
  return down === halfUp ? [down] : [down, halfUp];
}

/** Is the fund over `maximum` (a whole percent)? */
export function overMaximum(budget: bigint, rate: bigint, amount: bigint, maximum: bigint): boolean {
  if (amountsByRule(budget, rate).includes(amount)) return rate > maximum * 100n;
  return amount * 100n > maximum * budget; // amount ÷ budget × 100 > maximum, exactly
}

/** The rate `amount` shows as at two decimals, half up: what a document that rounds it prints. */
export function shownRate(budget: bigint, amount: bigint): bigint {
  return (amount * 10_000n * 2n + budget) / (2n * budget);
}

/** Is a rate written at two decimals (hundredths of a percent) prescribed, never a display: 80,00%, 79,50%? */
export function prescribed(rate: bigint): boolean {
  return rate % 10n === 0n;
}

/** Does the file fail? Over the maximum, or a prescribed rate beside an amount no rule gives from it. */
export function fails(budget: bigint, rate: bigint, amount: bigint, maximum: bigint): boolean {
  if (prescribed(rate) && !amountsByRule(budget, rate).includes(amount)) return true;
  return overMaximum(budget, rate, amount, maximum);
}
