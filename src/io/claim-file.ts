import { LineCounter, isAlias, isMap, isScalar, isSeq, type Node, type Pair, type Scalar } from 'yaml';
import { CofinError, type ErrorCode } from '../core/errors.js';
import { scalarText } from './scalar-text.js';
import { parseFigure } from '../core/figure.js';
import { parseRate } from '../core/rate.js';
import { minorUnit, parseCurrency } from '../core/currency.js';
import { Decimal, HUNDRED, ZERO, sum } from '../core/decimal.js';
import { COST_CATEGORIES, parseFlatRate, type CostCategory, type CostLine } from '../core/costs.js';
import { isSourceKind, isWellKnownSource, resolveSource, SOURCE_KINDS, WELL_KNOWN_SOURCES } from '../core/sources.js';
import type { FigureField, Located, RateField } from '../core/model.js';
import type {
  ClaimEntry,
  ClaimFile,
  ClaimSource,
  DeclaredFund,
  ExpenditureItem,
  PlanPeriod,
  RatesSource,
} from '../core/claims/types.js';
import { fixedRate, nationalUnit } from '../core/currency/fixed.js';
import { monthOf, rateTable } from '../core/currency/monthly.js';
import { rateNodes } from './rate-table.js';
import { programme as programmeById, PROGRAMMES } from '../core/programmes/profiles.js';
import { didYouMean } from './suggest.js';
import { parseDocumentTree } from './document-tree.js';
import {
  complexKeyError,
  complexKeyText,
  escapePointer,
  foreignValue,
  foreignValueError,
  fundKindError,
  locatedIn,
  nodePlace,
  unknownProgramme,
  type Entry as LoaderEntry,
  MERGE_KEY_HINT,
} from './loader-base.js';

const CATEGORIES = Object.keys(COST_CATEGORIES);
const TOP_KEYS = [
  'currency',
  'partner',
  'country',
  'budget',
  'costs',
  'funding',
  'flexibility',
  'periods',
  'claims',
  'rates',
  'programme',
  'category',
  'source',
  '$schema',
];
const SOURCE_KEYS = ['rate', 'name', 'kind'];
const PERIOD_KEYS = ['period', ...CATEGORIES, 'declared'];
const CLAIM_KEYS = ['period', 'submitted', 'currency', 'expenditure', 'declared'];
/** Core errors mapped onto the codes of invalid files. */
const FILE_CODES: Partial<Record<ErrorCode, ErrorCode>> = {
  'bad-currency': 'wrong-type',
  'bad-source': 'unknown-key',
  'bad-kind': 'wrong-type',
};

type Entry = LoaderEntry<Node>;

/**
 * Reads a claim file (YAML or JSON; see docs/claims.md) into the
 * validated model: every amount from its literal text, every value placed.
 * Throws one located CofinError for the first bad value.
 */
export function parseClaimFile(text: string, format: 'yaml' | 'json', options: { every?: boolean } = {}): ClaimFile {
  if (text.trim() === '')
    throw new CofinError(
      'empty-file',
      'the file is empty',
      'a claim file holds currency, partner, costs, funding and claims',
      { line: 1, column: 1 },
    );
  const { root, lines } = parseDocumentTree(text, format, 'each key may appear once in a mapping');
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) {
    throw new CofinError(
      'empty-file',
      'the file has no claim file in it',
      'a claim file holds currency, partner, costs, funding and claims',
      { line: 1, column: 1 },
    );
  }
  return new ClaimLoader(lines, format === 'json', text, options.every === true).file(root);
}

/** At most this many errors of a file are told at once (as for a budget file). */
const MAX_ERRORS = 20;

class ClaimLoader {
  private currency = 'EUR';
  private unit = minorUnit('EUR');

  constructor(
    private readonly lines: LineCounter,
    private readonly json: boolean,
    private readonly text: string,
    /** `check`: every bad value is told (a bad amount does not hide one below it), not the first alone. */
    private readonly every = false,
  ) {}

  /** The bad values kept while reading on; thrown together, in file order, at the end or with an error that stops. */
  private readonly kept: CofinError[] = [];
  /** Was a funding rate left unread (kept)? Then the rates' sum says nothing. */
  private rateUnread = false;

