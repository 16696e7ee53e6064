import {
  type LineCounter,
  parseDocument,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  visit,
  type Alias,
  type Document,
  type Node,
  type Pair,
  type Scalar,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import { characterLines } from './lines.js';
import { CofinError, type ErrorCode } from '../core/errors.js';
import { scalarText } from './scalar-text.js';
import {
  complexKeyError,
  complexKeyText,
  escapePointer,
  exampleOf,
  foreignValue,
  foreignValueError,
  fundKindError,
  jsonSyntaxError,
  locatedIn,
  nodePlace,
  unknownProgramme,
  yamlSyntaxWords,
  type Entry,
  MERGE_KEY_HINT,
} from './loader-base.js';
import { parseFigure, type Figure } from '../core/figure.js';
import { formatAmount, type AmountOptions } from '../core/amount.js';
import { Decimal } from '../core/decimal.js';
import { rateParser, type ParsedRate } from '../core/rate.js';
import { parseCurrency } from '../core/currency.js';
import { fixedRate } from '../core/currency/fixed.js';
import { parseUnit } from '../core/split.js';
import { isRoundingMethod, ROUNDING_METHODS } from '../core/allocate/index.js';
import { isPowerOfTen } from '../core/unit.js';
import { isSourceKind, isWellKnownSource, resolveSource, SOURCE_KINDS, WELL_KNOWN_SOURCES } from '../core/sources.js';
import type {
  BudgetFile,
  BudgetStream,
  EuroFigure,
  FigureField,
  FundingSource,
  List,
  Located,
  PartnerBudget,
  ProjectInfo,
  RateField,
  BudgetPeriod,
} from '../core/model.js';
import { figureAt } from '../core/model.js';
import { didYouMean } from './suggest.js';
import { PROGRAMMES, programme as programmeById, type ProgrammeProfile } from '../core/programmes/index.js';
import { parseJsonNodes } from './json-tree.js';
import { countKeys, JsonLocator, JsonPlace, NUMBER_MARK, scanJson } from './json-scan.js';
import { PlainYaml, type YamlMap, type YamlNode, type YamlScalar, type YamlSeq } from './yaml-scan.js';
import { COST_CATEGORIES, parseFlatRate, type CostCategory, type CostLine } from '../core/costs.js';
import { comparable, unseenCharacters } from '../core/names.js';

const TOP_KEYS = [
  'currency',
  'partner',
  'country',
  'budget',
  'costs',
  'funding',
  'euro',
  'periods',
  'programme',
  'category',
  'project',
  'source',
  'rounding',
  'partners',
  '$schema',
];
const PARTNER_KEYS = ['partner', 'country', 'budget', 'costs', 'funding', 'euro', 'periods', 'category'];
const PERIOD_KEYS = ['period', 'budget', 'costs', 'declared'];
const SOURCE_KEYS = ['rate', 'amount', 'name', 'kind'];
const PROJECT_KEYS = ['name', 'programme', 'total', 'partners'];
const ROUNDING_KEYS = ['unit', 'method'];
/** The codes of invalid files are few and stable; core errors map onto them. */
const FILE_CODES: Partial<Record<ErrorCode, ErrorCode>> = {
  'bad-currency': 'wrong-type',
  'bad-unit': 'wrong-type',
  'bad-method': 'wrong-type',
  'bad-source': 'unknown-key',
  'bad-kind': 'wrong-type',
};
/** Aliases may share a block, not multiply it (billion laughs). */
const MAX_ALIAS_USES = 1000;
/**
 * What the alias uses may add to the file, in values (the nodes of the blocks
 * they stand for, summed over the uses): 1 000 uses of a 2 000-source block
 * would be 12 million values, a minute and gigabytes to check.
 */
const MAX_ALIAS_VALUES = 1_000_000;

type Entries<N> = Map<string, Entry<N>>;

/**
 * The tree a budget file is read from: YAML nodes (YAML, and JSON read
 * exactly), or the values of `JSON.parse` (JSON read fast). The loader asks
 * it only these questions, so both give the same model and the same errors.
 */
interface Tree<N> {
  /** Follows a YAML alias, counting its uses. */
  resolve(node: N | undefined, at: Located): N | undefined;
  isMap(node: N | undefined): node is N;
  isSeq(node: N | undefined): node is N;
  isScalar(node: N | undefined): node is N;
  /** Visits a mapping's keys, their nodes and values, in the order written. */
  forEachPair(map: N, pointer: string, visit: (key: string, keyNode: unknown, value: N | undefined) => void): void;
  items(seq: N): readonly (N | undefined)[];
  /** A scalar's text as written. */
  text(scalar: N): string;
  /** What a scalar holds when a tag made it no text (a binary value, a date), else undefined. */
  foreign(scalar: N): string | undefined;
  /** A complex key (`? [a, b]`) as written, else undefined. */
  complexKey(keyNode: unknown): string | undefined;
  /** A JSON number (or true, false, null) rather than a string. */
  isLiteral(scalar: N): boolean;
  /** A null: JSON's `null`, YAML's plain `~` or `null` (never the quoted text "null"). */
  isNull(scalar: N): boolean;
  /** Written inline: `{ ... }`. */
  isFlow(map: N): boolean;
  /** Where a value stands; `fallback` where it has no place of its own (an empty YAML value). */
  place(node: N | undefined, pointer: string, fallback: Located | undefined): Located;
  keyPlace(keyNode: unknown, pointer: string, fallback: Located): Located;
  /** Its nodes are `JSON.parse`'s own values: a partner in the usual shape can be read without the general reader. */
  readonly parsed?: boolean;
}

const PLAIN_NULL = /^(?:~|null|Null|NULL)$/;

/** YAML nodes with their source ranges. */
class YamlTree implements Tree<Node> {
  private aliasUses = 0;
  /** The values the alias uses have added so far. */
  private aliasValues = 0;
  /** Each alias's block, found in one walk of the document (the yaml library walks all of it for every use). */
  private targets: Map<Alias, Node | undefined> | undefined;
  /** The values in each aliased block, counted once per block. */
  private readonly sizes = new WeakMap<Node, number>();

  constructor(
    private readonly doc: Document.Parsed | undefined,
    private readonly lines: LineCounter,
    private readonly json: boolean,
    private readonly source?: string,
  ) {}

  resolve(node: Node | undefined, at: Located): Node | undefined {
    if (!isAlias(node)) return node;
    if (++this.aliasUses > MAX_ALIAS_USES)
      throw new CofinError(
        'syntax',
        `more than ${MAX_ALIAS_USES} alias uses`,
        'write the values out; aliases may share a block, not multiply it',
        at,
      );
    const target = this.target(node);
    if (target) {
      this.aliasValues += this.size(target);
      if (this.aliasValues > MAX_ALIAS_VALUES) {
        throw new CofinError(
          'syntax',
          `the aliases expand to more ` +
            `than ${formatAmount(new Decimal(MAX_ALIAS_VALUES), 0)} values (*${node.source} ` +
            `stands for ${formatAmount(new Decimal(this.size(target)), 0)})`,
          'write the values out, or give every partner one top-level funding: aliases may ' +
            'share a block, not multiply it',
          at,
        );
      }
    }
    return target;
  }

  /** The block an alias stands for: the last node before it with its anchor, as the yaml library resolves it. */
  private target(alias: Alias): Node | undefined {
    if (!this.targets) {
      const targets = new Map<Alias, Node | undefined>();
      const anchors = new Map<string, Node>();
      try {
        visit(this.doc!, {
          Node: (_key, node) => {
            if (isAlias(node)) targets.set(node, anchors.get(node.source));
            else if (node.anchor) anchors.set(node.anchor, node);
          },
        });
      } catch (error) {
        if (error instanceof RangeError) throw tooDeep();
        throw error;
      }
      this.targets = targets;
    }
    return this.targets.get(alias);
  }

  /**
   * How many values (scalars, mappings, lists, aliases; not keys) a block holds; the aliases in it count once, as they
   * are used.
   */
  private size(block: Node): number {
    let known = this.sizes.get(block);
    if (known !== undefined) return known;
    known = 0;
    const stack: unknown[] = [block];
    while (stack.length > 0) {
      const node = stack.pop();
      if (isPair(node)) {
        stack.push(node.value); // a key is not a value
        continue;
      }
      if (!node || typeof node !== 'object') continue;
      known++;
      if (isMap(node) || isSeq(node)) for (const item of node.items) stack.push(item);
    }
    this.sizes.set(block, known);
    return known;
  }

  isMap(node: Node | undefined): node is Node {
    return isMap(node);
  }

  isSeq(node: Node | undefined): node is Node {
    return isSeq(node);
  }

  isScalar(node: Node | undefined): node is Node {
    return isScalar(node);
  }

  forEachPair(
    map: Node,
    _pointer: string,
    visit: (key: string, keyNode: unknown, value: Node | undefined) => void,
  ): void {
    for (const pair of (map as YAMLMap).items as Pair<Node, Node | null>[])
      visit(isScalar(pair.key) ? String(pair.key.value) : '', pair.key, pair.value ?? undefined);
  }

  items(seq: Node): readonly (Node | undefined)[] {
    return ((seq as YAMLSeq).items as (Node | null)[]).map((item) => item ?? undefined);
  }

  text(scalar: Node): string {
    return scalarText((scalar as Scalar).value);
  }

  foreign(scalar: Node): string | undefined {
    return foreignValue((scalar as Scalar).value, (scalar as Scalar).tag);
  }

  complexKey(keyNode: unknown): string | undefined {
    return complexKeyText(keyNode, this.source);
  }

  isLiteral(scalar: Node): boolean {
    return this.json && (scalar as Scalar).type === 'PLAIN';
  }

  isNull(scalar: Node): boolean {
    const { type, value } = scalar as Scalar;
    return type === 'PLAIN' && (value === null || (typeof value === 'string' && PLAIN_NULL.test(value)));
  }

  isFlow(map: Node): boolean {
    return Boolean((map as YAMLMap).flow);
  }

  place(node: Node | undefined, pointer: string, fallback: Located | undefined): Located {
    return nodePlace(this.lines, node, pointer, fallback);
  }

  keyPlace(keyNode: unknown, pointer: string, fallback: Located): Located {
    return this.place(keyNode as Node | undefined, pointer, fallback);
  }
}

/** The values of `JSON.parse`, numbers quoted by `scanJson`; places are found in the text only when asked for. */
class JsonTree implements Tree<unknown> {
  readonly parsed = true;
  private found: JsonLocator | undefined;
  /** The locator is made when a place is first asked for: most files never ask. */
  private readonly locate = () => (this.found ??= new JsonLocator(this.source));

  constructor(
    private readonly source: string,
    private readonly quoted: boolean,
  ) {}

  resolve(node: unknown): unknown {
    return node;
  }

  isMap(node: unknown): node is unknown {
    return node !== null && typeof node === 'object' && !Array.isArray(node);
  }

  isSeq(node: unknown): node is unknown {
    return Array.isArray(node);
  }

  isScalar(node: unknown): node is unknown {
    return node === null || typeof node === 'string' || typeof node === 'boolean';
  }

  forEachPair(map: unknown, pointer: string, visit: (key: string, keyNode: unknown, value: unknown) => void): void {
    const object = map as Record<string, unknown>;
    let first: string | undefined;
    for (const key in object) {
      first = key;
      break;
    }
    // Objects list integer-like keys first; the file's order decides which error is reported first.
    if (first !== undefined && /^(?:0|[1-9][0-9]*)$/.test(first)) {
      const keys = Object.keys(object);
      const offsets = new Map(keys.map((key) => [key, this.locate().offset(`${pointer}/${escapePointer(key)}`, true)]));
      keys.sort((a, b) => offsets.get(a)! - offsets.get(b)!);
      for (const key of keys) visit(key, undefined, object[key]);
      return;
    }
    for (const key in object) visit(key, undefined, object[key]);
  }

  items(seq: unknown): readonly unknown[] {
    return seq as unknown[];
  }

  foreign(): undefined {
    return undefined;
  }

  complexKey(): undefined {
    return undefined;
  }

  text(scalar: unknown): string {
    if (typeof scalar !== 'string') return String(scalar);
    return this.quoted && scalar.startsWith(NUMBER_MARK) ? scalar.slice(1) : scalar;
  }

  isLiteral(scalar: unknown): boolean {
    return typeof scalar !== 'string' || (this.quoted && scalar.startsWith(NUMBER_MARK));
  }

  isNull(scalar: unknown): boolean {
    return scalar === null;
  }

  isFlow(): boolean {
    return true;
  }

  place(_node: unknown, pointer: string): Located {
    return new JsonPlace(pointer, this.locate, false);
  }

  keyPlace(_keyNode: unknown, pointer: string): Located {
    return new JsonPlace(pointer, this.locate, true);
  }
}

/** The plain YAML reader's nodes (io/yaml-scan.ts); a top-level list's items are read when asked for. */
class PlainYamlTree implements Tree<YamlNode> {
  constructor(
    private readonly reader: PlainYaml,
    private readonly lines: LineCounter,
  ) {}

  resolve(node: YamlNode | undefined): YamlNode | undefined {
    return node?.kind === 'later' ? this.reader.expand(node) : node;
  }

  isMap(node: YamlNode | undefined): node is YamlNode {
    return node?.kind === 'map';
  }

  isSeq(node: YamlNode | undefined): node is YamlNode {
    return node?.kind === 'seq';
  }

  isScalar(node: YamlNode | undefined): node is YamlNode {
    return node?.kind === 'scalar';
  }

  forEachPair(map: YamlNode, _pointer: string, visit: (key: string, keyNode: unknown, value: YamlNode) => void): void {
    const { keys, values } = map as YamlMap;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as YamlScalar;
      visit(key.value, key, values[i] as YamlNode);
    }
  }

  items(seq: YamlNode): readonly YamlNode[] {
    return (seq as YamlSeq).items;
  }

  text(scalar: YamlNode): string {
    return (scalar as YamlScalar).value;
  }

  foreign(): undefined {
    return undefined;
  }

  complexKey(): undefined {
    return undefined;
  }

  isLiteral(): boolean {
    return false;
  }

  isNull(): boolean {
    return false; // the plain reader declines a plain null
  }

  isFlow(map: YamlNode): boolean {
    return (map as YamlMap).flow;
  }

  place(node: YamlNode | undefined, pointer: string, fallback: Located | undefined): Located {
    if (!node) return fallback ?? { line: 1, column: 1, pointer };
    return new YamlPlace(pointer, this.lines, node.at);
  }

  keyPlace(keyNode: unknown, pointer: string, fallback: Located): Located {
    return this.place(keyNode as YamlNode | undefined, pointer, fallback);
  }
}

