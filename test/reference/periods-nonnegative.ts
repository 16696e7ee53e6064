// An independent statement of what a plan per period must be (README, "Reporting periods"), in BigInt
// cents, nothing from src/: every share of every period at least zero and a whole number of units, each
// period's shares adding up to its budget, each source's periods adding up to its share of the budget.

/** The rules a plan breaks, in words; empty when it keeps them all. */
export function planBreaks(
  plan: readonly (readonly bigint[])[],
  periodBudgets: readonly bigint[],
  whole: readonly bigint[],
  unit: bigint,
): string[] {
  const broken: string[] = [];
  plan.forEach((row, p) => {
    row.forEach((v, s) => {
      if (v < 0n) broken.push(`period ${p + 1} source ${s}: ${v} < 0`);
      if (v % unit !== 0n) broken.push(`period ${p + 1} source ${s}: ${v} off the unit ${unit}`);
    });
    const total = row.reduce((a, b) => a + b, 0n);
    if (total !== periodBudgets[p]) broken.push(`period ${p + 1}: ${total} is not its budget ${periodBudgets[p]}`);
  });
  whole.forEach((w, s) => {
    const total = plan.reduce((a, row) => a + (row[s] ?? 0n), 0n);
    if (total !== w) broken.push(`source ${s}: periods ${total}, share ${w}`);
  });
  return broken;
}
