/** Where in an input a problem is: 1-based line and column, and a JSON pointer. */
export interface Location {
  line?: number;
  column?: number;
  pointer?: string;
}

/**
 * An expected failure: bad input or bad usage. It carries a stable code that
 * scripts can count, a hint for the user, and the exit code (2 by default).
 */
export class CofinError extends Error {
  readonly code: string;
  readonly hint: string | undefined;
  readonly exitCode: number;
  location: Location | undefined;

  constructor(code: string, message: string, hint?: string, location?: Location, exitCode = 2) {
    super(message);
    this.name = 'CofinError';
    this.code = code;
    this.hint = hint;
    this.location = location;
    this.exitCode = exitCode;
  }
}

/** The same error, its message led by the file it is about: `doc.txt:1:1: the file is UTF-16`. */
export function inFile(name: string, error: CofinError): CofinError {
  const at = error.location?.line ? `:${error.location.line}:${error.location.column}` : '';
  return new CofinError(error.code, `${name}${at}: ${error.message}`, error.hint, undefined, error.exitCode);
}
