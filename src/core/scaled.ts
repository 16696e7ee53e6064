import { Decimal, significantDigits } from './decimal.js';

/**
 * Fixed point: an amount as a whole number of 10^-scale, in BigInt. Every
 * figure cofin reads is an exact decimal, so one scale per partner makes
 * every share and comparison exact integer arithmetic.
 */

const POWERS: bigint[] = [];
export const pow10 = (n: number): bigint => (POWERS[n] ??= 10n ** BigInt(n));

/** A Decimal as a whole number of 10^-scale, or undefined when it has more decimals than that. */
export function toScaled(value: Decimal, scale: number): bigint | undefined {
  if (value.isZero()) return 0n;
  const digits = significantDigits(value);
  const shift = value.e - (digits.length - 1) + scale;
  let scaled = BigInt(digits);
  if (shift > 0) scaled *= pow10(shift);
  else if (shift < 0) {
    const divisor = pow10(-shift);
    if (scaled % divisor !== 0n) return undefined;
    scaled /= divisor;
  }
  return value.s < 0 ? -scaled : scaled;
}

/** A whole number of 10^-scale as a Decimal. */
export function fromScaled(scaled: bigint, scale: number): Decimal {
  const negative = scaled < 0n;
  let text = (negative ? -scaled : scaled).toString();
  if (scale > 0) {
    text = text.padStart(scale + 1, '0');
    text = `${text.slice(0, -scale)}.${text.slice(-scale)}`;
  }
  return new Decimal(negative ? `-${text}` : text);
}

/** Rounds down (towards minus infinity) to a multiple of a positive unit. */
export function floorTo(value: bigint, unit: bigint): bigint {
  const rest = value % unit;
  return rest < 0n ? value - rest - unit : value - rest;
}

/** Rounds to a multiple of a positive unit, half away from zero. */
export function halfUpTo(value: bigint, unit: bigint): bigint {
  if (value < 0n) return -halfUpTo(-value, unit);
  const rest = value % unit;
  return rest * 2n >= unit ? value - rest + unit : value - rest;
}

export const abs = (value: bigint): bigint => (value < 0n ? -value : value);
