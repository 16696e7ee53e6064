/**
 * Every value cofin writes comes from someone else's file: partner and source
 * names, countries, file names, project names, the words of a document. This
 * module is the only place that makes such text safe for the reader of each
 * output format; the renderers call it and escape nothing on their own.
 *
 * The rule everywhere: a character that a terminal, a log or a parser would
 * act on (C0 and C1 controls, DEL, bidirectional controls, line and paragraph
 * separators, the byte order mark, non-characters and unpaired surrogates) is
 * shown visibly escaped, `\x1b`, `\u202e`, `\n`, never written raw and never
 * dropped. A backslash that could be read as the start of such an escape is
 * doubled, so two different names always stay two different texts.
 */

/** The characters no human-readable output writes raw. */
const UNSAFE_SOURCE =
  '[\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e' +
  '\\u2066-\\u2069\\ufeff\\ufffe\\uffff]|' +
  '[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]';
/** What `visible` must look at: an unsafe character or a backslash. */
const NEEDS_ESCAPE = new RegExp(`${UNSAFE_SOURCE}|\\\\`);
/**
 * One unsafe character, or a backslash that must be doubled: before another backslash, an escape letter or an unsafe
 * character.
 */
const ESCAPES = new RegExp(`${UNSAFE_SOURCE}|\\\\(?=[\\\\xunrt]|${UNSAFE_SOURCE})`, 'g');
/** The unsafe characters JSON.stringify leaves raw (it escapes C0 and unpaired surrogates itself). */
const ASCII_ONLY = /^[\x00-\x7e]*$/;
const JSON_RAW = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]/g;

const hex = (code: number, digits: number) => code.toString(16).padStart(digits, '0');

function escapeOne(char: string): string {
  if (char === '\\') return '\\\\';
  if (char === '\n') return '\\n';
  if (char === '\r') return '\\r';
  if (char === '\t') return '\\t';
  const code = char.charCodeAt(0);
  return code < 0x100 ? `\\x${hex(code, 2)}` : `\\u${hex(code, 4)}`;
}

/**
 * The text on one line with every unsafe character visibly escaped (`\x1b`,
 * `\u202e`, `\n`). Injective: `unescapeVisible` gives the text back.
 */
export function visible(text: string): string {
  return NEEDS_ESCAPE.test(text) ? text.replace(ESCAPES, escapeOne) : text;
}

/** The inverse of `visible` (for tests and for readers who want the name back). */
export function unescapeVisible(text: string): string {
  return text.replace(/\\(\\|n|r|t|x[0-9a-f]{2}|u[0-9a-f]{4})/g, (_, e: string) =>
    e === '\\'
      ? '\\'
      : e === 'n'
        ? '\n'
        : e === 'r'
          ? '\r'
          : e === 't'
            ? '\t'
            : String.fromCharCode(parseInt(e.slice(1), 16)),
  );
}

/**
 * A value for a terminal or a log: `visible`, and a leading `:` (after any
 * white space) escaped as `\x3a`, so that no line that starts with a value
 * can start with `::`, a GitHub Actions workflow command. Escape values
 * before styling them: cofin's own colour codes are added afterwards.
 */
export function terminalText(text: string): string {
  const shown = visible(text);
  return /^\s*:/.test(shown) ? shown.replace(':', '\\x3a') : shown;
}

// --- CSV, for spreadsheets -------------------------------------------------

/** The first characters that make a spreadsheet read a cell as a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell for a spreadsheet: on one line (`visible`); a cell that starts
 * with `=`, `+`, `-`, `@`, a tab or a carriage return is neutralised with a
 * leading `'` and quoted; quoted too when it holds the separator (`,`, or `;`
 * in the excel-lv dialect) or a `"`, or starts (after white space) with `:`,
 * so that no CSV line starts with `::`.
 */
export function csvTextCell(value: string, separator: ',' | ';' = ','): string {
  const neutral = FORMULA_START.test(value);
  const text = (neutral ? "'" : '') + visible(value);
  return neutral || text.includes('"') || text.includes(separator) || /^\s*:/.test(text) || /^\s|\s$/.test(text)
    ? `"${text.replace(/"/g, '""')}"`
    : text;
}

