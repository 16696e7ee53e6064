import type { ClaimsCheck } from '../check/types.js';
import { sum } from '../decimal.js';
import { percentOf } from './jems.js';
import type { ClaimsReport } from './types.js';

/** What a computed claim file adds up to, as `check` reports it. */
export function claimsSummary(report: ClaimsReport): ClaimsCheck {
  const claimed = sum(report.claims.map((c) => c.eligible));
  return {
    partner: report.partner,
    currency: report.currency,
    unit: report.unit,
    budget: report.budget.total,
    periods: report.periods?.length,
    claims: report.claims.length,
    claimed,
    percentage: percentOf(claimed, report.budget.total),
  };
}
