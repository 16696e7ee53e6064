import { CofinError } from '../src/core/errors.js';
import { Decimal } from '../src/core/decimal.js';

/** The CofinError a call throws; fails the test when it throws nothing or something else. */
export function errorOf(fn: () => unknown): CofinError {
  try {
    fn();
  } catch (error) {
    if (error instanceof CofinError) return error;
    throw error;
  }
  throw new Error('expected a CofinError');
}

/** Decimal strings of a list of Decimals, for exact comparison. */
export const texts = (values: readonly Decimal[]) => values.map((v) => v.toFixed());

export const d = (text: string) => new Decimal(text);
