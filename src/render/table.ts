import Table from 'cli-table3';

/** A plain box table; cli-table3 colours headers itself unless given neutral styles. */
export function renderTable(head: string[], rows: string[][], rightAligned: readonly number[]): string {
  const table = new Table({
    head,
    style: { head: [], border: [] },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' }, // no rule between rows
    colAligns: head.map((_, i) => (rightAligned.includes(i) ? 'right' : 'left')),
  });
  table.push(...rows);
  return table.toString();
}
