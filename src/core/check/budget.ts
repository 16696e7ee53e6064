import type { Decimal } from '../decimal.js';
import { formatAmount } from '../amount.js';
import { minorUnit } from '../currency.js';
import { tolerance } from '../figure.js';
import { computeCosts } from '../costs.js';
import type { BudgetHeader, FigureField, PartnerBudget } from '../model.js';
import { finding } from './messages.js';
import { said } from './said.js';
import type { ResolvedPartner } from './partner.js';
import type { Finding } from './types.js';

/** Step 1: computes a partner's cost categories, if any, and settles its budget. */
export function resolvePartner(
  file: BudgetHeader,
  partner: PartnerBudget,
): { resolved: ResolvedPartner; findings: Finding[] } {
  // written out, not spread: this runs twice for each of 100 000 partners
  if (!partner.costs)
    return {
      resolved: {
        partner: partner.partner,
        country: partner.country,
        budget: partner.budget!,
        costs: undefined,
        funding: partner.funding,
        at: partner.at,
        costResult: undefined,
        euro: partner.euro,
        periods: partner.periods,
        category: partner.category,
      },
      findings: [],
    };
  const who = file.multi ? partner.partner : undefined;
  const label = who === undefined ? '' : `partner "${who}": `;
  const unit = file.rounding.unit?.value ?? minorUnit(file.currency);
  const costs = computeCosts(partner.costs, unit);
  const findings = costs.problems.map((p) => finding(p.severity, p.code, label + p.message, p.hint, p.at, who, p.said));
  const declared = partner.budget;
  const scale = Math.max(unit.decimalPlaces(), ...costs.lines.map((l) => l.amount.decimalPlaces()));
  const money = (value: Decimal) => `${file.currency} ${formatAmount(value, scale)}`;
  if (declared && declared.value.minus(costs.total).abs().gt(tolerance(declared))) {
    const difference = declared.value.minus(costs.total);
    findings.push(
      finding(
        'error',
        'budget-mismatch',
        `${label}the budget ${money(declared.value)} ` +
          `is ${money(difference.abs())} ${difference.isNegative() ? 'less' : 'more'} than ` +
          `the cost categories, which add up to ${money(costs.total)}`,
        'check the categories and the flat rates against the document, or the budget',
        declared.at,
        who,
        said('budget-mismatch', {
          declared: { value: declared.value, currency: file.currency, decimals: scale },
          difference: { value: difference, currency: file.currency, decimals: scale },
          costs: { value: costs.total, currency: file.currency, decimals: scale },
        }),
      ),
    );
  }
  const budget: FigureField =
    declared && findings.every((f) => f.code !== 'budget-mismatch')
      ? declared
      : {
          value: costs.total,
          text: costs.total.toFixed(),
          scale,
          precision: undefined,
          currency: undefined,
          at: partner.costs[0]!.at,
        };
  return { resolved: { ...partner, budget, costResult: costs }, findings };
}
