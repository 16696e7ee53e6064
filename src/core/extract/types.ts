import type { Decimal } from '../decimal.js';
import type { SourceKind } from '../sources.js';

export type Language = 'lv' | 'en';

/** A figure found in the document: its exact value, the words it came from, and where. */
export interface FoundFigure {
  value: Decimal;
  /** The figure as written in the document: `EUR 12 758`, `85%`. */
  text: string;
  /** The figure as a budget file writes it: `12758`, `~9284000`, `2.5 million`, `85`. */
  normal: string;
  /** The decimals an exact amount is written with, when it has any: 2 for `10 844,00`, which states cents. */
  decimals?: number;
  line: number;
  column: number;
  approx: boolean;
  /** Doubts to show as `# check:` comments. */
  checks: string[];
  /** The words around it (its clause), for comments. */
  context: string;
  /** An amount's currency, as written beside it or inherited (a rate has none). */
  currency?: string;
  /**
   * The euro figure the document writes beside an amount in a currency the euro replaced
   * (`LVL 7 621,41 (EUR 10 844,29)`): checked at the fixed rate.
   */
  euro?: FoundFigure;
}

export interface FoundShare {
  id: string;
  name: string;
  kind: SourceKind;
  rate: FoundFigure | undefined;
  amount: FoundFigure | undefined;
  rest: boolean;
  /** Its amount is stated as amended ("increased to"): it replaces the source's earlier statements. */
  amended?: boolean;
  line: number;
  context: string;
  checks: string[];
}

/** A share as a clause placed it: its sentence, offset and clause (and where a rest's words end). */
export type PlacedShare = FoundShare & { sentence: number; offset: number; chunk: number; restEnd?: number };

export interface Extraction {
  language: Language;
  currency: string;
  budget: FoundFigure | undefined;
  funding: FoundShare[];
  projectTotal: FoundFigure | undefined;
  /** Other amounts found, kept as context. */
  others: FoundFigure[];
}

export interface Span {
  start: number;
  end: number;
}
export type Mention =
  | (Span & { type: 'money'; figure: FoundFigure; currency: string; inherited?: boolean })
  | (Span & { type: 'percent'; figure: FoundFigure })
  | (Span & { type: 'source'; id: string; name: string; kind: SourceKind; made?: boolean; generic?: boolean })
  | (Span & { type: 'rest' })
  | (Span & { type: 'total'; project: boolean; basis?: 'eligible' | 'ineligible' | 'cost'; costs?: boolean });

/** `costs`: named as costs (`izmaksas`, costs, Kosten), not as a budget. */
export type Candidate = FoundFigure & {
  project: boolean | undefined;
  offset: number;
  basis?: 'eligible' | 'ineligible' | 'cost';
  costs?: boolean;
  /** the sentence it stands in (the clauses' numbering), when a clause placed it */
  sentence?: number;
  /** the body the words say receives it ("the municipality will receive EUR 500 000"): read as the budget in doubt */
  received?: string;
};
