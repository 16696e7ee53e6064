import type { Decimal } from '../decimal.js';
import type { Located } from '../model.js';
import { fixedRate } from './fixed.js';

/**
 * The Commission's monthly accounting rates (InforEuro) as the user gives
 * them: per month and currency, units of the currency per euro. Jems converts
 * a partner report's items at the rate of the month the report is first
 * submitted (docs/jems-rules.md, section 4).
 */
export interface MonthlyRate {
  /** `YYYY-MM`. */
  month: string;
  currency: string;
  rate: Decimal;
  /** The rate as written. */
  text: string;
  at: Located;
}

export interface RateTable {
  /** Where the table comes from: its file's name, or `rates` for the claim file's own key. */
  name: string;
  rates: ReadonlyMap<string, MonthlyRate>;
}

const key = (month: string, currency: string) => `${month} ${currency}`;

/** A table of the given rates; the caller has refused a month and currency given twice. */
export function rateTable(name: string, rates: readonly MonthlyRate[]): RateTable {
  return { name, rates: new Map(rates.map((r) => [key(r.month, r.currency), r])) };
}

export const hasRate = (table: RateTable, month: string, currency: string): boolean =>
  table.rates.has(key(month, currency));

/** The rate of a currency in a month, or undefined. */
export function monthlyRate(table: RateTable | undefined, month: string, currency: string): MonthlyRate | undefined {
  return table?.rates.get(key(month, currency));
}

/** A month `YYYY-MM` from `YYYY-MM` or a date `YYYY-MM-DD`, or undefined. */
export function monthOf(text: string): string | undefined {
  const match = /^(\d{4})-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?$/.exec(text.trim());
  return match ? `${match[1]}-${match[2]}` : undefined;
}

/** The rate an item in `currency` is converted at, for a report first submitted in `month`. */
export type RateChoice =
  | { kind: 'monthly'; rate: MonthlyRate }
  | { kind: 'fixed'; rate: Decimal; from: string }
  | { kind: 'missing'; reason: 'no-month' | 'no-table' | 'no-rate' };

/**
 * Which rate converts an item: a currency the euro replaced, from its
 * changeover on (or with no month given), at its fixed rate; any other at the
 * table's rate of the month. Before its changeover, a replaced currency had
 * monthly rates like any other.
 */
export function chooseRate(table: RateTable | undefined, month: string | undefined, currency: string): RateChoice {
  const fixed = fixedRate(currency);
  if (fixed && (month === undefined || month >= fixed.from.slice(0, 7)))
    return { kind: 'fixed', rate: fixed.rate, from: fixed.from };
  if (month === undefined) return { kind: 'missing', reason: 'no-month' };
  if (!table) return { kind: 'missing', reason: 'no-table' };
  const rate = monthlyRate(table, month, currency);
  return rate ? { kind: 'monthly', rate } : { kind: 'missing', reason: 'no-rate' };
}
