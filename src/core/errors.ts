import { phraseFix, type Fix, type InputContext } from './hints.js';

/** Where in an input a problem is: 1-based line and column, and a JSON pointer. */
export interface Location {
  line?: number;
  column?: number;
  pointer?: string;
  /** In a workbook: the cell as a spreadsheet names it, `Budget!B7`. */
  cell?: string;
}

/**
 * Every code an expected failure can carry: the invalid-file codes of
 * `check`, and the usage errors of the commands. Scripts count them.
 */
export type ErrorCode =
  // a budget file or table that cannot be read or does not follow the format
  | 'syntax'
  | 'unknown-key'
  | 'duplicate-key'
  | 'bad-amount'
  | 'bad-rate'
  | 'wrong-type'
  | 'missing-key'
  | 'empty-file'
  | 'not-found'
  | 'encoding'
  | 'unreadable'
  | 'too-large'
  // a claim file's rates: naming a file outside its folder and the current folder (read by no one)
  | 'outside-folder'
  // the command line and the library
  | 'usage'
  | 'bad-unit'
  | 'bad-method'
  | 'bad-share'
  | 'bad-source'
  | 'bad-kind'
  | 'bad-currency'
  | 'missing-share'
  | 'duplicate-source'
  | 'rates-sum'
  | 'rest-negative'
  | 'budget-unit'
  // writing output
  | 'unwritable'
  | 'file-exists';

/**
 * An expected failure: bad input or bad usage. It carries a stable code that
 * scripts can count, a hint for the user, and the exit code (2 by default).
 */
export class CofinError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;
  readonly exitCode: number;
  location: Location | undefined;
  /** What would fix it, for the layer that knows the input to phrase (see `inContext`). */
  readonly fix: Fix | undefined;
  /** The file it is about, once `inFile` has named it (its message then leads with it). */
  file: string | undefined;
  /** Further errors of the same input, in file order, found in the same reading (a compiler's "all errors at once"). */
  more: CofinError[] = [];

  constructor(code: ErrorCode, message: string, hint?: string, location?: Location, exitCode = 2, fix?: Fix) {
    super(message);
    this.name = 'CofinError';
    this.code = code;
    this.hint = hint;
    this.location = location;
    this.exitCode = exitCode;
    this.fix = fix;
  }

  /** An error whose fix is phrased for `context`: core phrases it for a library call. */
  static withFix(code: ErrorCode, message: string, fix: Fix): CofinError {
    return new CofinError(code, message, phraseFix(fix, 'library'), undefined, 2, fix);
  }
}

/** The same error, its hint phrased for where the input came from. */
export function inContext(
  error: CofinError,
  context: InputContext,
  code: ErrorCode = error.code,
  location = error.location,
): CofinError {
  const hint = error.fix ? phraseFix(error.fix, context) : error.hint;
  const placed = new CofinError(code, error.message, hint, location, error.exitCode, error.fix);
  placed.more = error.more.map((more) => inContext(more, context));
  return placed;
}

/** The same error, its message led by the file it is about: `doc.txt:1:1: the file is UTF-16`. */
export function inFile(name: string, error: CofinError): CofinError {
  const at =
    error.location?.cell !== undefined
      ? `:${error.location.cell}`
      : error.location?.line
        ? `:${error.location.line}:${error.location.column}`
        : '';
  const named = new CofinError(
    error.code,
    `${name}${at}: ${error.message}`,
    error.hint,
    error.location,
    error.exitCode,
    error.fix,
  );
  named.file = name;
  named.more = error.more.map((more) => inFile(name, more));
  return named;
}
