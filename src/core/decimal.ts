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
 * The significant digits of a finite, non-zero Decimal, without trailing
 * zeros: `1275.80` gives `12758`. Its first digit stands at the place
 * `value.e` (10^e). Read from decimal.js's documented representation, which
 * keeps the digits in words of seven, the first word unpadded.
 */
export function significantDigits(value: Decimal): string {
  const words = value.d;
  let digits = String(words[0]);
  for (let i = 1; i < words.length; i++) digits += String(words[i]).padStart(7, '0');
  let end = digits.length;
  while (end > 1 && digits.charCodeAt(end - 1) === 48) end--;
  return end < digits.length ? digits.slice(0, end) : digits;
}

/** decimal.js keeps a value's digits in words of this many. */
const WORD = 7;

/**
 * The Decimal `digits` × 10^-`scale` (`digits` plain ASCII digits, leading
 * zeros allowed), made as decimal.js's own string reader makes it (the same
 * sign, exponent and words of seven digits) without its general parse: a
 * large check makes a million. A property test holds it to `new Decimal`.
 */
export function decimalOfDigits(digits: string, scale: number, negative = false): Decimal {
  let start = 0;
  while (start < digits.length && digits.charCodeAt(start) === 48) start++;
  let end = digits.length;
  while (end > start && digits.charCodeAt(end - 1) === 48) end--;
  if (start === end) return new Decimal(negative ? '-0' : '0');
  const x = Object.create(Decimal.prototype) as { constructor: unknown; s: number; e: number; d: number[] };
  x.constructor = Decimal; // as the constructor does: each clone's instances name it
  x.s = negative ? -1 : 1;
  const e = digits.length - scale - start - 1;
  x.e = e;
  const significant = end - start;
  const d: number[] = [];
  let first = (e + 1) % WORD;
  if (e < 0) first += WORD;
  let at = start;
  if (first < significant) {
    if (first > 0) d.push(+digits.slice(at, (at += first)));
    while (end - at > WORD) d.push(+digits.slice(at, (at += WORD)));
    const last = digits.slice(at, end);
    d.push(+(last + '0'.repeat(WORD - last.length)));
  } else {
    d.push(+(digits.slice(at, end) + '0'.repeat(first - significant)));
  }
  x.d = d;
  return x as unknown as Decimal;
}

/** A Decimal of plain decimal text (`-12758.1`, `-0`), as `toFixedString` writes it, from its digits. */
export function decimalOfText(text: string): Decimal {
  const negative = text.charCodeAt(0) === 45;
  const point = text.indexOf('.');
  const from = negative ? 1 : 0;
  return point < 0
    ? decimalOfDigits(from === 0 ? text : text.slice(from), 0, negative)
    : decimalOfDigits(text.slice(from, point) + text.slice(point + 1), text.length - point - 1, negative);
}

/**
 * Plain decimal string with at least `minScale` decimals and no trailing
 * zeros beyond that: `10844.3` at scale 0, `10844.30` at scale 2. Never `-0`.
 * Written from the Decimal's digits directly: decimal.js's own `toFixed`
 * takes five times as long, and a report of 100 000 partners writes 600 000
 * amounts. A property test holds the two to the same text.
 */
export function toFixedString(value: Decimal, minScale = 0): string {
  if (!value.d) return value.toFixed(minScale); // NaN and infinities, which cofin never makes
  if (value.isZero()) return minScale > 0 ? `0.${'0'.repeat(minScale)}` : '0';
  const digits = significantDigits(value);
  const point = value.e + 1;
  let whole: string;
  let fraction: string;
  if (point <= 0) {
    whole = '0';
    fraction = '0'.repeat(-point) + digits;
  } else if (point >= digits.length) {
    whole = digits + '0'.repeat(point - digits.length);
    fraction = '';
  } else {
    whole = digits.slice(0, point);
    fraction = digits.slice(point);
  }
  if (fraction.length < minScale) fraction += '0'.repeat(minScale - fraction.length);
  return (value.s < 0 ? '-' : '') + whole + (fraction ? `.${fraction}` : '');
}

/**
 * `toFixedString(decimalOfText(text), minScale)` without the Decimal: the plain decimal text a report's notes keep
 * (`-12758.1`, `-0`) at least `minScale` decimals long, never `-0`. A property test holds the two to the same text.
 */
export function toFixedText(text: string, minScale = 0): string {
  const point = text.indexOf('.');
  const decimals = point < 0 ? 0 : text.length - point - 1;
  if (isZeroText(text)) return minScale > 0 ? `0.${'0'.repeat(minScale)}` : '0';
  if (decimals >= minScale) return text;
  return `${text}${point < 0 ? '.' : ''}${'0'.repeat(minScale - decimals)}`;
}

/** Whether plain decimal text (`-0`, `0.00`) is zero. */
export function isZeroText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 49 && c <= 57) return false;
  }
  return true;
}
