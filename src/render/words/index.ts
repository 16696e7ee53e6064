import type { Finding } from '../../core/check.js';
import type { Locale } from '../locale.js';
import { EN, type Words } from './en.js';
import { LV } from './lv.js';
import { findingWordsLv } from './lv-findings.js';
import { errorHintLv, errorMessageLv } from './lv-errors.js';

export type { Words } from './en.js';

/** cofin's words for a locale: one catalogue per language. */
export const WORDS: Readonly<Record<Locale, Words>> = { en: EN, lv: LV };

/**
 * A finding in the reader's language: its message and hint phrased again
 * from its figures (`said`); an invalid file's error (no figures) by its
 * shape (lv-errors.ts); in English, core's own words. The code never changes.
 */
export function localFinding<F extends Finding>(f: F, locale: Locale): F {
  if (locale === 'en') return f;
  if (f.said === undefined)
    return { ...f, message: errorMessageLv(f.message), ...(f.hint ? { hint: errorHintLv(f.hint) } : {}) };
  return { ...f, ...findingWordsLv(f.said, f.partner) };
}
