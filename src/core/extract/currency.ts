/**
 * Currency markers beside a figure: ISO codes, symbols, and names in every EU
 * language. Symbols and names come from Node's Intl (CLDR data: `zł`, `Kč`,
 * `лв.`, `Polijas zlots`, `česká koruna`), stemmed so that their case forms
 * match too (`zlotu`, `złotych`, `korun`); a short hand list adds the forms
 * CLDR does not give, and the historic currencies (lats, kroon, litas, ECU).
 */
import { fold } from './normalise.js';

/** The EU languages cofin reads, and a few more whose documents name EU money. */
export const LOCALES = [
  'lv',
  'lt',
  'et',
  'pl',
  'cs',
  'sk',
  'ro',
  'de',
  'bg',
  'sl',
  'hr',
  'hu',
  'fr',
  'it',
  'es',
  'pt',
  'nl',
  'sv',
  'da',
  'fi',
  'el',
  'en',
  'ru',
  'uk',
  'mt',
  'ga',
];
/** Currencies read; the Nordic crowns by their codes alone, so that a shared stem (`kron`) is known to be ambiguous. */
const CODES = ['EUR', 'PLN', 'CZK', 'RON', 'BGN', 'HUF', 'GBP', 'USD', 'CHF', 'SEK', 'DKK', 'NOK', 'ISK'];
const AMBIGUOUS_ONLY = new Set(['SEK', 'DKK', 'NOK', 'ISK']);

/** Forms CLDR does not give (plurals, genitives, slang) and the historic currencies: [code, regex alternatives]. */
const HAND: [string, string[]][] = [
  [
    'EUR',
    [
      String.raw`eur\p{L}{0,3}`,
      String.raw`eiro`,
      String.raw`d['’]\s?euros?`,
      String.raw`евр\p{L}{0,2}`,
      String.raw`evr\p{L}{0,2}`,
      String.raw`ευρώ`,
      String.raw`eurot?`,
    ],
  ],
  ['PLN', [String.raw`zł`, String.raw`zł\p{L}{0,5}`, String.raw`zlot\p{L}{0,4}`]],
  ['CZK', [String.raw`Kč`, String.raw`korun\p{L}{0,2}`]],
  ['RON', [String.raw`lei`, String.raw`leu`, String.raw`RON`]],
  ['BGN', [String.raw`лв\.?`, String.raw`лева`, String.raw`лев`]],
  ['HUF', [String.raw`Ft`, String.raw`forint\p{L}{0,3}`]],
  ['LVL', [String.raw`LVL`, String.raw`Ls`, String.raw`lat(?:s|i|u|os|iem|us)`]],
  ['LTL', [String.raw`LTL`, String.raw`Lt`, String.raw`lit(?:as|ai|ų|us)`]],
  ['EEK', [String.raw`EEK`, String.raw`kr(?:oon|ooni|oonides|oonis)`]],
  ['ECU', [String.raw`ECU`, String.raw`ecu`, String.raw`écus?`]],
  ['DEM', [String.raw`DEM`, String.raw`DM`, String.raw`D-Mark`]],
  ['SKK', [String.raw`SKK`, String.raw`Sk`]],
  // the Croatian kuna (until 2023): `kuna`, `kune`, `kn`
  ['HRK', [String.raw`HRK`, String.raw`kn`, String.raw`kun(?:a|e|i|ama|u)`]],
  ['USD', [String.raw`US\$`, String.raw`\$`, String.raw`dolār\p{L}{0,3}`, String.raw`dollars?`]],
  ['GBP', [String.raw`£`, String.raw`pounds?`]],
];

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

interface Marker {
  code: string;
  /** A regex alternative. */
  pattern: string;
  /** Matched as a word (letters may not follow). */
  word: boolean;
}

function intlMarkers(): Marker[] {
  const stems = new Map<string, Set<string>>();
  const markers: Marker[] = [];
  const english = new Intl.DisplayNames(['en'], { type: 'currency' });
  for (const locale of LOCALES) {
    let names: Intl.DisplayNames;
    try {
      names = new Intl.DisplayNames([locale], { type: 'currency' });
    } catch {
      continue;
    }
    for (const code of CODES) {
      const symbol = new Intl.NumberFormat(locale, { style: 'currency', currency: code })
        .formatToParts(1)
        .find((p) => p.type === 'currency')?.value;
      if (symbol && symbol !== code && !AMBIGUOUS_ONLY.has(code) && !/^\p{L}{1,2}$/u.test(symbol))
        markers.push({ code, pattern: escape(symbol), word: /\p{L}$/u.test(symbol) });
      // the noun is the word of the name that starts as the English noun does ("Polijas zlots", "złoty polski", "česká
      // koruna"); the adjectives are left out
      const root = fold(english.of(code) ?? '')
        .toLowerCase()
        .split(/\s+/)
        .at(-1)!
        .slice(0, 2);
      const noun =
        fold(names.of(code) ?? '')
          .toLowerCase()
          .split(/\s+/)
          .find((word) => word.startsWith(root)) ?? '';
      if (noun.length < 4) continue;
      const stem = noun.length >= 5 ? noun.slice(0, -1) : noun;
      if (!stems.has(stem)) stems.set(stem, new Set());
      stems.get(stem)!.add(code);
    }
  }
  for (const [stem, codes] of stems) {
    if (codes.size !== 1) continue; // "kron" is Czech, Swedish and Danish money: not a marker
    const [code] = codes;
    if (!AMBIGUOUS_ONLY.has(code!)) markers.push({ code: code!, pattern: `${escape(stem)}\\p{L}{0,4}`, word: true });
  }
  return markers;
}

const MARKERS: Marker[] = [
  // an ISO code names one currency, the Nordic crowns' too (only their symbol `kr` and stem `kron` are shared)
  ...CODES.map((code) => ({ code, pattern: code, word: true })),
  ...HAND.flatMap(([code, patterns]) =>
    patterns.map((pattern) => ({ code, pattern, word: /[\p{L}})?]$/u.test(pattern) })),
  ),
  ...intlMarkers(),
];

/** A currency marker, as a regex alternative (no groups); matched on the folded text, so written without diacritics. */
export const CUR = [...new Set(MARKERS.map((m) => fold(m.pattern) + (m.word ? String.raw`(?![\p{L}])` : '')))]
  .sort((a, b) => b.length - a.length)
  .join('|');

// a short marker of letters is matched in its own case: `Ls` and `Lt` are lats and litas, `ls` and `lt` are not
const WHOLE = MARKERS.map((m) => ({
  code: m.code,
  test: new RegExp(`^(?:${fold(m.pattern)})$`, /^[\p{L}.\\]{1,4}$/u.test(m.pattern) ? 'u' : 'iu'),
}));
const codes = new Map<string, string | null>();

/**
 * The ISO code of a marker as matched (`€` → EUR, `zlotych` → PLN, `Ls` → LVL), or undefined when it is no currency in
 * its case.
 */
export function currencyCode(marker: string): string | undefined {
  const key = fold(marker.trim());
  let code = codes.get(key);
  if (code === undefined) {
    code = WHOLE.find((m) => m.test.test(key))?.code ?? null;
    if (codes.size < 1000) codes.set(key, code);
  }
  return code ?? undefined;
}
