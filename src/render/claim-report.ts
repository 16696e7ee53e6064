import { ZERO, toFixedString, type Decimal } from '../core/decimal.js';
import type { Absorption } from '../core/claims/absorption.js';
import type { ClaimsReport } from '../core/claims/types.js';
import { formatNumber, type Locale } from './locale.js';
import { renderTable } from './table.js';
import type { Style } from './style.js';
import { jsonSafe, terminalText } from './safe-text.js';

/** A bar of 100% is this long; a line over its budget is drawn to it and marked. */
const CHART_WIDTH = 40;
/** One character per period when there is no colour, as the project report's chart does per source. */
const PLAIN_BARS = ['█', '▓', '▒', '░', '#', '=', '+', '*'];

/**
 * `cofin report` on a claim file: how much of the budget the claims used,
 * per period and per category (and in total, per fund, for the contribution),
 * as a table, then a bar per category with a segment per period.
 */
export function absorptionToTable(report: ClaimsReport, a: Absorption, style: Style, locale: Locale): string {
  const scale = report.unit.decimalPlaces();
  const money = (value: Decimal) => formatNumber(value, scale, locale);
  // two decimals always, as cofin claim shows them: 105.00%, not 105%
  const pct = (value: Decimal | undefined) =>
    value === undefined
      ? ''
      : locale === 'lv'
        ? `${toFixedString(value, 2).replace('.', ',')}\u00a0%`
        : `${toFixedString(value, 2)}%`;
  const total = a.lines.find((l) => l.kind === 'total')!;
  const out: string[] = [];
  const who = terminalText(report.partner ?? 'partner');
  out.push(
    style.bold(
      `${who}: ${terminalText(report.currency)} ${money(total.claimed)} ` +
        `of ${money(total.budget)} claimed (${pct(total.percentage) || 'n/a'}) ` +
        `in ${report.claims.length} claim${report.claims.length === 1 ? '' : 's'}`,
    ),
    '',
  );
  const head = ['Line', 'Budget', ...a.periods.map((p) => `Period ${p}`), 'Claimed', '% used', 'Left'];
  const right = head.map((_, i) => i).slice(1);
  const rows = a.lines.map((l) => {
    const cells = [
      terminalText(l.name),
      money(l.budget),
      ...l.byPeriod.map(money),
      money(l.claimed),
      pct(l.percentage),
      money(l.remaining),
    ];
    return l.kind === 'total' ? cells.map((c) => style.bold(c)) : cells;
  });
  if (a.planned)
    rows.push([
      style.dim('Planned (total)'),
      '',
      ...a.planned.map((p) => style.dim(money(p))),
      style.dim(money(a.planned.reduce((s, p) => s.plus(p), ZERO))),
      '',
      '',
    ]);
  out.push(
    style.bold(`Absorption by period (${terminalText(report.currency)})`),
    renderTable(head, rows, right, false, style.width),
    '',
  );

  const bar = (index: number, length: number) => {
    const text = (style.enabled ? '█' : PLAIN_BARS[index % PLAIN_BARS.length]!).repeat(length);
    return style.enabled ? style.series(index, text) : text;
  };
  const chartLines = a.lines.filter((l) => l.kind === 'category' || l.kind === 'total');
  const names = chartLines.map((l) => terminalText(l.name));
  const width = names.reduce((max, n) => Math.max(max, n.length), 5);
  out.push(
    style.bold('Claimed of each budget line, by period') +
      style.dim(` (${CHART_WIDTH} characters = 100% of the line's budget)`),
  );
  chartLines.forEach((l, row) => {
    let cumulative = ZERO;
    let drawn = 0;
    const parts = l.byPeriod.map((amount, index) => {
      cumulative = cumulative.plus(amount.isPositive() ? amount : ZERO);
      // cumulative rounding: the segments add up to the bar; a line over its budget stops at the full width
      const end = l.budget.isPositive()
        ? Math.min(CHART_WIDTH, cumulative.div(l.budget).times(CHART_WIDTH).round().toNumber())
        : cumulative.isPositive()
          ? CHART_WIDTH
          : 0;
      const length = Math.max(0, end - drawn);
      drawn += length;
      return bar(index, length);
    });
    const over = l.remaining.isNegative() ? style.red(' over the budget') : '';
    out.push(
      `${names[row]!.padEnd(width)} ${parts.join('')}` +
        `${' '.repeat(CHART_WIDTH - drawn)} ${pct(l.percentage) || 'n/a'}${over}`,
    );
  });
  out.push('', `${' '.repeat(width)} ${a.periods.map((p, i) => `${bar(i, 1)} period ${p}`).join('  ')}`, '');
  return out.join('\n');
}

/** The JSON form (schema version 1): every amount a decimal string at the unit's scale. */
export function absorptionToJsonText(file: string, report: ClaimsReport, a: Absorption): string {
  const scale = report.unit.decimalPlaces();
  const money = (value: Decimal) => toFixedString(value, scale);
  const json = {
    schemaVersion: 1,
    file,
    kind: 'claims',
    verdict: report.verdict,
    currency: report.currency,
    partner: report.partner ?? null,
    periods: a.periods,
    lines: a.lines.map((l) => ({
      id: l.id,
      name: l.name,
      kind: l.kind,
      budget: money(l.budget),
      byPeriod: l.byPeriod.map((amount, i) => ({ period: a.periods[i]!, claimed: money(amount) })),
      claimed: money(l.claimed),
      percentage: l.percentage === undefined ? null : toFixedString(l.percentage, 2),
      remaining: money(l.remaining),
    })),
    planned: a.planned ? a.planned.map((amount, i) => ({ period: a.periods[i]!, amount: money(amount) })) : null,
  };
  return jsonSafe(JSON.stringify(json, null, 2)) + '\n';
}
