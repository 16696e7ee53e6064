/** A character outside the Basic Multilingual Plane (an emoji, some CJK): two UTF-16 units, one column. */
const ASTRAL = /[\ud800-\udbff][\udc00-\udfff]/;

/** Does the text hold a character that is two UTF-16 units? Only then can a column differ from the units before it. */
export const hasAstral = (text: string): boolean => ASTRAL.test(text);

/**
 * The 1-based column of `offset` on the line that starts at `lineStart`, counted in characters (code points), as
 * editors and GitHub's annotations count them (VS Code's "Col" counts a code point as one column): an emoji before it
 * is one column, not two UTF-16 units.
 */
export function characterColumn(text: string, lineStart: number, offset: number): number {
  let column = offset - lineStart + 1;
  for (let i = lineStart; i < offset - 1; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        column--;
        i++;
      }
    }
  }
  return column;
}

/**
 * `characterColumn` for many offsets in one text: the surrogate pairs are found once, each column by binary search,
 * so that a long line (minified JSON) with thousands of places is not read again for each.
 */
export function characterColumns(text: string): (lineStart: number, offset: number) => number {
  if (!hasAstral(text)) return (lineStart, offset) => offset - lineStart + 1;
  const pairs: number[] = [];
  for (const m of text.matchAll(/[\ud800-\udbff][\udc00-\udfff]/g)) pairs.push(m.index);
  /** How many pairs start before `offset`. */
  const before = (offset: number) => {
    let low = 0;
    let high = pairs.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((pairs[middle] ?? offset) < offset) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  // a pair counts when it ends before the offset (its first unit at offset - 1 or later is split or after)
  return (lineStart, offset) => offset - lineStart + 1 - (before(offset - 1) - before(lineStart));
}

/**
 * The line and column of many offsets in one text: its line starts are found once, each offset by binary search.
 * Columns count characters (`characterColumn`).
 */
export function lineIndex(text: string): (offset: number) => { line: number; column: number } {
  let starts: number[] | undefined;
  const column = characterColumns(text);
  return (offset) => {
    if (!starts) {
      starts = [0];
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    }
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    const start = starts[low]!;
    return { line: low + 1, column: column(start, offset) };
  };
}

/** The 1-based line and column of an offset in a text, the column in characters (`characterColumn`). */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: characterColumn(text, before.lastIndexOf('\n') + 1, offset) };
}