  /**
   * Reads one value; when every error is told, its error is kept and `instead` stands in for it, so that the reading
   * goes on. Nothing read so is used: the kept errors are thrown at the end.
   */
  private readOn<T>(read: () => T, instead: () => T): T {
    if (!this.every) return read();
    try {
      return read();
    } catch (error) {
      if (!(error instanceof CofinError)) throw error;
      this.kept.push(error, ...error.more);
      error.more = [];
      if (this.kept.length >= MAX_ERRORS) throw this.together([]);
      return instead();
    }
  }

  /** The kept errors and `also`, as one error (the first in the file) with the others as its `more`. */
  private together(also: CofinError[]): CofinError {
    const all = [...this.kept, ...also.flatMap((e) => [e, ...e.more])].slice(0, MAX_ERRORS);
    const position = (e: CofinError) => [e.location?.line ?? Infinity, e.location?.column ?? Infinity] as const;
    all.sort((a, b) => position(a)[0] - position(b)[0] || position(a)[1] - position(b)[1]);
    const [first, ...rest] = all;
    // called with at least one error kept or given
    if (first === undefined) throw new Error('no error to tell');
    first.more = rest;
    this.kept.length = 0;
    return first;
  }

  /** A stand-in for a figure left unread. */
  private unread(at: Located): FigureField {
    return { value: ZERO, text: '0', scale: 0, precision: undefined, currency: undefined, at };
  }

  private fail(code: ErrorCode, message: string, hint: string, at: Located): never {
    throw new CofinError(code, message, hint, at);
  }

  private place(node: Node | undefined | null, pointer: string, fallback: Located | undefined): Located {
    return nodePlace(this.lines, node, pointer, fallback);
  }

  private node(node: Node | undefined, at: Located): Node | undefined {
    if (isAlias(node))
      this.fail(
        'syntax',
        `a YAML alias (*${node.source}) in a claim file`,
        'write the values out: claim files do not read aliases',
        at,
      );
    return node;
  }

