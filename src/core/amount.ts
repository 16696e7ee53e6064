import { CofinError } from './errors.js';
import { isCurrencyCode, nearCurrency } from './currency.js';
import { Decimal, decimalOfDigits, MAX_DIGITS, toFixedString } from './decimal.js';

/** How to read a lone `.` or `,` followed by three digits, which is otherwise ambiguous. */
export type DecimalMark = 'comma' | 'point';

export interface AmountOptions {
  /** Force the decimal separator. */
  decimal?: DecimalMark | undefined;
  /** The currency the amount must be in; a contradicting marker is an error. */
  currency?: string | undefined;
}

/** An amount read from text, exactly as written. */
export interface ParsedAmount {
  value: Decimal;
  /** Decimals written: 0 for `12 758`, 2 for `12 758,00`. */
  scale: number;
  /** ISO 4217 code of a currency marker, if the text had one. */
  currency: string | undefined;
}

const SYMBOLS: Record<string, string> = { '€': 'EUR', $: 'USD', '£': 'GBP', '¥': 'JPY' };
const WORDS: Record<string, string> = {
  euro: 'EUR',
  euros: 'EUR',
  eur: 'EUR',
  eiro: 'EUR',
  ls: 'LVL',
  lati: 'LVL',
  latu: 'LVL',
  lats: 'LVL',
  zł: 'PLN',
  kč: 'CZK',
  ft: 'HUF',
  lei: 'RON',
  лв: 'BGN',
};
// the local signs of currencies old documents wrote (Ls 8 966,37; 1 234 zł) are read as their ISO codes
const LOCAL_MARKERS = 'euros?|eiro|eur|ls|lati|latu|lats|zł|kč|ft|lei|лв';
const LEADING_MARKER = new RegExp(`^([€$£¥]|[A-Z]{3}\\b|(?:${LOCAL_MARKERS})(?![\\p{L}\\p{N}]))\\s*`, 'iu');
const TRAILING_MARKER = new RegExp(`\\s*([€$£¥]|\\b[A-Z]{3}|(?<![\\p{L}\\p{N}])(?:${LOCAL_MARKERS}))$`, 'iu');
const SPACES = /[\s\u00a0\u202f\u2009\u2007]+/gu;
const GROUP_CHARS = " '’";

/** The ISO code a currency marker stands for (`€`, `eiro`, `USD`); undefined for other text. */
export function markerCurrency(marker: string): string | undefined {
  if (SYMBOLS[marker]) return SYMBOLS[marker];
  const word = WORDS[marker.toLowerCase()];
  if (word) return word;
  return /^[A-Z]{3}$/.test(marker) ? marker : undefined;
}

const HINT_FORMAT = 'write an amount such as 12758, 12 758 or 12 758,00';

/** The text of an input in a message: cut short, so that a 5 000-digit number makes one readable line. */
export function quoted(text: string): string {
  return `"${text.length > 40 ? `${text.slice(0, 20)}…${text.slice(-10)}` : text}"`;
}

function bad(text: string, why: string, hint = HINT_FORMAT): CofinError {
  return new CofinError('bad-amount', `${why}: ${quoted(text)}`, hint);
}

