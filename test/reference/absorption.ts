// An independent reference for the absorption of a claim file (README, "cofin report on a claim
// file"), in BigInt cents, written from the README's rules: a claim's office at 15% of its staff
// costs rounded down to the cent; its eligible total the sum of its categories; a fund's share
// eligible × rate rounded down to the cent; the partner contribution eligible − the fund; a line's
// budget the same rules on the budget; each period the sum of its claims; % used claimed × 100 ÷
// budget, half-up to two decimals. Nothing here comes from src/.

export const CATEGORIES = ['staff', 'travel', 'external', 'equipment'] as const;

export interface ReferenceInput {
  /** Budget per category, in cents. */
  budget: readonly bigint[];
  office: boolean;
  /** The ERDF rate in hundredths of a percent (85% = 8500n). */
  rate: bigint;
  /** Each claim: its period and its expenditure per category, in cents. */
  claims: readonly { period: number; amounts: readonly bigint[] }[];
}

export interface ReferenceLine {
  id: string;
  budget: bigint;
  byPeriod: bigint[];
  claimed: bigint;
  /** Hundredths of a percent, or undefined. */
  percentage: bigint | undefined;
}

const floorDiv = (n: bigint, d: bigint) => (n >= 0n ? n / d : -((-n + d - 1n) / d));

/** Category amounts (office last, when there is one), total, fund and contribution of one set of written amounts. */
function lines(amounts: readonly bigint[], office: boolean, rate: bigint): { id: string; amount: bigint }[] {
  const out: { id: string; amount: bigint }[] = CATEGORIES.map((id, i) => ({ id, amount: amounts[i]! }));
  if (office) out.push({ id: 'office', amount: floorDiv(amounts[0]! * 15n, 100n) });
  const total = out.reduce((s, l) => s + l.amount, 0n);
  const fund = floorDiv(total * rate, 10_000n);
  return [
    ...out,
    { id: 'total', amount: total },
    { id: 'erdf', amount: fund },
    { id: 'contribution', amount: total - fund },
  ];
}

function percentage(claimed: bigint, budget: bigint): bigint | undefined {
  if (budget === 0n) return claimed === 0n ? 10_000n : undefined;
  // claimed × 10 000 ÷ budget, half-up (claimed and budget are not negative here)
  const n = claimed * 10_000n;
  const q = n / budget;
  return (n - q * budget) * 2n >= budget ? q + 1n : q;
}

export function referenceAbsorption(input: ReferenceInput): { periods: number[]; lines: ReferenceLine[] } {
  const periods = [...new Set(input.claims.map((c) => c.period))].sort((a, b) => a - b);
  const budget = lines(input.budget, input.office, input.rate);
  const perClaim = input.claims.map((c) => ({ period: c.period, lines: lines(c.amounts, input.office, input.rate) }));
  return {
    periods,
    lines: budget.map((b) => {
      const byPeriod = periods.map((p) =>
        perClaim.filter((c) => c.period === p).reduce((s, c) => s + c.lines.find((l) => l.id === b.id)!.amount, 0n),
      );
      const claimed = byPeriod.reduce((s, v) => s + v, 0n);
      return { id: b.id, budget: b.amount, byPeriod, claimed, percentage: percentage(claimed, b.amount) };
    }),
  };
}
