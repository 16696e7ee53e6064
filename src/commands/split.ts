import { CofinError, inContext } from '../core/errors.js';
import { split, type ShareRequest, type SplitResult } from '../core/split.js';
import type { DecimalMark } from '../core/amount.js';
import { splitToCsv, splitToJson, splitToTable } from '../render/split.js';
import type { CsvDialect } from '../render/csv.js';
import type { Style } from '../render/style.js';
import type { Io } from '../io/streams.js';
import { didYouMean } from '../io/suggest.js';
import { WELL_KNOWN_SOURCES, fundOfName, isWellKnownSource } from '../core/sources.js';
import { localeFromEnv, type Locale } from '../render/locale.js';
import { rendererOf, type SplitFormat } from '../render/formats.js';
import { periodsTable } from '../render/periods.js';
import { parseFigure } from '../core/figure.js';
import { planPeriods, type BudgetPeriod, type PlannedPeriod } from '../core/periods.js';

export interface SplitOptions {
  amount: string;
  shares: string[];
  unit?: string | undefined;
  method?: string | undefined;
  currency?: string | undefined;
  format: SplitFormat;
  decimal?: DecimalMark | undefined;
  /** Who reads `--format csv` (default rfc4180). */
  csvDialect?: CsvDialect | undefined;
  /** `--locale`: the table's language and numbers (default: from the environment). */
  locale?: Locale | undefined;
  /** `--period`: the budgets of the reporting periods before the last, which takes the remainder. */
  periods?: string[] | undefined;
}

const SHARE_ARG = /^([^=:\s]+)(?::([^=\s]+))?=(.+)$/;

/** Reads `ID[:KIND]=RATE`, e.g. `erdf=85%`, `ipa:eu-fund=80%`, `national=rest`. */
export function parseShareArg(text: string): ShareRequest {
  const match = SHARE_ARG.exec(text.trim());
  if (!match) {
    throw new CofinError(
      'bad-share',
      `not a share: "${text}"`,
      'write ID=RATE, such as erdf=85%, ipa:eu-fund=80% or national=rest',
    );
  }
  const [, id = '', kind, rate = ''] = match;
  return { id, kind, rate: rate.trim() === 'rest' ? 'rest' : rate };
}

/**
 * The split planned per reporting period (`--period`): each period given is
 * split by the same rule at the same unit, one more period, the last, takes
 * the remainder of every share (core/periods.ts).
 */
export function splitPeriods(result: SplitResult, options: SplitOptions): PlannedPeriod[] | undefined {
  const written = options.periods ?? [];
  if (written.length === 0) return undefined;
  const at = { line: 0, column: 0, pointer: '' };
  const rests = options.shares.map((s) => parseShareArg(s).rate === 'rest');
  const periods: BudgetPeriod[] = written.map((text, i) => {
    let figure;
    try {
      figure = parseFigure(text, { decimal: options.decimal, currency: result.currency });
    } catch (error) {
      throw error instanceof CofinError ? inContext(error, 'command-line') : error;
    }
    if (figure.precision !== undefined || figure.value.isNegative())
      throw new CofinError(
        'bad-amount',
        `--period ${text}: not an exact amount`,
        'write the period budget in full: --period 5950',
      );
    return { period: i + 1, budget: { ...figure, at }, costs: undefined, declared: [], at };
  });
  // periods that already add up to the budget: the last of them is the remainder, not a period of 0 after it
  const listed = periods.reduce((a, p) => a.plus(p.budget?.value ?? 0), result.budget.minus(result.budget));
  const lastListed = periods.at(-1);
  if (periods.length >= 2 && lastListed && listed.eq(result.budget)) lastListed.budget = undefined;
  else periods.push({ period: written.length + 1, budget: undefined, costs: undefined, declared: [], at });
  const scale = result.unit.decimalPlaces();
  const plan = planPeriods({
    budget: result.budget,
    costs: undefined,
    sources: result.shares.map((s, i) => ({
      id: s.id,
      name: s.name,
      kind: s.kind,
      rate: rests[i] ? undefined : s.rate,
      rest: rests[i]!,
      share: s.amount,
    })),
    unit: result.unit,
    method: result.method,
    periods,
    money: (value) => `${result.currency} ${value.toFixed(scale)}`,
    currency: result.currency,
    decimals: scale,
    unitFrom: 'command-line',
  });
  const problem = plan.problems[0];
  if (problem?.said.key === 'budget-unit/period')
    throw new CofinError(
      'bad-amount',
      `--period ${written[problem.said.period - 1]}: ${problem.message}`,
      problem.hint,
    );
  if (problem) throw new CofinError('bad-amount', problem.message, 'the periods given share the budget: lower them');
  return plan.periods!;
}

