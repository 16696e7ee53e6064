import { LOCALES } from './currency.js';
import { fold } from './normalise.js';
import type { Language } from './types.js';

export const NUM =
  String.raw`\d{1,3}(?:[ \u00a0\u202f'’]\d{3})+(?:[.,]\d+)?|\d{1,3}(?:\.\d{3})+(?:,\d+)?|` +
  String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?`;

/**
 * Magnitude words in every EU language, from Node's Intl compact notation (CLDR):
 * the short forms as written (`tūkst.`, `mln`, `Mio.`, `млн`) and the long ones
 * by their first six letters, so that every case form matches (`miljoni`,
 * `miljonu`, `milionów`, `milijonai`). A form two languages give different
 * powers (`mil`: a thousand in Spanish, a million in Czech without its dot) is
 * left out; its dotted form stays. Folded: matched on the folded text.
 */
function magnitudeWords(): Map<string, number> {
  const found = new Map<string, Set<number>>();
  const add = (pattern: string, exponent: number) => {
    if (!found.has(pattern)) found.set(pattern, new Set());
    found.get(pattern)!.add(exponent);
  };
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const locale of LOCALES) {
    for (const exponent of [3, 6, 9]) {
      for (const compactDisplay of ['short', 'long'] as const) {
        let written: string;
        try {
          written = new Intl.NumberFormat(locale, { notation: 'compact', compactDisplay }).format(2 * 10 ** exponent);
        } catch {
          continue;
        }
        const word = fold(written.replace(/[\d\s\u00a0\u202f]/g, '')).toLowerCase();
        const letters = word.replace(/\./g, '');
        // `K`, `M`, `mn`: only glued to a number (below)
        if (letters.length < 3 || !/^\p{L}+\.?$/u.test(word)) continue;
        if (compactDisplay === 'short') {
          add(escape(word), exponent);
          if (word.endsWith('.')) add(escape(letters), exponent);
        } else {
          add(letters.length > 6 ? `${escape(letters.slice(0, 6))}\\p{L}*` : escape(letters), exponent);
        }
      }
    }
  }
  // forms CLDR does not give: Latvian and Polish genitives, German and English abbreviations
  for (const [pattern, exponent] of [
    [String.raw`tūkst\p{L}*`, 3],
    [String.raw`tysięc\p{L}*`, 3],
    // Czech, Slovak, Croatian and Slovenian thousands in every case (`918 tisíc Kč`, `500 tisuća kuna`, `tisoč`)
    [String.raw`tisíc\p{L}*`, 3],
    [String.raw`tisuć\p{L}*`, 3],
    [String.raw`tisoč\p{L}*`, 3],
    ['tsd\\.', 3],
    ['thous\\p{L}*', 3],
    ['mila', 3],
    ['mii', 3],
    ['mln\\.', 6],
    ['mil\\.', 6],
    ['mio', 6],
    ['mlrd\\.', 9],
    ['mljrd\\.', 9],
    // Latvian short forms beside `milj.`: `mlj.`, `mljn.`
    ['mlj\\.', 6],
    ['mljn\\.', 6],
    ['mld\\.', 9],
  ] as const)
    add(fold(pattern), exponent);
  const words = new Map<string, number>();
  for (const [pattern, exponents] of found) if (exponents.size === 1) words.set(pattern, [...exponents][0]!);
  return words;
}
const MAGNITUDES = magnitudeWords();
/**
 * `mil` undotted before `euros` (the plural of Spanish and Portuguese: `968 mil euros`) is a thousand; elsewhere
 * (`1,4 mil kuna`, a million in Croatian and Czech) it stays unread.
 */
const MIL_THOUSAND = String.raw`mil(?=[\x20\u00a0]+euros(?!\p{L}))`;
const MAGNITUDE_TESTS = [...MAGNITUDES].map(([pattern, exponent]) => ({
  test: new RegExp(`^(?:${pattern})$`, 'iu'),
  exponent,
}));

/**
 * A magnitude word after a number (a regex alternative, no groups): dotted forms first (`tūkst.` before `tūkst…`), then
 * the longest.
 */
export const MAG = [...MAGNITUDES.keys()]
  .sort((a, b) => Number(b.endsWith('\\.')) - Number(a.endsWith('\\.')) || b.length - a.length)
  .concat(MIL_THOUSAND)
  .join('|');

/** The power of ten of a magnitude word as matched (folded), or undefined. */
export function magnitudeExponent(word: string): number | undefined {
  const key = fold(word).toLowerCase();
  if (/^(?:k|t)$/.test(key)) return 3;
  if (/^(?:m|mn)$/.test(key)) return 6;
  if (/^(?:b|bn)$/.test(key)) return 9;
  // matched only before `euros` (MIL_THOUSAND)
  if (key === 'mil') return 3;
  return MAGNITUDE_TESTS.find((m) => m.test.test(key))?.exponent;
}
export const PERCENT = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,])(\d{1,3}(?:[.,]\d+)?)\s?(%|procent\p{L}*|proc\.|Prozent|pour cent|` +
    String.raw`per cento|por ciento|protsent\p{L}*|la sută|la suta|százalék\p{L}*|prosent\p{L}*|odsto|posto)`,
  'giu',
);

/**
 * The document's decimal mark, from its own numbers: `2,5 milj.` or `1.234.567,89`
 * speak for a comma, `1.5m` or `12,758.50` for a point. Most EU languages
 * write a decimal comma; English a point.
 */
export function decimalMarkOf(text: string, language: Language): { decimal: 'comma' | 'point'; sure: boolean } {
  const comma = (
    text.match(/\d,\d{1,2}(?!\d)|\d{1,3}(?:\.\d{3})+,\d|(?<![\d,.])\d{1,3}(?:\.\d{3}){2,}(?![\d,])/g) ?? []
  ).length;
  const point = (
    text.match(/\d\.\d{1,2}(?![\d.])|\d{1,3}(?:,\d{3})+\.\d|(?<![\d,.])\d{1,3}(?:,\d{3}){2,}(?![\d.])/g) ?? []
  ).length;
  if (comma !== point) return { decimal: comma > point ? 'comma' : 'point', sure: true };
  return { decimal: language === 'en' ? 'point' : 'comma', sure: false };
}
