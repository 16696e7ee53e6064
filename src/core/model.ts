import type { Said } from './check/said.js';
import type { Decimal } from './decimal.js';
import type { Figure } from './figure.js';
import type { ParsedRate } from './rate.js';
import type { RoundingMethod } from './allocate/types.js';
import type { Source } from './sources.js';
import type { ProgrammeProfile } from './programmes/profiles.js';

/** Where a value stands in its file: 1-based line and column, and a JSON pointer. */
export interface Located {
  line: number;
  column: number;
  pointer: string;
  /**
   * In a workbook: the cell as a spreadsheet names it, `Budget!B7` (line and column are then its row and column
   * number).
   */
  cell?: string;
}

/**
 * The codes of what a reader notes about a file that is not an error (a workbook's hidden rows, digits it does not
 * show).
 */
export type ReadingNoteCode =
  | 'hidden-digits'
  | 'hidden-row'
  | 'hidden-column'
  | 'hidden-sheet'
  | 'formula-without-value'
  // a partner table's last row read as its total row because its budget is the sum of the budgets above it
  | 'total-row-by-sum'
  // a file that carries the doubts `cofin extract` marked
  | 'extract-doubts'
  // a file in which `cofin extract` marked a figure of the document that disagrees with the figures written
  | 'extract-conflict';

/** Something the reader of a file noted while reading it: shown as a note of the check, at its place. */
export interface ReadingNote {
  code: ReadingNoteCode;
  /** A note unless said: a conflict extract marked is an error, which fails the file. */
  severity?: 'error' | 'note';
  message: string;
  hint: string | undefined;
  at: Located;
  /** Its words as data (see core/check/said.ts). */
  said?: Said;
}

export interface RateField extends ParsedRate {
  text: string;
  at: Located;
}

export interface FigureField extends Figure {
  at: Located;
}

/** A figure at its place in the file, written out (a spread costs a large file's check measurably). */
export function figureAt(figure: Figure, at: Located): FigureField {
  return {
    value: figure.value,
    text: figure.text,
    scale: figure.scale,
    precision: figure.precision,
    currency: figure.currency,
    at,
  };
}

/**
 * The cost categories of Interreg and URBACT budgets; lump sums and unit costs are simplified costs, never in a flat
 * rate's base.
 */
export type CostCategory =
  'staff' | 'office' | 'travel' | 'external' | 'equipment' | 'infrastructure' | 'other' | 'lump-sums' | 'unit-costs';

/** A flat rate: a percentage of some categories, or of all direct costs. */
export interface FlatRate {
  rate: RateField;
  base: 'direct' | CostCategory[];
}

/** One cost category as the file states it: an amount, or a flat rate. */
export interface CostLine {
  category: CostCategory;
  amount: FigureField | undefined;
  flat: FlatRate | undefined;
  at: Located;
}

/** A source of a partner's funding as the file states it. */
export interface FundingSource extends Source {
  rate: RateField | undefined;
  /** The declared amount: what the document says. */
  amount: FigureField | undefined;
  /** Takes what the other sources leave of the budget. */
  rest: boolean;
  at: Located;
}

export interface PartnerBudget {
  partner: string | undefined;
  country: string | undefined;
  /** The declared budget; with costs, the sum of the categories when not given. */
  budget: FigureField | undefined;
  /** Cost categories, amounts or flat rates. */
  costs: CostLine[] | undefined;
  funding: FundingSource[];
  /**
   * `euro:` of a file in a currency the euro replaced: the document's euro figures (`budget`, source ids), checked at
   * the fixed rate.
   */
  euro?: EuroFigure[] | undefined;
  /** `periods:` the budget planned per reporting period; the last period takes the remainder (core/periods.ts). */
  periods?: BudgetPeriod[] | undefined;
  /** `category:` the partner's category in the file's programme (`programme:`). */
  category?: { value: string; at: Located } | undefined;
  at: Located;
}

/** Jems's periods before the first and after the last reporting period (docs/jems-rules.md 1.2). */
export type PeriodPhase = 'preparation' | 'closure';

/** A reporting period of a budget file, as written. */
export interface BudgetPeriod {
  /** The period's number; Jems's numbers for its preparation (0) and closure (255) periods. */
  period: number;
  /** Jems's preparation or closure period, which holds only lump sums; undefined for a reporting period. */
  phase?: PeriodPhase | undefined;
  /** The period's budget, when written. */
  budget: FigureField | undefined;
  /** The period's cost categories, when written: amounts (the partner's flat rates are computed on them). */
  costs: CostLine[] | undefined;
  /** Source id → the amount the document states for the period, checked. */
  declared: { id: string; amount: FigureField }[];
  at: Located;
}

/** A euro figure an old document gives beside a national one (LVL 8 966,37 = EUR 12 758,00). */
export interface EuroFigure {
  /** `budget`, or the id of a funding source. */
  id: string;
  amount: FigureField;
  at: Located;
}

export interface ProjectInfo {
  name: string | undefined;
  programme: string | undefined;
  total: FigureField | undefined;
  partners: { value: number; at: Located } | undefined;
  at: Located;
  /** A partner table's total row: the amount it gives for each source column (rates and rests left out). */
  sources?: { id: string; total: FigureField }[];
}

/**
 * A list read one item at a time, as often as needed: arrays are lists, and so
 * are the partners of a large file, made anew on each pass so that a file of
 * 100 000 partners is never held whole.
 */
export interface List<T> extends Iterable<T> {
  readonly length: number;
}

/** Everything a budget file says besides its partners. */
export interface BudgetHeader {
  currency: string;
  /** Written with `partners:` rather than a single top-level partner. */
  multi: boolean;
  rounding: {
    unit: { value: Decimal; at: Located } | undefined;
    method: { value: RoundingMethod; at: Located } | undefined;
  };
  project: ProjectInfo | undefined;
  source: string | undefined;
  /** `programme:` a programme profile whose rules bind every partner (core/programmes). */
  programme?: { profile: ProgrammeProfile; at: Located };
  at: Located;
  /** What the reader noted (a workbook's hidden rows, digits it does not show); absent when there is nothing. */
  notes?: readonly ReadingNote[];
  /** Read from a partner table (CSV, xlsx), which has no `rounding:`: hints name only what a table holds. */
  table?: true;
}

/** A budget file (format 1), validated, every figure exact and located. */
export interface BudgetFile extends BudgetHeader {
  partners: PartnerBudget[];
}

/** A budget file whose partners are read one at a time (large files); every partner is valid. */
export interface BudgetStream extends BudgetHeader {
  partners: List<PartnerBudget>;
}
