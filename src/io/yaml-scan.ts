// The plain YAML budget files are written in, read without the yaml package (a hundred times faster, and a large
// file's partners are read one at a time): block mappings and lists by indentation, flow collections on one line,
// plain, single- and double-quoted scalars, comments, one `---`. Anything else, anything unsure, and every error is
// declined: the yaml package reads the file then, so its errors, lines and columns stay as they are.

/** A scalar's value as the yaml package's failsafe schema gives it (always text), and where it starts. */
export interface YamlScalar {
  readonly kind: 'scalar';
  readonly value: string;
  readonly at: number;
}

/** A mapping: its keys and values in the order written. */
export interface YamlMap {
  readonly kind: 'map';
  readonly flow: boolean;
  readonly at: number;
  readonly keys: readonly YamlScalar[];
  readonly values: readonly YamlNode[];
}

export interface YamlSeq {
  readonly kind: 'seq';
  readonly flow: boolean;
  readonly at: number;
  readonly items: readonly YamlNode[];
}

/** A top-level list's mapping item, kept as where it starts and read again when asked for (`PlainYaml.expand`). */
export interface YamlLater {
  readonly kind: 'later';
  readonly at: number;
  readonly indent: number;
}

export type YamlNode = YamlScalar | YamlMap | YamlSeq | YamlLater;

/** Thrown inside the reader when the text leaves the subset; never leaves it. Made once: a decline costs no stack. */
const DECLINED = new Error('outside the plain YAML subset');
function decline(): never {
  throw DECLINED;
}

/** Deeper than a budget file nests: the yaml package decides (and says "too deep"). */
const MAX_DEPTH = 64;
/** The yaml package refuses an implicit key whose `:` is over 1 024 characters after its start. */
const MAX_KEY = 1000;
/** Keys compared one by one up to this many; a set past it (a funding of 100 000 sources). */
const FEW_KEYS = 8;

const SPACE = 32;
const LF = 10;
const CR = 13;
const HASH = 35;
const COLON = 58;
const DASH = 45;
const COMMA = 44;
const QUOTE = 34;
const APOSTROPHE = 39;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

/** Characters the subset leaves to the yaml package wherever they stand outside a comment. */
function isOdd(c: number): boolean {
  return (
    c < 32 || c === 0x7f || (c >= 0x80 && c <= 0x9f) || c === 0xfeff || c === 0x2028 || c === 0x2029 || c !== c // NaN
  );
}

/** YAML's plain null (`~`, `null`): the yaml package reads it, so that the loader can tell it from the text "null". */
const PLAIN_NULL = /^(?:~|null|Null|NULL)$/;
function plainScalar(value: string, at: number): YamlScalar {
  if (PLAIN_NULL.test(value)) decline();
  return { kind: 'scalar', value, at };
}

/** Can a plain scalar start with this character: not an indicator, not a space, not odd. */
function isPlainStart(c: number): boolean {
  switch (c) {
    case DASH:
    case 63: // ?
    case COLON:
    case COMMA:
    case OPEN_BRACKET:
    case CLOSE_BRACKET:
    case OPEN_BRACE:
    case CLOSE_BRACE:
    case HASH:
    case 38: // &
    case 42: // *
    case 33: // !
    case 124: // |
    case 62: // >
    case QUOTE:
    case APOSTROPHE:
    case 37: // %
    case 64: // @
    case 96: // `
    case SPACE:
      return false;
    default:
      return !isOdd(c);
  }
}

const isFlowIndicator = (c: number) =>
  c === COMMA || c === OPEN_BRACKET || c === CLOSE_BRACKET || c === OPEN_BRACE || c === CLOSE_BRACE;

const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  '\t': '\t',
};
const HEX_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };

/**
 * An exact reader of the YAML subset budget files use, held to the yaml package (failsafe schema: every scalar is
 * text) by test/yaml-scan.test.ts: where it answers, its tree is the package's, value for value and offset for
 * offset; where it is unsure, it declines.
 */
export class PlainYaml {
  /** Where the current content line's first character is; -1 past the last line. */
  private line = -1;
  /** The current content line's indentation; -1 past the last line, so that every block ends there. */
  private indent = -1;
  /** Just past what the last scalar, key or flow collection read. */
  private pos = 0;
  private depth = 0;
  /** A `---` or content was seen: a second `---` is a second document. */
  private started = false;
  private readonly end: number;

  constructor(readonly text: string) {
    this.end = text.length;
  }

