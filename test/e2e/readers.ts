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
  execFileSync('soffice', ['--headless', ...(infilter ? [`--infilter=${infilter}`] : []), '--convert-to', 'fods', '--outdir', out, ...files], {
    stdio: 'ignore',
    timeout: 120_000,
    env: { ...process.env, HOME: join(dir, 'lo-home'), LANG: 'en_US.UTF-8', LC_ALL: 'en_US.UTF-8' },
  });
  return files.map((file) => readSheets(readFileSync(join(out, basename(file).replace(/\.[^.]+$/, '.fods')), 'utf8')));
}

const attr = (tag: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(tag)?.[1];
const entities = (text: string) => text.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!);
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
      for (const [, tag, inner] of body!.matchAll(/<table:table-cell([^>]*?)(?:\/>|>([\s\S]*?)<\/table:table-cell>)/g)) {
        const paragraphs = [...(inner ?? '').matchAll(/<text:p>([\s\S]*?)<\/text:p>|<text:p\/>/g)].map((m) => decode(m[1] ?? ''));
        const formula = attr(tag!, 'table:formula');
        const cell = { type: attr(tag!, 'office:value-type'), value: attr(tag!, 'office:value'), formula: formula && entities(formula), text: paragraphs.join('\n') };
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
