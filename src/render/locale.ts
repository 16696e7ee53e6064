import { formatAmount, groupThousands } from '../core/amount.js';
import { decimalOfText, isZeroText, type Decimal } from '../core/decimal.js';

/** The language of cofin's words and how it writes amounts: `lv` 12 758,00 €, `en` €12,758.00. */
export type Locale = 'lv' | 'en';

/**
 * The locale of the environment, by POSIX precedence for messages: LC_ALL,
 * then LC_MESSAGES, then LANG (an empty variable counts as unset); English
 * unless Latvian. Words and amounts follow the one locale, so that a Latvian
 * heading never stands over an English number.
 */
export function localeFromEnv(env: Record<string, string | undefined>): Locale {
  const tag = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^lv([_.@-]|$)/i.test(tag) ? 'lv' : 'en';
}

const SYMBOLS: Record<string, string> = { EUR: '€', USD: '$', GBP: '£' };

// Latvian amounts are written by Intl.NumberFormat('lv') (CLDR: a non-breaking space between groups,
// none in four-digit amounts, a decimal comma, "€" after). It is given the exact decimal text, never
// a JS number, so every digit is the file's (test/locale.test.ts holds it to the exact digits).
const formatters = new Map<string, Intl.NumberFormat>();
function lvFormat(key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  let format = formatters.get(key);
  if (!format) formatters.set(key, (format = new Intl.NumberFormat('lv', options)));
  return format;
}

/** Latvian money in an ISO currency at a number of decimals (both money formatters share it). */
const lvMoney = (currency: string, places: number) =>
  lvFormat(`money ${currency} ${places}`, {
    style: 'currency',
    currency,
    minimumFractionDigits: places,
    maximumFractionDigits: places,
  });

/** The decimals shown: the scale, or more when the value has them (as formatAmount: never a digit lost). */
const placesOf = (value: Decimal, scale: number) => Math.max(0, scale, value.decimalPlaces());
/**
 * The decimal text Intl is given: at those decimals, no negative zero. Intl accepts decimal strings exactly (Node ≥
 * 20).
 */
const exactText = (value: Decimal, places: number) => (value.isZero() ? value.abs() : value).toFixed(places);
const format = (formatter: Intl.NumberFormat, text: string) => formatter.format(text as unknown as number);

/** Node 20's Intl writes at most 20 fraction digits (RangeError past them); newer ones 100. */
const INTL_PLACES = 20;

/**
 * Decimal text (at `places` decimals) in Latvian by Intl, exactly at any number of decimals: up to `limit` Intl
 * writes it all; past it, Intl writes the whole part, sign and currency of the figure with one decimal (a `1`, which
 * no rounding moves), and the exact decimals take that one's place. CLDR groups no decimals in Latvian, so both ways
 * give the same text (a test holds them to each other at every count Intl takes).
 */
export function lvExact(
  make: (places: number) => Intl.NumberFormat,
  text: string,
  places: number,
  limit = INTL_PLACES,
): string {
  if (places <= limit) return format(make(places), text);
  const point = text.indexOf('.');
  const whole = point < 0 ? text : text.slice(0, point);
  const fraction = point < 0 ? '' : text.slice(point + 1);
  return make(1)
    .formatToParts(`${whole}.1` as unknown as number)
    .map((part) => (part.type === 'fraction' ? fraction : part.value))
    .join('');
}

/** Latvian numbers without a currency at a number of decimals. */
const lvNumber = (places: number) =>
  lvFormat(`number ${places}`, { minimumFractionDigits: places, maximumFractionDigits: places });

/** Latvian percentages (the value in percent) at a number of decimals. */
const lvPercent = (places: number) =>
  lvFormat(`percent ${places}`, {
    style: 'unit',
    unit: 'percent',
    minimumFractionDigits: places,
    maximumFractionDigits: places,
  });

/** Money the locale's way: `lv` by Intl (`12 758,00 €`, `1234,50 €`), `en` `€12,758.00` (or `PLN 1,234.00`). */
export function formatMoney(value: Decimal, currency: string, scale: number, locale: Locale): string {
  const symbol = SYMBOLS[currency];
  if (locale === 'lv') {
    const places = placesOf(value, scale);
    if (/^[A-Z]{3}$/.test(currency))
      return places <= INTL_PLACES
        ? format(lvMoney(currency, places), exactText(value, places))
        : lvExact((p) => lvMoney(currency, p), exactText(value, places), places);
    return `${formatNumber(value, scale, locale)}\u00a0${currency}`;
  }
  const digits = formatAmount(value.abs(), scale, ',', '.');
  const sign = value.isNegative() && !value.isZero() ? '-' : '';
  return symbol ? `${sign}${symbol}${digits}` : `${sign}${currency} ${digits}`;
}

