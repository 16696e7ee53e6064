import { visit } from 'jsonc-parser';
import { Pair, Scalar, YAMLMap, YAMLSeq, type LineCounter, type Node } from 'yaml';
import { CofinError } from '../core/errors.js';

type Frame = { node: YAMLMap; keys: Set<string>; key: Scalar | undefined } | { node: YAMLSeq };

/**
 * Reads JSON (already known to be valid) into the same nodes the YAML
 * parser makes, each with its source range and every number as its literal
 * text. jsonc-parser's visitor streams the tokens, so no second tree is
 * built: an order of magnitude faster than the YAML parser on large files.
 */
export function parseJsonNodes(text: string, lines: LineCounter): Node | null {
  lines.addNewLine(0);
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
  let root: Node | null = null;
  const stack: Frame[] = [];
  const attach = (node: Node) => {
    const top = stack.at(-1);
    if (!top) root = node;
    else if ('keys' in top) top.node.items.push(new Pair(top.key, node));
    else top.node.items.push(node);
  };
  const open = (node: YAMLMap | YAMLSeq, offset: number) => {
    node.flow = true;
    node.range = [offset, offset, offset];
    attach(node);
    stack.push(node instanceof YAMLMap ? { node, keys: new Set(), key: undefined } : { node });
  };
  const close = (offset: number, length: number) => {
    const { node } = stack.pop()!;
    node.range = [node.range![0], offset + length, offset + length];
  };
  visit(
    text,
    {
      onObjectBegin: (offset) => open(new YAMLMap(), offset),
      onArrayBegin: (offset) => open(new YAMLSeq(), offset),
      onObjectEnd: close,
      onArrayEnd: close,
      onObjectProperty: (property, offset, length) => {
        const top = stack.at(-1) as Extract<Frame, { keys: Set<string> }>;
        if (top.keys.has(property)) {
          const { line, col } = lines.linePos(offset);
          throw new CofinError(
            'duplicate-key',
            `duplicate key "${property}"`,
            'each key may appear once in a mapping',
            { line, column: col },
          );
        }
        top.keys.add(property);
        top.key = new Scalar(property);
        top.key.range = [offset, offset + length, offset + length];
      },
      onLiteralValue: (value, offset, length) => {
        // numbers, true, false, null keep their literal text, never a JS number
        const scalar = new Scalar(typeof value === 'string' ? value : text.slice(offset, offset + length));
        scalar.type = typeof value === 'string' ? Scalar.QUOTE_DOUBLE : Scalar.PLAIN;
        scalar.range = [offset, offset + length, offset + length];
        attach(scalar);
      },
    },
    { disallowComments: true, allowTrailingComma: false },
  );
  return root;
}
