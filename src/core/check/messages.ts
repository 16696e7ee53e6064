import { Decimal, HUNDRED } from '../decimal.js';
import { formatAmount } from '../amount.js';
import type { RoundingMethod } from '../allocate/types.js';
import type { Located } from '../model.js';
import type { Finding, FindingCode, Severity } from './types.js';
import { said, type FindingFigures, type MismatchReason, type Said } from './said.js';

/**
 * The words of every finding `check` makes, in one place: one builder per
 * code, so that a message and its hint are phrased once and a new code is
 * added here.
 */

export function finding(
  severity: Severity,
  code: FindingCode,
  message: string,
  hint: string | undefined,
  at: Located | undefined,
  partner: string | undefined,
  words?: Said,
): Finding {
  // A message built of pieces is a rope of small strings in V8, twice its text's weight;
  // reading a character flattens it. A file's findings are kept until it is written.
  message.charCodeAt(0);
  hint?.charCodeAt(0);
  const found: Finding = {
    code,
    severity,
    message,
    hint,
    line: at?.line,
    column: at?.column,
    pointer: at?.pointer,
    partner,
  };
  if (at?.cell !== undefined) found.cell = at.cell;
  if (words !== undefined) found.said = words;
  return found;
}

/**
 * A percentage to four decimals, or with as many more as it takes not to
 * look like a figure it differs from: 85.000000000000000001% is never shown
 * as "85%" beside a limit of 85%, and a part over 100% never as "0%".
 */
export function percentText(value: Decimal, unlike: readonly Decimal[] = []): string {
  return `${shownPercent(value, unlike).toFixed()}%`;
}

/**
 * The percentage `percentText` shows, as a number: rounded, but on the same side of each of `unlike` as the value
 * (never onto one unless it is one, never past one finer than four decimals).
 */
export function shownPercent(value: Decimal, unlike: readonly Decimal[] = []): Decimal {
  for (let places = 4; places <= 60; places++) {
    const shown = value.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
    if (shown.eq(value) || !unlike.some((u) => shown.cmp(u) !== value.cmp(u))) return shown;
  }
  return value.toDecimalPlaces(60, Decimal.ROUND_HALF_UP);
}

/**
 * The ends of a written rate's rounding and the rate itself: a percentage shown beside it keeps its side of each
 * (`84,99%` and 84.99499…% is 84.99499%, not 84.995%, which would round to 85,00%).
 */
export function rateBounds(rate: { value: Decimal; scale: number }): Decimal[] {
  const half = halfOfScale(rate.scale);
  return [rate.value.minus(half), rate.value, rate.value.plus(half)];
}

const HALVES: Decimal[] = [];

/** Half of 10^-scale, made once per scale: a 500-digit division each time was a tenth of a mismatch's reasons. */
function halfOfScale(scale: number): Decimal {
  if (!Number.isSafeInteger(scale) || scale < -64 || scale > 64) return new Decimal(10).pow(-scale).div(2);
  return (HALVES[scale + 64] ??= new Decimal(10).pow(-scale).div(2));
}

/** How money is written in messages: the currency and the amount grouped, at the unit's decimals or finer. */
export type Money = ((value: Decimal) => string) & { currency: string; decimals: number };

export function moneyAt(currency: string, decimals: number): Money {
  return Object.assign((value: Decimal) => `${currency} ${formatAmount(value, decimals)}`, { currency, decimals });
}

/** An amount as a finding's figures keep it (see said.ts). */
const figure = (money: Money, value: Decimal) => ({ value, currency: money.currency, decimals: money.decimals });

const METHOD_NOTES: Record<RoundingMethod, string> = {
  'largest-remainder': 'the leftover units go to the largest remainders',
  'half-up': 'each share is rounded half-up on its own',
  'fund-down': 'the EU share is rounded down',
};

const ZERO = new Decimal(0);

