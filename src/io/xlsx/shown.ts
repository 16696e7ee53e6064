import { Decimal } from '../../core/decimal.js';
import type { NumberFormat } from './number-format.js';

/** A number as a workbook stores it in `<v>`: the text a spreadsheet wrote, at most a double's range. */
const STORED_NUMBER = /^-?(?:[0-9]{1,40}(?:\.[0-9]{0,40})?|\.[0-9]{1,40})(?:[eE][-+]?[0-9]{1,3})?$/;

/** Is `text` a number as `<v>` holds one (plain or with an exponent, within a double's range)? */
export function isStoredNumber(text: string): boolean {
  if (!STORED_NUMBER.test(text)) return false;
  const exponent = /[eE]([-+]?[0-9]+)$/.exec(text);
  return exponent === null || Math.abs(Number(exponent[1])) <= 330;
}

/** A spreadsheet shows at most 15 significant digits of a number. */
const SHOWN_DIGITS = 15;

/** What the sheet shows of a stored number: its text, and whether the stored number holds more than that. */
export interface Shown {
  /** As cofin reads it: `10844.30`, `85%`, `49.67%`; a point for decimals, no grouping. */
  text: string;
  /** The stored number holds digits the sheet does not show. */
  hidden: boolean;
}

/** `1234.5` shifted two places: `123450`; exact, on the digits. */
function shiftPoint(plain: string, places: number): string {
  const negative = plain.startsWith('-');
  const digits = negative ? plain.slice(1) : plain;
  const [whole = '', fraction = ''] = digits.split('.');
  const padded = fraction.padEnd(places, '0');
  const joined = (whole + padded.slice(0, places)).replace(/^0+(?=[0-9])/, '');
  const rest = padded.slice(places).replace(/0+$/, '');
  return (negative ? '-' : '') + joined + (rest === '' ? '' : `.${rest}`);
}

/**
 * What a cell shows of its stored number under a General, fixed or percent
 * format, computed on decimal digits (never a binary float): the stored text
 * rounded to the 15 significant digits a spreadsheet shows, then half away
 * from zero to the format's decimals. A percent format shows the number
 * times 100 with a `%`: `0.85` under `0%` is `85%`, a rate of 85%.
 */
export function shownNumber(stored: string, format: NumberFormat & { kind: 'general' | 'fixed' | 'percent' }): Shown {
  return plainShown(stored, format) ?? roundedShown(stored, format);
}

/**
 * A number as typed (`12758`, `0.85`: at most 15 digits, no more decimals than shown) needs no rounding: its digits are
 * padded.
 */
const TYPED = /^(?:0|[1-9][0-9]*)(?:\.([0-9]*[1-9]))?$/;

function plainShown(
  stored: string,
  format: NumberFormat & { kind: 'general' | 'fixed' | 'percent' },
): Shown | undefined {
  const typed = TYPED.exec(stored);
  if (!typed || stored.replace(/^0\.0*|\./g, '').length > SHOWN_DIGITS) return undefined;
  const decimals = typed[1]?.length ?? 0;
  if (format.kind === 'general') return { text: stored, hidden: false };
  if (format.kind === 'fixed') {
    if (decimals > format.decimals) return undefined;
    return {
      text:
        format.decimals === 0
          ? stored
          : `${stored}${decimals === 0 ? '.' : ''}${'0'.repeat(format.decimals - decimals)}`,
      hidden: false,
    };
  }
  if (decimals > format.decimals + 2) return undefined;
  const percent = shiftPoint(stored, 2);
  const shownDecimals = Math.max(0, decimals - 2);
  const padded =
    format.decimals === 0
      ? percent
      : `${percent}${shownDecimals === 0 ? '.' : ''}${'0'.repeat(format.decimals - shownDecimals)}`;
  return { text: `${padded}%`, hidden: false };
}

function roundedShown(stored: string, format: NumberFormat & { kind: 'general' | 'fixed' | 'percent' }): Shown {
  const exact = new Decimal(stored);
  const value = exact.isZero() ? exact.abs() : exact.toSignificantDigits(SHOWN_DIGITS, Decimal.ROUND_HALF_UP);
  if (format.kind === 'general') {
    const text = value.toFixed();
    return { text, hidden: !value.eq(exact) };
  }
  if (format.kind === 'fixed') {
    const shown = value.toFixed(format.decimals, Decimal.ROUND_HALF_UP);
    // -0.001 at two decimals shows no sign worth reading: 0.00
    return {
      text: shown.startsWith('-') && new Decimal(shown).isZero() ? shown.slice(1) : shown,
      hidden: !new Decimal(shown).eq(exact),
    };
  }
  const percent = new Decimal(shiftPoint(value.toFixed(), 2));
  const shown = percent.toFixed(format.decimals, Decimal.ROUND_HALF_UP);
  return { text: `${shown}%`, hidden: !new Decimal(shiftPoint(exact.toFixed(), 2)).eq(new Decimal(shown)) };
}

/** The stored number as it would be shown with every digit: `0.85` under a percent format is `85%`. */
export function storedText(stored: string, format: NumberFormat): string {
  const plain = new Decimal(stored).toFixed();
  return format.kind === 'percent' ? `${shiftPoint(plain, 2)}%` : plain;
}
