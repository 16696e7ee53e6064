import type { CofinError, Location } from '../core/errors.js';

/** Where an error that stops a command is: the file, and the line and column in it (for the JSON error object). */
export interface ErrorPlace {
  file: string | null;
  line: number | null;
  column: number | null;
}

const places = new WeakMap<CofinError, ErrorPlace>();

/** Records the file an error is about (its message already leads with it, see core/errors' inFile). */
export function placeError<E extends CofinError>(error: E, file: string, location: Location | undefined): E {
  places.set(error, { file, line: location?.line ?? null, column: location?.column ?? null });
  return error;
}

export function placeOf(error: CofinError): ErrorPlace {
  return places.get(error) ?? { file: null, line: error.location?.line ?? null, column: error.location?.column ?? null };
}

/** The one JSON object a command run with `--format json` prints on stdout when an error stops it. */
export function errorToJson(error: CofinError): string {
  const place = placeOf(error);
  return JSON.stringify({ schemaVersion: 1, error: { code: error.code, message: error.message, hint: error.hint ?? null, ...place } }, null, 2) + '\n';
}