/** A place in YAML text found only when asked for, as JsonPlace: most places are never asked for. */
class YamlPlace {
  private found: { line: number; col: number } | undefined;

  constructor(
    readonly pointer: string,
    private readonly lines: LineCounter,
    private readonly offset: number,
  ) {}

  get line(): number {
    return (this.found ??= this.lines.linePos(this.offset)).line;
  }

  get column(): number {
    return (this.found ??= this.lines.linePos(this.offset)).col;
  }
}

function tooDeep(): CofinError {
  return new CofinError(
    'syntax',
    'the file nests lists or mappings too deeply to read',
    'a budget file is a few levels deep; this one is not a budget file',
    { line: 1, column: 1 },
  );
}

/** Reads a budget file's text (YAML or JSON) into the checked model, or throws a located CofinError. */
export function parseBudgetFile(text: string, format: 'yaml' | 'json'): BudgetFile {
  const file = loadBudgetFile(text, format);
  return { ...file, partners: [...file.partners] };
}

/**
 * Reads a budget file's text for checking. JSON is read fast (`JSON.parse`,
 * partners made one at a time, places found only when a finding needs one);
 * on any error it is read again exactly, so the error is the same either way.
 */
export function loadBudgetFile(text: string, format: 'yaml' | 'json'): BudgetStream {
  if (text.trim() === '')
    throw new CofinError('empty-file', 'the file is empty', 'start from "cofin init" for a commented example', {
      line: 1,
      column: 1,
    });
  if (format === 'yaml') return loadYamlFast(text) ?? loadYamlExact(text);
  return loadJsonFast(text) ?? loadJsonExact(text);
}

