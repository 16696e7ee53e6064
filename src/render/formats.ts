import { CofinError } from '../core/errors.js';

// The output formats of each command, in the order its --format help lists them. A new format is a
// word here; the compiler then asks for its renderer in the command's Record<Format, ...> (commands/<name>.ts).
export const SPLIT_FORMATS = ['table', 'json', 'csv'] as const;
export const CHECK_FORMATS = ['table', 'json', 'github', 'junit', 'csv', 'xlsx'] as const;
export const REPORT_FORMATS = ['table', 'json', 'csv', 'md', 'xlsx', 'html'] as const;
export const CLAIM_FORMATS = ['table', 'json'] as const;
export const EXTRACT_FORMATS = ['yaml', 'json'] as const;

export type SplitFormat = (typeof SPLIT_FORMATS)[number];
export type CheckFormat = (typeof CHECK_FORMATS)[number];
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export type ClaimFormat = (typeof CLAIM_FORMATS)[number];
export type ExtractFormat = (typeof EXTRACT_FORMATS)[number];

/** A format the command does not write (a library caller's string): refused, never drawn as another format. */
export function unknownFormat(format: unknown, formats: readonly string[]): CofinError {
  return new CofinError('usage', `unknown output format: "${String(format)}"`, `the formats are ${formats.join(', ')}`);
}

/** The renderer of a format; an unknown format is an error, never the table. */
export function rendererOf<F extends string, R>(renderers: Record<F, R>, format: F): R {
  if (!Object.hasOwn(renderers, format)) throw unknownFormat(format, Object.keys(renderers));
  return renderers[format];
}
