/**
 * How names and ids are compared for duplicates: as they look on the page,
 * not as their code points run. Used by the loaders (keys, columns) and the
 * project checks (partner names). Pure.
 */

/**
 * Characters that show nothing: zero-width space, non-joiner and joiner, word joiner, and the byte-order mark
 * (zero-width no-break space).
 */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;
/** Text that is plain printable ASCII is its own comparison form: most names and every valid source id. */
const PLAIN = /^[\x20-\x7e]*$/;

/**
 * The form two names or ids are compared in, never shown: composed (NFC, so
 * "s" + a combining comma below is "ș") and without invisible characters. Two
 * texts that look the same on the page compare the same.
 */
export function comparable(text: string): string {
  return PLAIN.test(text) ? text : text.replace(INVISIBLE, '').normalize('NFC');
}

/** Whether two texts differ only by invisible characters or composition. */
export function differsInvisibly(a: string, b: string): boolean {
  return a !== b && comparable(a) === comparable(b);
}

/**
 * The invisible and combining characters of look-alike texts, as code points
 * (`U+200B, U+0326`): what tells two names apart that look the same on the page.
 */
export function unseenCharacters(...texts: string[]): string {
  const codes = new Set<string>();
  for (const text of texts)
    for (const c of text.matchAll(/[\p{M}\u200b-\u200d\u2060\ufeff]/gu))
      codes.add(`U+${c[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
  return [...codes].join(', ');
}

/** Romanian letters with a cedilla, as old keyboards type them, to the comma-below letters they stand for. */
const CEDILLA: Readonly<Record<string, string>> = { ş: 'ș', Ş: 'Ș', ţ: 'ț', Ţ: 'Ț' };

/**
 * A partner name as duplicates are found: compared as above, case aside,
 * every run of spaces (no-break ones too) one space, and ş/ţ as ș/ț:
 * `Rīgas dome` and `Rīgas  dome` are one partner stated twice.
 */
export function partnerKey(name: string): string {
  const key = comparable(name);
  if (PLAIN.test(key)) return (key.includes('  ') ? key.replace(/ +/g, ' ') : key).trim().toLowerCase();
  return key
    .replace(/\s+/gu, ' ')
    .replace(/[şŞţŢ]/g, (c) => CEDILLA[c]!)
    .trim()
    .toLowerCase();
}

/**
 * The first writing of each partner name, found by its `partnerKey`. Kept by a 30-bit hash of the key rather than
 * the key itself (the first name is kept either way, for the finding's words): a programme's million partners
 * were a million key strings besides their names. Two keys of one hash are told apart by their names' keys.
 */
export class FirstNames {
  private readonly byHash = new Map<number, string | string[]>();

  /** The first writing of `name`'s key, or undefined (and `name` noted as the first) when it is the first. */
  firstOf(name: string): string | undefined {
    const key = partnerKey(name);
    const hash = hashOf(key);
    const found = this.byHash.get(hash);
    if (found === undefined) {
      this.byHash.set(hash, name);
      return undefined;
    }
    const names = typeof found === 'string' ? [found] : found;
    const first = names.find((other) => other === name || partnerKey(other) === key);
    if (first !== undefined) return first;
    if (typeof found === 'string') this.byHash.set(hash, [found, name]);
    else found.push(name);
    return undefined;
  }
}

/** FNV-1a over the UTF-16 code units, to 30 bits: a small integer, which a Map keeps without a number object. */
export function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash & 0x3fffffff;
}