/**
 * The plain YAML reader, or undefined where only the yaml package can answer (outside the subset, any error): its
 * partners are read one at a time, each when the list is read, and an error in one is read again exactly.
 */
function loadYamlFast(text: string): BudgetStream | undefined {
  const reader = new PlainYaml(text);
  const root = reader.root();
  if (!root) return undefined;
  const lines = characterLines(text);
  lines.addNewLine(0);
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
  let file: BudgetStream;
  try {
    file = new Loader(new PlainYamlTree(reader, lines), false).file(root);
  } catch (error) {
    if (error instanceof CofinError) return undefined;
    throw error;
  }
  return readAgainOnError(file, () => loadYamlExact(text));
}

/** The YAML package's nodes: every file the plain reader declines, every error. The reference for that reader. */
export function loadYamlExact(text: string): BudgetFile {
  const lines = characterLines(text);
  let doc: Document.Parsed;
  try {
    // duplicate keys are found below: the library's own check compares each key with every earlier one
    // (a funding mapping of 100 000 sources took 70 s to parse)
    doc = parseDocument(text, {
      lineCounter: lines,
      schema: 'failsafe',
      uniqueKeys: false,
      prettyErrors: false,
      strict: true,
    });
  } catch (error) {
    if (error instanceof RangeError) throw tooDeep();
    throw error;
  }
  // the first error in the file: the library's, or a duplicate key before it
  const duplicateAt = firstDuplicateKey(doc.contents);
  const first = doc.errors[0];
  const error: { code: string; pos: [number, number]; message: string } | undefined =
    duplicateAt !== undefined && (!first || duplicateAt < first.pos[0])
      ? { code: 'DUPLICATE_KEY', pos: [duplicateAt, duplicateAt + 1], message: 'Map keys must be unique' }
      : first;
  if (error && /call stack/i.test(error.message)) throw tooDeep();
  if (error) {
    const duplicate = error.code === 'DUPLICATE_KEY';
    const at = lines.linePos(error.pos[0]);
    const key = /^\s*(?:"([^"]*)"|'([^']*)'|([^:\n]+?))\s*:/.exec(text.slice(error.pos[0]));
    const words = yamlSyntaxWords(error);
    throw new CofinError(
      duplicate ? 'duplicate-key' : 'syntax',
      duplicate ? `duplicate key "${key?.[1] ?? key?.[2] ?? key?.[3] ?? ''}"` : words.message,
      duplicate ? 'each key may appear once in a mapping' : words.hint,
      { line: at.line, column: at.col },
    );
  }
  const root = doc.contents as Node | null;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) {
    throw new CofinError(
      'empty-file',
      'the file has no budget in it',
      'start from "cofin init" for a commented example',
      { line: 1, column: 1 },
    );
  }
  return new Loader(new YamlTree(doc, lines, false, text), true).file(root) as BudgetFile;
}

/**
 * Where the first duplicate key of a YAML document stands (its offset), as the
 * yaml library's `uniqueKeys` finds them: two scalar keys of one mapping with
 * the same value; other keys only when they are the same node. One walk, a set
 * of keys per mapping, no recursion (a deep file does not overflow the stack).
 */
function firstDuplicateKey(root: unknown): number | undefined {
  let first: number | undefined;
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        const key = pair.key;
        if (isScalar(key)) {
          if (seen.has(key.value)) {
            const at = key.range?.[0];
            if (at !== undefined && (first === undefined || at < first)) first = at;
            // the first duplicate of a mapping is the one the library reports first; later ones cannot come earlier
            break;
          }
          seen.add(key.value);
        }
      }
      for (const pair of node.items) stack.push(pair.key, pair.value);
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    }
  }
  return first;
}

/** JSON through YAML nodes: every value placed as it is read. The reference the fast reader must agree with. */
export function loadJsonExact(text: string): BudgetFile {
  checkJsonSyntax(text);
  const lines = characterLines(text);
  let root: Node | null;
  try {
    root = parseJsonNodes(text, lines);
  } catch (error) {
    if (error instanceof RangeError) throw tooDeep();
    throw error;
  }
  if (root === null)
    throw new CofinError(
      'empty-file',
      'the file has no budget in it',
      'start from "cofin init" for a commented example',
      { line: 1, column: 1 },
    );
  return new Loader(new YamlTree(undefined, lines, true), true).file(root) as BudgetFile;
}

/** JSON.parse is strict where YAML is lenient; take its error and place it. */
function checkJsonSyntax(text: string): void {
  try {
    JSON.parse(text);
  } catch (error) {
    if (error instanceof RangeError) throw tooDeep();
    throw jsonSyntaxError(text, error);
  }
}

/** The fast reader, or undefined where only the exact one can answer (bad syntax, duplicate keys, any error). */
function loadJsonFast(text: string): BudgetStream | undefined {
  const scanned = scanJson(text);
  if (!scanned) return undefined;
  let root: unknown;
  try {
    root = JSON.parse(scanned.text);
  } catch {
    return undefined;
  }
  if (root === null || countKeys(root) !== scanned.keys) return undefined;
  let file: BudgetStream;
  try {
    file = new Loader(new JsonTree(text, scanned.quoted), false).file(root);
  } catch (error) {
    if (error instanceof CofinError) return undefined;
    throw error;
  }
  return readAgainOnError(file, () => loadJsonExact(text));
}

/** A fast reading's partners, an error in one told as the exact reader tells it (with the file's other errors). */
function readAgainOnError(file: BudgetStream, exact: () => unknown): BudgetStream {
  const partners = file.partners;
  // one partner, read already (and an error in it read again above)
  if (Array.isArray(partners)) return file;
  return {
    ...file,
    partners: {
      length: partners.length,
      *[Symbol.iterator]() {
        try {
          yield* partners;
        } catch (error) {
          // the exact reader reports it, placed as it always is
          if (error instanceof CofinError) exact();
          throw error;
        }
      },
    },
  };
}

/** At most this many errors of a file are told at once. */
const MAX_ERRORS = 20;

