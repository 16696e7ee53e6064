import { CofinError } from './errors.js';
import { quoted } from './amount.js';
import { Decimal, HUNDRED, MAX_DIGITS } from './decimal.js';

/** A rate read from text, in percent, exactly as written. */
export interface ParsedRate {
  /** Percent: 85 for `85%`. */
  value: Decimal;
  /** Decimals written: 0 for `85%`, 2 for `49,67%`. */
  scale: number;
}

const HINT_RATE = 'write a percentage from 0 to 100, such as 85%, 85 or 85,5 %';

/**
 * Parses a percentage: `85%`, `85`, `85,5 %`, `84.9985%`. The value is in
 * percent, exact; anything outside 0..100 is an error.
 */
export function parseRate(text: string): ParsedRate {
  const normal = text.replace(/[\s\u00a0\u202f\u2009]+/gu, ' ').trim();
  if (normal === '') throw new CofinError('bad-rate', 'empty rate', HINT_RATE);
  const body = normal.replace(/\s*%$/, '');
  if (/^[-−–]\s*[0-9]/u.test(body)) {
    throw new CofinError('bad-rate', `rate must not be negative: ${quoted(normal)}`, HINT_RATE);
  }
  const match = /^([0-9]+)(?:[.,]([0-9]+))?$/.exec(body);
  if (!match) {
    // `rate: rest` in a budget file: the rest is the source's amount, never a rate
    const hint = /^rest$/i.test(normal) ? 'the rest is no rate: write amount: rest instead' : HINT_RATE;
    throw new CofinError('bad-rate', `not a rate: ${quoted(normal)}`, hint);
  }
  const [, integer = '', fraction = ''] = match;
  if (integer.length + fraction.length > MAX_DIGITS) {
    throw new CofinError('bad-rate', `more than ${MAX_DIGITS} digits in rate: ${quoted(normal)}`, HINT_RATE);
  }
  const value = new Decimal(fraction ? `${integer}.${fraction}` : integer);
  if (value.gt(HUNDRED)) throw new CofinError('bad-rate', `rate above 100%: ${quoted(normal)}`, HINT_RATE);
  // 0.85 is far more often a fraction (85%) than a rate under one percent; with a % sign it is a percentage.
  if (body === normal && value.gt(0) && value.lte(1)) {
    throw new CofinError(
      'bad-rate',
      `rate ${quoted(normal)} without % looks like a fraction`,
      `write ${value.times(HUNDRED).toFixed()}% for ${normal}, or ${normal}% if a rate of at most one percent is meant`,
    );
  }
  return { value, scale: fraction.length };
}

/**
 * `parseRate` that parses each distinct text once: a file of many partners
 * writes the same few rates over and over, and Decimals are immutable, so one
 * serves them all. The cache keeps at most `limit` texts.
 */
export function rateParser(limit = 1000): (text: string) => ParsedRate {
  const parsed = new Map<string, ParsedRate>();
  return (text) => {
    let rate = parsed.get(text);
    if (!rate) {
      rate = parseRate(text);
      if (parsed.size < limit) parsed.set(text, rate);
    }
    return rate;
  };
}
