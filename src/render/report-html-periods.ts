import type { Decimal } from '../core/decimal.js';
import type { PeriodShare, PlannedPeriod } from '../core/periods.js';
import type { PartnerSummary } from '../core/project.js';
import { categoryAmount, planCategories } from './periods.js';
import type { ReportWords } from './report-words.js';
import { html, type Html } from './safe-text.js';

/**
 * The plan per reporting period in the HTML report (`periods:`, core/periods.ts): a table per partner
 * that plans one, a column per period (the last the remainder), a row per category, the budget and each
 * source's share, a declared share beside it ✓ or ✗. Every name from the file goes through `html`. It
 * takes the categories table's style, so that a report without periods is byte for byte as before.
 */

/** Periods per table: a wide plan is cut into parts that fit across A4 (the browser test measures it). */
export const PERIODS_PER_PART = 5;

export interface PeriodsContext {
  words: ReportWords;
  currency: string;
  /** An amount at the report's scale, in its locale: `5 950,00`. */
  amount: (value: Decimal) => string;
}

const num = (text: string) => html`<td class="num">${text}</td>`;

function row(id: string, name: string, cells: readonly Html[], total = false): Html {
  const head = html`<th scope="row">${name}</th>`;
  return total
    ? html`<tr class="total" data-plan-row="${id}">${head}${cells}</tr>`
    : html`<tr data-plan-row="${id}">${head}${cells}</tr>`;
}

function shareCell(ctx: PeriodsContext, share: PeriodShare): Html {
  const computed = ctx.amount(share.computed);
  if (!share.declared) return num(computed);
  if (share.difference!.isZero()) return html`<td class="num" data-declared="ok">${computed} ✓</td>`;
  const written = ctx.amount(share.declared.value);
  const declared = html`<span class="declared">${ctx.words.declared.toLowerCase()} ${written}</span>`;
  return html`<td class="num" data-declared="differs">${computed} ✗ ${declared}</td>`;
}

function planTable(ctx: PeriodsContext, partner: string, periods: readonly PlannedPeriod[], part: number): Html {
  const { words } = ctx;
  const heads = periods.map((p) => {
    const heading = words.periodColumn(p.period, p.remainder, p.phase);
    return html`<th scope="col" class="num" data-period="${p.period}">${heading}</th>`;
  });
  const categories = planCategories(periods).map((c) =>
    row(
      c.category,
      words.categoryNames[c.category],
      periods.map((p) => {
        const amount = categoryAmount(p, c.category);
        return num(amount === undefined ? '' : ctx.amount(amount));
      }),
    ),
  );
  const budget = row(
    'budget',
    words.budget,
    periods.map((p) => num(ctx.amount(p.budget))),
    true,
  );
  const shares = periods[0]!.shares.map((s, i) =>
    row(
      s.id,
      s.name,
      periods.map((p) => shareCell(ctx, p.shares[i]!)),
    ),
  );
  const head = html`<thead><tr><th scope="col"></th>${heads}</tr></thead>`;
  const body = html`<tbody>${categories}${budget}${shares}</tbody>`;
  return html`<table class="categories plan" data-plan-partner="${partner}" data-part="${part}">${head}${body}</table>`;
}

/** The section on a line of its own, or nothing (not even the line) when no partner plans periods. */
export function periodsSection(ctx: PeriodsContext, partners: readonly PartnerSummary[]): Html | '' {
  const planned = partners.filter((p) => p.periods && p.periods.length > 0);
  if (planned.length === 0) return '';
  const { words } = ctx;
  const tables = planned.map((p) => {
    const periods = p.periods!;
    const parts: PlannedPeriod[][] = [];
    for (let i = 0; i < periods.length; i += PERIODS_PER_PART) parts.push(periods.slice(i, i + PERIODS_PER_PART));
    const heading = html`<h3>${words.planPerPeriod}: ${p.partner}</h3>`;
    return html`${heading}${parts.map((part, i) => planTable(ctx, p.partner, part, i + 1))}`;
  });
  const note = html`<p class="caption">${words.amountsIn(ctx.currency)} ${words.planNote}</p>`;
  return html`
<section class="periods"><h2>${words.planPerPeriod}</h2>${tables}${note}</section>`;
}
