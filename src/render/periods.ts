import type { PlannedPeriod } from '../core/periods.js';
import type { CostCategory } from '../core/model.js';
import { toFixedString, type Decimal } from '../core/decimal.js';
import { renderTable } from './table.js';
import type { Style } from './style.js';
import { terminalText } from './safe-text.js';
import type { Locale } from './locale.js';
import { WORDS } from './words/index.js';
import { REPORT_WORDS } from './report-words.js';

/** The plan per reporting period (core/periods.ts) for check, split and report. */

const optional = (value: Decimal | undefined, scale = 0) => (value === undefined ? null : toFixedString(value, scale));

/** A planned period: amounts as decimal strings at the unit's scale. */
export function periodToJson(p: PlannedPeriod, scale: number) {
  return {
    period: p.period,
    // only for Jems's preparation and closure periods, so that a plan without them is as before
    ...(p.phase ? { phase: p.phase } : {}),
    remainder: p.remainder,
    budget: toFixedString(p.budget, scale),
    categories: p.categories
      ? p.categories.map((c) => ({ category: c.category, name: c.name, amount: toFixedString(c.amount, scale) }))
      : null,
    shares: p.shares.map((s) => ({
      id: s.id,
      name: s.name,
      kind: s.kind,
      computed: toFixedString(s.computed, scale),
      declared: optional(s.declared?.value, scale),
      difference: optional(s.difference, scale),
    })),
  };
}

/**
 * The categories of a plan's rows: every category any period lists, in the order first listed. Looked up by
 * category, never by place, so that a period listing another category cannot shift or break the rows.
 */
export function planCategories(periods: readonly PlannedPeriod[]): { category: CostCategory; name: string }[] {
  const seen = new Map<CostCategory, string>();
  for (const p of periods) for (const c of p.categories ?? []) if (!seen.has(c.category)) seen.set(c.category, c.name);
  return [...seen].map(([category, name]) => ({ category, name }));
}

/** A period's amount of a category, undefined when it lists none. */
export function categoryAmount(p: PlannedPeriod, category: CostCategory): Decimal | undefined {
  return p.categories?.find((c) => c.category === category)?.amount;
}

/**
 * The plan per reporting period: a column per period (the last one the
 * remainder), a row per category, the total and each source's share; a
 * declared share beside its computed one, ✓ or ✗.
 */
export function periodsTable(
  p: { unit: Decimal; currency: string },
  periods: readonly PlannedPeriod[],
  style: Style,
  locale: Locale = 'en',
): string {
  const words = WORDS[locale];
  const scale = p.unit.decimalPlaces();
  const money = (value: Decimal) => words.number(value, scale);
  // Latvian headings as the report's: a Latvian table never stands over English words
  const head = ['', ...periods.map((x) => REPORT_WORDS[locale].periodColumn(x.period, x.remainder, x.phase))];
  const rows: string[][] = [];
  const first = periods[0]!;
  for (const c of planCategories(periods)) {
    const amounts = periods.map((x) => categoryAmount(x, c.category));
    rows.push([
      terminalText(words.category(c.category, c.name)),
      ...amounts.map((a) => (a === undefined ? '' : money(a))),
    ]);
  }
  rows.push([style.bold(words.budget), ...periods.map((x) => style.bold(money(x.budget)))]);
  first.shares.forEach((s, i) => {
    rows.push([
      terminalText(words.sourceName(s.id, s.name)),
      ...periods.map((x) => {
        const share = x.shares[i]!;
        if (!share.declared) return money(share.computed);
        const ok = share.difference!.isZero();
        return `${money(share.computed)} ${ok ? style.green('✓') : style.red(`✗ ${money(share.declared.value)}`)}`;
      }),
    ]);
  });
  return renderTable(
    head,
    rows,
    periods.map((_, i) => i + 1),
    false,
    style.width,
  );
}
