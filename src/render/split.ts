import type { SplitResult } from '../core/split.js';
import { sum, toFixedString } from '../core/decimal.js';
import { renderTable } from './table.js';
import { toCsv, type CsvDialect } from './csv.js';
import { jsonText, terminalText } from './safe-text.js';
import type { Style } from './style.js';
import type { Locale } from './locale.js';
import { WORDS } from './words/index.js';
import type { PlannedPeriod } from '../core/periods.js';
import { periodToJson } from './periods.js';

/** The JSON form of a split: amounts as fixed-scale decimal strings (schema version 1). */
export function splitToJson(result: SplitResult, periods?: readonly PlannedPeriod[]): object {
  const scale = result.unit.decimalPlaces();
  const money = (value: SplitResult['budget']) => toFixedString(value, scale);
  return {
    schemaVersion: 1,
    currency: result.currency,
    budget: money(result.budget),
    unit: result.unit.toFixed(),
    method: result.method,
    shares: result.shares.map((s) => ({
      id: s.id,
      name: s.name,
      kind: s.kind,
      rate: toFixedString(s.rate),
      exact: money(s.exact),
      amount: money(s.amount),
      adjustment: money(s.adjustment),
    })),
    sum: money(result.sum),
    drift: money(result.drift),
    ...(periods ? { periods: periods.map((p) => periodToJson(p, scale)) } : {}),
  };
}

export const SPLIT_CSV_HEADER = ['id', 'name', 'kind', 'rate', 'exact', 'amount', 'adjustment'] as const;

/** The JSON text of a split, with no raw control character (see safe-text `jsonText`). */
export function splitToJsonText(result: SplitResult): string {
  return jsonText(splitToJson(result), 2) + '\n';
}

/** One row per share, in the dialect of its reader (default: RFC 4180, for scripts). */
export function splitToCsv(
  result: SplitResult,
  dialect: CsvDialect = 'rfc4180',
  periods?: readonly PlannedPeriod[],
): string {
  const json = splitToJson(result) as { shares: Record<(typeof SPLIT_CSV_HEADER)[number], string>[] };
  // with --period, a column per period: each share's amount in it
  const extra = (periods ?? []).map((p) => `period ${p.period}`);
  const scale = result.unit.decimalPlaces();
  return toCsv(
    [...SPLIT_CSV_HEADER, ...extra],
    json.shares.map((s, i) => [
      ...SPLIT_CSV_HEADER.map((key) => s[key]),
      ...(periods ?? []).map((p) => toFixedString(p.shares[i]!.computed, scale)),
    ]),
    ['text', 'text', 'text', 'amount', 'amount', 'amount', 'amount', ...extra.map(() => 'amount' as const)],
    dialect,
  );
}

/** Why a rule's shares can add up to more or less than the budget; a new rule is asked for here by the compiler. */

/** The people's form: a heading, one row per share, a total row, and the drift when there is one. */
export function splitToTable(result: SplitResult, style: Style, locale: Locale = 'en'): string {
  const words = WORDS[locale];
  const scale = result.unit.decimalPlaces();
  const money = (value: SplitResult['budget']) => words.number(value, scale);
  const signed = (value: SplitResult['budget']) => (value.gt(0) ? '+' : '') + money(value);
  const rows = result.shares.map((s) => [
    terminalText(
      s.id === words.sourceName(s.id, s.name).toLowerCase()
        ? words.sourceName(s.id, s.name)
        : `${words.sourceName(s.id, s.name)} (${s.id})`,
    ),
    words.rate(s.rate),
    money(s.exact),
    style.bold(money(s.amount)),
    signed(s.adjustment),
  ]);
  const totalExact = sum(result.shares.map((s) => s.exact));
  rows.push([
    style.bold(words.total),
    words.rate(sum(result.shares.map((s) => s.rate))),
    money(totalExact),
    style.bold(money(result.sum)),
    signed(result.sum.minus(totalExact)),
  ]);
  const heading = words.splitHeading(
    terminalText(words.money(result.budget, result.currency, scale)),
    result.method,
    result.unit,
  );
  const lines = [heading, renderTable(words.splitColumns, rows, [1, 2, 3, 4], true, style.width)];
  if (!result.drift.isZero()) {
    lines.push(
      style.yellow(
        words.drift(
          money(result.sum),
          money(result.drift.abs()),
          result.drift.isNegative(),
          money(result.budget),
          result.method,
        ),
      ),
    );
  }
  return lines.join('\n') + '\n';
}
