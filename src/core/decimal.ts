import { Decimal as DecimalJs } from 'decimal.js';

/**
 * The one Decimal constructor cofin computes with. decimal.js rounds every
 * result to 20 significant digits by default, which silently corrupts large
 * amounts; 500 digits is far beyond any amount cofin accepts (MAX_DIGITS), so
 * additions and multiplications are exact. Divisions are always rounded
 * explicitly by the caller.
 */
export const Decimal = DecimalJs.clone({
  precision: 500,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -9e15,
  toExpPos: 9e15,
});
export type Decimal = DecimalJs;

/** The most digits an amount or rate may have; longer ones are rejected, never rounded. */
export const MAX_DIGITS = 60;

export const ZERO = new Decimal(0);
export const HUNDRED = new Decimal(100);

/** Sum of a list of Decimals (exact). */
export function sum(values: readonly Decimal[]): Decimal {
  return values.reduce((acc, v) => acc.plus(v), ZERO);
}

/**
 * Plain decimal string with at least `minScale` decimals and no trailing
 * zeros beyond that: `10844.3` at scale 0, `10844.30` at scale 2. Never `-0`.
 */
export function toFixedString(value: Decimal, minScale = 0): string {
  const scale = Math.max(minScale, value.decimalPlaces());
  const text = value.toFixed(scale);
  return value.isZero() ? text.replace(/^-/, '') : text;
}
