import { Decimal } from '../decimal.js';
import { divideByRate, multiplyByRate } from './convert.js';

/**
 * The irrevocably fixed conversion rates of the currencies the euro replaced,
 * as one euro in each (Council Regulation (EC) No 2866/98, Article 1, as
 * amended at each accession; the consolidated text lists all of them), and
 * the rules of Council Regulation (EC) No 1103/97 for using them:
 *
 * - Article 4(1): the rates are one euro expressed in the national currency,
 *   with six significant figures; 4(2): they are not rounded or truncated when
 *   converting; 4(3): they serve both ways, and inverse rates are not used
 *   (so euro = national ÷ rate, never national × 1/rate).
 * - Article 4(4): from one national currency to another, first into euro,
 *   that euro amount rounded to not less than three decimals, then into the
 *   other currency (triangulation); cofin rounds it to three.
 * - Article 5: an amount converted into euro is rounded to the nearest cent,
 *   a half upwards; one converted into a national currency to its nearest
 *   sub-unit (or unit where it has none in use).
 */
export interface FixedRate {
  currency: string;
  name: string;
  /** One euro in this currency. */
  rate: Decimal;
  /** The rate as the regulation writes it, six significant figures (`340.750`). */
  text: string;
  /** The first day the euro replaced it (the rate applies from then on). */
  from: string;
}

const RATES: [string, string, string, string][] = [
  // the first eleven, Regulation 2866/98 of 31 December 1998
  ['BEF', 'Belgian franc', '40.3399', '1999-01-01'],
  ['DEM', 'German mark', '1.95583', '1999-01-01'],
  ['ESP', 'Spanish peseta', '166.386', '1999-01-01'],
  ['FRF', 'French franc', '6.55957', '1999-01-01'],
  ['IEP', 'Irish pound', '0.787564', '1999-01-01'],
  ['ITL', 'Italian lira', '1936.27', '1999-01-01'],
  ['LUF', 'Luxembourg franc', '40.3399', '1999-01-01'],
  ['NLG', 'Dutch guilder', '2.20371', '1999-01-01'],
  ['ATS', 'Austrian schilling', '13.7603', '1999-01-01'],
  ['PTE', 'Portuguese escudo', '200.482', '1999-01-01'],
  ['FIM', 'Finnish markka', '5.94573', '1999-01-01'],
  // added by the amendments at each later accession
  ['GRD', 'Greek drachma', '340.750', '2001-01-01'],
  ['SIT', 'Slovenian tolar', '239.640', '2007-01-01'],
  ['CYP', 'Cyprus pound', '0.585274', '2008-01-01'],
  ['MTL', 'Maltese lira', '0.429300', '2008-01-01'],
  ['SKK', 'Slovak koruna', '30.1260', '2009-01-01'],
  ['EEK', 'Estonian kroon', '15.6466', '2011-01-01'],
  ['LVL', 'Latvian lats', '0.702804', '2014-01-01'],
  ['LTL', 'Lithuanian litas', '3.45280', '2015-01-01'],
  ['HRK', 'Croatian kuna', '7.53450', '2023-01-01'],
  ['BGN', 'Bulgarian lev', '1.95583', '2026-01-01'],
];

/** Every fixed rate by currency code. */
export const FIXED_RATES: ReadonlyMap<string, FixedRate> = new Map(
  RATES.map(([currency, name, rate, from]) => [
    currency,
    { currency, name, rate: new Decimal(rate), text: rate, from },
  ]),
);

/** Where the rates come from, for messages and output. */
export const FIXED_RATES_SOURCE =
  'Council Regulation (EC) No 2866/98, Article 1 (as amended); rounding by ' +
  'Council Regulation (EC) No 1103/97, Articles 4 and 5';

/**
 * Currencies whose sub-unit was out of use: their amounts are rounded to whole units (Regulation 1103/97, Article 5).
 */
export const WHOLE_UNITS: ReadonlySet<string> = new Set(['BEF', 'LUF', 'ESP', 'ITL', 'GRD']);

const CENT = new Decimal('0.01');
const ONE = new Decimal(1);
const THREE_DECIMALS = new Decimal('0.001');

/** The fixed rate of a currency the euro replaced, or undefined. */
export function fixedRate(currency: string): FixedRate | undefined {
  return FIXED_RATES.get(currency);
}

/** The unit a national currency amount is rounded to. */
export function nationalUnit(currency: string): Decimal {
  return WHOLE_UNITS.has(currency) ? ONE : CENT;
}

function rateOf(currency: string): Decimal {
  const fixed = FIXED_RATES.get(currency);
  if (!fixed) throw new RangeError(`${currency} has no fixed euro conversion rate`);
  return fixed.rate;
}

/** A national currency amount in euro: amount ÷ rate, half-up to the cent. */
export function toEuro(amount: Decimal, currency: string): Decimal {
  return divideByRate(amount, rateOf(currency), CENT);
}

/** A euro amount in a national currency: amount × rate, half-up to its unit. */
export function fromEuro(amount: Decimal, currency: string): Decimal {
  return multiplyByRate(amount, rateOf(currency), nationalUnit(currency));
}

/**
 * From one national currency to another by triangulation (Article 4(4)):
 * into euro rounded to three decimals, then into the other currency.
 */
export function betweenNational(amount: Decimal, from: string, to: string): Decimal {
  const euro = divideByRate(amount, rateOf(from), THREE_DECIMALS);
  return multiplyByRate(euro, rateOf(to), nationalUnit(to));
}
