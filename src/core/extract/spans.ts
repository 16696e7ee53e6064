import type { Span } from './types.js';

/** The last of spans sorted by start that starts before `end`, or -1. */
export function lastStartingBefore(sorted: readonly Span[], end: number): number {
  let low = 0;
  let high = sorted.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]!.start < end) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

/**
 * Asks whether a span overlaps any of a fixed set of spans, many times: the
 * set is sorted once and each question is a binary search, where a scan of
 * the set per question grows with the square of a long document.
 */
export function overlapTest(spans: readonly Span[]): (span: Span) => boolean {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const reach: number[] = [];
  for (const span of sorted) reach.push(Math.max(reach.at(-1) ?? -Infinity, span.end));
  return ({ start, end }) => {
    const last = lastStartingBefore(sorted, end);
    return last >= 0 && reach[last]! > start;
  };
}