/**
 * A share whose id names an EU fund without being one's (`eu`, `kf`, `regional-fund`) would be split as a public
 * source, out of fund-down's rounding and the EU totals: refused as a budget file refuses it, unless a kind is given.
 */
function refuseFundLikeId(share: ShareRequest): void {
  if (share.kind !== undefined || isWellKnownSource(share.id)) return;
  const fund = fundOfName(share.id);
  if (fund === undefined) return;
  const known = isWellKnownSource(fund) ? WELL_KNOWN_SOURCES[fund] : undefined;
  const rate = typeof share.rate === 'string' ? share.rate.trim() : share.rate.toFixed();
  throw new CofinError(
    'bad-source',
    `source "${share.id}" names ${known ? `the ${known.name}` : 'an EU fund'}, ` +
      'but its id is not a well-known one: it would be read as a public source',
    `${known ? `write ${fund}=${rate}, or state` : 'state'} its kind: ${share.id}:eu-fund=${rate} ` +
      `(${share.id}:public=${rate} if it is not the fund)`,
  );
}

/**
 * An id one slip from a well-known one (`erfd`) is a typing slip, refused as a budget file and a partner table refuse
 * it (`unknown-key`): split as an id of its own it would lose its kind, and the EU rate limit would pass it by. A kind
 * says it is meant (`erfd:public=85%`).
 */
function refuseSlip(share: ShareRequest): void {
  if (share.kind !== undefined) return;
  const near = likelySourceId(share.id);
  if (near === undefined) return;
  const rate = typeof share.rate === 'string' ? share.rate.trim() : share.rate.toFixed();
  throw new CofinError(
    'unknown-key',
    `source "${share.id}" is not a well-known id: did you mean "${near}"?`,
    `write ${near}=${rate}; a source of its own states its kind: ${share.id}:public=${rate}`,
  );
}

/** Computes a split from command-line words. */
export function splitCommand(options: SplitOptions): SplitResult {
  try {
    const shares = options.shares.map(parseShareArg);
    shares.forEach(refuseFundLikeId);
    shares.forEach(refuseSlip);
    return split({
      budget: options.amount,
      shares,
      unit: options.unit,
      method: options.method,
      currency: options.currency,
      decimal: options.decimal,
    });
  } catch (error) {
    throw error instanceof CofinError ? inContext(error, 'command-line') : error;
  }
}

/** The well-known id a share's id (without a kind) is likely a typing slip of: `erfd` → `erdf`. */
export function likelySourceId(id: string): string | undefined {
  if (isWellKnownSource(id)) return undefined;
  const ids = Object.keys(WELL_KNOWN_SOURCES);
  return didYouMean(id, ids);
}

/** Each output format's text of a split (a new format: its word in render/formats.ts, then its line here). */
const SPLIT_RENDERERS: Record<
  SplitFormat,
  (result: SplitResult, options: SplitOptions, style: Style, locale: Locale) => string
> = {
  table: (result, options, style, locale) => {
    const periods = splitPeriods(result, options);
    const table = splitToTable(result, style, locale);
    return periods ? `${table}${periodsTable(result, periods, style, locale)}\n` : table;
  },
  json: (result, options) => JSON.stringify(splitToJson(result, splitPeriods(result, options)), null, 2) + '\n',
  csv: (result, options) => splitToCsv(result, options.csvDialect, splitPeriods(result, options)),
};

export function runSplit(options: SplitOptions, io: Io, style: Style): number {
  const render = rendererOf(SPLIT_RENDERERS, options.format);
  const result = splitCommand(options);
  splitPeriods(result, options); // a bad --period is a usage error before any output
  const locale = options.locale ?? localeFromEnv(io.env);
  io.stdout.write(render(result, options, style, locale));
  return 0;
}
