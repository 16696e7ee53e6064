import type { Language } from './types.js';

export const NUM = String.raw`\d{1,3}(?:[ \u00a0\u202f'’]\d{3})+(?:[.,]\d+)?|\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?`;
export const MAG = String.raw`milj\.?|miljon\p{L}*|mln\.?|million\p{L}*|Mio\.?|Millionen|milion\p{L}*|millones|milioni|tūkst\.?|tūkstoš\p{L}*|thousand\p{L}*|tūkst\p{L}*|tys\.?|tuhat|mljrd\.?|miljard\p{L}*|billion\p{L}*|Mrd\.?|mld\.?`;
export const PERCENT = /(?<![\p{L}\p{N}.,])(\d{1,3}(?:[.,]\d+)?)\s?(%|procent\p{L}*|proc\.|Prozent|pour cent|per cento|por ciento|protsent\p{L}*)/giu;
export const MAGNITUDE_WORDS: [RegExp, string][] = [[/^(t|k$)/iu, 'thousand'], [/^(mljrd|miljard|billion|mrd|mld|bn$)/iu, 'billion'], [/^(milj|mln|million|mio|milion|millones|m$)/iu, 'million']];

/**
 * The document's decimal mark, from its own numbers: `2,5 milj.` or `1.234.567,89`
 * speak for a comma, `1.5m` or `12,758.50` for a point. Most EU languages
 * write a decimal comma; English a point.
 */
export function decimalMarkOf(text: string, language: Language): { decimal: 'comma' | 'point'; sure: boolean } {
  const comma = (text.match(/\d,\d{1,2}(?!\d)|\d{1,3}(?:\.\d{3})+,\d|(?<![\d,.])\d{1,3}(?:\.\d{3}){2,}(?![\d,])/g) ?? []).length;
  const point = (text.match(/\d\.\d{1,2}(?![\d.])|\d{1,3}(?:,\d{3})+\.\d|(?<![\d,.])\d{1,3}(?:,\d{3}){2,}(?![\d.])/g) ?? []).length;
  if (comma !== point) return { decimal: comma > point ? 'comma' : 'point', sure: true };
  return { decimal: language === 'en' ? 'point' : 'comma', sure: false };
}

