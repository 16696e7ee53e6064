import { LineCounter } from 'yaml';
import { characterColumns, hasAstral } from '../core/position.js';

/**
 * The YAML parser's line counter for `text`, its columns counted in characters (code points), as cofin counts every
 * column (`core/position.ts`), not in the UTF-16 units the parser counts.
 */
export function characterLines(text: string): LineCounter {
  const lines = new LineCounter();
  if (!hasAstral(text)) return lines;
  const units = lines.linePos;
  const column = characterColumns(text);
  lines.linePos = (offset) => {
    const { line, col } = units(offset);
    return { line, col: line === 0 ? col : column(offset - col + 1, offset) };
  };
  return lines;
}
