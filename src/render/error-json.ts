import type { CofinError } from '../core/errors.js';
import { jsonText } from './safe-text.js';

/** Where an error that stops a command is: the file, and the line and column in it (for the JSON error object). */
export interface ErrorPlace {
  file: string | null;
  line: number | null;
  column: number | null;
  /** In a workbook: the cell, `Budget!B7` (only then present). */
  cell?: string;
}

/** Where an error is: the file `inFile` named, and its line and column. */
export function placeOf(error: CofinError): ErrorPlace {
  const place: ErrorPlace = {
    file: error.file ?? null,
    line: error.location?.line ?? null,
    column: error.location?.column ?? null,
  };
  if (error.location?.cell !== undefined) place.cell = error.location.cell;
  return place;
}

/** The one JSON object a command run with `--format json` prints on stdout when an error stops it. */
export function errorToJson(error: CofinError): string {
  const object = (one: CofinError) => {
    // commander's "(Did you mean ...?)" line leads the hint, as on stderr
    const near = /\n\(Did you mean ([^\n]*)\?\)$/.exec(one.message);
    const message = near ? one.message.slice(0, near.index) : one.message;
    const guess = near ? `did you mean ${near[1] ?? ''}?` : undefined;
    const hint = guess && one.hint ? `${guess} (${one.hint})` : (guess ?? one.hint ?? null);
    return { code: one.code, message, hint, ...placeOf(one) };
  };
  // `error` is the first; `errors` all of one reading (the first, then the others found with it), only when more
  const all = error.more.length > 0 ? { errors: [error, ...error.more].map(object) } : {};
  // a message quotes file names and values: written as every JSON output is (see safe-text `jsonText`)
  return jsonText({ schemaVersion: 1, error: object(error), ...all }, 2) + '\n';
}