/** Strips currency markers from both ends; returns the bare number text and the currency. */
function stripMarkers(text: string, expected: string | undefined): { body: string; currency: string | undefined } {
  let body = text;
  const found: string[] = [];
  for (;;) {
    const lead = LEADING_MARKER.exec(body);
    const trail = lead ? null : TRAILING_MARKER.exec(body);
    const match = lead ?? trail;
    if (!match) break;
    const currency = markerCurrency(match[1]!);
    if (!currency) break;
    if (!isCurrencyCode(currency)) {
      const near = nearCurrency(currency);
      const rest = (lead ? body.slice(match[0].length) : body.slice(0, body.length - match[0].length)).trim();
      throw new CofinError(
        'bad-currency',
        `${currency} is not an ISO 4217 currency code: ${quoted(text)}`,
        near ? `did you mean ${lead ? `${near} ${rest}` : `${rest} ${near}`}?` : 'write an ISO 4217 code: EUR 12 758',
      );
    }
    found.push(currency);
    body = lead ? body.slice(match[0].length) : body.slice(0, body.length - match[0].length);
  }
  if (found.length > 2) throw bad(text, 'more than two currency markers', 'write the currency once: EUR 12 758');
  const currency = found[0];
  if (found.some((c) => c !== currency)) {
    throw bad(text, `two different currencies (${found.join(', ')})`, 'an amount has one currency');
  }
  if (currency && expected && currency !== expected.toUpperCase()) {
    throw CofinError.withFix('bad-amount', `amount is in ${currency}, not ${expected.toUpperCase()}: ${quoted(text)}`, {
      kind: 'currency',
      currency,
    });
  }
  return { body, currency };
}

function chooseDecimalMark(text: string, body: string, options: AmountOptions): string | undefined {
  if (options.decimal) {
    const forced = options.decimal === 'comma' ? ',' : '.';
    return body.includes(forced) ? forced : undefined;
  }
  const lastComma = body.lastIndexOf(',');
  const lastPoint = body.lastIndexOf('.');
  if (lastComma >= 0 && lastPoint >= 0) return lastComma > lastPoint ? ',' : '.';
  const mark = lastComma >= 0 ? ',' : lastPoint >= 0 ? '.' : undefined;
  if (!mark) return undefined;
  if (body.indexOf(mark) !== body.lastIndexOf(mark)) return undefined; // 1,234,567: grouping
  const [before = '', after = ''] = body.split(mark);
  if (!/^[0-9]+$/.test(after)) return undefined; // 1.234 567: a group separator, mixed with another
  if (after.length !== 3) return mark;
  // Another group separator already groups the integer part, or it starts with 0: a decimal mark.
  if ([...GROUP_CHARS].some((c) => before.includes(c)) || before === '0') return mark;
  throw CofinError.withFix(
    'bad-amount',
    `ambiguous amount: "${text}" could be ${before}${after} or ${before}.${after}`,
    { kind: 'decimal-mark', whole: `${before}${after}`, decimal: `${before}.${after}` },
  );
}

const SIMPLE_DECIMAL = /^([0-9]{1,60})([.,])([0-9]{1,2}|[0-9]{4,60})$/;
const SPACED_THOUSANDS = /^([0-9]{1,3}(?: [0-9]{3})+)(?:([.,])([0-9]{1,60}))?$/;

/**
 * Parses an amount as people write it in documents: `12 758`, `12.758,50`,
 * `€12,758.50`, `12 758 EUR`, `1'234.50`. Exact: the value is the written
 * decimal. Negative amounts, exponents and malformed grouping are errors.
 */