/**
 * An amount cell: a decimal string written as it is (`-0.3` is an amount, not
 * a formula), with the dialect's decimal mark (`-0,3` for Latvian Excel).
 * Anything else is text.
 */
export function csvAmountCell(value: string, separator: ',' | ';' = ',', decimalMark: '.' | ',' = '.'): string {
  if (!/^-?[0-9]+(?:\.[0-9]+)?$/.test(value)) return csvTextCell(value, separator);
  return decimalMark === '.' ? value : value.replace('.', decimalMark);
}

// --- Markdown ----------------------------------------------------------------

/**
 * Inline Markdown (a table cell or a heading) that renders as the text and
 * nothing else: one line (`visible`), Markdown's punctuation backslash-escaped
 * (`|`, `\`, `` ` ``, `*`, `_`, `[`, `]`, `#`, `~`, `$`, ...) and the HTML special
 * characters as entities, so `<img onerror>` and `[x](javascript:...)` cannot render,
 * nor a bare `http://evil.example`, `www.x.lv` or `anna@x.lv` become a link.
 */
export function markdownCell(text: string): string {
  return (
    visible(text)
      .replace(/[\\`*_[\]#|~$<>&]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`))
      // GitHub's autolinks (a bare http://, https://, ftp://, www.): the `:` or `.` that starts one escaped, so a
      // value from a file stays text; the escape renders as the character itself
      .replace(/\b(https?|ftp|mailto|xmpp)(:)/gi, '$1\\:')
      .replace(/\b(www)(\.)/gi, '$1\\.')
      // and GitHub's e-mail autolink (anna@ventspils.lv): its @ escaped, shown as itself
      .replace(/@/g, '\\@')
  );
}

// --- XML (JUnit) ---------------------------------------------------------------

/**
 * Text for XML 1.0 content or attribute values: `visible` (which also escapes
 * every character XML 1.0 forbids, as text such as `\x1b`, never dropping it)
 * and the five XML entities.
 */
export function xmlText(text: string): string {
  return xmlEntities(visible(text));
}

const xmlEntities = (text: string) =>
  text.replace(/[&<>"']/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&apos;',
  );

/** Lines joined by cofin's own line breaks, each line's text escaped by `xmlText`. */
export function xmlLines(lines: readonly string[]): string {
  return lines.map(xmlText).join('\n');
}

// --- Spreadsheet cells (xlsx) -----------------------------------------------------

/** The most characters a spreadsheet cell holds (Excel's limit; a longer text makes Excel "repair" the file). */
export const XLSX_CELL_LIMIT = 32767;

/**
 * The text of a workbook's string cell (SpreadsheetML `<t>`): `visible`
 * (every character XML 1.0 forbids, and every control, written as `\x1b`
 * text, never dropped), the five XML entities, and a `_xHHHH_` in the text
 * kept as written: Excel reads `_x0041_` in a cell as an escaped "A", so its
 * underscore is written `_x005F_`. A string cell is never a formula, so a
 * leading `=` stays as written (no `'` as in CSV). A text longer than a cell
 * holds is cut, and says so at its end.
 */
export function xlsxText(text: string): string {
  let shown = visible(text);
  if (shown.length > XLSX_CELL_LIMIT) {
    const more = ` … (${shown.length} characters, cut to fit a cell)`;
    let cut = XLSX_CELL_LIMIT - more.length;
    if (/[\ud800-\udbff]/.test(shown[cut - 1]!)) cut--; // never half of a surrogate pair
    shown = shown.slice(0, cut) + more;
  }
  return xmlEntities(shown.replace(/_(?=x[0-9a-fA-F]{4}_)/g, '_x005F_'));
}

// --- HTML (the report to send) ---------------------------------------------------

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text for HTML (and inline SVG) element content or a quoted attribute value:
 * `visible` (controls and bidirectional overrides shown as `\x1b`, `\u202e`),
 * then `&`, `<`, `>`, `"` and `'` as entities. The result can open no tag,
 * end no `<style>` or attribute, and never reorders the text around it.
 * Never for a URL, a script, a style or an unquoted attribute: cofin writes none from a file.
 */
export function htmlText(text: string): string {
  return visible(text).replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]!);
}