export const messages = {
  ratesSum(
    label: string,
    covered: Decimal,
    missing: Decimal,
    money: Money,
    missingAmount: Decimal,
    rest: boolean,
    table = false,
  ) {
    const word = missing.isNegative() ? 'over' : 'short of';
    const missingMoney = money(missingAmount);
    return {
      said: said('rates-sum', {
        covered,
        missing,
        missingMoney: figure(money, missingAmount),
        rest,
        ...(table ? { table: true as const } : {}),
      }),
      message:
        `${label}rates add up ` +
        `to ${percentText(covered, [HUNDRED])}, ${percentText(missing.abs(), [ZERO])} ` +
        `(${missingMoney}) ${word} 100%`,
      // a rest cannot take less than nothing: over 100%, only lower rates help
      hint: rest
        ? 'the other sources leave nothing for the rest'
        : missing.isNegative()
          ? 'lower the rates so that they add up to 100%'
          : table
            ? 'make the rates add up to 100%, or let one source take the rest: write rest in its cell'
            : 'make the rates add up to 100%, or let one source take the rest: national: rest',
    };
  },
  sumMismatch(
    label: string,
    money: Money,
    declared: Decimal,
    budget: Decimal,
    approximate = false,
    rateLike?: { id: string; text: string },
  ) {
    const difference = declared.minus(budget);
    // an approximate budget as the header writes it: EUR ~10 000
    const written = approximate ? `${money.currency} ~${formatAmount(budget, money.decimals)}` : money(budget);
    return {
      said: said('sum-mismatch', {
        declared: figure(money, declared),
        budget: figure(money, budget),
        ...(approximate ? { approximate } : {}),
        ...(rateLike ? { rateLike } : {}),
      }),
      message:
        `${label}the declared amounts add up ` +
        `to ${money(declared)}, ${money(difference.abs())} ${difference.isNegative() ? 'less' : 'more'} ` +
        `than the budget ${written}`,
      // a table cell 85 is an amount, where a budget file reads 85 as 85%
      hint: rateLike
        ? `${rateLike.text} in the ${rateLike.id} column may be a rate: ` +
          `write ${rateLike.text}% (a cell without % is an amount)`
        : 'check each amount against the document, or the budget',
    };
  },
  budgetUnit(
    label: string,
    budget: { value: Decimal; scale: number },
    unit: Decimal,
    finerUnit: Decimal,
    unitFrom: 'rounding' | 'amounts' | 'currency',
    currency: string,
    table = false,
  ) {
    const finer = finerUnit.toFixed();
    // a partner table has no rounding: key: only its figures can change
    const hints = table
      ? {
          rounding: 'check the budget',
          amounts: `the unit comes from the declared amounts; write them to the unit of the budget (${finer})`,
          currency: `the unit is the minor unit of ${currency}: check the budget`,
        }
      : {
          rounding: `write rounding: { unit: ${finer} }, or check the budget`,
          amounts:
            `the unit comes from the declared amounts; write them to the unit of the ` +
            `budget, or rounding: { unit: ${finer} }`,
          currency:
            `the unit is the minor unit of ${currency}: check the budget (in JSON, 12.758 ` +
            `is a number with three decimals; "12 758" is twelve thousand), or write ` +
            `rounding: { unit: ${finer} }`,
        };
    return {
      said: said('budget-unit', {
        budget: budget.value,
        budgetScale: budget.scale,
        unit,
        finer: finerUnit,
        unitFrom,
        currency,
        ...(table ? { table: true as const } : {}),
      }),
      message:
        `${label}the budget ${formatAmount(budget.value, budget.scale)} is not a whole ` +
        `number of units of ${unit.toFixed()}: shares at that unit cannot add up to it`,
      hint: hints[unitFrom],
    };
  },
  amountUnit(label: string, id: string, amount: Decimal, text: string, unit: Decimal, table = false) {
    return {
      said: said('amount-unit', { id, amount, text, unit, ...(table ? { table: true as const } : {}) }),
      message:
        `${label}${id}: the fixed amount ${text} is not a whole number of ` +
        `units of ${unit.toFixed()}: the shares cannot add up to the budget at that unit`,
      hint: table
        ? 'write the amount to the unit of the other amounts, or those as finely as it'
        : 'write the amount to the unit, or give rounding.unit the unit the amounts are written in',
    };
  },
  shareMismatchSaid(
    id: string,
    money: Money,
    declared: Decimal,
    computed: Decimal,
    exact: Decimal,
    reasons: MismatchReason[],
  ): Said {
    return said('share-mismatch', {
      id,
      declared: figure(money, declared),
      computed: figure(money, computed),
      exact,
      reasons,
    });
  },
  shareMismatch(
    label: string,
    id: string,
    money: Money,
    decimals: number,
    declared: Decimal,
    computed: Decimal,
    exact: Decimal,
  ) {
    const difference = declared.minus(computed);
    return (
      `${label}${id}: declared ${money(declared)}, computed ${money(computed)} ` +
      `(exact ${formatAmount(exact, decimals)}), ` +
      `difference ${difference.gt(0) ? '+' : ''}${formatAmount(difference, decimals)}`
    );
  },
  budgetImpliedMismatch(label: string, f: FindingFigures['budget-implied-mismatch']) {
    // every figure is money, in the file's currency, as in the other findings (EUR 8 900, EUR ~10 000)
    const money = (value: Decimal, decimals: number, approximate = false) =>
      `${f.currency} ${approximate ? '~' : ''}${formatAmount(value, decimals)}`;
    const plain = (value: Decimal) => money(value, Math.max(0, value.decimalPlaces()));
    const each = f.sources.map((s, k) => {
      const amount = money(s.amount, s.amountScale, s.approximate);
      const budget = s.budget === undefined ? 'no budget' : money(s.budget, f.decimals);
      return `${s.id} ${amount} at ${s.rate.toFixed()}% ${k === 0 ? 'a budget of ' : ''}${budget}`;
    });
    const sum = f.sum === undefined ? '' : `, their sum ${plain(f.sum)}`;
    return {
      said: said('budget-implied-mismatch', f),
      message:
        `${label}the declared amounts imply different budgets: ${each.join(', ')}${sum}; ` +
        `the budget ${money(f.budget, f.budgetDecimals, true)} allows ${plain(f.low)} to ${plain(f.high)}`,
      hint: 'correct the amount or the rate that disagrees, or write the exact budget',
    };
  },
  rateDisplay(label: string, id: string, rateText: string, money: Money, amount: Decimal, actual: Decimal) {
    return {
      said: said('rate-display', { id, rateText, amount: figure(money, amount), actual }),
      message:
        `${label}${id}: ${rateText} is the declared amount ${money(amount)} shown as a ` +
        `rounded rate (${actual.toFixed()}% of the budget)`,
      hint: 'the rate is taken as a rounded display of the amount, not a prescribed rate; --strict refuses this',
    };
  },
  roundingMethod(label: string, method: RoundingMethod, table = false) {
    return {
      said: said('rounding-method', { method, ...(table ? { table: true as const } : {}) }),
      message: `${label}figures follow ${method}: ${METHOD_NOTES[method]}`,
      hint: table
        ? `a partner table has no rounding: to make ${method} binding, write the partner in a budget file ` +
          `with rounding: { method: ${method} }`
        : `write rounding: { method: ${method} } to make it binding`,
    };
  },
  roundingDrift(label: string, method: RoundingMethod, money: Money, total: Decimal, drift: Decimal) {
    return {
      said: said('rounding-drift', { method, total: figure(money, total), drift: figure(money, drift) }),
      message:
        `${label}with ${method} the shares add up ` +
        `to ${money(total)}, ${money(drift.abs())} ${drift.isNegative() ? 'less' : 'more'} ` +
        `than the budget`,
      hint:
        method === 'fund-down'
          ? 'no source but EU funds takes the remainder: let a source that is not an EU fund take the rest ' +
            '(an EU fund is rounded down, the rest too)'
          : 'largest-remainder or fund-down keep the sum exact',
    };
  },
  restNegative(label: string, id: string, method: RoundingMethod, money: Money, amount: Decimal, table = false) {
    return {
      said: said('rest-negative', {
        id,
        method,
        amount: figure(money, amount),
        ...(table ? { table: true as const } : {}),
      }),
      message:
        `${label}${id}: the rest comes to ${money(amount)} with ${method}: the other ` +
        `shares, rounded, pass the budget by ${money(amount.abs())}`,
      hint:
        'no source pays less than nothing; largest-remainder keeps every share at zero ' +
        (table ? 'or above' : 'or above: rounding: { method: largest-remainder }'),
    };
  },
  euRateHigh(label: string, id: string, rate: Decimal) {
    return {
      said: said('eu-rate-high', { id, rate }),
      message: `${label}${id}: EU co-financing rate ${percentText(rate, [new Decimal(85)])} is above 85%`,
      hint: 'EU funds rarely pay more than 85% (the outermost regions and some Interreg programmes excepted)',
    };
  },
  zeroBudget(label: string) {
    return {
      said: said('zero-budget', {}),
      message: `${label}the budget is zero: no share is checked against it`,
      hint: 'write the budget from the document; a partner with no budget (an associated partner) may be left out',
    };
  },
  zeroAmount(label: string, id: string) {
    return {
      said: said('zero-amount', { id }),
      message: `${label}${id}: the source is zero`,
      hint: 'drop a source that pays nothing, or check its figure',
    };
  },
};