  /** A mapping's entries by key; unknown keys are refused with a did-you-mean. */
  private entries(
    raw: Node | undefined,
    at: Located,
    allowed: readonly string[] | undefined,
    what: string,
    hint: string,
  ): Map<string, Entry> {
    const node = this.node(raw, at);
    if (!isMap(node)) this.fail('wrong-type', `${what} must be a mapping`, hint, at);
    const out = new Map<string, Entry>();
    for (const pair of node.items as Pair<Node, Node | null>[]) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const keyAt = this.place(pair.key, `${at.pointer}/${escapePointer(key)}`, at);
      const complex = complexKeyText(pair.key, this.text);
      if (complex !== undefined) {
        const error = complexKeyError(complex, allowed, what, keyAt);
        if (!this.every) throw error;
        // read on without it, as an unknown key
        this.kept.push(error);
        if (this.kept.length >= MAX_ERRORS) throw this.together([]);
        continue;
      }
      let as = key;
      if (allowed && !allowed.includes(key)) {
        const near = didYouMean(key, allowed);
        const split = /^[0-9]/.test(key) && Boolean(node.flow);
        const unknown = new CofinError(
          'unknown-key',
          `unknown key "${key}" in ${what}`,
          split
            ? 'inside { } a comma separates entries: quote the value ("12 758,00") or write it as indented lines'
            : near
              ? `did you mean "${near}"?`
              : `the keys of ${what} are ${allowed.filter((k) => k !== '$schema').join(', ')}`,
          keyAt,
        );
        if (!this.every) throw unknown;
        // told with the others: the file is invalid whatever follows, so its value is read on as the key it was likely
        // meant as (its own errors told too, no false "missing" one), or skipped
        this.kept.push(unknown);
        if (this.kept.length >= MAX_ERRORS) throw this.together([]);
        if (!near || split || node.items.some((other) => isScalar(other.key) && String(other.key.value) === near))
          continue;
        as = near;
      }
      const value = this.node(pair.value ?? undefined, keyAt);
      out.set(as, { node: value, at: this.place(value, keyAt.pointer, keyAt), keyAt });
    }
    return out;
  }

  private scalar(raw: Node | undefined, at: Located, what: string): string {
    const node = this.node(raw, at);
    if (!isScalar(node))
      this.fail(
        'wrong-type',
        `${what} must be a single value, not a ${isSeq(node) ? 'list' : 'mapping'}`,
        `write one value, e.g. ${what.includes('period') ? 'period: 1' : 'staff: 2 500'}`,
        at,
      );
    const foreign = foreignValue(node.value, node.tag);
    if (foreign !== undefined) throw foreignValueError(what, foreign, at);
    const text = scalarText(node.value);
    if (text.trim() === '') this.fail('wrong-type', `${what} is empty`, `give ${what} a value or remove the key`, at);
    return text;
  }

  private located<T>(at: Located, what: () => T): T {
    return locatedIn(at, FILE_CODES, what);
  }

  /** An exact amount, at most to the currency's minor unit. */
  private figure(raw: Node | undefined, at: Located, what: string): FigureField {
    return this.readOn(
      () => this.exactFigure(raw, at, what),
      () => this.unread(at),
    );
  }

  private exactFigure(raw: Node | undefined, at: Located, what: string): FigureField {
    const text = this.scalar(raw, at, what);
    const literal = this.json && (raw as Scalar).type === 'PLAIN';
    const figure = this.located(at, () =>
      parseFigure(text, { currency: this.currency, decimal: literal ? 'point' : undefined }),
    );
    if (figure.precision)
      this.fail(
        'bad-amount',
        `${what}: "${text.trim()}" is approximate`,
        'a claim states exact amounts: write the figure in full, e.g. 2 500 or 2 500,00',
        at,
      );
    if (!figure.value.mod(this.unit).isZero())
      this.fail(
        'bad-amount',
        `${what}: ${figure.value.toFixed()} is finer than the ${this.currency} minor unit ${this.unit.toFixed()}`,
        `write the amount in whole units of ${this.unit.toFixed()}, as the report states it`,
        at,
      );
    return { ...figure, at };
  }

  private rate(raw: Node | undefined, at: Located, what: string): RateField {
    return this.readOn(
      () => this.rateNow(raw, at, what),
      () => {
        this.rateUnread = true;
        return { value: ZERO, scale: 0, text: '0%', at };
      },
    );
  }

  private rateNow(raw: Node | undefined, at: Located, what: string): RateField {
    const text = this.scalar(raw, at, what);
    const rate = this.located(at, () => parseRate(text));
    return { ...rate, text, at };
  }

  /** Cost categories: amounts, or flat rates `N% of CATEGORY` / `N% of direct`. */
  private costs(entries: Map<string, Entry>, what: string, flatAllowed = true): CostLine[] {
    const lines: CostLine[] = [];
    for (const [key, entry] of entries) {
      if (!CATEGORIES.includes(key)) continue;
      const text = this.scalar(entry.node, entry.at, `${what}.${key}`);
      const flat = flatAllowed ? this.located(entry.at, () => parseFlatRate(text, entry.at)) : undefined;
      lines.push({
        category: key as CostCategory,
        flat,
        amount: flat ? undefined : this.figure(entry.node, entry.at, `${what}.${key}`),
        at: entry.keyAt,
      });
    }
    return lines;
  }

  private periodNumber(
    entry: Entry | undefined,
    at: Located,
    what: string,
    plan = false,
  ): { value: number; at: Located } {
    if (!entry)
      this.fail(
        'missing-key',
        `${what} has no "period"`,
        'give the reporting period it belongs to, e.g. period: 1',
        at,
      );
    const text = this.scalar(entry.node, entry.at, `${what}: period`).trim();
    if (!/^[1-9][0-9]{0,2}$/.test(text))
      this.fail(
        'wrong-type',
        `${what}: period must be a whole number from 1 to 999${plan ? ', preparation or closure' : ''}: "${text}"`,
        'write the number of the reporting period, from 1 to 999, e.g. period: 1' +
          (plan ? ' (or period: preparation, period: closure for lump sums before and after the project)' : ''),
        entry.at,
      );
    return { value: Number(text), at: entry.at };
  }

  private items(entry: Entry, what: string, hint: string): (Node | undefined)[] {
    const node = this.node(entry.node, entry.at);
    if (!isSeq(node)) this.fail('wrong-type', `${what} must be a list`, hint, entry.at);
    return (node.items as (Node | null)[]).map((item) => item ?? undefined);
  }

  file(root: Node): ClaimFile {
    let file: ClaimFile;
    try {
      file = this.readFile(root);
    } catch (error) {
      // an error that stops the reading is told with the bad values kept before it
      if (error instanceof CofinError && this.kept.length > 0) throw this.together([error]);
      throw error;
    }
    if (this.kept.length > 0) throw this.together([]);
    return file;
  }

  private readFile(root: Node): ClaimFile {
    const rootAt = this.place(root, '', undefined);
    const top = this.entries(
      root,
      rootAt,
      TOP_KEYS,
      'the claim file',
      'a claim file is a mapping: currency, partner, costs, funding, periods, claims',
    );
    const currency = top.get('currency');
    if (currency) {
      this.currency = this.located(currency.at, () =>
        parseCurrency(this.scalar(currency.node, currency.at, 'currency')),
      );
      this.unit = minorUnit(this.currency);
    }
    const text = (key: string) => {
      const entry = top.get(key);
      return entry ? this.scalar(entry.node, entry.at, key) : undefined;
    };
    const schema = top.get('$schema');
    if (schema) this.scalar(schema.node, schema.at, '$schema');
    text('country');
    text('source');

    const costsEntry = top.get('costs');
    if (!costsEntry)
      this.fail(
        'missing-key',
        'the file has no "costs"',
        'write the partner budget by category, e.g. costs: { staff: 6 000, office: 15% of staff, travel: 2 000 }',
        rootAt,
      );
    const costs = this.costs(
      this.entries(
        costsEntry.node,
        costsEntry.at,
        CATEGORIES,
        'costs',
        'write costs: { staff: 6 000, office: 15% of staff }',
      ),
      'costs',
    );
    if (costs.length === 0)
      this.fail(
        'missing-key',
        'costs has no categories',
        'write e.g. staff: 6 000 and office: 15% of staff',
        costsEntry.at,
      );
    const budget = top.get('budget');

    const fundingEntry = top.get('funding');
    if (!fundingEntry)
      this.fail(
        'missing-key',
        'the file has no "funding"',
        'write the funding sources and their rates, e.g. funding: { erdf: 85%, municipal: 10%, state: 5% }',
        rootAt,
      );
    const funding = this.funding(fundingEntry);

    const flexibility = top.get('flexibility');
    const ratesEntry = top.get('rates');
    const periodsEntry = top.get('periods');
    const claimsEntry = top.get('claims');
    if (!periodsEntry && !claimsEntry)
      this.fail(
        'missing-key',
        'the file has neither "periods" nor "claims"',
        'write the claims (partner reports): claims: [ { period: 1, expenditure: { ' +
          'staff: 2 500 } } ], or a plan under periods:',
        rootAt,
      );
    return {
      currency: this.currency,
      partner: text('partner'),
      budget: budget ? this.figure(budget.node, budget.at, 'budget') : undefined,
      costs,
      funding,
      flexibility: flexibility ? this.rate(flexibility.node, flexibility.at, 'flexibility') : undefined,
      periods: periodsEntry ? this.periods(periodsEntry, funding) : undefined,
      claims: claimsEntry ? this.claims(claimsEntry, funding) : [],
      rates: ratesEntry ? this.rates(ratesEntry) : undefined,
      programme: this.programme(top.get('programme'), top.get('category')),
      at: rootAt,
    };
  }

  private funding(entry: Entry): ClaimSource[] {
    const entries = this.entries(
      entry.node,
      entry.at,
      undefined,
      'funding',
      'map source ids to rates, e.g. funding: { erdf: 85%, municipal: 10%, state: 5% }',
    );
    if (entries.size === 0)
      this.fail('missing-key', 'funding has no sources', 'write e.g. funding: { erdf: 85%, municipal: 15% }', entry.at);
    const sources: ClaimSource[] = [];
    for (const [id, source] of entries) {
      if (id === '<<') this.fail('unknown-key', 'not a source id: "<<"', MERGE_KEY_HINT, source.keyAt);
      const known = this.located(source.keyAt, () => resolveSource(id));
      let rateNode: Node | undefined = source.node;
      let rateAt = source.at;
      let resolved = known;
      if (isMap(source.node)) {
        const fields = this.entries(
          source.node,
          source.at,
          SOURCE_KEYS,
          `source "${id}"`,
          'write { rate: 85%, name: ..., kind: ... }',
        );
        const kind = fields.get('kind');
        const kindText = kind ? this.scalar(kind.node, kind.at, 'kind') : undefined;
        if (kindText !== undefined && !isSourceKind(kindText))
          this.fail(
            'wrong-type',
            `unknown source kind "${kindText}"`,
            `a kind is one of ${SOURCE_KINDS.join(', ')}`,
            kind!.at,
          );
        const name = fields.get('name');
        if (!name && !isWellKnownSource(id)) this.needName(id, source.keyAt, kindText);
        const nameText = name ? this.scalar(name.node, name.at, 'name') : undefined;
        // a slip of a fund's id (erfd) or a fund's name under another id is refused, as in a budget file
        const kindError = fundKindError(id, kindText, nameText, source.keyAt, kind?.at);
        if (kindError) this.fail(kindError.code, kindError.message, kindError.hint, kindError.at);
        const rate = fields.get('rate');
        if (!rate)
          this.fail(
            'missing-key',
            `source "${id}" has no rate`,
            `write ${id}: { rate: 10% }, or rate: rest for the source that takes what the others leave`,
            source.keyAt,
          );
        rateNode = rate.node;
        rateAt = rate.at;
        resolved = this.located(source.keyAt, () => resolveSource(id, kindText, nameText));
      } else if (!isWellKnownSource(id)) this.needName(id, source.keyAt);
      const text = this.scalar(rateNode, rateAt, `the rate of ${id}`);
      const rest = text.trim() === 'rest';
      if (rest && resolved.kind === 'eu-fund')
        this.fail(
          'wrong-type',
          `fund "${id}" takes the rest`,
          'a fund pays rate × eligible, rounded down: give it a rate; a contribution source may take the rest',
          rateAt,
        );
      if (rest && sources.some((s) => s.rest))
        this.fail(
          'bad-rate',
          `more than one source takes the rest (${sources.find((s) => s.rest)!.id}, ${id})`,
          'only one source can take what the others leave',
          rateAt,
        );
      sources.push({
        ...resolved,
        rate: rest ? undefined : this.rate(rateNode, rateAt, `the rate of ${id}`),
        rest,
        at: source.keyAt,
      });
    }
    const rates = sum(sources.map((s) => s.rate?.value ?? ZERO));
    const others = sources.some((s) => s.kind !== 'eu-fund');
    const rest = sources.some((s) => s.rest);
    if (!this.rateUnread && (rates.gt(HUNDRED) || (others && !rest && !rates.eq(HUNDRED)))) {
      this.fail(
        'bad-rate',
        `the funding rates add up to ${rates.toFixed()}%, not 100%`,
        'make the rates of funding add up to 100%, or let one contribution source take the rest (municipal: rest)',
        entry.at,
      );
    }
    return sources;
  }

  /** As a budget file's: an id a slip from a well-known one, or one naming an EU fund, is told as that first. */
  private needName(id: string, at: Located, kind?: string): never {
    const kindError = fundKindError(id, kind, undefined, at);
    if (kindError) this.fail(kindError.code, kindError.message, kindError.hint, kindError.at);
    const near = didYouMean(id, Object.keys(WELL_KNOWN_SOURCES));
    const hint =
      `write ${id}: { name: ..., rate: ..., kind: ... }, or use a well-known ` +
      `id: ${Object.keys(WELL_KNOWN_SOURCES).join(', ')}`;
    this.fail('missing-key', `source "${id}" needs a name`, near ? `did you mean "${near}"? Or ${hint}` : hint, at);
  }

  private periods(entry: Entry, funding: readonly ClaimSource[]): PlanPeriod[] {
    const items = this.items(entry, 'periods', 'write each period as a "- { period: 1, staff: 3 000 }" item');
    if (items.length === 0)
      this.fail(
        'missing-key',
        'periods is an empty list',
        'list the reporting periods, the last one alone: - { period: 2 }',
        entry.at,
      );
    const periods: PlanPeriod[] = [];
    items.forEach((item, index) => {
      const at = this.place(item, `/periods/${index}`, entry.at);
      const what = `periods item ${index + 1}`;
      const fields = this.entries(item, at, PERIOD_KEYS, what, 'write { period: 1, staff: 3 000, travel: 1 000 }');
      // Jems's preparation (0) and closure (255) periods: first and last, lump sums only (docs/jems-rules.md 1.2)
      const written = fields.get('period');
      const text = written ? this.scalar(written.node, written.at, `${what}: period`).trim() : '';
      const phase = text === 'preparation' || text === 'closure' ? text : undefined;
      if (phase && ((phase === 'preparation' && index !== 0) || (phase === 'closure' && index !== items.length - 1)))
        this.fail(
          'wrong-type',
          `the ${phase} period must be the ${phase === 'preparation' ? 'first' : 'last'} of the periods`,
          'list the preparation period first, then the reporting periods, then the closure period',
          written?.at ?? at,
        );
      const period = phase
        ? { value: phase === 'preparation' ? 0 : 255, at: written?.at ?? at }
        : this.periodNumber(written, at, what, true);
      const name = phase ? `the ${phase} period` : `period ${period.value}`;
      const before = periods.at(-1);
      if (before && before.period >= period.value)
        this.fail(
          'wrong-type',
          `${name} comes after period ${before.period}`,
          phase === 'closure'
            ? 'with a closure period (Jems numbers it 255), the reporting periods are numbered below 255'
            : 'list the periods once each, in order: the last one takes the remainder',
          period.at,
        );
      const lines = this.costs(fields, name);
      const other = phase ? lines.find((l) => l.category !== 'lump-sums') : undefined;
      if (other)
        this.fail(
          'wrong-type',
          `${name} holds only lump sums (as in Jems), not ${other.category}`,
          `write { period: ${phase}, lump-sums: 5 000 }`,
          other.at,
        );
      periods.push({
        period: period.value,
        ...(phase ? { phase } : {}),
        lines,
        declared: this.declaredFunds(fields.get('declared'), funding, name),
        at,
      });
    });
    // the last reporting period takes the remainder: there must be one
    if (periods.every((p) => p.phase))
      this.fail(
        'missing-key',
        'periods needs a reporting period besides the preparation and closure periods',
        'add the reporting periods, the last one alone: - { period: 1 }',
        entry.at,
      );
    return periods;
  }

  /** `programme:` a profile's id, `category:` the partner's category in it. */
  private programme(entry: Entry | undefined, categoryEntry: Entry | undefined): ClaimFile['programme'] {
    if (!entry) {
      if (categoryEntry)
        this.fail(
          'missing-key',
          'category without programme',
          `write the programme the category belongs to: programme: ${PROGRAMMES[0]!.id}`,
          categoryEntry.keyAt,
        );
      return undefined;
    }
    const id = this.scalar(entry.node, entry.at, 'programme').trim();
    const profile = programmeById(id);
    if (!profile) {
      const unknown = unknownProgramme(id);
      this.fail('unknown-key', unknown.message, unknown.hint, entry.at);
    }
    let category: string | undefined;
    if (categoryEntry) {
      category = this.scalar(categoryEntry.node, categoryEntry.at, 'category').trim();
      const known = profile.categories.map((c) => c.id);
      if (!known.includes(category)) {
        const near = didYouMean(category, known);
        this.fail(
          'unknown-key',
          `unknown partner category "${category.slice(0, 40)}" of ${profile.name}`,
          near ? `did you mean "${near}"?` : `the categories of ${profile.id} are ${known.join(', ')}`,
          categoryEntry.at,
        );
      }
    }
    return { profile, category, at: entry.at };
  }

  /** `rates:` a rate table's path (read by the command, relative to the claim file) or the table itself. */
  private rates(entry: Entry): RatesSource {
    const node = this.node(entry.node, entry.at);
    if (isMap(node))
      return { kind: 'inline', table: rateTable('rates', rateNodes(node, this.lines, '/rates')), at: entry.at };
    const path = this.scalar(node, entry.at, 'rates').trim();
    return { kind: 'file', path, at: entry.at };
  }

  /**
   * A declared fund amount: in the file's currency, or, in a EUR file, in a
   * currency the euro replaced (`LVL 6 307,67`), checked against the euro
   * share converted at its fixed rate.
   */
  private declaredFigure(raw: Node | undefined, at: Located, what: string): FigureField {
    return this.readOn(
      () => this.declaredNow(raw, at, what),
      () => this.unread(at),
    );
  }

  private declaredNow(raw: Node | undefined, at: Located, what: string): FigureField {
    const text = this.scalar(raw, at, what);
    const literal = this.json && (raw as Scalar).type === 'PLAIN';
    const marked = this.located(at, () => parseFigure(text, { decimal: literal ? 'point' : undefined })).currency;
    if (!marked || marked === this.currency || this.currency !== 'EUR' || !fixedRate(marked))
      return this.figure(raw, at, what);
    const figure = this.located(at, () => parseFigure(text, { decimal: literal ? 'point' : undefined }));
    if (figure.precision)
      this.fail(
        'bad-amount',
        `${what}: "${text.trim()}" is approximate`,
        'a claim states exact amounts: write the figure in full',
        at,
      );
    const unit = nationalUnit(marked);
    if (!figure.value.mod(unit).isZero())
      this.fail(
        'bad-amount',
        `${what}: ${figure.value.toFixed()} is finer than the ${marked} unit ${unit.toFixed()}`,
        `write the amount in whole units of ${unit.toFixed()}`,
        at,
      );
    return { ...figure, at };
  }

  /** An expenditure item: an exact amount at its currency's minor unit, its currency from its marker or the claim. */
  private item(
    raw: Node | undefined,
    at: Located,
    what: string,
    currency: string,
  ): { amount: FigureField; currency: string } {
    return this.readOn(
      () => this.itemNow(raw, at, what, currency),
      () => ({ amount: this.unread(at), currency }),
    );
  }

  private itemNow(
    raw: Node | undefined,
    at: Located,
    what: string,
    currency: string,
  ): { amount: FigureField; currency: string } {
    const text = this.scalar(raw, at, what);
    const literal = this.json && (raw as Scalar).type === 'PLAIN';
    const figure = this.located(at, () => parseFigure(text, { decimal: literal ? 'point' : undefined }));
    const own = figure.currency ?? currency;
    if (figure.precision)
      this.fail(
        'bad-amount',
        `${what}: "${text.trim()}" is approximate`,
        'a claim states exact amounts: write the figure in full, e.g. 2 500 or 2 500,00',
        at,
      );
    const unit = fixedRate(own) ? new Decimal('0.01') : minorUnit(own);
    if (!figure.value.mod(unit).isZero())
      this.fail(
        'bad-amount',
        `${what}: ${figure.value.toFixed()} is finer than the ${own} minor unit ${unit.toFixed()}`,
        `write the amount in whole units of ${unit.toFixed()}, as the report states it`,
        at,
      );
    if (own !== this.currency && this.currency !== 'EUR')
      this.fail(
        'bad-amount',
        `${what}: an amount in ${own} in a ${this.currency} budget`,
        'cofin converts expenditure into EUR only (as Jems does): write the budget in EUR, or the amount in ' +
          this.currency,
        at,
      );
    return { amount: { ...figure, at }, currency: own };
  }

  /** A claim's expenditure: per category a flat rate, an amount, or a list of items each converted on its own. */
  private expenditure(entry: Entry, what: string, currency: string): { lines: CostLine[]; items: ExpenditureItem[] } {
    const lines: CostLine[] = [];
    const items: ExpenditureItem[] = [];
    for (const [key, field] of this.entries(
      entry.node,
      entry.at,
      CATEGORIES,
      `${what} expenditure`,
      'write expenditure: { staff: 2 500, travel: [800, PLN 1 200] }',
    )) {
      const category = key as CostCategory;
      const name = `${what} expenditure.${key}`;
      const node = this.node(field.node, field.at);
      if (isSeq(node)) {
        const list = (node.items as (Node | null)[]).map((item) => item ?? undefined);
        if (list.length === 0)
          this.fail(
            'wrong-type',
            `${name} is an empty list`,
            'list the items, e.g. [800, PLN 1 200], or leave the category out',
            field.at,
          );
        if (!this.json && node.flow) this.decimalCommas(list, name, field.at);
        const own: ExpenditureItem[] = list.map((raw, index) => {
          const at = this.place(raw, `${field.keyAt.pointer}/${index}`, field.at);
          return { category, ...this.item(raw, at, `${name} item ${index + 1}`, currency), at };
        });
        items.push(...own);
        const same = own.every((i) => i.currency === own[0]!.currency);
        const total = sum(own.map((i) => i.amount.value));
        lines.push({
          category,
          flat: undefined,
          amount: {
            value: same ? total : ZERO,
            text: same ? total.toFixed() : '',
            scale: 2,
            precision: undefined,
            currency: same ? own[0]!.currency : undefined,
            at: field.at,
          },
          at: field.keyAt,
        });
        continue;
      }
      const text = this.scalar(node, field.at, name);
      const flat = this.located(field.at, () => parseFlatRate(text, field.at));
      if (flat) {
        lines.push({ category, flat, amount: undefined, at: field.keyAt });
        continue;
      }
      const item = this.item(node, field.at, name, currency);
      items.push({ category, ...item, at: field.at });
      lines.push({ category, flat: undefined, amount: item.amount, at: field.keyAt });
    }
    return { lines, items };
  }

  /**
   * `[1 234,56, 800]` in YAML is three items: a comma right between two digits is a decimal comma split, refused rather
   * than read as 56.
   */
  private decimalCommas(list: (Node | undefined)[], what: string, at: Located): void {
    for (let i = 1; i < list.length; i++) {
      const before = list[i - 1]?.range?.[1];
      const start = list[i]?.range?.[0];
      if (before === undefined || start === undefined) continue;
      if (
        /[0-9]$/.test(this.text.slice(0, before)) &&
        this.text.slice(before, start) === ',' &&
        /^[0-9]/.test(this.text.slice(start))
      ) {
        this.fail(
          'wrong-type',
          `${what}: "${this.text.slice(list[i - 1]!.range![0], list[i]!.range![1]).slice(0, 40)}" ` +
            `is split at its decimal comma`,
          'inside [ ] a comma separates items: quote the amount ("1 234,56") or write the items as indented "- " lines',
          this.place(list[i], at.pointer, at),
        );
      }
    }
  }

  private submitted(entry: Entry | undefined, what: string): { month: string; at: Located } | undefined {
    if (!entry) return undefined;
    const text = this.scalar(entry.node, entry.at, `${what}: submitted`);
    const month = monthOf(text);
    if (!month)
      this.fail(
        'wrong-type',
        `${what}: submitted is not a month: "${text.trim().slice(0, 40)}"`,
        'write the month the report was first submitted, YYYY-MM (or the date, YYYY-MM-DD)',
        entry.at,
      );
    return { month, at: entry.at };
  }

  /** `declared:` of a claim or a plan period: fund id → the amount the document states. */
  private declaredFunds(
    declaredEntry: Entry | undefined,
    funding: readonly ClaimSource[],
    what: string,
  ): DeclaredFund[] {
    const declared: DeclaredFund[] = [];
    if (!declaredEntry) return declared;
    const funds = funding.filter((s) => s.kind === 'eu-fund');
    const ids = funds.map((f) => f.id);
    for (const [id, value] of this.entries(
      declaredEntry.node,
      declaredEntry.at,
      undefined,
      `${what} declared`,
      'write the fund amounts the report states, e.g. declared: { erdf: 4 703,05 }',
    )) {
      if (!ids.includes(id)) {
        const other = funding.find((s) => s.id === id);
        const near = didYouMean(id, ids);
        this.fail(
          other ? 'wrong-type' : 'unknown-key',
          other
            ? `${what} declared: "${id}" is a partner contribution source, not a fund`
            : `unknown fund "${id}" in ${what} declared`,
          other
            ? `declared takes the funds' amounts (${ids.join(', ')}); Jems has the partner ` +
                `type the contribution sources`
            : near
              ? `did you mean "${near}"?`
              : `the funds of funding are ${ids.join(', ') || 'none'}`,
          value.keyAt,
        );
      }
      declared.push({ id, amount: this.declaredFigure(value.node, value.at, `${what} declared ${id}`) });
    }
    return declared;
  }

  private claims(entry: Entry, funding: readonly ClaimSource[]): ClaimEntry[] {
    const items = this.items(entry, 'claims', 'write each claim as a "- period: 1" item with its expenditure');
    return items.map((item, index) => {
      const at = this.place(item, `/claims/${index}`, entry.at);
      const what = `claim ${index + 1}`;
      const fields = this.entries(item, at, CLAIM_KEYS, what, 'write - { period: 1, expenditure: { staff: 2 500 } }');
      const period = this.periodNumber(fields.get('period'), at, what);
      const expenditure = fields.get('expenditure');
      if (!expenditure)
        this.fail(
          'missing-key',
          `${what} has no "expenditure"`,
          'write what the report claims by category, e.g. expenditure: { staff: 2 500, travel: 800 }',
          at,
        );
      const currencyEntry = fields.get('currency');
      const currency = currencyEntry
        ? this.located(currencyEntry.at, () =>
            parseCurrency(this.scalar(currencyEntry.node, currencyEntry.at, `${what}: currency`)),
          )
        : this.currency;
      const submitted = this.submitted(fields.get('submitted'), what);
      const { lines, items } = this.expenditure(expenditure, what, currency);
      const monthly = items.find((i) => i.currency !== this.currency && !fixedRate(i.currency));
      if (monthly && !submitted)
        this.fail(
          'missing-key',
          `${what} has amounts in ${monthly.currency} but no "submitted" month`,
          `write the month the report was first submitted, e.g. submitted: 2024-03: Jems ` +
            `converts at that month's rates`,
          monthly.at,
        );
      const declared = this.declaredFunds(fields.get('declared'), funding, what);
      return { period: period.value, periodAt: period.at, expenditure: lines, items, submitted, declared, at };
    });
  }
}
