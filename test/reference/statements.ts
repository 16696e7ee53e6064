// The reference for two "total, of which" statements in one text: written from the statements' figures alone,
// sharing no code with src/. A statement whose shares add up to its total is the one a budget file is about;
// with none consistent, no verdict can pass.

export interface Statement {
  total: bigint;
  shares: bigint[];
  /** whether its shares name every payer (a full split), not one payer of several */
  full: boolean;
}

/** The budget the reader must choose, or undefined when no statement adds up. */
export function expectedBudget(statements: Statement[]): bigint | undefined {
  const consistent = statements.filter((s) => s.full && s.shares.reduce((a, b) => a + b, 0n) === s.total);
  return consistent[0]?.total;
}

/** The verdict check must give: pass only for a consistent full statement. */
export function expectedVerdict(statements: Statement[]): 'pass' | 'fail' {
  return expectedBudget(statements) === undefined ? 'fail' : 'pass';
}
