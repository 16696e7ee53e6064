import type { LineCounter } from 'yaml';
import { CofinError, inContext, type ErrorCode } from '../core/errors.js';
import type { Located } from '../core/model.js';
import { lineColumn } from '../core/position.js';
import { PROGRAMMES } from '../core/programmes/index.js';
import { didYouMean } from './suggest.js';
import { otherFormatHint } from './looks-like.js';
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';

// What every reader of a YAML or JSON tree (budget files, claim files, rate tables) shares:
// how a key goes into a JSON pointer, where a node stands, how a core parser's error is placed,
// and JSON.parse's complaint in cofin's words.

/** A mapping entry: its value node, where the value stands, and where its key stands. */
export interface Entry<N> {
  node: N | undefined;
  at: Located;
  keyAt: Located;
}

/** A key as one segment of a JSON pointer (RFC 6901: `~` as `~0`, `/` as `~1`). */
export const escapePointer = (key: string) =>
  key.includes('~') || key.includes('/') ? key.replace(/~/g, '~0').replace(/\//g, '~1') : key;

/** Where a YAML node stands; `fallback` where it has no place of its own (an empty value), else the file's start. */
export function nodePlace(
  lines: LineCounter,
  node: { range?: readonly number[] | null | undefined } | null | undefined,
  pointer: string,
  fallback: Located | undefined,
): Located {
  const offset = node?.range?.[0];
  if (offset === undefined) return fallback ?? { line: 1, column: 1, pointer };
  const { line, col } = lines.linePos(offset);
  return { line, column: col, pointer };
}

/** Runs a core parser, placing its error at `at` (unless it has a place) and giving it the file format's code. */
export function locatedIn<T>(at: Located, codes: Partial<Record<ErrorCode, ErrorCode>>, what: () => T): T {
  try {
    return what();
  } catch (error) {
    if (error instanceof CofinError)
      throw inContext(error, 'budget-file', codes[error.code] ?? error.code, error.location ?? at);
    throw error;
  }
}

/** JSON.parse's error, placed at its position in `text`. */
export function jsonSyntaxError(text: string, error: unknown): CofinError {
  const message = (error as Error).message;
  const stated = /at position (\d+)/.exec(message)?.[1];
  // V8 gives no position for an unexpected token ("Unexpected token 'p', ..."): jsonc-parser's first error has it
  const said = stated !== undefined ? Number(stated) : /^Unexpected token/.test(message) ? firstJsonError(text) : -1;
  // at the end of the file (an unclosed bracket): the last character there is, never a line past the end
  const last = text.trimEnd().length - 1;
  const position = said < 0 || said > last ? Math.max(0, last) : said;
  // wrong from its first character: another format (a CSV table or YAML read as JSON) says so
  const other = position === text.search(/\S/) ? otherFormatHint(text, 'json') : undefined;
  return new CofinError(
    'syntax',
    `JSON syntax: ${message.replace(/ in JSON at position \d+.*$/, '').replace(/^JSON\.parse: /, '')}`,
    other ?? 'check the commas, quotes and brackets around this point',
    lineColumn(text, position),
  );
}

/** The offset of the first error jsonc-parser finds in `text`, or -1. */
function firstJsonError(text: string): number {
  const errors: ParseError[] = [];
  parseJsonc(text, errors, { disallowComments: true, allowTrailingComma: false });
  return errors[0]?.offset ?? -1;
}

/**
 * The yaml library's first error in cofin's words: a second document is said
 * as one budget per file (never the library's API advice); any other error by
 * its own first line, without the place it repeats (cofin places it).
 */
export function yamlSyntaxWords(
  error: { code: string; message: string },
  what = 'budget',
): { message: string; hint: string } {
  if (error.code === 'MULTIPLE_DOCS')
    return {
      message: `a second YAML document (after "---" or "..."): a file holds one ${what}`,
      hint: `put each ${what} in a file of its own, or remove the "---" line`,
    };
  return {
    message: `YAML syntax: ${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '')}`,
    hint: 'check the indentation and quoting around this point',
  };
}

/** An unknown `programme:` id in any file that names one: the nearest id cofin knows, else all of them. */
export function unknownProgramme(id: string): { message: string; hint: string } {
  const ids = PROGRAMMES.map((p) => p.id);
  const near = didYouMean(id, ids);
  return {
    message: `unknown programme "${id.slice(0, 40)}"`,
    hint: near ? `did you mean "${near}"?` : `the programmes cofin knows are ${ids.join(', ')}`,
  };
}
