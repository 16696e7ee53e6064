import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { isMap, isScalar, parseDocument, type Node } from 'yaml';
import { characterLines } from './lines.js';
import { CofinError } from '../core/errors.js';
import { lineColumn } from '../core/position.js';
import type { FindingCode } from '../core/check.js';
import type { ClaimFindingCode } from '../core/claims/types.js';
// check's own list, so that a new --format is one a config file may name too (and its schema lists)
import { CHECK_FORMATS, type CheckFormat } from '../render/formats.js';
import { didYouMean } from './suggest.js';

/** What `cofin.config.yaml` (or `.json`, or a `cofin` key in package.json) may say: defaults for `cofin check`. */
export interface CheckConfig {
  exclude?: string[];
  ignore?: string[];
  strict?: boolean;
  format?: CheckFormat;
  /** The language of the table and of GitHub annotations, as --locale. */
  locale?: 'lv' | 'en';
}

export interface FoundConfig {
  /** The file it was read from (a package.json for its `cofin` key). */
  file: string;
  config: CheckConfig;
}

export const CONFIG_FILES = ['cofin.config.yaml', 'cofin.config.yml', 'cofin.config.json'];
const KEYS = ['exclude', 'ignore', 'strict', 'format', 'locale'] as const;
const LOCALES = ['lv', 'en'] as const;
const FORMATS = CHECK_FORMATS;

/**
 * The codes `--ignore` takes: the findings of `check`, of budget and of claim files (an invalid file cannot be ignored:
 * it was not checked).
 */
// Every finding code, so that a new one is asked for here by the compiler (in the order the README and the schema list
// them).
const IGNORABLE: Record<FindingCode | ClaimFindingCode, true> = {
  'sum-mismatch': true,
  'rates-sum': true,
  'budget-mismatch': true,
  'budget-unit': true,
  'amount-unit': true,
  'flat-rate-base': true,
  'flat-rate-combination': true,
  'flat-rate-high': true,
  'duplicate-partner': true,
  'source-conflict': true,
  'share-mismatch': true,
  'budget-implied-mismatch': true,
  'rate-display': true,
  'rounding-method': true,
  'rounding-drift': true,
  'rest-negative': true,
  'project-total': true,
  'project-unaccounted': true,
  'eu-rate-high': true,
  'zero-amount': true,
  'zero-budget': true,
  'euro-mismatch': true,
  'period-share-mismatch': true,
  'periods-budget-mismatch': true,
  'periods-unchecked': true,
  'periods-budget-implied': true,
  'hidden-digits': true,
  'hidden-row': true,
  'hidden-column': true,
  'hidden-sheet': true,
  'formula-without-value': true,
  'total-row-by-sum': true,
  'extract-doubts': true,
  'extract-conflict': true,
  // a claim file's (cofin claim; check reads claim files too)
  'claim-over-budget': true,
  'category-over-flexibility': true,
  'period-claimed-twice': true,
  'claim-period-unknown': true,
  'flat-rate-declared': true,
  'fund-above-rate': true,
  'claimed-fund-mismatch': true,
  'periods-over-budget': true,
  'period-remainder': true,
  'period-fund-mismatch': true,
  'category-not-in-budget': true,
  'exchange-rate-missing': true,
  'programme-rate-above-maximum': true,
  'programme-category-unknown': true,
  'programme-flat-rate-above-maximum': true,
  'programme-flat-rate-not-allowed': true,
  'programme-rounding-differs': true,
};
export const IGNORABLE_CODES = Object.keys(IGNORABLE) as readonly (FindingCode | ClaimFindingCode)[];

/** The JSON Schema (2020-12) of the config file: docs/config.md. */
export const CONFIG_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'cofin configuration (cofin.config.yaml, cofin.config.json, or the "cofin" key of package.json)',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    exclude: {
      description: 'globs skipped when a folder is walked',
      oneOf: [{ $ref: '#/$defs/glob' }, { type: 'array', items: { $ref: '#/$defs/glob' } }],
    },
    ignore: {
      description: 'finding codes shown but not failing a file',
      oneOf: [{ $ref: '#/$defs/code' }, { type: 'array', items: { $ref: '#/$defs/code' } }],
    },
    strict: { type: 'boolean' },
    format: { description: 'the output format, as --format (xlsx: to -o FILE or a redirect)', enum: FORMATS },
    locale: { description: 'the language of the table and of GitHub annotations, as --locale', enum: LOCALES },
  },
  $defs: {
    glob: { type: 'string', minLength: 1 },
    code: { enum: IGNORABLE_CODES },
  },
} as const;

/** Where a config's key (or its value) stands in its file; undefined where it is not known. */
export type ConfigPlace = (key: string | undefined, index?: number) => { line: number; column: number } | undefined;

