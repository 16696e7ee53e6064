import { formatAmount } from '../core/amount.js';
import type { Decimal } from '../core/decimal.js';

/** How amounts are written for people: `lv` 12 758,00 €, `en` €12,758.00. */
export type Locale = 'lv' | 'en';

/** The locale of the environment: LC_ALL, then LC_MONETARY, then LANG; English unless Latvian. */
export function localeFromEnv(env: Record<string, string | undefined>): Locale {
  const tag = env.LC_ALL || env.LC_MONETARY || env.LANG || '';
  return /^lv/i.test(tag) ? 'lv' : 'en';
}

const SYMBOLS: Record<string, string> = { EUR: '€', USD: '$', GBP: '£' };

/** Money the locale's way, with non-breaking spaces in Latvian so that amounts never wrap. */
export function formatMoney(value: Decimal, currency: string, scale: number, locale: Locale): string {
  const symbol = SYMBOLS[currency];
  if (locale === 'lv') return `${formatAmount(value, scale, '\u00a0', ',')}\u00a0${symbol ?? currency}`;
  const digits = formatAmount(value.abs(), scale, ',', '.');
  const sign = value.isNegative() && !value.isZero() ? '-' : '';
  return symbol ? `${sign}${symbol}${digits}` : `${sign}${currency} ${digits}`;
}

/** An amount without its currency, the locale's way: `lv` 12 758,00 (non-breaking spaces), `en` 12,758.00. For table cells under a heading that names the currency. */
export function formatNumber(value: Decimal, scale: number, locale: Locale): string {
  return locale === 'lv' ? formatAmount(value, scale, '\u00a0', ',') : formatAmount(value, scale, ',', '.');
}

/** A percentage the locale's way: `85,5 %` or `85.5%`. */
export function formatPercent(value: Decimal, locale: Locale): string {
  const text = value.toFixed();
  return locale === 'lv' ? `${text.replace('.', ',')}\u00a0%` : `${text}%`;
}
