import { decimalOfDigits, type Decimal } from './decimal.js';

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
  // the digits from decimal.js's words of seven (the first unpadded), as a Number while exact, without a string
  const words = value.d;
  const head = words[0]!;
  let length =
    head < 10 ? 1 : head < 100 ? 2 : head < 1000 ? 3 : head < 10000 ? 4 : head < 100000 ? 5 : head < 1000000 ? 6 : 7;
  let scaled: bigint;
  if (length + 7 * (words.length - 1) <= 15) {
    let n = head;
    for (let i = 1; i < words.length; i++) n = n * 1e7 + words[i]!;
    scaled = BigInt(n);
  } else {
    scaled = BigInt(head);
    for (let i = 1; i < words.length; i++) scaled = scaled * 10_000_000n + BigInt(words[i]!);
  }
  length += 7 * (words.length - 1);
  const shift = value.e - (length - 1) + scale;
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
  return decimalOfDigits((negative ? -scaled : scaled).toString(), scale, negative);
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

/** The decimals of plain decimal text (`12758.1`: 1). */
export const placesOfText = (text: string): number => {
  const point = text.indexOf('.');
  return point < 0 ? 0 : text.length - point - 1;
};

/**
 * Plain decimal text (`-12758.1`, `-0`, as `toFixedString` writes it) as a whole number of 10^-scale, or undefined
 * when it has more decimals than that: `toScaled(decimalOfText(text), scale)` without the Decimal.
 */
export function scaledOfText(text: string, scale: number): bigint | undefined {
  const negative = text.charCodeAt(0) === 45;
  const point = text.indexOf('.');
  const from = negative ? 1 : 0;
  let decimals = point < 0 ? 0 : text.length - point - 1;
  let digits = point < 0 ? text.slice(from) : text.slice(from, point) + text.slice(point + 1);
  // trailing zeros of the decimals are no decimals (toScaled reads the value, not its text)
  while (decimals > scale && digits.charCodeAt(digits.length - 1) === 48) {
    digits = digits.slice(0, -1);
    decimals--;
  }
  if (decimals > scale) return undefined;
  const whole = digits.length <= 15 ? BigInt(+digits) : BigInt(digits);
  const scaled = decimals < scale ? whole * pow10(scale - decimals) : whole;
  return negative ? -scaled : scaled;
}

/**
 * A whole number of 10^-places as plain decimal text without trailing zeros (`toFixedString(fromScaled(n,
 * places))`, zero `0`).
 */
export function textOfScaled(scaled: bigint, places: number): string {
  const negative = scaled < 0n;
  let digits = (negative ? -scaled : scaled).toString();
  if (places > 0) {
    if (digits.length <= places) digits = digits.padStart(places + 1, '0');
    const whole = digits.slice(0, digits.length - places);
    let end = digits.length;
    while (end > whole.length && digits.charCodeAt(end - 1) === 48) end--;
    digits = end > whole.length ? `${whole}.${digits.slice(whole.length, end)}` : whole;
  }
  return negative ? `-${digits}` : digits;
}
