/**
 * The document's text as the reader sees it: Unicode NFC (so `ā` written as
 * `a` + U+0304 is one letter), with a map back to the offsets of the text as
 * given, so line and column stay those of the file. And a shadow text with
 * the diacritics folded away, character for character (the same offsets),
 * for matching names written with or without them.
 */
export interface Normalised {
  text: string;
  /** The offset in the given text of an offset in `text`. */
  original: (offset: number) => number;
  /** `text` without diacritics, of the same length: `Reģionālās` → `Regionalas`. */
  folded: string;
}

const MARKS = /\p{M}/u;

export function normalise(given: string): Normalised {
  let text = given;
  let original = (offset: number) => offset;
  if (given.normalize('NFC') !== given) {
    // only runs of a letter and its marks change under NFC: normalise each, keep where it came from
    const pieces: string[] = [];
    const from: number[] = [];
    const to: number[] = [];
    let out = 0;
    let at = 0;
    for (const run of given.matchAll(/\P{M}\p{M}+/gu)) {
      const start = run.index;
      if (start > at) pieces.push(given.slice(at, start));
      out += start - at;
      const nfc = run[0].normalize('NFC');
      from.push(start);
      to.push(out);
      pieces.push(nfc);
      out += nfc.length;
      at = start + run[0].length;
      from.push(at);
      to.push(out);
    }
    pieces.push(given.slice(at));
    text = pieces.join('');
    original = (offset) => {
      // the last mapped point at or before offset, by binary search
      let low = 0;
      let high = to.length - 1;
      let found = -1;
      while (low <= high) {
        const middle = (low + high) >> 1;
        if (to[middle]! <= offset) {
          found = middle;
          low = middle + 1;
        } else {
          high = middle - 1;
        }
      }
      if (found < 0) return offset;
      // even points start a normalised run (an offset inside it is its start); odd ones end it
      return found % 2 === 0 ? from[found]! : from[found]! + offset - to[found]!;
    };
  }
  return { text, original, folded: fold(text) };
}

/** Letters with no decomposition that a reader still sees as their base letter. */
const BASE: Record<string, string> = { ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ø: 'o', Ø: 'O', ħ: 'h', ı: 'i' };
const folds = new Map<string, string>();

/** A letter without its diacritics, when that is still one UTF-16 unit. */
function foldChar(c: string): string {
  let base = folds.get(c);
  if (base === undefined) {
    const parts = c.normalize('NFD');
    base = BASE[c] ?? (parts.length > 1 && !MARKS.test(parts[0]!) && parts[0]!.length === 1 ? parts[0]! : c);
    folds.set(c, base);
  }
  return base;
}

/** A text without diacritics, character for character (ASCII runs are copied as they are). */
export function fold(text: string): string {
  let out = '';
  let at = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) < 0xc0) continue;
    const base = foldChar(text[i]!);
    if (base !== text[i]) {
      out += text.slice(at, i) + base;
      at = i + 1;
    }
  }
  return at === 0 ? text : out + text.slice(at);
}

/** A pattern that matches with or without diacritics and across any run of whitespace where it has one space. */
export function foldedPattern(pattern: RegExp): RegExp {
  return new RegExp(fold(pattern.source).replace(/ /g, String.raw`\s+`), pattern.flags);
}