  /** The document's root mapping, its top-level lists' mapping items left for later; undefined: not in the subset. */
  root(): YamlMap | undefined {
    try {
      const bom = this.text.charCodeAt(0) === 0xfeff;
      // the yaml package counts a byte order mark into the first line's indentation
      if (bom && this.text.charCodeAt(1) === SPACE) return undefined;
      this.next(bom ? 1 : 0);
      if (this.line < 0 || this.isItem(this.line)) return undefined;
      const root = this.map(this.indent, true);
      return this.line < 0 ? root : undefined;
    } catch (error) {
      if (error === DECLINED) return undefined;
      throw error;
    }
  }

  /** A mapping item `root()` left for later, read again: the same mapping it read then. */
  expand(later: YamlLater): YamlMap {
    this.line = later.at;
    this.indent = later.indent;
    this.depth = 0;
    this.started = true;
    try {
      return this.map(later.indent, false);
    } catch (error) {
      if (error === DECLINED) throw new Error(`the YAML reader declined at ${later.at} what it had read before`);
      throw error;
    }
  }

  /** Moves to the first content line from a line's start: past blank lines, comment lines and one `---`. */
  private next(from: number): void {
    const text = this.text;
    const end = this.end;
    let i = from;
    while (i < end) {
      let j = i;
      while (text.charCodeAt(j) === SPACE) j++;
      if (j >= end) break;
      const c = text.charCodeAt(j);
      if (c === LF) {
        i = j + 1;
        continue;
      }
      if (c === CR) {
        if (text.charCodeAt(j + 1) !== LF) decline();
        i = j + 2;
        continue;
      }
      if (c === HASH) {
        const nl = text.indexOf('\n', j);
        i = nl < 0 ? end : nl + 1;
        continue;
      }
      if (j === i && (c === DASH || c === 46) && (text.startsWith('---', j) || text.startsWith('...', j))) {
        const after = text.charCodeAt(j + 3);
        if (c !== DASH || this.started || !(j + 3 >= end || after === SPACE || after === LF || after === CR)) decline();
        this.started = true;
        i = this.endOfLine(j + 3);
        continue;
      }
      this.started = true;
      this.line = j;
      this.indent = j - i;
      return;
    }
    this.line = -1;
    this.indent = -1;
  }

  /** After a value: spaces, then a comment after a space, or the line's end. The next line's start. */
  private endOfLine(from: number): number {
    const text = this.text;
    let j = from;
    while (text.charCodeAt(j) === SPACE) j++;
    if (j >= this.end) return this.end;
    const c = text.charCodeAt(j);
    if (c === LF) return j + 1;
    if (c === CR && text.charCodeAt(j + 1) === LF) return j + 2;
    if (c === HASH && j > from) {
      const nl = text.indexOf('\n', j);
      return nl < 0 ? this.end : nl + 1;
    }
    return decline();
  }

  /** A list item's dash: `-` then a space or the line's end. */
  private isItem(at: number): boolean {
    if (this.text.charCodeAt(at) !== DASH) return false;
    const c = this.text.charCodeAt(at + 1);
    return at + 1 >= this.end || c === SPACE || c === LF || c === CR;
  }

  /** Is the character at `at` a space, a line break or the end (what makes `:` a mapping's colon in a block)? */
  private isBlank(at: number): boolean {
    const c = this.text.charCodeAt(at);
    return at >= this.end || c === SPACE || c === LF || c === CR;
  }

  private map(indent: number, root: boolean): YamlMap {
    if (++this.depth > MAX_DEPTH) decline();
    const text = this.text;
    const at = this.line;
    const keys: YamlScalar[] = [];
    const values: YamlNode[] = [];
    let seen: Set<string> | undefined;
    for (;;) {
      const key = this.key(this.line);
      if (!key) decline();
      if (seen) {
        if (seen.has(key.value)) decline();
        seen.add(key.value);
      } else {
        for (const k of keys) if (k.value === key.value) decline();
        if (keys.length === FEW_KEYS) seen = new Set([...keys.map((k) => k.value), key.value]);
      }
      keys.push(key);
      const colon = this.pos;
      let i = colon;
      while (text.charCodeAt(i) === SPACE) i++;
      const c = text.charCodeAt(i);
      if (i >= this.end || c === LF || c === CR || (c === HASH && i > colon)) {
        // the value is on the lines below: more indented, or a list at the key's own indentation
        this.next(this.endOfLine(colon));
        if (this.indent > indent) values.push(this.block(root));
        else if (this.indent === indent && this.isItem(this.line)) values.push(this.seq(indent, root));
        else decline(); // an empty value
      } else {
        values.push(this.inline(i));
        this.next(this.endOfLine(this.pos));
        if (this.indent > indent) decline(); // a scalar going on over lines, or a bad indentation
      }
      if (this.indent < indent) break;
      if (this.indent > indent || this.isItem(this.line)) decline();
    }
    this.depth--;
    return { kind: 'map', flow: false, at, keys, values };
  }

