// Real readers of cofin's spreadsheets: LibreOffice converts a workbook or a CSV file to a
// flat ODF spreadsheet (.fods), and `readSheets` gives every cell as the engine holds it
// (type, value, formula, the text shown). xmllint checks XML parts.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const inCi = process.env.CI === 'true';
const onPath = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;

/** A test that needs an outside tool: in CI a missing tool fails it, elsewhere it is skipped with a message. */
export function needs(tool: string, why: string): boolean {
  if (onPath(tool)) return true;
  if (inCi) throw new Error(`${tool} is not installed: .ci/run installs it (${why})`);
  console.warn(`skipped: ${tool} is not installed (${why}); in CI this fails`);
  return false;
}

export interface SheetCell {
  /** `string`, `float`, `percentage`, ... or undefined for an empty cell. */
  type: string | undefined;
  /** The number the cell holds, as LibreOffice writes it (`10844.3`). */
  value: string | undefined;
  formula: string | undefined;
  /** The text the sheet shows. */
  text: string;
}

/**
 * LibreOffice headless converts `files` to .fods in `dir/lo` (one call for all:
 * it starts slowly), with its own profile under `dir`; `infilter` reads CSV
 * (`CSV:59,34,76,1,,1062`: `;`, `"`, UTF-8, from line 1, Latvian). English
 * number display, whatever the machine's locale.
 */
export function libreOffice(dir: string, files: readonly string[], infilter?: string): Map<string, SheetCell[][]>[] {
  const out = join(dir, 'lo');
  mkdirSync(out, { recursive: true });
  execFileSync(
    'soffice',
    ['--headless', ...(infilter ? [`--infilter=${infilter}`] : []), '--convert-to', 'fods', '--outdir', out, ...files],
    {
      stdio: 'ignore',
      timeout: 120_000,
      env: { ...process.env, HOME: join(dir, 'lo-home'), LANG: 'en_US.UTF-8', LC_ALL: 'en_US.UTF-8' },
    },
  );
  return files.map((file) => readSheets(readFileSync(join(out, basename(file).replace(/\.[^.]+$/, '.fods')), 'utf8')));
}

const attr = (tag: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(tag)?.[1];
const entities = (text: string) =>
  text.replace(
    /&(lt|gt|quot|apos|amp);/g,
    (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!,
  );
const decode = (text: string) =>
  entities(
    text
      .replace(/<text:s(?: text:c="(\d+)")?\/>/g, (_, n?: string) => ' '.repeat(Number(n ?? 1)))
      .replace(/<text:tab\/>/g, '\t')
      .replace(/<text:line-break\/>/g, '\n')
      .replace(/<[^>]+>/g, ''),
  );

/** Every sheet of a flat ODF spreadsheet by name: its rows of cells, trailing empty cells and rows dropped. */
export function readSheets(xml: string): Map<string, SheetCell[][]> {
  const sheets = new Map<string, SheetCell[][]>();
  for (const [, name, table] of xml.matchAll(/<table:table table:name="([^"]*)"[^>]*>([\s\S]*?)<\/table:table>/g)) {
    const rows: SheetCell[][] = [];
    for (const [, body] of table!.matchAll(/<table:table-row[^>]*>([\s\S]*?)<\/table:table-row>/g)) {
      const cells: SheetCell[] = [];
      for (const [, tag, inner] of body!.matchAll(
        /<table:table-cell([^>]*?)(?:\/>|>([\s\S]*?)<\/table:table-cell>)/g,
      )) {
        const paragraphs = [...(inner ?? '').matchAll(/<text:p>([\s\S]*?)<\/text:p>|<text:p\/>/g)].map((m) =>
          decode(m[1] ?? ''),
        );
        const formula = attr(tag!, 'table:formula');
        const cell = {
          type: attr(tag!, 'office:value-type'),
          value: attr(tag!, 'office:value'),
          formula: formula && entities(formula),
          text: paragraphs.join('\n'),
        };
        const repeat = Number(attr(tag!, 'table:number-columns-repeated') ?? 1);
        for (let i = 0; i < Math.min(repeat, 64); i++) cells.push(cell);
      }
      while (cells.length > 0 && cells.at(-1)!.type === undefined && cells.at(-1)!.text === '') cells.pop();
      rows.push(cells);
    }
    while (rows.length > 0 && rows.at(-1)!.length === 0) rows.pop();
    sheets.set(entities(name!), rows);
  }
  return sheets;
}

/** Is this XML text well-formed for a real parser? The parser's complaint, or undefined. */
export function xmllintError(xml: string | Uint8Array): string | undefined {
  const lint = spawnSync('xmllint', ['--noout', '-'], { input: xml, encoding: 'utf8' });
  return lint.status === 0 ? undefined : lint.stderr || `exit ${lint.status}`;
}

// cofin's visible escapes, written here from the README ("What cofin writes is safe to open")
// and not taken from src/: a test that read them back with src's own function could not
// catch a wrong escape that src's decoder undoes.

/** Is this UTF-16 unit, at `i` of `text`, one no human-readable output writes raw (the README's list)? */
function unsafeAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return true; // C0, DEL, C1
  if (c === 0x061c || c === 0x200e || c === 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069))
    return true; // bidirectional controls
  if (c === 0x2028 || c === 0x2029 || c === 0xfeff || c === 0xfffe || c === 0xffff) return true; // separators, BOM, non-characters
  const high = c >= 0xd800 && c <= 0xdbff;
  const low = c >= 0xdc00 && c <= 0xdfff;
  if (high) return !(i + 1 < text.length && text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) <= 0xdfff);
  if (low) return !(i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff);
  return false;
}

/** A text as cofin shows it on one line: unsafe units as \n \r \t \xHH \uHHHH; a backslash doubled where it could start an escape. */
export function shownAs(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (text[i] === '\\') {
      out += i + 1 < text.length && ('\\xunrt'.includes(text[i + 1]!) || unsafeAt(text, i + 1)) ? '\\\\' : '\\';
    } else if (!unsafeAt(text, i)) out += text[i];
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c === 0x09) out += '\\t';
    else out += c < 0x100 ? `\\x${c.toString(16).padStart(2, '0')}` : `\\u${c.toString(16).padStart(4, '0')}`;
  }
  return out;
}

/** What cofin showed, read back to the text it stands for: \\ \n \r \t \xHH \uHHHH undone, any other backslash kept. */
export function readBack(shown: string): string {
  let out = '';
  for (let i = 0; i < shown.length; i++) {
    const next = shown[i + 1];
    if (shown[i] !== '\\' || next === undefined) {
      out += shown[i];
      continue;
    }
    const simple = ({ '\\': '\\', n: '\n', r: '\r', t: '\t' } as Record<string, string>)[next];
    const digits = next === 'x' ? 2 : next === 'u' ? 4 : 0;
    const hex = shown.slice(i + 2, i + 2 + digits);
    if (simple !== undefined) {
      out += simple;
      i += 1;
    } else if (digits > 0 && hex.length === digits && /^[0-9a-f]+$/.test(hex)) {
      out += String.fromCharCode(parseInt(hex, 16));
      i += 1 + digits;
    } else {
      out += '\\';
    }
  }
  return out;
}
