import { lineIndex } from '../core/position.js';

/** Starts the text of a number literal once it is quoted: a control character, which no JSON string holds unescaped. */
export const NUMBER_MARK = '\u0001';

const JSON_NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$/;
const QUOTE = 34;
const BACKSLASH = 92;
const COLON = 58;
const COMMA = 44;

/** JSON text ready for `JSON.parse` with every number literal kept as its text. */
export interface ScannedJson {
  /** The input, each number literal `12.50` written as the string `"\u000112.50"`. */
  text: string;
  /** Numbers were quoted: strings that start with NUMBER_MARK are number literals. */
  quoted: boolean;
  /** How many keys the text writes; fewer in the parsed objects means a duplicate key. */
  keys: number;
}

/** The index of the quote that closes the string opening at `start`, or -1. */
function stringEnd(text: string, start: number): number {
  let end = start;
  for (;;) {
    end = text.indexOf('"', end + 1);
    if (end < 0) return -1;
    let slash = end - 1;
    while (text.charCodeAt(slash) === BACKSLASH) slash--;
    if ((end - 1 - slash) % 2 === 0) return end;
  }
}

const isNumberChar = (c: number) => (c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46 || c === 101 || c === 69;

/**
 * One pass over JSON text: quotes its number literals (so that `JSON.parse`
 * keeps `12758.10` as written) and counts its keys. Returns undefined when
 * the text is malformed or a string holds an escaped NUMBER_MARK: the exact,
 * slower reader then decides.
 */
export function scanJson(text: string): ScannedJson | undefined {
  let keys = 0;
  let parts: string[] | undefined;
  let copied = 0;
  for (let at = 0; at < text.length;) {
    const quote = text.indexOf('"', at);
    const end = quote < 0 ? text.length : quote;
    for (let i = at; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === COLON) keys++;
      else if ((c >= 48 && c <= 57) || c === 45) {
        let stop = i + 1;
        while (stop < end && isNumberChar(text.charCodeAt(stop))) stop++;
        const literal = text.slice(i, stop);
        if (!JSON_NUMBER.test(literal)) return undefined;
        (parts ??= []).push(text.slice(copied, i), '"\\u0001', literal, '"');
        copied = stop;
        i = stop - 1;
      }
    }
    if (quote < 0) break;
    const close = stringEnd(text, quote);
    if (close < 0) return undefined;
    at = close + 1;
  }
  if (!parts) return { text, quoted: false, keys };
  if (/\\u0001/i.test(text)) return undefined;
  parts.push(text.slice(copied));
  return { text: parts.join(''), quoted: true, keys };
}

/** The keys of every object in a parsed JSON value, counted without recursion. */
export function countKeys(root: unknown): number {
  let keys = 0;
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      for (const item of value) if (item !== null && typeof item === 'object') stack.push(item);
      continue;
    }
    for (const key in value) {
      keys++;
      const item = (value as Record<string, unknown>)[key];
      if (item !== null && typeof item === 'object') stack.push(item);
    }
  }
  return keys;
}

const unescapePointer = (segment: string) => segment.replace(/~1/g, '/').replace(/~0/g, '~');

/**
 * Finds where a JSON pointer's value (or key) stands in valid JSON text, on
 * demand: positions are only needed for findings, so none are kept while a
 * file is read. Arrays are indexed once, so looking up the 90 000th partner
 * does not walk the 89 999 before it again.
 */
/** Members read before an object is indexed rather than scanned. */
const INDEX_AFTER = 16;

export class JsonLocator {
  private readonly elements = new Map<number, number[]>();
  private readonly members = new Map<number, Map<string, { key: number; value: number }>>();
  private readonly lineColumn: (offset: number) => { line: number; column: number };

  constructor(private readonly text: string) {
    this.lineColumn = lineIndex(text);
  }

  /** The 1-based line and column of a pointer's value, or of its key. */
  place(pointer: string, key: boolean): { line: number; column: number } {
    return this.lineColumn(this.offset(pointer, key));
  }

  /** The last pointer's segments and where each one's value starts: a partner's findings share their prefix. */
  private lastSegments: string[] = [];
  private lastValues: number[] = [];

  offset(pointer: string, key: boolean): number {
    const segments = pointer === '' ? [] : pointer.slice(1).split('/');
    segments.forEach((segment, i) => {
      if (segment.includes('~')) segments[i] = unescapePointer(segment);
    });
    // the values the last pointer found on the way, as far as this one takes the same way
    // (its last segment may be a key)
    let same = 0;
    const last = this.lastSegments;
    while (same < segments.length - 1 && same < last.length && segments[same] === last[same]) same++;
    let at = (same === 0 ? undefined : this.lastValues[same - 1]) ?? this.space(0);
    const values = this.lastValues.slice(0, same);
    let found = at;
    for (let index = same; index < segments.length; index++) {
      const segment = segments[index] ?? '';
      const c = this.text.charCodeAt(at);
      if (c === 123) {
        const member = this.member(at, segment);
        if (!member) {
          found = at;
          break;
        }
        if (key && index === segments.length - 1) {
          found = member.key;
          break;
        }
        at = member.value;
      } else if (c === 91) {
        const element = this.elementsOf(at)[Number(segment)];
        if (element === undefined) {
          found = at;
          break;
        }
        at = element;
      } else {
        found = at;
        break;
      }
      values.push(at);
      found = at;
    }
    this.lastSegments = segments.slice(0, values.length);
    this.lastValues = values;
    return found;
  }