/** The hint, led by `did you mean "eu-fund"?` for a slip of one of `words`. */
function didYouMeanText(word: string, words: readonly string[], hint: string): string {
  const near = didYouMean(word, words);
  return near === undefined ? hint : `did you mean "${near}"? ${hint[0]?.toUpperCase() ?? ''}${hint.slice(1)}`;
}

class Loader<N> {
  private currency = 'EUR';
  /** The file's `programme:`, read before its partners so that their categories are checked against it. */
  private profile: ProgrammeProfile | undefined;
  private readonly parseRate = rateParser();
  private textOptions: AmountOptions = { currency: 'EUR', decimal: undefined };
  private literalOptions: AmountOptions = { currency: 'EUR', decimal: 'point' };

  /**
   * Errors kept while reading on, so that a file's errors are told at once:
   * unknown keys (the key is skipped) and, in an eager reading, each
   * partner's first error. Thrown together, in file order, at the end or
   * with the first error that stops the reading.
   */
  private readonly pending: CofinError[] = [];
  /**
   * The keys an unknown key was likely meant as, by the pointer of their mapping: a "missing" error there would say the
   * same again.
   */
  private readonly meant = new Map<string, string[]>();

  /** `eager`: every partner is read now, in file order; otherwise one at a time, each time the list is read. */
  constructor(
    private readonly tree: Tree<N>,
    private readonly eager: boolean,
  ) {}

  private fail(code: ErrorCode, message: string, hint: string | undefined, at: Located): never {
    const error = new CofinError(code, message, hint, at);
    if (this.pending.length === 0) throw error;
    const echo =
      code === 'missing-key' &&
      (this.meant.get(at.pointer ?? '') ?? []).some(
        (key) => message.includes(`"${key}"`) || message.endsWith(` ${key}`),
      );
    throw this.together(echo ? [] : [error]);
  }

  /** The kept errors and `also`, as one error (the first in the file) with the others as its `more`. */
  private together(also: CofinError[]): CofinError {
    const all = [...this.pending, ...also.flatMap((e) => [e, ...e.more])].slice(0, MAX_ERRORS);
    const position = (e: CofinError) => [e.location?.line ?? Infinity, e.location?.column ?? Infinity] as const;
    all.sort((a, b) => position(a)[0] - position(b)[0] || position(a)[1] - position(b)[1]);
    const [first, ...rest] = all;
    first!.more = rest;
    this.pending.length = 0;
    return first!;
  }

  /** In an eager reading, an error kept to be told with the others. */
  private keep(error: CofinError): void {
    this.pending.push(error, ...error.more);
    error.more = [];
  }

  /** Did the last funding: read leave a source out, for an error kept? */
  private sourceUnread = false;
  /** Set once MAX_ERRORS are kept: the reading stops there. */
  private stopped = false;

  /**
   * Reads one value; in an eager reading its error is kept and the reading goes on without it (undefined), so that a
   * bad budget does not hide a bad amount below it. Nothing read so is used: kept errors are thrown at the end.
   */
  private readOn<T>(read: () => T): T | undefined {
    if (!this.eager || this.stopped) return read();
    try {
      return read();
    } catch (error) {
      if (!(error instanceof CofinError) || this.stopped) throw error;
      this.keep(error);
      if (this.pending.length >= MAX_ERRORS) {
        this.stopped = true;
        throw this.together([]);
      }
      return undefined;
    }
  }

  private resolve(node: N | undefined, at: Located): N | undefined {
    return this.tree.resolve(node, at);
  }

  /** A mapping's entries by key; with `allowed`, unknown keys are refused (funding's keys are ids). */
  private entries(
    node: N | undefined,
    at: Located,
    allowed: readonly string[] | undefined,
    what: string,
    hint = 'write it as key: value lines',
  ): Entries<N> {
    const tree = this.tree;
    node = this.resolve(node, at);
    if (!tree.isMap(node)) this.fail('wrong-type', `${what} must be a mapping`, hint, tree.place(node, at.pointer, at));
    const out: Entries<N> = new Map();
    // keys that differ only by invisible or combining characters, as compared (the file's exact duplicates are the
    // parser's)
    let compared: Map<string, string> | undefined;
    const unknown: CofinError[] = [];
    tree.forEachPair(node, at.pointer, (key, keyNode, value) => {
      const keyAt = tree.keyPlace(keyNode, `${at.pointer}/${escapePointer(key)}`, at);
      // a complex key (`? [a, b]`) is read as "": only then is it asked for
      const complex = key === '' ? tree.complexKey(keyNode) : undefined;
      if (complex !== undefined) {
        const error = complexKeyError(complex, allowed, what, keyAt);
        if (!this.eager) this.fail(error.code, error.message, error.hint, keyAt);
        // read on without it, as an unknown key
        unknown.push(error);
        return;
      }
      if (allowed && !allowed.includes(key)) {
        const near = didYouMean(key, allowed);
        const split = /^[0-9]/.test(key) && tree.isFlow(node); // { rate: 49,67% }: the comma ended the entry
        const hint = split
          ? 'inside { } a comma separates entries: quote the value ("49,67%", "12 758,00") ' +
            'or write the source as indented lines'
          : near
            ? `did you mean "${near}"?`
            : `the keys of ${what} are ${allowed.filter((k) => k !== '$schema').join(', ')}`;
        if (!this.eager || split) this.fail('unknown-key', `unknown key "${key}" in ${what}`, hint, keyAt);
        // read on without it: the file's other errors are told with this one
        unknown.push(new CofinError('unknown-key', `unknown key "${key}" in ${what}`, hint, keyAt));
        if (near) this.meant.set(at.pointer ?? '', [...(this.meant.get(at.pointer ?? '') ?? []), near]);
        return;
      }
      const same = comparable(key);
      if (same !== key || compared) {
        compared ??= new Map([...out.keys()].map((k) => [comparable(k), k]));
        const first = compared.get(same);
        if (first !== undefined && first !== key) {
          this.fail(
            'duplicate-key',
            `duplicate key "${key}": the same as "${first}" but for invisible or combining ` +
              `characters (${unseenCharacters(key, first)})`,
            'each key may appear once in a mapping; retype it',
            keyAt,
          );
        }
        compared.set(same, key);
      }
      out.set(key, { node: value, at: tree.place(value, keyAt.pointer, keyAt), keyAt });
    });
    if (unknown.length > 0) {
      // a mapping with no key of the format is not meant as one (a claim file, some other YAML): its first key says so
      if (out.size === 0 && at.pointer === '') throw unknown[0]!;
      for (const error of unknown) this.keep(error);
    }
    return out;
  }

  private scalar(node: N | undefined, at: Located, what: string): string {
    node = this.resolve(node, at);
    if (!this.tree.isScalar(node)) {
      this.fail(
        'wrong-type',
        `${what} must be a single value, not a ${this.tree.isSeq(node) ? 'list' : 'mapping'}`,
        `write one value on the line, e.g. ${exampleOf(what)}`,
        at,
      );
    }
    const value = this.tree.text(node);
    // `partner: null` (JSON) or `~` (YAML) is no name "null": it says nothing, as an empty value
    if (this.tree.isNull(node))
      this.fail('wrong-type', `${what} is empty (${value})`, `give ${what} a value or remove the key`, at);
    if (value.trim() === '') {
      // a tagged value that is no text (!!binary) reads as "": it is said as what it is
      const foreign = this.tree.foreign(node);
      if (foreign !== undefined) {
        const error = foreignValueError(what, foreign, at);
        this.fail(error.code, error.message, error.hint, at);
      }
      this.fail('wrong-type', `${what} is empty`, `give ${what} a value or remove the key`, at);
    }
    return value;
  }
  /** Runs a core parser, placing its error here and giving it a file-format code. */
  private located<T>(at: Located, what: () => T): T {
    return locatedIn(at, FILE_CODES, what);
  }