/** Markup cofin made itself: the `html` template passes it through unescaped. */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

/**
 * What an `html` template takes: markup, text (escaped), numbers, lists of them; nothing for undefined, null and false.
 */
export type HtmlValue = Html | string | number | undefined | null | false | readonly HtmlValue[];

function htmlValue(value: HtmlValue): string {
  if (value instanceof Html) return value.text;
  if (Array.isArray(value)) return value.map(htmlValue).join('');
  if (value === undefined || value === null || value === false) return '';
  return htmlText(String(value));
}

/**
 * A tagged template for markup: every value is text escaped by `htmlText`
 * unless it is `Html` made by another `html` template, so a value from a
 * file cannot become markup by forgetting to escape it. Write values only
 * in element content or in double-quoted attributes.
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += htmlValue(values[i]) + strings[i + 1]!;
  return new Html(out);
}

// --- GitHub Actions workflow commands ------------------------------------------

const githubData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

/**
 * The message of a workflow command: each line's text `visible`, joined by
 * cofin's own line breaks, then escaped by GitHub's rules (`%`, CR, LF).
 */
export function githubMessage(lines: readonly string[]): string {
  return githubData(lines.map(visible).join('\n'));
}

/** The unsafe characters but CR and LF, which GitHub's format encodes itself. */
const UNSAFE_BUT_LINE_ENDS = new RegExp(`(?![\\r\\n])(?:${UNSAFE_SOURCE})`, 'g');

/**
 * A property value of a workflow command (`file=`, `title=`), escaped by GitHub's rules: `%`, CR, LF, `:` and `,` as
 * `%25`, `%0D`, `%0A`, `%3A`, `%2C`, which the runner decodes, so that `file=` names the file itself and the annotation
 * is placed on it. The other unsafe characters, which the format cannot carry, are shown as `visible` shows them
 * (`\x1b`); a backslash is left as it is, being part of the path.
 */
export function githubProperty(text: string): string {
  return githubData(text.replace(UNSAFE_BUT_LINE_ENDS, escapeOne)).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

// --- JSON ------------------------------------------------------------------------

/**
 * JSON.stringify, with the characters it leaves raw (DEL, C1 controls,
 * bidirectional controls, line separators, the BOM) written as `\u` escapes.
 * They can stand only inside strings, so the JSON means the same.
 */
export function jsonText(value: unknown, indent?: number): string {
  return jsonSafe(JSON.stringify(value, null, indent));
}

/** JSON text from JSON.stringify with its raw C1 and bidirectional controls escaped (see `jsonText`). */
export function jsonSafe(json: string): string {
  // most reports are ASCII: one test of the whole text is twice as fast as a replace that finds nothing
  return ASCII_ONLY.test(json) ? json : json.replace(JSON_RAW, (c) => `\\u${hex(c.charCodeAt(0), 4)}`);
}

// --- YAML (extract) ----------------------------------------------------------------

/** The characters YAML's double-quoted style must escape beyond what JSON.stringify does. */
const YAML_RAW = JSON_RAW;

/**
 * A YAML double-quoted scalar on one line: JSON's escapes, which YAML reads
 * too, and `\u` escapes for the characters YAML does not allow raw or that
 * would hide text. It reads back as exactly the given text.
 */
export function yamlString(text: string): string {
  return JSON.stringify(text).replace(YAML_RAW, (c) => `\\u${hex(c.charCodeAt(0), 4)}`);
}

/** A YAML mapping key: plain when it is an id of letters, digits and `-`; else double-quoted. */
export function yamlKey(text: string): string {
  return /^[a-z0-9][a-z0-9-]*$/i.test(text) ? text : yamlString(text);
}

/** Text inside a YAML comment: one line (`visible`); a comment ends at a line break, and this has none. */
export function yamlComment(text: string): string {
  return visible(text);
}