  private space(at: number): number {
    const text = this.text;
    for (;;) {
      const c = text.charCodeAt(at);
      if (c !== 32 && c !== 10 && c !== 13 && c !== 9) return at;
      at++;
    }
  }

  /** The offset just past the value that starts at `at` (strings found by `indexOf`, several times a loop's speed). */
  private skip(at: number): number {
    const text = this.text;
    const end = text.length;
    const c = text.charCodeAt(at);
    if (c === QUOTE) return stringEnd(text, at) + 1;
    if (c === 123 || c === 91) {
      let depth = 0;
      for (let i = at; i < end; i++) {
        const d = text.charCodeAt(i);
        if (d === QUOTE) i = stringEnd(text, i);
        else if (d === 123 || d === 91) depth++;
        else if ((d === 125 || d === 93) && --depth === 0) return i + 1;
      }
      return end;
    }
    let i = at;
    for (; i < end; i++) {
      const d = text.charCodeAt(i);
      if (d === COMMA || d === 125 || d === 93 || d === 32 || d === 10 || d === 13 || d === 9) break;
    }
    return i;
  }

  private member(at: number, name: string): { key: number; value: number } | undefined {
    const index = this.members.get(at);
    if (index) return index.get(name);
    const text = this.text;
    let seen = 0;
    let i = this.space(at + 1);
    while (text.charCodeAt(i) === QUOTE) {
      const close = stringEnd(text, i);
      const value = this.space(this.space(close + 1) + 1);
      if (this.keyIs(i, close, name)) return { key: i, value };
      // a large object (a partner's thousands of sources) is indexed once, or each finding in it would read it again
      if (++seen === INDEX_AFTER) return this.index(at).get(name);
      i = this.space(this.skip(value));
      if (text.charCodeAt(i) === COMMA) i = this.space(i + 1);
    }
    return undefined;
  }

  /** Whether the key quoted from `open` to `close` is `name`: compared in place, unless it holds an escape. */
  private keyIs(open: number, close: number, name: string): boolean {
    const text = this.text;
    // an escape only shortens a key: a shorter one cannot be `name`
    if (close - open - 1 < name.length) return false;
    for (let k = open + 1; k < close; k++)
      if (text.charCodeAt(k) === BACKSLASH) return (JSON.parse(text.slice(open, close + 1)) as string) === name;
    return close - open - 1 === name.length && text.startsWith(name, open + 1);
  }

  /** An object's members in the order written: each key's name and offset, and where its value starts. */
  private *membersOf(at: number): Generator<{ name: string; key: number; value: number }> {
    const text = this.text;
    let i = this.space(at + 1);
    while (text.charCodeAt(i) === QUOTE) {
      const close = stringEnd(text, i);
      const raw = text.slice(i + 1, close);
      const name = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
      const value = this.space(this.space(close + 1) + 1);
      yield { name, key: i, value };
      i = this.space(this.skip(value));
      if (text.charCodeAt(i) === COMMA) i = this.space(i + 1);
    }
  }

  /** Every member of an object by name; the first of duplicates, as the scan finds it. */
  private index(at: number): Map<string, { key: number; value: number }> {
    const index = new Map<string, { key: number; value: number }>();
    for (const member of this.membersOf(at)) if (!index.has(member.name)) index.set(member.name, member);
    this.members.set(at, index);
    return index;
  }

  private elementsOf(at: number): number[] {
    let starts = this.elements.get(at);
    if (starts) return starts;
    starts = [];
    const text = this.text;
    let i = this.space(at + 1);
    while (i < text.length && text.charCodeAt(i) !== 93) {
      starts.push(i);
      i = this.space(this.skip(i));
      if (text.charCodeAt(i) === COMMA) i = this.space(i + 1);
      else break;
    }
    this.elements.set(at, starts);
    return starts;
  }
}

/** A place in JSON text found only when asked for: most places are never asked for. */
export class JsonPlace {
  private found: { line: number; column: number } | undefined;

  constructor(
    readonly pointer: string,
    private readonly locate: () => JsonLocator,
    private readonly key: boolean,
  ) {}

  get line(): number {
    return (this.found ??= this.locate().place(this.pointer, this.key)).line;
  }

  get column(): number {
    return (this.found ??= this.locate().place(this.pointer, this.key)).column;
  }
}
