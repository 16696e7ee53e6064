import { CofinError } from '../../core/errors.js';

/**
 * A strict pull reader for the XML of a workbook's parts: elements,
 * attributes and text, nothing else. A workbook needs no DTD, so a document
 * type or an entity declaration is refused outright (no entity is ever
 * expanded: only the five predefined ones and character references are
 * read). Names are given without their namespace prefix (`x:c` is `c`), as
 * writers differ in prefixes but not in local names.
 */
export type XmlEvent =
  | { kind: 'open'; name: string; attributes: Record<string, string>; empty: boolean }
  | { kind: 'close'; name: string }
  | { kind: 'text'; text: string };

/** Deeper nesting than any workbook part has: refused rather than followed. */
const MAX_DEPTH = 100;

const NAME = /[A-Za-z_][\w.\-]*(?::[A-Za-z_][\w.\-]*)?/y;
const ATTRIBUTE = /\s+([A-Za-z_][\w.\-]*(?::[A-Za-z_][\w.\-]*)?)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;
const TAG_END = /\s*(\/?)>/y;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** What went wrong in a part, named by the part's path in the workbook. */
export function xmlError(part: string, why: string): CofinError {
  return new CofinError(
    'syntax',
    `the workbook's part ${JSON.stringify(part)} is not well-formed XML: ${why}`,
    'save the workbook again from a spreadsheet application as .xlsx',
  );
}

const localName = (name: string) => {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
};

/** Text with its entity and character references read; any other reference is an error. */
export function decodeReferences(text: string, part: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&([^;&\s]{0,10});|&/g, (whole, ref: string | undefined) => {
    if (ref === undefined) throw xmlError(part, 'a "&" that starts no reference');
    const predefined = PREDEFINED[ref];
    if (predefined !== undefined) return predefined;
    const code = /^#x[0-9a-fA-F]{1,6}$/.test(ref)
      ? parseInt(ref.slice(2), 16)
      : /^#[0-9]{1,7}$/.test(ref)
        ? parseInt(ref.slice(1), 10)
        : undefined;
    if (code === undefined)
      throw xmlError(part, `the reference ${whole} names an entity, and a workbook declares none`);
    const allowed =
      code === 0x9 ||
      code === 0xa ||
      code === 0xd ||
      (code >= 0x20 && code <= 0xd7ff) ||
      (code >= 0xe000 && code <= 0xfffd) ||
      (code >= 0x10000 && code <= 0x10ffff);
    if (!allowed) throw xmlError(part, `the character reference ${whole} is not a character XML allows`);
    return String.fromCodePoint(code);
  });
}

/** Reads the events of one part's text, in order; `next()` gives undefined at its end. */
export class XmlReader {
  private at = 0;
  private readonly open: string[] = [];
  private pendingClose: string | undefined;

  constructor(
    private readonly text: string,
    readonly part: string,
  ) {
    if (/<!DOCTYPE|<!ENTITY/i.test(text))
      throw new CofinError(
        'syntax',
        `the workbook's part ${JSON.stringify(part)} declares a document type or entities, which no workbook needs`,
        'cofin refuses DTDs in workbooks (entity expansion); save the workbook again from a spreadsheet application',
      );
  }

  private fail(why: string): never {
    throw xmlError(this.part, `${why} (at character ${this.at + 1})`);
  }