const configError = (file: string, message: string, hint?: string, at?: { line: number; column: number }) => {
  const error = new CofinError('usage', `${placed(file, at)}: ${message}`, hint, at);
  return error;
};
const placed = (file: string, at: { line: number; column: number } | undefined) =>
  at ? `${file}:${at.line}:${at.column}` : file;
/** A YAML 1.1 boolean, or a boolean written as text: said as what to write instead. */
const BOOLEAN_WORDS: Record<string, boolean> = { yes: true, no: false, on: true, off: false, y: true, n: false };

/** A finding code as `--ignore` or the config names it; a typo is an error with a did-you-mean. */
export function checkIgnoreCode(code: string, where: string, at?: { line: number; column: number }): string {
  if ((IGNORABLE_CODES as readonly string[]).includes(code)) return code;
  const near = didYouMean(code, IGNORABLE_CODES);
  throw new CofinError(
    'usage',
    `${where}: "${code}" is not a finding code`,
    near ? `did you mean "${near}"?` : `the codes are ${IGNORABLE_CODES.join(', ')}`,
    at,
  );
}

function strings(value: unknown, file: string, key: string, at: ConfigPlace): string[] {
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || list.some((item) => typeof item !== 'string' || item === ''))
    throw configError(file, `"${key}" must be a text or a list of texts`, undefined, at(key));
  return list as string[];
}

/** Checks a config's value (from any of its files) and gives it typed; `at` places an error in the file. */
export function parseConfig(value: unknown, file: string, at: ConfigPlace = () => undefined): CheckConfig {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw configError(
      file,
      `the configuration must be a mapping of keys (${KEYS.join(', ')})`,
      undefined,
      at(undefined),
    );
  const config: CheckConfig = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    switch (key) {
      case '$schema':
        break;
      case 'exclude':
        config.exclude = strings(item, file, key, at);
        break;
      case 'ignore': {
        const codes = strings(item, file, key, at);
        config.ignore = codes.map((code, index) => {
          const place = Array.isArray(item) ? (at(key, index) ?? at(key)) : at(key);
          return checkIgnoreCode(code, `${placed(file, place)}: ignore`, place);
        });
        break;
      }
      case 'strict':
        if (typeof item !== 'boolean') {
          const word = typeof item === 'string' ? item.trim().toLowerCase() : undefined;
          const meant = word === 'true' || word === 'false' ? word === 'true' : word && BOOLEAN_WORDS[word];
          throw configError(
            file,
            `"strict" must be true or false, not ${JSON.stringify(item)}`,
            meant === undefined || meant === ''
              ? 'write strict: true or strict: false'
              : `write strict: ${String(meant)} (a bare true or false; "${String(item)}" is read as text)`,
            at(key),
          );
        }
        config.strict = item;
        break;
      case 'format':
        if (typeof item !== 'string' || !(FORMATS as readonly string[]).includes(item)) {
          const near =
            typeof item === 'string'
              ? (FORMATS.find((f) => f === item.toLowerCase()) ?? didYouMean(item, FORMATS))
              : undefined;
          throw configError(
            file,
            `"format" must be one of ${FORMATS.join(', ')}`,
            near ? `did you mean "${near}"?` : undefined,
            at(key),
          );
        }
        config.format = item as CheckFormat;
        break;
      case 'locale':
        if (typeof item !== 'string' || !(LOCALES as readonly string[]).includes(item))
          throw configError(file, `"locale" must be one of ${LOCALES.join(', ')}`, undefined, at(key));
        config.locale = item as 'lv' | 'en';
        break;
      default: {
        const near = didYouMean(key, KEYS);
        const place = at(key, -1);
        throw new CofinError(
          'usage',
          `${placed(file, place)}: unknown key "${key}"`,
          near ? `did you mean "${near}"?` : `the keys are ${KEYS.join(', ')}`,
          place,
        );
      }
    }
  }
  return config;
}

function readText(path: string, shown: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw configError(
      shown,
      `cannot read the configuration (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`,
    );
  }
}

/**
 * A config file's value and where each of its keys stands: JSON is read as
 * YAML 1.2 (its superset) for the places, after JSON.parse has said it is JSON.
 * `under` is the key the config sits under (package.json's `cofin`).
 */