  private figure(node: N | undefined, at: Located, what: string): FigureField {
    const text = this.scalar(node, at, what);
    // A JSON number always has a decimal point: 1913.715 is not ambiguous.
    const options = this.tree.isLiteral(this.resolve(node, at)!) ? this.literalOptions : this.textOptions;
    const figure = this.located(at, () => parseFigure(text, options));
    return figureAt(figure, at);
  }

  private rate(node: N | undefined, at: Located, what: string): RateField {
    const text = this.scalar(node, at, what);
    const rate = this.located(at, () => this.parseRate(text));
    return { value: rate.value, scale: rate.scale, text, at };
  }

  file(root: N): BudgetStream {
    try {
      return this.readFile(root);
    } catch (error) {
      // an error that stops the reading is told with those kept before it
      if (error instanceof CofinError && this.pending.length > 0) throw this.together([error]);
      throw error;
    }
  }

  private readFile(root: N): BudgetStream {
    const rootAt = this.tree.place(root, '', undefined);
    const top = this.entries(root, rootAt, TOP_KEYS, 'the budget file');
    const get = (key: string) => top.get(key);
    const currency = get('currency');
    if (currency) {
      this.currency = this.located(currency.at, () =>
        parseCurrency(this.scalar(currency.node, currency.at, 'currency')),
      );
      this.textOptions = { currency: this.currency, decimal: undefined };
      this.literalOptions = { currency: this.currency, decimal: 'point' };
    }

    const programmeEntry = get('programme');
    if (programmeEntry) this.profile = this.programme(programmeEntry);
    const partnersEntry = get('partners');
    let partners: List<PartnerBudget>;
    if (partnersEntry) {
      const single = ['partner', 'budget', 'country', 'costs', 'euro', 'periods', 'category'].find((k) => top.has(k));
      if (single)
        this.fail(
          'unknown-key',
          `"${single}" does not go with "partners"`,
          `move ${single}: into each partners item; with a partners: list, only funding stands at the top ` +
            "(the partners' default)",
          top.get(single)!.at,
        );
      const defaultFunding = get('funding');
      const list = this.resolve(partnersEntry.node, partnersEntry.at);
      if (!this.tree.isSeq(list))
        this.fail(
          'wrong-type',
          'partners must be a list',
          'write each partner as a "- partner: ..." item',
          partnersEntry.at,
        );
      const items = this.tree.items(list);
      if (items.length === 0)
        this.fail('missing-key', 'partners is an empty list', 'list at least one partner', partnersEntry.at);
      const read = (item: N | undefined, index: number) => {
        const itemAt = this.tree.place(item, `/partners/${index}`, partnersEntry.at);
        const entries = this.entries(item, itemAt, PARTNER_KEYS, `partner ${index + 1}`);
        if (!entries.has('partner'))
          this.fail(
            'missing-key',
            `partner ${index + 1} has no "partner" name`,
            'name each partner: partner: Ventspils Digital Centre',
            itemAt,
          );
        return this.partner(entries, itemAt, defaultFunding);
      };
      // a partner's error does not stop the reading of the others
      const readOn = (item: N | undefined, index: number) => this.readOn(() => read(item, index));
      // JSON.parse's values in the usual shape: read without the general reader's maps and closures
      const plain =
        this.tree.parsed === true
          ? (item: N | undefined, index: number) => this.plainPartner(item, index, defaultFunding)
          : undefined;
      partners = this.eager
        ? items.map(readOn).filter((p) => p !== undefined)
        : {
            length: items.length,
            *[Symbol.iterator]() {
              for (let i = 0; i < items.length; i++) yield plain?.(items[i], i) ?? read(items[i], i);
            },
          };
    } else {
      for (const key of ['budget', 'funding']) {
        if (!top.has(key) && !(key === 'budget' && top.has('costs')))
          this.fail(
            'missing-key',
            `the file has no "${key}"`,
            key === 'budget'
              ? 'write the partner budget, e.g. budget: 12 758'
              : 'write the funding sources, e.g. funding: { erdf: 85%, municipal: rest }',
            rootAt,
          );
      }
      partners = [this.partner(top, rootAt, undefined)];
    }

    const rounding = get('rounding');
    let unit: BudgetStream['rounding']['unit'];
    let method: BudgetStream['rounding']['method'];
    if (rounding) {
      const entries = this.entries(rounding.node, rounding.at, ROUNDING_KEYS, 'rounding');
      const unitEntry = entries.get('unit');
      if (unitEntry) {
        unit = this.readOn(() => {
          const value = this.located(unitEntry.at, () =>
            parseUnit(this.scalar(unitEntry.node, unitEntry.at, 'rounding.unit')),
          );
          if (!isPowerOfTen(value))
            this.fail(
              'wrong-type',
              `rounding unit must be a power of ten: ${value.toFixed()}`,
              'use 1 for whole euros or 0.01 for cents',
              unitEntry.at,
            );
          return { value, at: unitEntry.at };
        });
      }
      const methodEntry = entries.get('method');
      if (methodEntry) {
        method = this.readOn(() => {
          const value = this.scalar(methodEntry.node, methodEntry.at, 'rounding.method');
          if (!isRoundingMethod(value))
            this.fail(
              'wrong-type',
              `unknown rounding method "${value}"`,
              `use one of ${ROUNDING_METHODS.join(', ')}`,
              methodEntry.at,
            );
          return { value, at: methodEntry.at };
        });
      }
    }
    const project = get('project');
    const source = get('source');
    const schema = get('$schema');
    if (schema) this.readOn(() => this.scalar(schema.node, schema.at, '$schema'));
    const projectModel = project ? this.readOn(() => this.project(project.node, project.at)) : undefined;
    if (this.pending.length > 0) throw this.together([]);
    return {
      currency: this.currency,
      partners,
      multi: Boolean(partnersEntry),
      rounding: { unit, method },
      project: projectModel,
      source: source ? this.scalar(source.node, source.at, 'source') : undefined,
      ...(this.profile ? { programme: { profile: this.profile, at: programmeEntry!.at } } : {}),
      at: rootAt,
    };
  }

  /** `programme:` a profile's id (core/programmes): its rules bind every partner. */
  private programme(entry: Entry<N>): ProgrammeProfile {
    const id = this.scalar(entry.node, entry.at, 'programme').trim();
    const profile = programmeById(id);
    if (!profile) {
      const unknown = unknownProgramme(id);
      this.fail('unknown-key', unknown.message, unknown.hint, entry.at);
    }
    return profile;
  }

  /** `category:` the partner's category in the file's programme. */
  private category(entry: Entry<N>): { value: string; at: Located } {
    const value = this.scalar(entry.node, entry.at, 'category').trim();
    const profile = this.profile;
    if (!profile)
      this.fail(
        'missing-key',
        'category without programme',
        `write the programme the category belongs to: programme: ${PROGRAMMES[0]!.id}`,
        entry.keyAt,
      );
    const known = profile.categories.map((c) => c.id);
    if (!known.includes(value)) {
      const near = didYouMean(value, known);
      this.fail(
        'unknown-key',
        `unknown partner category "${value.slice(0, 40)}" of ${profile.name}`,
        near ? `did you mean "${near}"?` : `the categories of ${profile.id} are ${known.join(', ')}`,
        entry.at,
      );
    }
    return { value, at: entry.at };
  }

