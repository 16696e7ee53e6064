import { CofinError, inContext } from '../core/errors.js';
import { split, type ShareRequest, type SplitResult } from '../core/split.js';
import type { DecimalMark } from '../core/amount.js';
import { splitToCsv, splitToJson, splitToTable } from '../render/split.js';
import type { CsvDialect } from '../render/csv.js';
import type { Style } from '../render/style.js';
import type { Io } from '../io/streams.js';
import { didYouMean } from '../io/suggest.js';
import { WELL_KNOWN_SOURCES, isWellKnownSource } from '../core/sources.js';
import { terminalText } from '../render/safe-text.js';
import { localeFromEnv, type Locale } from '../render/locale.js';
import { WORDS } from '../render/words/index.js';
import { rendererOf, type SplitFormat } from '../render/formats.js';

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

/** Computes a split from command-line words. */
export function splitCommand(options: SplitOptions): SplitResult {
  try {
    return split({
      budget: options.amount,
      shares: options.shares.map(parseShareArg),
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
  table: (result, _options, style, locale) => splitToTable(result, style, locale),
  json: (result) => JSON.stringify(splitToJson(result), null, 2) + '\n',
  csv: (result, options) => splitToCsv(result, options.csvDialect),
};

export function runSplit(options: SplitOptions, io: Io, style: Style): number {
  const render = rendererOf(SPLIT_RENDERERS, options.format);
  const result = splitCommand(options);
  const locale = options.locale ?? localeFromEnv(io.env);
  const words = WORDS[locale];
  for (const share of options.shares.map(parseShareArg)) {
    const near = share.kind === undefined ? likelySourceId(share.id) : undefined;
    if (near) io.stderr.write(`${words.note}: ${words.notWellKnown(terminalText(share.id), near)}\n`);
  }
  io.stdout.write(render(result, options, style, locale));
  return 0;
}