  next(): XmlEvent | undefined {
    if (this.pendingClose !== undefined) {
      const name = this.pendingClose;
      this.pendingClose = undefined;
      return { kind: 'close', name };
    }
    const text = this.text;
    for (;;) {
      if (this.at >= text.length) {
        if (this.open.length > 0) this.fail(`<${this.open[this.open.length - 1]}> is not closed`);
        return undefined;
      }
      const lt = text.indexOf('<', this.at);
      if (lt !== this.at) {
        const end = lt < 0 ? text.length : lt;
        const raw = text.slice(this.at, end);
        this.at = end;
        if (this.open.length === 0) {
          if (raw.trim() !== '') this.fail('text outside the root element');
          continue;
        }
        return { kind: 'text', text: decodeReferences(raw, this.part) };
      }
      if (text.startsWith('<?', lt)) {
        const end = text.indexOf('?>', lt + 2);
        if (end < 0) this.fail('an unclosed processing instruction');
        this.at = end + 2;
        continue;
      }
      if (text.startsWith('<!--', lt)) {
        const end = text.indexOf('-->', lt + 4);
        if (end < 0) this.fail('an unclosed comment');
        this.at = end + 3;
        continue;
      }
      if (text.startsWith('<![CDATA[', lt)) {
        const end = text.indexOf(']]>', lt + 9);
        if (end < 0) this.fail('an unclosed CDATA section');
        if (this.open.length === 0) this.fail('text outside the root element');
        this.at = end + 3;
        return { kind: 'text', text: text.slice(lt + 9, end) };
      }
      if (text.startsWith('<!', lt)) this.fail('a declaration a workbook does not use');
      if (text.startsWith('</', lt)) {
        NAME.lastIndex = lt + 2;
        const match = NAME.exec(text);
        if (!match) this.fail('a closing tag without a name');
        const close = /\s*>/y;
        close.lastIndex = NAME.lastIndex;
        if (!close.exec(text)) this.fail(`the closing tag </${match[0]}> is not ended by ">"`);
        const expected = this.open.pop();
        if (expected !== match[0])
          this.fail(expected === undefined ? `</${match[0]}> closes nothing` : `</${match[0]}> closes <${expected}>`);
        this.at = close.lastIndex;
        return { kind: 'close', name: localName(match[0]) };
      }
      NAME.lastIndex = lt + 1;
      const match = NAME.exec(text);
      if (!match) this.fail('a "<" that starts no tag');
      const name = match[0];
      // a plain object (fast); names are read with Object.hasOwn, so "constructor" is no attribute unless written
      const attributes: Record<string, string> = {};
      let position = NAME.lastIndex;
      for (;;) {
        ATTRIBUTE.lastIndex = position;
        const attribute = ATTRIBUTE.exec(text);
        if (!attribute) break;
        const key = localName(attribute[1]!);
        if (Object.hasOwn(attributes, key) && !attribute[1]!.startsWith('xmlns'))
          this.fail(`the attribute ${key} is given twice in <${name}>`);
        if (key !== '__proto__') attributes[key] = decodeReferences(attribute[2] ?? attribute[3] ?? '', this.part);
        position = ATTRIBUTE.lastIndex;
      }
      TAG_END.lastIndex = position;
      const end = TAG_END.exec(text);
      if (!end) this.fail(`the tag <${name}> is not well-formed`);
      this.at = TAG_END.lastIndex;
      const empty = end[1] === '/';
      if (this.open.length === 0 && this.rootSeen) this.fail('a second root element');
      this.rootSeen = true;
      if (empty) this.pendingClose = localName(name);
      else {
        if (this.open.length >= MAX_DEPTH) this.fail(`elements nested more than ${MAX_DEPTH} deep`);
        this.open.push(name);
      }
      return { kind: 'open', name: localName(name), attributes, empty };
    }
  }

  private rootSeen = false;

  /** The text inside the element just opened, up to its close (nested elements' text included); the close is read. */
  textContent(): string {
    let depth = 1;
    let out = '';
    for (;;) {
      const event = this.next();
      if (event === undefined) this.fail('an element is not closed');
      if (event.kind === 'text') out += event.text;
      else if (event.kind === 'open') depth++;
      else if (--depth === 0) return out;
    }
  }

  /** Skips to the close of the element just opened. */
  skip(): void {
    let depth = 1;
    for (;;) {
      const event = this.next();
      if (event === undefined) this.fail('an element is not closed');
      if (event.kind === 'open') depth++;
      else if (event.kind === 'close' && --depth === 0) return;
    }
  }
}
