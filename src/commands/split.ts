import { CofinError, inContext } from '../core/errors.js';
import { split, type ShareRequest, type SplitResult } from '../core/split.js';
import type { DecimalMark } from '../core/amount.js';
import { splitToCsv, splitToJson, splitToTable } from '../render/split.js';
import type { Style } from '../render/style.js';
import type { Io } from '../io/streams.js';

export interface SplitOptions {
  amount: string;
  shares: string[];
  unit?: string | undefined;
  method?: string | undefined;
  currency?: string | undefined;
  format: string;
  decimal?: DecimalMark | undefined;
}

const SHARE_ARG = /^([^=:\s]+)(?::([^=\s]+))?=(.+)$/;

/** Reads `ID[:KIND]=RATE`, e.g. `erdf=85%`, `ipa:eu-fund=80%`, `national=rest`. */
export function parseShareArg(text: string): ShareRequest {
  const match = SHARE_ARG.exec(text.trim());
  if (!match) {
    throw new CofinError('bad-share', `not a share: "${text}"`, 'write ID=RATE, such as erdf=85%, ipa:eu-fund=80% or national=rest');
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

export function runSplit(options: SplitOptions, io: Io, style: Style): number {
  const result = splitCommand(options);
  if (options.format === 'json') io.stdout.write(JSON.stringify(splitToJson(result), null, 2) + '\n');
  else if (options.format === 'csv') io.stdout.write(splitToCsv(result));
  else io.stdout.write(splitToTable(result, style));
  return 0;
}