  /** A block collection on the current line, at its indentation. */
  private block(defer: boolean): YamlNode {
    return this.isItem(this.line) ? this.seq(this.indent, defer) : this.map(this.indent, false);
  }

  private seq(indent: number, defer: boolean): YamlSeq {
    if (++this.depth > MAX_DEPTH) decline();
    const text = this.text;
    const at = this.line;
    const items: YamlNode[] = [];
    for (;;) {
      const dash = this.line;
      let i = dash + 1;
      while (text.charCodeAt(i) === SPACE) i++;
      const c = text.charCodeAt(i);
      if (i >= this.end || c === LF || c === CR || (c === HASH && i > dash + 1)) {
        this.next(this.endOfLine(dash + 1));
        if (this.indent <= indent) decline(); // an empty item
        items.push(this.isItem(this.line) ? this.seq(this.indent, false) : this.mapItem(defer));
      } else if (this.isItem(i)) {
        decline(); // - - x
      } else if (this.key(i)) {
        // - partner: …: a mapping at the column of its first key
        this.indent += i - dash;
        this.line = i;
        items.push(this.mapItem(defer));
      } else {
        items.push(this.inline(i));
        this.next(this.endOfLine(this.pos));
        if (this.indent > indent) decline();
      }
      if (this.indent < indent) break;
      if (this.indent > indent) decline();
      if (!this.isItem(this.line)) break; // the mapping this list is a value of goes on
    }
    this.depth--;
    return { kind: 'seq', flow: false, at, items };
  }

  /** A list item's mapping, or (a top-level list) where it starts, to be read when asked for. */
  private mapItem(defer: boolean): YamlNode {
    const at = this.line;
    const indent = this.indent;
    const map = this.map(indent, false);
    return defer ? { kind: 'later', at, indent } : map;
  }

  /**
   * A block mapping's key at `at` and its colon (`this.pos` just past it), or undefined when the line holds no key
   * there. Declines keys outside the subset.
   */
  private key(at: number): YamlScalar | undefined {
    const text = this.text;
    const c = text.charCodeAt(at);
    let key: YamlScalar;
    let j: number;
    if (c === QUOTE || c === APOSTROPHE) {
      key = this.quoted(at);
      j = this.pos;
      while (text.charCodeAt(j) === SPACE) j++;
      if (text.charCodeAt(j) !== COLON || !this.isBlank(j + 1)) return undefined;
    } else {
      if (!isPlainStart(c)) return undefined;
      let end = at + 1;
      for (j = at + 1; ; j++) {
        if (j >= this.end) return undefined;
        const d = text.charCodeAt(j);
        if (d === SPACE) continue;
        if (d === COLON && this.isBlank(j + 1)) break;
        if (d === LF || d === CR || (d === HASH && text.charCodeAt(j - 1) === SPACE)) return undefined;
        if (isOdd(d)) decline();
        end = j + 1;
      }
      key = { kind: 'scalar', value: text.slice(at, end), at };
      if (key.value === '<<') decline(); // a merge key in other schemas
    }
    if (j - at > MAX_KEY) decline();
    this.pos = j + 1;
    return key;
  }

  /** A value on its key's or dash's line: a flow collection, a quoted or a plain scalar. */
  private inline(at: number): YamlNode {
    const text = this.text;
    const c = text.charCodeAt(at);
    if (c === OPEN_BRACE || c === OPEN_BRACKET) return this.flow(at);
    if (c === QUOTE || c === APOSTROPHE) return this.quoted(at);
    if (!isPlainStart(c)) decline();
    let end = at + 1;
    for (let j = at + 1; j < this.end; j++) {
      const d = text.charCodeAt(j);
      if (d === SPACE) continue;
      if (d === LF || d === CR || (d === HASH && text.charCodeAt(j - 1) === SPACE)) break;
      if (d === COLON && this.isBlank(j + 1)) decline(); // a mapping inside a mapping's line
      if (isOdd(d)) decline();
      end = j + 1;
    }
    this.pos = end;
    return plainScalar(text.slice(at, end), at);
  }

