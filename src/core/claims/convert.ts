import { formatAmount } from '../amount.js';
import { minorUnit } from '../currency.js';
import { divideByRate } from '../currency/convert.js';
import { chooseRate, type RateTable } from '../currency/monthly.js';
import { Decimal, ZERO } from '../decimal.js';
import type { CostCategory, CostLine } from '../model.js';
import type { Findings } from './findings.js';
import type { ClaimEntry, Conversion } from './types.js';

/**
 * A claim's expenditure in the budget's currency, as Jems converts a partner
 * report (docs/jems-rules.md, section 4): each item on its own, amount ÷ the
 * rate of the month the report is first submitted, half-up to the cent, and
 * only then summed per category. An item whose currency has no rate for that
 * month counts 0 (Jems's draft shows it without a value, and refuses to
 * submit the report): an error. A currency the euro replaced converts at its
 * fixed rate from its changeover on.
 */
export function convertItems(
  entry: ClaimEntry,
  currency: string,
  table: RateTable | undefined,
  what: string,
  findings: Findings,
  money: (v: Decimal) => string,
): { lines: CostLine[]; conversions: Conversion[] } {
  const unit = minorUnit(currency);
  const month = entry.submitted?.month;
  const totals = new Map<CostCategory, Decimal>();
  const conversions: Conversion[] = [];
  const reported = new Set<string>();
  for (const item of entry.items) {
    let value = item.amount.value;
    if (item.currency !== currency) {
      const choice = chooseRate(table, month, item.currency);
      const rate = choice.kind === 'monthly' ? choice.rate.rate : choice.kind === 'fixed' ? choice.rate : undefined;
      const converted = rate ? divideByRate(item.amount.value, rate, unit) : undefined;
      conversions.push({
        category: item.category,
        amount: item.amount.value,
        currency: item.currency,
        rate,
        kind: choice.kind,
        month: choice.kind === 'fixed' ? undefined : month,
        converted,
        at: item.at,
      });
      value = converted ?? ZERO;
      if (choice.kind === 'missing' && !reported.has(item.currency)) {
        reported.add(item.currency);
        const amount = `${item.currency} ${formatAmount(item.amount.value, minorUnit(item.currency).decimalPlaces())}`;
        const message =
          choice.reason === 'no-table'
            ? `${what}: ${amount} (${item.category}) needs the exchange rate ` +
              `of ${item.currency} for ${month}, and no rate table is given; the items ` +
              `in ${item.currency} count ${money(ZERO)}`
            : choice.reason === 'no-month'
              ? `${what}: ${amount} (${item.category}) cannot be converted: the claim has no ` +
                `month of submission; the items in ${item.currency} count ${money(ZERO)}`
              : `${what}: the rate table ${table!.name} has no rate of ${item.currency} ` +
                `for ${month}; the items in ${item.currency} count ${money(ZERO)}`;
        const hint =
          choice.reason === 'no-month'
            ? "write submitted: YYYY-MM, the month the report was first submitted: Jems converts at that month's rates"
            : `give the Commission's monthly accounting rate of ${item.currency} for ${month} ` +
              `in a rate table (rates: in the claim file); Jems refuses to submit a report ` +
              `with a currency it has no rate for`;
        findings.add('exchange-rate-missing', 'error', message, hint, item.at);
      }
    }
    totals.set(item.category, (totals.get(item.category) ?? ZERO).plus(value));
  }
  const lines = entry.expenditure.map((line): CostLine => {
    if (line.flat || !line.amount) return line;
    const value = totals.get(line.category) ?? ZERO;
    return {
      ...line,
      amount: {
        value,
        text: value.toFixed(),
        scale: unit.decimalPlaces(),
        precision: undefined,
        currency,
        at: line.amount.at,
      },
    };
  });
  return { lines, conversions };
}
