import { Decimal, ZERO } from './decimal.js';
import { parseAmount, type AmountOptions } from './amount.js';

/** A declared amount as a document writes it: exact, or approximate with a precision. */
export interface Figure {
  value: Decimal;
  /** The text it was read from. */
  text: string;
  /** Decimals written (0 for approximate figures with a magnitude word). */
  scale: number;
  /** Set for approximate figures (`~9 284 000`, `2,5 milj.`): the place of the last written digit. */
  precision: Decimal | undefined;
  currency: string | undefined;
}

const MAGNITUDES: [RegExp, number][] = [
  [/^(?:tūkst\.?|tūkstoš(?:i|u|iem|us)|thousands?|tsd\.?)$/iu, 3],
  [/^(?:milj\.?|miljon(?:i|u|iem|s)|mln\.?|millions?|mio\.?)$/iu, 6],
  [/^(?:mljrd\.?|miljard(?:i|u|iem|s)|billions?|mrd\.?)$/iu, 9],
];
const TRAILING_WORD = /\s+(\p{L}+\.?)(\s*(?:EUR|€|eiro|euro)?)$/iu;

/** The power of ten of a magnitude word (`milj.` → 6), or undefined. */
export function magnitudeOf(word: string): number | undefined {
  return MAGNITUDES.find(([pattern]) => pattern.test(word))?.[1];
}

/**
 * Reads a declared amount: an exact amount in any form `parseAmount` takes,
 * or an approximate one, marked by a leading `~` or a magnitude word
 * (`2,5 milj.`, `450 tūkst.`, `1.2 million`). With a magnitude word a single
 * `,` or `.` is the decimal mark (`101,696 milj.`).
 */
export function parseFigure(text: string, options: AmountOptions = {}): Figure {
  let body = text.trim();
  if (/^[0-9]{1,60}$/.test(body))
    return { value: parseAmount(body, options).value, text, scale: 0, precision: undefined, currency: undefined };
  if (/^[0-9]+[.,][0-9]+$/.test(body) || /^[0-9]{1,3}(?: [0-9]{3})+(?:[.,][0-9]+)?$/.test(body)) {
    const parsed = parseAmount(body, options);
    return { value: parsed.value, text, scale: parsed.scale, precision: undefined, currency: undefined };
  }
  const tilde = body.startsWith('~');
  if (tilde) body = body.slice(1).trim();
  let exponent = 0;
  const word = TRAILING_WORD.exec(body);
  const magnitude = word ? magnitudeOf(word[1]!) : undefined;
  if (word && magnitude !== undefined) {
    exponent = magnitude;
    body = body.slice(0, word.index) + (word[2] ?? '');
  }
  const decimal =
    exponent > 0 && /^[^.,]*[.,][^.,]*$/.test(body) ? (body.includes(',') ? 'comma' : 'point') : options.decimal;
  const parsed = parseAmount(body, decimal === options.decimal ? options : { ...options, decimal });
  if (!tilde && exponent === 0)
    return { value: parsed.value, text, scale: parsed.scale, precision: undefined, currency: parsed.currency };
  const scaleUnit = new Decimal(10).pow(-parsed.scale);
  if (exponent > 0) {
    const factor = new Decimal(10).pow(exponent);
    return {
      value: parsed.value.times(factor),
      text,
      scale: 0,
      precision: scaleUnit.times(factor),
      currency: parsed.currency,
    };
  }
  return { ...parsed, text, precision: parsed.scale > 0 ? scaleUnit : trailingZerosUnit(parsed.value) };
}

/** 9 284 000 → 1 000: the place of the last non-zero digit of a whole number. */
function trailingZerosUnit(value: Decimal): Decimal {
  const digits = value.toFixed(0);
  const zeros = digits === '0' ? 0 : digits.length - digits.replace(/0+$/, '').length;
  return new Decimal(10).pow(zeros);
}

/**
 * Half the precision of an approximate figure, but never more than half a unit of its second significant digit:
 * "about 100 000" is read as two significant figures at least (±5 000, not ±50 000), so that `~10 000` is held
 * as tightly as `~11 000`. Zero for an exact figure.
 */
export function tolerance(figure: Figure | undefined): Decimal {
  if (!figure?.precision) return ZERO;
  if (figure.value.isZero()) return figure.precision.div(2);
  // decimal.js's `e` is the exponent of the leading digit: 100 000 → 5, so the second digit's unit is 10^4
  const second = new Decimal(10).pow(figure.value.abs().e - 1);
  return Decimal.min(figure.precision, second).div(2);
}
