import { isNode, isScalar, type LineCounter } from 'yaml';
import { CofinError, inContext, type ErrorCode } from '../core/errors.js';
import type { Located } from '../core/model.js';
import { lineColumn } from '../core/position.js';
import { PROGRAMMES } from '../core/programmes/index.js';
import { didYouMean, nearSourceId } from './suggest.js';
import { fundOfName, isWellKnownSource, SOURCE_KINDS, WELL_KNOWN_SOURCES } from '../core/sources.js';
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
/** A YAML merge key (`<<: *defaults`) under funding: the loaders read each source as written, never merged. */
export const MERGE_KEY_HINT = 'merge keys (<<: *name) are not read in funding: write each source out';

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

/**
 * A YAML complex key (`? [a, b]`, `? { x: 1 }`) as written, one line and at most 40 characters, for the error that
 * refuses it; undefined for a plain key. Read as "" it was `unknown key ""`, which names nothing.
 */
export function complexKeyText(key: unknown, source: string | undefined): string | undefined {
  if (key === null || key === undefined || isScalar(key) || !isNode(key)) return undefined;
  const range = key.range;
  const written = source !== undefined && range ? source.slice(range[0], range[1]).trim() : String(key);
  const line = (written.split('\n')[0] ?? '').trim();
  return line.length > 40 || line !== written ? `${line.slice(0, 40)}…` : line;
}

/** A complex key is a key cofin never reads, so its value is never checked; the hint names `what`'s keys. */
export function complexKeyError(
  text: string,
  allowed: readonly string[] | undefined,
  what: string,
  at: Located,
): CofinError {
  const hint = allowed
    ? `write a plain key: the keys of ${what} are ${allowed.filter((k) => k !== '$schema').join(', ')}`
    : 'a source id is lowercase letters, digits and -, such as erdf or eea-grants';
  return new CofinError('unknown-key', `a complex key (${text}) is not a key cofin reads`, hint, at);
}

/** How a key's value is written in the hints: the few keys whose example says more than `key: value`. */
const EXAMPLES: Record<string, string> = {
  partner: 'partner: Ventspils Digital Centre',
  budget: 'budget: 12 758',
  country: 'country: LV',
  currency: 'currency: EUR',
  name: 'name: ERDF',
};
export const exampleOf = (what: string) => EXAMPLES[what] ?? 'key: value';

/**
 * What a YAML scalar holds when a tag made it something other than text (`!!binary`, `!!timestamp`): said as what it
 * is, never as an empty value; undefined for text, numbers and booleans.
 */
export function foreignValue(value: unknown, tag: string | undefined): string | undefined {
  if (value === null || value === undefined || typeof value !== 'object') return undefined;
  const shortTag = tag?.replace(/^tag:yaml\.org,2002:/, '!!') ?? 'a tag';
  if (value instanceof Uint8Array) return `a binary value (${shortTag})`;
  if (value instanceof Date) return `a date (${shortTag})`;
  return `a tagged value (${shortTag})`;
}

/** The error of such a value where text is read. */
export function foreignValueError(what: string, found: string, at: Located): CofinError {
  return new CofinError(
    'wrong-type',
    `${what} must be written as text, not as ${found}`,
    `write ${what} as plain text, without the tag, e.g. ${exampleOf(what)}`,
    at,
  );
}

/** Why a fund's name under an unknown id is refused: such a source would be taken as public. */
const UNKNOWN_ID_READ_AS_PUBLIC = 'its id is not a well-known one: it would be read as a public source';

/**
 * A source that would be read as another kind than it is meant, in a budget or a claim file alike: an EU fund's id
 * with another kind, an id one slip from a well-known one (`erfd`), a fund's name under an id that is no fund's. A
 * written `kind:` takes an unknown id as written. Undefined when the source is what it says.
 */
export function fundKindError(
  id: string,
  kind: string | undefined,
  name: string | undefined,
  at: Located,
  kindAt?: Located,
): { code: ErrorCode; message: string; hint: string; at: Located } | undefined {
  const own = isWellKnownSource(id) ? WELL_KNOWN_SOURCES[id] : undefined;
  if (kind !== undefined) {
    if (own?.kind === 'eu-fund' && kind !== 'eu-fund')
      return {
        code: 'wrong-type',
        message: `source "${id}" is ${own.name}, an EU fund, but its kind is written ${kind}`,
        hint: `drop kind: ${kind}, or give a ${kind} source an id of its own (not ${id})`,
        at: kindAt ?? at,
      };
    return undefined;
  }
  const slip = own ? undefined : nearSourceId(id);
  if (slip !== undefined)
    return {
      code: 'unknown-key',
      message: `source "${id}" is not a well-known id: did you mean "${slip}"?`,
      hint:
        `write ${slip}; a source of its own one slip from a well-known id states its kind ` +
        `(kind: ${SOURCE_KINDS.join(', ')})`,
      at,
    };
  if ((own?.kind ?? 'public') === 'eu-fund') return undefined;
  const named = name === undefined ? undefined : fundOfName(name);
  // an id that names a fund itself (eu, kf, regional-fund) is read as public as well
  const fund = named ?? (own ? undefined : fundOfName(id));
  if (fund === undefined) return undefined;
  const known = WELL_KNOWN_SOURCES[fund];
  const readAs = own ? `${id} is a ${own.kind} source` : UNKNOWN_ID_READ_AS_PUBLIC;
  return {
    code: 'unknown-key',
    message:
      named !== undefined
        ? `source "${id}" is named "${name}", ` +
          `${known ? `the ${known.name}'s name` : "an EU fund's name"}, but ${readAs}`
        : `source "${id}" names ${known ? `the ${known.name}` : 'an EU fund'}, but ${readAs}`,
    hint:
      `${known ? `did you mean "${fund}"? Or state` : 'state'} its kind: kind: eu-fund ` +
      `(kind: ${own?.kind ?? 'public'} if it is not the fund)`,
    at,
  };
  return undefined;
}
