import type * as V8 from 'node:v8';
import { createRequire } from 'node:module';

/** Inputs above this size are large enough for V8's pretenuring to go wrong. */
export const LARGE_INPUT = 1024 * 1024;

let tuned = false;

/**
 * Turns off V8's allocation-site pretenuring for the rest of the run. On a
 * large budget file V8 starts allocating the short-lived objects of every
 * partner straight into the old generation, where only full collections free
 * them: a 600 000-partner file peaked at 900 MB instead of 350 MB and took
 * 2.6 times as long. Only large inputs pay for loading `node:v8`; the flag is
 * read at each collection, so setting it before the work begins suffices.
 */
export function tuneHeapForLargeInput(): void {
  if (tuned) return;
  tuned = true;
  (createRequire(import.meta.url)('node:v8') as typeof V8).setFlagsFromString('--no-allocation-site-pretenuring');
}