/**
 * An amount without its currency, the locale's way: `lv` 12 758,00 (Intl), `en` 12,758.00. For table cells under a
 * heading that names the currency.
 */
export function formatNumber(value: Decimal, scale: number, locale: Locale): string {
  if (locale === 'en') return formatAmount(value, scale, ',', '.');
  const places = placesOf(value, scale);
  return lvExact(lvNumber, exactText(value, places), places);
}

/** A percentage the locale's way: `lv` 85,5% (Intl), `en` 85.5%. The value is in percent, at its own decimals. */
export function formatPercent(value: Decimal, locale: Locale): string {
  if (locale === 'en') return `${value.toFixed()}%`;
  const places = placesOf(value, 0);
  return lvExact(lvPercent, exactText(value, places), places);
}

/**
 * Plain decimal text (a report's notes: `-12758.1`, `-0`) split for the formatters below: its sign, whole digits and
 * decimals, and whether it is zero.
 */
function partsOf(text: string): { negative: boolean; whole: string; fraction: string; zero: boolean } {
  const negative = text.charCodeAt(0) === 45;
  const body = negative ? text.slice(1) : text;
  const point = body.indexOf('.');
  return {
    negative,
    whole: point < 0 ? body : body.slice(0, point),
    fraction: point < 0 ? '' : body.slice(point + 1),
    zero: isZeroText(body),
  };
}

/** What `exactText` gives Intl, from the text: at `places` decimals (at least its own), zero unsigned. */
function intlText(parts: ReturnType<typeof partsOf>, places: number): string {
  if (parts.zero) return places > 0 ? `0.${'0'.repeat(places)}` : '0';
  const fraction = parts.fraction.padEnd(places, '0');
  return `${parts.negative ? '-' : ''}${parts.whole}${fraction ? `.${fraction}` : ''}`;
}

/**
 * `formatMoney(decimalOfText(text), …)` from the exact text a report's notes keep, without a Decimal (a report of
 * 100 000 partners formats half a million amounts). A property test holds the two to the same text.
 */
export function formatMoneyText(text: string, currency: string, scale: number, locale: Locale): string {
  const parts = partsOf(text);
  // past 100 decimals, or a whole part with a leading zero (never written by the notes): the Decimal's way
  if (parts.fraction.length > 100 || scale > 100 || (parts.whole.length > 1 && parts.whole.charCodeAt(0) === 48))
    return formatMoney(decimalOfText(text), currency, scale, locale);
  if (locale === 'lv') {
    const places = Math.max(0, scale, parts.fraction.length);
    if (/^[A-Z]{3}$/.test(currency))
      return places <= INTL_PLACES
        ? format(lvMoney(currency, places), intlText(parts, places))
        : lvExact((p) => lvMoney(currency, p), intlText(parts, places), places);
    const number = lvExact(lvNumber, intlText(parts, places), places);
    return `${number}\u00a0${currency}`;
  }
  const symbol = SYMBOLS[currency];
  const fraction = parts.zero ? '0'.repeat(scale) : parts.fraction.padEnd(scale, '0');
  const digits = `${groupThousands(parts.zero ? '0' : parts.whole, ',')}${fraction ? `.${fraction}` : ''}`;
  const sign = parts.negative && !parts.zero ? '-' : '';
  return symbol ? `${sign}${symbol}${digits}` : `${sign}${currency} ${digits}`;
}

/** `formatPercent(decimalOfText(text), locale)` from exact text, without a Decimal. */
export function formatPercentText(text: string, locale: Locale): string {
  const parts = partsOf(text);
  if (parts.fraction.length > 100 || (parts.whole.length > 1 && parts.whole.charCodeAt(0) === 48))
    return formatPercent(decimalOfText(text), locale);
  if (locale === 'en') return `${intlText(parts, parts.fraction.length)}%`;
  const places = parts.fraction.length;
  return lvExact(lvPercent, intlText(parts, places), places);
}