  /**
   * A partner of `JSON.parse`'s values in the usual shape (partner, country, budget, and a funding of well-known
   * sources, each a rate, `rest` or `{ rate, amount }`, every value a string), read as `partner` reads it (the same
   * model, its keys in the same order, the same places) without the general reader's maps and closures, a third of
   * a large file's check. Anything else, or a value a parser refuses, is left to the general reader (undefined),
   * which tells it.
   */
  private plainPartner(item: unknown, index: number, defaultFunding: Entry<N> | undefined): PartnerBudget | undefined {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return undefined;
    const fields = item as Record<string, unknown>;
    let name: unknown, country: unknown, budget: unknown, funding: unknown;
    let named = false;
    let countried = false;
    for (const key in fields) {
      if (key === 'partner') {
        name = fields[key];
        named = true;
      } else if (key === 'country') {
        country = fields[key];
        countried = true;
      } else if (key === 'budget') budget = fields[key];
      else if (key === 'funding') funding = fields[key];
      else return undefined;
    }
    if (!named || typeof budget !== 'string') return undefined;
    const pointer = `/partners/${index}`;
    const tree = this.tree as unknown as Tree<unknown>;
    const partner = this.plainText(name);
    const countryText = countried ? this.plainText(country) : undefined;
    if (partner === undefined || (countried && countryText === undefined)) return undefined;
    const budgetField = this.plainFigure(budget, `${pointer}/budget`);
    if (budgetField === undefined) return undefined;
    let sources: FundingSource[] | undefined;
    if (funding !== undefined) sources = this.plainFunding(funding, `${pointer}/funding`);
    else if (defaultFunding !== undefined) sources = this.plainFunding(defaultFunding.node, defaultFunding.at.pointer);
    if (sources === undefined) return undefined;
    this.sourceUnread = false;
    return {
      partner,
      country: countryText,
      budget: budgetField,
      costs: undefined,
      funding: sources,
      at: tree.place(item, pointer, undefined),
    };
  }

  /** A string's text as `scalar` gives it, or undefined where `scalar` would refuse it (or the value is no string). */
  private plainText(value: unknown): string | undefined {
    if (typeof value !== 'string') return undefined;
    const text = (this.tree as unknown as Tree<unknown>).text(value);
    return text.trim() === '' ? undefined : text;
  }

  /** `figure` of a string at `pointer`, or undefined where it would refuse it. */
  private plainFigure(value: unknown, pointer: string): FigureField | undefined {
    const text = this.plainText(value);
    if (text === undefined) return undefined;
    const tree = this.tree as unknown as Tree<unknown>;
    const options = tree.isLiteral(value) ? this.literalOptions : this.textOptions;
    let figure: Figure;
    try {
      figure = parseFigure(text, options);
    } catch (error) {
      if (error instanceof CofinError) return undefined;
      throw error;
    }
    return figureAt(figure, tree.place(value, pointer, undefined));
  }

  /** `rate` of a string at `pointer`, or undefined where it would refuse it. */
  private plainRate(value: unknown, pointer: string): RateField | undefined {
    const text = this.plainText(value);
    if (text === undefined) return undefined;
    let rate: ParsedRate;
    try {
      rate = this.parseRate(text);
    } catch (error) {
      if (error instanceof CofinError) return undefined;
      throw error;
    }
    return {
      value: rate.value,
      scale: rate.scale,
      text,
      at: (this.tree as unknown as Tree<unknown>).place(value, pointer, undefined),
    };
  }

