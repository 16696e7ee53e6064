// An independent reference for a partner table's last row (README, "Partner tables from spreadsheets"): it is the
// table's total row when its heading says so, or, whatever its heading, when its budget is the sum of the budgets of
// the two or more rows above it; else a partner. A total row is held to the partners' sums (budget and each stated
// source amount), a partner to its own budget. Whole euros in BigInt, nothing from src/.

export interface ReferenceRow {
  budget: bigint;
  /** The ERDF cell: a fixed amount. The municipality is the rest in a partner row, its sum in a total row. */
  erdf: bigint;
  municipal: bigint;
}

export interface ReferenceReading {
  /** The partners' rows read (the total row not among them). */
  partners: number;
  /** The sum of the partners' budgets: the project's. */
  budget: bigint;
  /** Read as the total by its figures alone (the note `total-row-by-sum`). */
  bySum: boolean;
  verdict: 'pass' | 'fail';
}

/** How the table reads, given whether the last row's heading is a total heading (the words decide that). */
export function referenceTotalRow(rows: readonly ReferenceRow[], headingIsTotal: boolean): ReferenceReading {
  const above = rows.slice(0, -1);
  const last = rows[rows.length - 1];
  if (last === undefined) throw new Error('a table has rows');
  const sum = (pick: (r: ReferenceRow) => bigint) => above.reduce((a, r) => a + pick(r), 0n);
  const bySum = !headingIsTotal && above.length >= 2 && last.budget === sum((r) => r.budget);
  if (!headingIsTotal && !bySum)
    return { partners: rows.length, budget: sum((r) => r.budget) + last.budget, bySum: false, verdict: 'pass' };
  const agrees =
    last.budget === sum((r) => r.budget) &&
    last.erdf === sum((r) => r.erdf) &&
    last.municipal === sum((r) => r.budget - r.erdf);
  return { partners: above.length, budget: sum((r) => r.budget), bySum, verdict: agrees ? 'pass' : 'fail' };
}

/**
 * The sum net reads amounts only: a last row with a rate and rest (`85%;rest`), or with an empty cell in a column the
 * partners fill, is a partner whatever its budget, held to its own budget (a lone amount must make it).
 */
export function referencePartnerLastRow(
  rows: readonly ReferenceRow[],
  last: { budget: bigint; erdf: bigint; form: 'rate' | 'empty' },
): ReferenceReading {
  const budget = rows.reduce((a, r) => a + r.budget, 0n) + last.budget;
  const verdict = last.form === 'rate' || last.erdf === last.budget ? 'pass' : 'fail';
  return { partners: rows.length + 1, budget, bySum: false, verdict };
}
