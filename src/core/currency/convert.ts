import { Decimal } from '../decimal.js';

/** A finite Decimal as an exact fraction of BigInts, the denominator a power of ten. */
function fraction(value: Decimal): [bigint, bigint] {
  const places = value.decimalPlaces();
  const denominator = 10n ** BigInt(places);
  return [BigInt(value.times(new Decimal(10).pow(places)).toFixed(0)), denominator];
}

/**
 * numerator ÷ denominator rounded to a whole number half-up, that is half
 * away from zero (Java's RoundingMode.HALF_UP, which Jems uses): exact, on
 * BigInts, so that no quotient is rounded twice.
 */
function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = (2n * n + d) / (2n * d);
  return negative ? -q : q;
}

/**
 * An amount in a currency converted into euro at a rate stated as units of
 * that currency per euro (the Commission's InforEuro rates, the fixed euro
 * conversion rates): amount ÷ rate, rounded half-up to the unit (0.01). This
 * is Jems's `declaredAmount.divide(rate, 2, RoundingMode.HALF_UP)`
 * (docs/jems-rules.md, section 4; vectors F1, F2, F4, F5), and the rounding
 * of Council Regulation (EC) No 1103/97, Article 5.
 */
export function divideByRate(amount: Decimal, rate: Decimal, unit: Decimal): Decimal {
  const [an, ad] = fraction(amount);
  const [rn, rd] = fraction(rate);
  const [un, ud] = fraction(unit);
  // amount ÷ rate ÷ unit = (an/ad) ÷ (rn/rd) ÷ (un/ud)
  const units = divideHalfUp(an * rd * ud, ad * rn * un);
  return new Decimal(units.toString()).times(unit);
}

/**
 * An amount multiplied by a rate, rounded half-up to the unit: euro into a national currency (Regulation 1103/97,
 * Article 5).
 */
export function multiplyByRate(amount: Decimal, rate: Decimal, unit: Decimal): Decimal {
  const [an, ad] = fraction(amount);
  const [rn, rd] = fraction(rate);
  const [un, ud] = fraction(unit);
  const units = divideHalfUp(an * rn * ud, ad * rd * un);
  return new Decimal(units.toString()).times(unit);
}
