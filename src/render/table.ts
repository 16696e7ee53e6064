import Table from 'cli-table3';

/**
 * A plain box table: a rule under the header and, with `total`, above the
 * last row; none between the other rows. cli-table3 colours headers itself
 * unless given neutral styles, and draws a rule between every row.
 */
export function renderTable(head: string[], rows: string[][], rightAligned: readonly number[], total = false): string {
  const table = new Table({
    head,
    style: { head: [], border: [] },
    colAligns: head.map((_, i) => (rightAligned.includes(i) ? 'right' : 'left')),
  });
  table.push(...rows);
  const lines = table.toString().split('\n');
  const rules = lines.map((line, i) => (line.startsWith('├') ? i : -1)).filter((i) => i >= 0);
  const keep = new Set([rules[0], total ? rules.at(-1) : undefined]);
  return lines.filter((line, i) => !line.startsWith('├') || keep.has(i)).join('\n');
}