  /** `funding` of well-known sources at `pointer`, each as `source` makes it, or undefined. */
  private plainFunding(node: unknown, pointer: string): FundingSource[] | undefined {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined;
    const tree = this.tree as unknown as Tree<unknown>;
    const map = node as Record<string, unknown>;
    const sources: FundingSource[] = [];
    let rests = 0;
    for (const id in map) {
      const known = isWellKnownSource(id) ? WELL_KNOWN_SOURCES[id] : undefined;
      if (known === undefined) return undefined;
      const value = map[id];
      const at = `${pointer}/${id}`;
      const keyAt = tree.keyPlace(undefined, at, undefined as unknown as Located);
      if (typeof value === 'string') {
        const text = this.plainText(value);
        if (text === undefined) return undefined;
        if (text.trim() === 'rest') {
          rests++;
          sources.push({
            id,
            name: known.name,
            kind: known.kind,
            rate: undefined,
            amount: undefined,
            rest: true,
            at: keyAt,
          });
          continue;
        }
        const rate = this.plainRate(value, at);
        if (rate === undefined) return undefined;
        sources.push({ id, name: known.name, kind: known.kind, rate, amount: undefined, rest: false, at: keyAt });
        continue;
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
      const fields = value as Record<string, unknown>;
      let rateNode: unknown, amountNode: unknown;
      for (const key in fields) {
        if (key === 'rate') rateNode = fields[key];
        else if (key === 'amount') amountNode = fields[key];
        else return undefined;
      }
      if (rateNode === undefined && amountNode === undefined) return undefined;
      let rest = false;
      if (amountNode !== undefined) {
        const amountText = this.plainText(amountNode);
        if (amountText === undefined) return undefined;
        rest = amountText.trim() === 'rest';
        if (rest && rateNode !== undefined) return undefined;
      }
      let rate: RateField | undefined;
      if (rateNode !== undefined) {
        rate = this.plainRate(rateNode, `${at}/rate`);
        if (rate === undefined) return undefined;
      }
      let amount: FigureField | undefined;
      if (amountNode !== undefined && !rest) {
        amount = this.plainFigure(amountNode, `${at}/amount`);
        if (amount === undefined) return undefined;
      }
      if (rest) rests++;
      // the keys in `source`'s order for a { } source
      sources.push({ id, name: known.name, kind: known.kind, at: keyAt, rest, rate, amount });
    }
    return sources.length === 0 || rests > 1 ? undefined : sources;
  }

  private partner(entries: Entries<N>, at: Located, defaultFunding: Entry<N> | undefined): PartnerBudget {
    const text = (key: string) => {
      const entry = entries.get(key);
      return entry ? this.scalar(entry.node, entry.at, key) : undefined;
    };
    const budget = entries.get('budget');
    const costs = entries.get('costs');
    if (!budget && !costs)
      this.fail(
        'missing-key',
        `partner "${text('partner')}" has no budget`,
        'write budget: 12 758, or its costs: by category',
        at,
      );
    const funding = entries.get('funding') ?? defaultFunding;
    if (!funding)
      this.fail(
        'missing-key',
        `partner "${text('partner')}" has no funding`,
        'write its funding, or a top-level funding: that serves every partner',
        at,
      );
    const sources = this.funding(funding.node, funding.at);
    // a source not read (its error kept): euro: and periods: name its id, and would be refused for it
    const allSources = !this.sourceUnread;
    const euro = entries.get('euro');
    const partner: PartnerBudget = {
      partner: this.readOn(() => text('partner')),
      country: this.readOn(() => text('country')),
      budget: budget ? this.readOn(() => this.figure(budget.node, budget.at, 'budget')) : undefined,
      costs: costs ? this.readOn(() => this.costs(costs.node, costs.at)) : undefined,
      funding: sources,
      at,
    };
    if (euro && allSources) partner.euro = this.readOn(() => this.euro(euro, sources));
    const periods = entries.get('periods');
    if (periods && allSources) partner.periods = this.readOn(() => this.periods(periods, sources));
    const category = entries.get('category');
    if (category) partner.category = this.readOn(() => this.category(category));
    return partner;
  }

  /** `periods:` the budget per reporting period, in order; the last takes the remainder. */
  private periods(entry: Entry<N>, sources: readonly FundingSource[]): BudgetPeriod[] {
    const list = this.resolve(entry.node, entry.at);
    const hint = 'write each period as a "- { period: 1, budget: 5 950 }" item; the last may be "- { period: 2 }"';
    if (!this.tree.isSeq(list)) this.fail('wrong-type', 'periods must be a list', hint, entry.at);
    const items = this.tree.items(list);
    if (items.length < 2)
      this.fail('missing-key', 'periods needs at least two periods', 'list the reporting periods, in order', entry.at);
    const periods: BudgetPeriod[] = [];
    const ids = sources.map((s) => s.id);
    items.forEach((item, index) => {
      const at = this.tree.place(item, `${entry.at.pointer}/${index}`, entry.at);
      const what = `periods item ${index + 1}`;
      const fields = this.entries(item, at, PERIOD_KEYS, what, 'write { period: 1, budget: 5 950 }');
      const number = fields.get('period');
      if (!number) this.fail('missing-key', `${what} has no "period"`, 'number each period: period: 1', at);
      const text = this.scalar(number.node, number.at, 'period').trim();
      // Jems's preparation (0) and closure (255) periods: first and last, lump sums only
      const phase = text === 'preparation' || text === 'closure' ? text : undefined;
      if (!phase && (!/^[0-9]{1,3}$/.test(text) || Number(text) === 0))
        this.fail(
          'wrong-type',
          `period "${text.slice(0, 20)}" is not a whole number from 1 to 999, preparation or closure`,
          'number the reporting periods from 1 to 999, e.g. period: 1 (or period: preparation, period: closure ' +
            'for lump sums before and after the project)',
          number.at,
        );
      if ((phase === 'preparation' && index !== 0) || (phase === 'closure' && index !== items.length - 1))
        this.fail(
          'wrong-type',
          `the ${phase} period must be the ${phase === 'preparation' ? 'first' : 'last'} of the periods`,
          'list the preparation period first, then the reporting periods, then the closure period',
          number.at,
        );
      const period = phase === 'preparation' ? 0 : phase === 'closure' ? 255 : Number(text);
      const name = phase ? `the ${phase} period` : `period ${period}`;
      const before = periods.at(-1);
      if (before && before.period >= period)
        this.fail(
          'wrong-type',
          `${name} comes after period ${before.period}`,
          phase === 'closure'
            ? 'with a closure period (Jems numbers it 255), the reporting periods are numbered below 255'
            : 'list the periods once each, in order: the last one takes the remainder',
          number.at,
        );
      const budget = fields.get('budget');
      const costs = fields.get('costs');
      const declaredEntry = fields.get('declared');
      const declared = declaredEntry
        ? [
            ...this.entries(
              declaredEntry.node,
              declaredEntry.at,
              ids,
              `period ${period} declared`,
              'map source ids to amounts, e.g. erdf: 5 057',
            ),
          ].map(([id, e]) => ({ id, amount: this.exact(e, `period ${period} declared ${id}`) }))
        : [];
      const lines = costs ? this.periodCosts(costs, period) : undefined;
      const other = phase ? lines?.find((l) => l.category !== 'lump-sums') : undefined;
      if (other)
        this.fail(
          'wrong-type',
          `${name} holds only lump sums (as in Jems), not ${other.category}`,
          `write costs: { lump-sums: 5 000 } or budget: 5 000 for ${name}`,
          other.at,
        );
      periods.push({
        period,
        ...(phase ? { phase } : {}),
        budget: budget ? this.exact(budget, `${name} budget`) : undefined,
        costs: lines,
        declared,
        at,
      });
    });
    // the last reporting period may be left to the remainder; every other period gives its figures
    let last = periods.length - 1;
    while (last > 0 && periods[last]!.phase) last--;
    if (periods[last]!.phase)
      this.fail(
        'missing-key',
        'periods needs a reporting period besides the preparation and closure periods',
        'add the reporting periods: - { period: 1, budget: 5 950 }',
        entry.at,
      );
    periods.forEach((p, i) => {
      if (i !== last && !p.budget && !p.costs)
        this.fail(
          'missing-key',
          `${p.phase ? `the ${p.phase} period` : `period ${p.period}`} has neither "budget" nor "costs"`,
          'write budget: 5 950, or costs: { staff: 3 000 } (only the last period may be left to the remainder)',
          p.at,
        );
    });
    return periods;
  }

  /** An amount a plan states exactly (a period's budget or share): approximate figures are refused. */
  private exact(entry: Entry<N>, what: string): FigureField {
    const figure = this.figure(entry.node, entry.at, what);
    if (figure.precision !== undefined)
      this.fail('bad-amount', `${what}: ${figure.text.trim()} is approximate`, 'a plan states exact amounts', entry.at);
    return figure;
  }

  /** A period's categories: amounts only (the budget's flat rates are computed on them). */
  private periodCosts(entry: Entry<N>, period: number): CostLine[] {
    const lines = this.costs(entry.node, entry.at);
    for (const line of lines)
      if (!line.amount)
        this.fail(
          'wrong-type',
          `period ${period}: ${line.category} is a flat rate`,
          "write the period's amounts only: the budget's flat rates are computed on each period's base",
          line.at,
        );
    return lines;
  }

  /**
   * `euro:` — the document's euro figures beside its national ones: `budget` and source ids, exact amounts to the cent.
   */
  private euro(entry: Entry<N>, sources: readonly FundingSource[]): EuroFigure[] {
    if (!fixedRate(this.currency)) {
      this.fail(
        'wrong-type',
        `euro: is for a file in a currency the euro replaced, not ${this.currency}`,
        `write the file's currency (currency: LVL, EEK, LTL, ...) and its figures in ` +
          `it; euro: gives the document's euro figures beside them`,
        entry.keyAt,
      );
    }
    const allowed = ['budget', ...sources.map((s) => s.id)];
    const entries = this.entries(
      entry.node,
      entry.at,
      allowed,
      'euro',
      'map budget and source ids to the euro figures, e.g. budget: 12 758,00',
    );
    if (entries.size === 0) this.fail('missing-key', 'euro has no figures', 'write e.g. budget: 12 758,00', entry.at);
    return [...entries].map(([id, e]) => {
      const text = this.scalar(e.node, e.at, `euro.${id}`);
      const options = this.tree.isLiteral(this.resolve(e.node, e.at)!)
        ? { currency: 'EUR', decimal: 'point' as const }
        : { currency: 'EUR', decimal: undefined };
      const figure = this.located(e.at, () => parseFigure(text, options));
      if (figure.precision !== undefined)
        this.fail(
          'bad-amount',
          `euro.${id}: ${text.trim()} is approximate`,
          'write the euro figure exactly, to the cent, as the document states it',
          e.at,
        );
      if (figure.scale > 2)
        this.fail(
          'bad-amount',
          `euro.${id}: ${text.trim()} is finer than the cent`,
          'a euro figure is rounded to the cent (Council Regulation (EC) No 1103/97, Article 5)',
          e.at,
        );
      return {
        id,
        amount: figureAt(figure, e.at),
        at: e.keyAt,
      };
    });
  }

  private funding(node: N | undefined, at: Located): FundingSource[] {
    const entries = this.entries(
      node,
      at,
      undefined,
      'funding',
      'map source ids to rates or { rate, amount }, e.g. erdf: 85%',
    );
    if (entries.size === 0) this.fail('missing-key', 'funding has no sources', 'write e.g. erdf: 85%', at);
    // { erdf: 70%, esf: 10,5% }: the comma ended the entry, and "5%" reads as an id
    // (resolved only then: each resolve of an alias counts towards the aliases' bound)
    const split = [...entries].find(([id]) => /^[0-9]/.test(id));
    const map = split ? this.resolve(node, at) : undefined;
    if (split && map !== undefined && this.tree.isFlow(map))
      this.fail(
        'unknown-key',
        `not a source id: "${split[0]}"`,
        'inside { } a comma separates entries: quote the value ("10,5%", "12 758,00") ' +
          'or write funding as indented lines',
        split[1].keyAt,
      );
    const sources: FundingSource[] = [];
    this.sourceUnread = false;
    for (const [id, entry] of entries) {
      const source = this.readOn(() => this.source(id, entry));
      if (source) sources.push(source);
      else this.sourceUnread = true;
    }
    const rests = sources.filter((s) => s.rest);
    if (rests.length > 1)
      this.fail(
        'bad-rate',
        `more than one source takes the rest (${rests.map((s) => s.id).join(', ')})`,
        'only one source can take what the others leave',
        rests[1]!.at,
      );
    return sources;
  }

  private source(id: string, entry: Entry<N>): FundingSource {
    if (id === '<<') this.fail('unknown-key', 'not a source id: "<<"', MERGE_KEY_HINT, entry.keyAt);
    const node = this.resolve(entry.node, entry.at);
    const known = this.located(entry.keyAt, () => resolveSource(id));
    if (!this.tree.isMap(node)) {
      const text = this.scalar(node, entry.at, `the rate of ${id}`);
      // a rest needs a name as a rate does: `erfd: rest` must not pass as a public source
      if (!isWellKnownSource(id)) this.needName(id, entry.keyAt, text.trim() === 'rest');
      if (text.trim() === 'rest')
        return {
          id,
          name: known.name,
          kind: known.kind,
          rate: undefined,
          amount: undefined,
          rest: true,
          at: entry.keyAt,
        };
      return {
        id,
        name: known.name,
        kind: known.kind,
        rate: this.rate(node, entry.at, `the rate of ${id}`),
        amount: undefined,
        rest: false,
        at: entry.keyAt,
      };
    }
    const fields = this.entries(node, entry.at, SOURCE_KEYS, `source "${id}"`);
    const name = fields.get('name');
    const kind = fields.get('kind');
    const kindText = kind ? this.scalar(kind.node, kind.at, 'kind') : undefined;
    if (kindText !== undefined && !isSourceKind(kindText))
      this.fail(
        'wrong-type',
        `unknown source kind "${kindText}"`,
        didYouMeanText(kindText, SOURCE_KINDS, `a kind is one of ${SOURCE_KINDS.join(', ')}`),
        kind!.at,
      );
    if (!name && !isWellKnownSource(id)) this.needName(id, entry.keyAt, false, kindText);
    const nameText = name ? this.scalar(name.node, name.at, 'name') : undefined;
    this.kindOfFund(id, kindText, nameText, entry.keyAt, kind?.at);
    const rate = fields.get('rate');
    const amount = fields.get('amount');
    if (!rate && !amount)
      this.fail(
        'missing-key',
        `source "${id}" has neither a rate nor an amount`,
        'write rate: 85%, amount: 10 844, or amount: rest',
        entry.keyAt,
      );
    const amountText = amount ? this.scalar(amount.node, amount.at, `the amount of ${id}`) : undefined;
    const rest = amountText?.trim() === 'rest';
    if (rest && rate)
      this.fail(
        'wrong-type',
        `source "${id}" takes the rest and has a rate`,
        'a rest source takes what the others leave; drop its rate',
        rate.at,
      );
    const source = name || kindText ? resolveSource(id, kindText, nameText) : known;
    // written out, not spread: a spread costs more than the rest of reading a source
    return {
      id,
      name: source.name,
      kind: source.kind,
      at: entry.keyAt,
      rest,
      rate: rate ? this.rate(rate.node, rate.at, `the rate of ${id}`) : undefined,
      amount: amount && !rest ? this.figure(amount.node, amount.at, `the amount of ${id}`) : undefined,
    };
  }

  private costs(node: N | undefined, at: Located): CostLine[] {
    const entries = this.entries(node, at, Object.keys(COST_CATEGORIES), 'costs');
    if (entries.size === 0)
      this.fail('missing-key', 'costs has no categories', `write e.g. staff: 6 000 and office: 15% of staff`, at);
    return [...entries].map(([category, entry]) => {
      const text = this.scalar(entry.node, entry.at, `costs.${category}`);
      const flat = this.located(entry.at, () => parseFlatRate(text, entry.at));
      return {
        category: category as CostCategory,
        amount: flat ? undefined : this.figure(entry.node, entry.at, `costs.${category}`),
        flat,
        at: entry.keyAt,
      };
    });
  }

  /**
   * A source that would be read as another kind than it is meant: an id a slip from a well-known one (`erfd`,
   * `eradf`: a public source named ERAF, which the EU fund checks pass by), a source named as an EU fund (`ERAF`)
   * under an id that is none, or an EU fund's id with another kind. A kind written takes an unknown id as written.
   */
  private kindOfFund(id: string, kind: string | undefined, name: string | undefined, at: Located, kindAt?: Located) {
    const error = fundKindError(id, kind, name, at, kindAt);
    if (error) this.fail(error.code, error.message, error.hint, error.at);
  }

  /**
   * A source of an unknown id needs a name; but an id a slip from a well-known one, or one that names an EU fund, is
   * told as that first: a name would not mend it, and the kind it would be read as is the real mistake.
   */
  private needName(id: string, at: Located, rest = false, kind?: string): never {
    this.kindOfFund(id, kind, undefined, at);
    const near = didYouMean(id, Object.keys(WELL_KNOWN_SOURCES));
    const hint =
      `write ${id}: { name: ..., ${rest ? 'amount: rest' : 'rate: ...'} }, or use a well-known ` +
      `id: ${Object.keys(WELL_KNOWN_SOURCES).join(', ')}`;
    this.fail('missing-key', `source "${id}" needs a name`, near ? `did you mean "${near}"? Or ${hint}` : hint, at);
  }

  private project(node: N | undefined, at: Located): ProjectInfo {
    const entries = this.entries(node, at, PROJECT_KEYS, 'project');
    const text = (key: string) => {
      const entry = entries.get(key);
      return entry ? this.scalar(entry.node, entry.at, `project.${key}`) : undefined;
    };
    const total = entries.get('total');
    const partners = entries.get('partners');
    let count: ProjectInfo['partners'];
    if (partners) {
      const value = text('partners')!;
      if (!/^[0-9]{1,6}$/.test(value.trim()) || Number(value) === 0)
        this.fail(
          'wrong-type',
          `project.partners must be a whole number of partners: "${value}"`,
          'write how many partners the project has, e.g. partners: 8',
          partners.at,
        );
      count = { value: Number(value), at: partners.at };
    }
    return {
      name: text('name'),
      programme: text('programme'),
      total: total ? this.figure(total.node, total.at, 'project.total') : undefined,
      partners: count,
      at,
    };
  }
}
