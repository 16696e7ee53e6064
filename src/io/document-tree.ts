import { type LineCounter, parseDocument, type Node } from 'yaml';
import { characterLines } from './lines.js';
import { CofinError } from '../core/errors.js';
import { jsonSyntaxError, yamlSyntaxWords } from './loader-base.js';
import { parseJsonNodes } from './json-tree.js';

/**
 * A YAML or JSON file's node tree with its line counter, or the located syntax
 * error (JSON by JSON.parse's own words, YAML by the first error; a duplicate
 * key is its own error, with `duplicateHint`). Every file cofin reads as a tree
 * of values (claim files, rate tables) starts here.
 */
export function parseDocumentTree(
  text: string,
  format: 'yaml' | 'json',
  duplicateHint: string,
): { root: Node | null; lines: LineCounter } {
  const lines = characterLines(text);
  if (format === 'json') {
    try {
      JSON.parse(text);
    } catch (error) {
      throw jsonSyntaxError(text, error);
    }
    return { root: parseJsonNodes(text, lines), lines };
  }
  const doc = parseDocument(text, {
    lineCounter: lines,
    schema: 'failsafe',
    uniqueKeys: true,
    prettyErrors: false,
    strict: true,
  });
  const [error] = doc.errors;
  if (error) {
    const at = lines.linePos(error.pos[0]);
    const duplicate = error.code === 'DUPLICATE_KEY';
    const words = yamlSyntaxWords(error, 'table or claim');
    throw new CofinError(
      duplicate ? 'duplicate-key' : 'syntax',
      duplicate ? 'duplicate key' : words.message,
      duplicate ? duplicateHint : words.hint,
      { line: at.line, column: at.col },
    );
  }
  return { root: doc.contents, lines };
}
