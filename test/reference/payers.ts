// Reference for payers named together before their figures: what a budget file may say of a list of N payers and M
// figures, from the list alone (shares no code with src/). N figures for N payers pair in order; one figure for
// several payers is theirs together, which no budget file can split: it may not pass unseen, and no EU fund may go.

export interface PayerList {
  /** the payers' ids in the order the sentence names them */
  payers: string[];
  /** the ids of those that are EU funds */
  euFunds: string[];
  /** the figures in the order the sentence states them (`85%`, `425000`) */
  figures: string[];
}

export type Expected = { kind: 'pairs'; shares: Record<string, string> } | { kind: 'together'; euFunds: string[] };

export function expectedOf(list: PayerList): Expected {
  if (list.figures.length === list.payers.length) {
    const shares: Record<string, string> = {};
    list.payers.forEach((id, k) => {
      shares[id] = list.figures[k] ?? '';
    });
    return { kind: 'pairs', shares };
  }
  return { kind: 'together', euFunds: list.euFunds };
}