  /** A quoted scalar on one line, with its escapes. */
  private quoted(at: number): YamlScalar {
    const text = this.text;
    const quote = text.charCodeAt(at);
    let value = '';
    let from = at + 1;
    let j = from;
    for (; ; j++) {
      if (j >= this.end) decline();
      const d = text.charCodeAt(j);
      if (d === quote) {
        if (quote === APOSTROPHE && text.charCodeAt(j + 1) === APOSTROPHE) {
          value += text.slice(from, j + 1);
          from = ++j + 1;
          continue;
        }
        break;
      }
      if (d === BACKSLASH && quote === QUOTE) {
        value += text.slice(from, j);
        const next = text[j + 1] ?? '';
        const escaped = ESCAPES[next];
        const length = HEX_LENGTH[next];
        if (escaped !== undefined) {
          value += escaped;
          j++;
        } else if (length !== undefined) {
          const digits = text.slice(j + 2, j + 2 + length);
          if (digits.length !== length || !/^[0-9a-fA-F]+$/.test(digits)) decline();
          const code = parseInt(digits, 16);
          if (code > 0x10ffff) decline();
          value += String.fromCodePoint(code);
          j += 1 + length;
        } else {
          decline(); // a line continuation or an unknown escape
        }
        from = j + 1;
        continue;
      }
      if (d !== 9 && isOdd(d)) decline(); // a line break (the scalar would go on over lines) or a control character
    }
    this.pos = j + 1;
    return { kind: 'scalar', value: value + text.slice(from, j), at };
  }

  /** A flow mapping or list, closed on its line; only scalars and flow collections inside. */
  private flow(at: number): YamlMap | YamlSeq {
    if (++this.depth > MAX_DEPTH) decline();
    const text = this.text;
    let j = this.spaces(at + 1);
    let node: YamlMap | YamlSeq;
    if (text.charCodeAt(at) === OPEN_BRACE) {
      const keys: YamlScalar[] = [];
      const values: YamlNode[] = [];
      if (text.charCodeAt(j) !== CLOSE_BRACE) {
        for (;;) {
          const key = this.flowScalar(j);
          if (keys.some((k) => k.value === key.value)) decline();
          keys.push(key);
          j = this.spaces(this.pos);
          // after a plain key the colon is followed by a space (the key ended there); after a quoted one, by anything
          if (text.charCodeAt(j) !== COLON) decline();
          if (text.charCodeAt(key.at) !== QUOTE && text.charCodeAt(key.at) !== APOSTROPHE)
            if (text.charCodeAt(j + 1) !== SPACE) decline();
          if (j - key.at > MAX_KEY) decline();
          values.push(this.flowValue(this.spaces(j + 1)));
          if (!this.flowGoesOn(CLOSE_BRACE)) break;
          j = this.pos;
        }
        j = this.pos;
      }
      node = { kind: 'map', flow: true, at, keys, values };
    } else {
      const items: YamlNode[] = [];
      if (text.charCodeAt(j) !== CLOSE_BRACKET) {
        for (;;) {
          items.push(this.flowValue(j));
          if (!this.flowGoesOn(CLOSE_BRACKET)) break;
          j = this.pos;
        }
        j = this.pos;
      }
      node = { kind: 'seq', flow: true, at, items };
    }
    this.pos = j + 1;
    this.depth--;
    return node;
  }

  /**
   * After a flow entry: a comma and the next entry (true, `this.pos` at it), or the closing bracket (false,
   * `this.pos` at it). A trailing comma, anything else: declined.
   */
  private flowGoesOn(close: number): boolean {
    const text = this.text;
    const j = this.spaces(this.pos);
    const c = text.charCodeAt(j);
    if (c === close) {
      this.pos = j;
      return false;
    }
    if (c !== COMMA) decline();
    const next = this.spaces(j + 1);
    const d = text.charCodeAt(next);
    if (d === CLOSE_BRACE || d === CLOSE_BRACKET || d === COMMA) decline();
    this.pos = next;
    return true;
  }

  private flowValue(at: number): YamlNode {
    const c = this.text.charCodeAt(at);
    return c === OPEN_BRACE || c === OPEN_BRACKET ? this.flow(at) : this.flowScalar(at);
  }

  /** A scalar inside a flow collection: quoted, or plain up to a flow indicator or a colon and a space. */
  private flowScalar(at: number): YamlScalar {
    const text = this.text;
    const c = text.charCodeAt(at);
    if (c === QUOTE || c === APOSTROPHE) return this.quoted(at);
    if (!isPlainStart(c)) decline();
    let end = at + 1;
    for (let j = at + 1; ; j++) {
      if (j >= this.end) decline(); // not closed on its line
      const d = text.charCodeAt(j);
      if (d === SPACE) continue;
      if (isFlowIndicator(d)) break;
      if (d === COLON) {
        const e = text.charCodeAt(j + 1);
        if (e === SPACE || isFlowIndicator(e)) break;
        decline(); // a colon inside a plain scalar, or at the line's end
      }
      if (d === HASH && text.charCodeAt(j - 1) === SPACE) decline(); // a comment inside braces
      if (isOdd(d)) decline(); // a line break inside braces, or a control character
      end = j + 1;
    }
    this.pos = end;
    return plainScalar(text.slice(at, end), at);
  }

  private spaces(from: number): number {
    let j = from;
    while (this.text.charCodeAt(j) === SPACE) j++;
    return j;
  }
}