export function parseAmount(text: string, options: AmountOptions = {}): ParsedAmount {
  // Plain digits, the commonest form in generated files: no separators, no marker, nothing to decide.
  if (/^[0-9]{1,60}$/.test(text)) return { value: decimalOfDigits(text, 0), scale: 0, currency: undefined };
  // Digits with one decimal mark before one, two or four and more decimals (1234.56): nothing to decide either.
  const simple = SIMPLE_DECIMAL.exec(text);
  if (
    simple &&
    simple[1]!.length + simple[3]!.length <= MAX_DIGITS &&
    (!options.decimal || options.decimal === (simple[2] === '.' ? 'point' : 'comma'))
  ) {
    return {
      value: decimalOfDigits(simple[1]! + simple[3]!, simple[3]!.length),
      scale: simple[3]!.length,
      currency: undefined,
    };
  }
  // Thousands grouped by spaces, any decimals after the mark (12 758,10): the space decides the mark, as below.
  const grouped = SPACED_THOUSANDS.exec(text);
  if (
    grouped &&
    (grouped[2] === undefined || !options.decimal || options.decimal === (grouped[2] === '.' ? 'point' : 'comma'))
  ) {
    const digits = grouped[1]!.replace(/ /g, '') + (grouped[3] ?? '');
    if (digits.length <= MAX_DIGITS)
      return {
        value: decimalOfDigits(digits, grouped[3]?.length ?? 0),
        scale: grouped[3]?.length ?? 0,
        currency: undefined,
      };
  }
  const normal = text.replace(SPACES, ' ').trim();
  if (normal === '') throw new CofinError('bad-amount', 'empty amount', HINT_FORMAT);
  const stripped = stripMarkers(normal, options.currency);
  const currency = stripped.currency;
  const body = stripped.body.trim();
  if (/^[-−–]/u.test(body) || /^[-−–]/u.test(normal)) {
    throw new CofinError(
      'bad-amount',
      `amount must not be negative: ${quoted(text.trim())}`,
      'budgets and shares are amounts of zero or more',
    );
  }
  if (body === '') throw bad(normal, 'no digits in amount');
  if (!/^[0-9 '’.,]+$/u.test(body)) throw bad(normal, 'not an amount');
  if (!/^[0-9]/.test(body) || !/[0-9]$/.test(body)) throw bad(normal, 'a separator without digits on both sides');
  if (/[ '’.,]{2}/u.test(body)) throw bad(normal, 'two separators in a row');

  const mark = chooseDecimalMark(normal, body, options);
  let integer = body;
  let fraction = '';
  if (mark) {
    const parts = body.split(mark);
    if (parts.length > 2) throw bad(normal, `more than one decimal mark "${mark}"`);
    [integer = '', fraction = ''] = parts;
    if (!/^[0-9]+$/.test(fraction)) throw bad(normal, 'separator inside the decimals');
  }
  const separators = new Set(integer.replace(/[0-9]/g, ''));
  if (separators.size > 1)
    throw bad(normal, 'mixed group separators', 'group digits in threes with one separator: 12 758 000');
  if (separators.size === 1) {
    const groups = integer.split([...separators][0]!);
    const [first = '', ...rest] = groups;
    if (first.length > 3 || rest.some((g) => g.length !== 3)) {
      throw bad(normal, 'digits not grouped in threes', 'group digits in threes: 12 758 or 1 234 567');
    }
  }
  const digits = integer.replace(/[^0-9]/g, '');
  if (digits.length + fraction.length > MAX_DIGITS) {
    throw bad(normal, `more than ${MAX_DIGITS} digits`, 'cofin computes exactly and refuses amounts it cannot hold');
  }
  const value = new Decimal(fraction ? `${digits}.${fraction}` : digits);
  return { value, scale: fraction.length, currency };
}

/**
 * Formats an amount for people: fixed scale, digits grouped in threes.
 * `formatAmount(new Decimal('12758.1'), 2)` is `12 758.10`.
 */
export function formatAmount(value: Decimal, scale: number, group = ' ', mark = '.'): string {
  const fixed = toFixedString(value, scale);
  const negative = fixed.startsWith('-');
  const [integer = '', fraction] = (negative ? fixed.slice(1) : fixed).split('.');
  const grouped = groupThousands(integer, group);
  return `${negative ? '-' : ''}${grouped}${fraction !== undefined ? mark + fraction : ''}`;
}

/**
 * `1234567` as `1 234 567`: a loop, where the regular expression it replaces was a tenth of a check of many mismatches.
 */
export function groupThousands(integer: string, group: string): string {
  if (integer.length <= 3 || !/^\d+$/.test(integer))
    return integer.length <= 3 ? integer : integer.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  let at = integer.length % 3 || 3;
  let out = integer.slice(0, at);
  for (; at < integer.length; at += 3) out += group + integer.slice(at, at + 3);
  return out;
}
