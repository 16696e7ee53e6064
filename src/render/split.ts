import type { RoundingMethod } from '../core/allocate/index.js';
import type { SplitResult } from '../core/split.js';
import { formatAmount } from '../core/amount.js';
import { sum, toFixedString } from '../core/decimal.js';
import { renderTable } from './table.js';
import { toCsv, type CsvDialect } from './csv.js';
import { jsonText, terminalText } from './safe-text.js';
import type { Style } from './style.js';

/** The JSON form of a split: amounts as fixed-scale decimal strings (schema version 1). */
export function splitToJson(result: SplitResult): object {
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
  };
}

export const SPLIT_CSV_HEADER = ['id', 'name', 'kind', 'rate', 'exact', 'amount', 'adjustment'] as const;

/** The JSON text of a split, with no raw control character (see safe-text `jsonText`). */
export function splitToJsonText(result: SplitResult): string {
  return jsonText(splitToJson(result), 2) + '\n';
}

/** One row per share, in the dialect of its reader (default: RFC 4180, for scripts). */
export function splitToCsv(result: SplitResult, dialect: CsvDialect = 'rfc4180'): string {
  const json = splitToJson(result) as { shares: Record<(typeof SPLIT_CSV_HEADER)[number], string>[] };
  return toCsv(SPLIT_CSV_HEADER, json.shares.map((s) => SPLIT_CSV_HEADER.map((key) => s[key])), ['text', 'text', 'text', 'amount', 'amount', 'amount', 'amount'], dialect);
}

/** Why a rule's shares can add up to more or less than the budget; a new rule is asked for here by the compiler. */
const DRIFT_REASONS: Record<RoundingMethod, string> = {
  'largest-remainder': 'fund-down rounds the EU funds down and no other source takes the remainder', // not reached: it hands out every unit
  'half-up': 'half-up rounds each share on its own',
  'fund-down': 'fund-down rounds the EU funds down and no other source takes the remainder',
};

/** The people's form: a heading, one row per share, a total row, and the drift when there is one. */
export function splitToTable(result: SplitResult, style: Style): string {
  const scale = result.unit.decimalPlaces();
  const money = (value: SplitResult['budget']) => formatAmount(value, scale);
  const signed = (value: SplitResult['budget']) => (value.gt(0) ? '+' : '') + money(value);
  const rows = result.shares.map((s) => [
    terminalText(s.id === s.name.toLowerCase() ? s.name : `${s.name} (${s.id})`),
    `${toFixedString(s.rate)}%`,
    money(s.exact),
    style.bold(money(s.amount)),
    signed(s.adjustment),
  ]);
  const totalExact = sum(result.shares.map((s) => s.exact));
  rows.push([
    style.bold('Total'),
    `${toFixedString(sum(result.shares.map((s) => s.rate)))}%`,
    money(totalExact),
    style.bold(money(result.sum)),
    signed(result.sum.minus(totalExact)),
  ]);
  const heading = `${terminalText(result.currency)} ${money(result.budget)} split by ${result.method}, unit ${result.unit.toFixed()}`;
  const lines = [heading, renderTable(['Source', 'Rate', 'Exact', 'Amount', 'Adjustment'], rows, [1, 2, 3, 4], true, style.width)];
  if (!result.drift.isZero()) {
    const word = result.drift.isNegative() ? 'less' : 'more';
    lines.push(style.yellow(
      `drift: the shares add up to ${money(result.sum)}, ${money(result.drift.abs())} ${word} than the budget ${money(result.budget)} (${DRIFT_REASONS[result.method]})`,
    ));
  }
  return lines.join('\n') + '\n';
}