function parseText(text: string, shown: string, json: boolean, under?: string): { value: unknown; at: ConfigPlace } {
  if (json) {
    try {
      JSON.parse(text);
    } catch (error) {
      const message = (error as Error).message;
      const said = Number(/at position (\d+)/.exec(message)?.[1] ?? text.length);
      const last = Math.max(0, text.trimEnd().length - 1);
      const place = lineColumn(text, Math.min(said, last));
      throw configError(
        shown,
        `not valid JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}`,
        undefined,
        place,
      );
    }
  }
  const lines = characterLines(text);
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const [error] = doc.errors;
  if (error) {
    const { line, col } = lines.linePos(error.pos[0]);
    const first = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '');
    throw configError(shown, `not valid ${json ? 'JSON' : 'YAML'}: ${first}`, undefined, { line, column: col });
  }
  const place = (node: { range?: readonly number[] | null } | null | undefined) => {
    const offset = node?.range?.[0];
    if (offset === undefined) return undefined;
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };
  const pairOf = (map: unknown, key: string) =>
    isMap(map) ? map.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === key) : undefined;
  const root = (under === undefined ? doc.contents : pairOf(doc.contents, under)?.value) as Node | null | undefined;
  const at: ConfigPlace = (key, index) => {
    if (key === undefined) return place(root);
    const pair = pairOf(root, key);
    if (!pair) return place(root);
    // -1: the key itself (an unknown key); an index: that item of a list; else the value
    if (index === -1) return place(pair.key as Node);
    const value = pair.value as Node | null;
    if (index !== undefined && value && 'items' in value && Array.isArray(value.items))
      return place(value.items[index] as Node) ?? place(value);
    return place(value) ?? place(pair.key as Node);
  };
  return { value: doc.toJS(), at };
}

/**
 * The configuration that applies in `cwd`: the first folder upwards from it
 * with a `cofin.config.yaml`/`.yml`/`.json`, or a package.json with a `cofin`
 * key. Two config files in one folder are an error (which one counts?).
 */
export function findConfig(cwd: string): FoundConfig | undefined {
  let dir = resolve(cwd);
  for (;;) {
    const present = CONFIG_FILES.filter((name) => existsSync(join(dir, name)));
    const shown = (name: string) => relative(cwd, join(dir, name)) || name;
    const manifest = join(dir, 'package.json');
    // a package.json is not cofin's file: one that cannot be read or parsed is passed over, as one without a "cofin"
    // key
    let value: unknown;
    if (existsSync(manifest))
      try {
        value = JSON.parse(readFileSync(manifest, 'utf8'));
      } catch {
        value = undefined;
      }
    const keyed = value !== null && typeof value === 'object' && 'cofin' in value;
    // package.json's "cofin" key is a config file as the others: beside one, which counts would be a guess
    const candidates = keyed ? [...present, 'package.json'] : present;
    const named = (n: string) => (n === 'package.json' ? `${shown(n)} ("cofin" key)` : shown(n));
    if (candidates.length > 1)
      throw new CofinError(
        'usage',
        `two configuration files: ${candidates.map(named).join(' and ')}`,
        keyed
          ? 'keep one of them: move the settings into one, and delete the other or the "cofin" key'
          : 'keep one of them',
      );
    const name = present[0];
    if (name !== undefined) {
      const file = shown(name);
      const empty = (value: unknown) => (value === null || value === undefined ? {} : value);
      const { value, at } = parseText(readText(join(dir, name), file), file, name.endsWith('.json'));
      return { file, config: parseConfig(empty(value), file, at) };
    }
    if (keyed && value !== null && typeof value === 'object' && 'cofin' in value) {
      const file = shown('package.json');
      const { at } = parseText(readFileSync(manifest, 'utf8'), file, true, 'cofin');
      return { file, config: parseConfig(value.cofin, file, at) };
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * Excludes: a documented subset of glob (README, `--exclude`), small enough
 * to read in full. `*` is any characters but `/`, `?` one character but `/`,
 * `**` any number of folders; a trailing `/` matches folders only. A pattern
 * without `/` matches a file or folder name at any depth; one with `/` the
 * path from the folder walked. Other characters stand for themselves.
 */
export interface Exclude {
  pattern: string;
  test(relativePath: string, name: string, isFolder: boolean): boolean;
}

export function compileExclude(pattern: string): Exclude {
  const folderOnly = pattern.endsWith('/');
  const body = pattern.replace(/\/+$/, '').replace(/^\.\//, '').replace(/^\//, '');
  const byName = !body.includes('/');
  let source = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '*' && body[i + 1] === '*') {
      const slashAfter = body[i + 2] === '/';
      source += slashAfter ? '(?:[^/]+/)*' : '.*';
      i += slashAfter ? 2 : 1;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  // a folder's pattern also covers what is inside it: `archive` skips archive/2024.yaml
  const regex = new RegExp(`^${source}$`);
  return {
    pattern,
    test(relativePath, name, isFolder) {
      if (folderOnly && !isFolder) return false;
      return byName ? regex.test(name) : regex.test(relativePath);
    },
  };
}

/** What a folder walk skips unless told otherwise: a repository's own JSON, dependencies and hidden folders. */
export const DEFAULT_EXCLUDES = [
  'package.json',
  'package-lock.json',
  'tsconfig*.json',
  'node_modules/',
  '.*/',
  ...CONFIG_FILES,
];
