import type { Decimal } from '../decimal.js';
import type { CostCategory, CostLine, FigureField, FlatRate, Located, PeriodPhase, RateField } from '../model.js';
import type { Source } from '../sources.js';
import type { Finding } from '../check/types.js';
import type { RateTable } from '../currency/monthly.js';
import type { ProgrammeProfile } from '../programmes/profiles.js';

/** Every finding `cofin claim` can make: stable codes that scripts count. */
export type ClaimFindingCode =
  | 'claim-over-budget'
  | 'category-over-flexibility'
  | 'period-claimed-twice'
  | 'flat-rate-declared'
  | 'fund-above-rate'
  | 'claimed-fund-mismatch'
  | 'periods-over-budget'
  | 'period-remainder'
  | 'period-fund-mismatch'
  | 'claim-period-unknown'
  | 'category-not-in-budget'
  | 'budget-mismatch'
  | 'exchange-rate-missing'
  | 'programme-rate-above-maximum'
  | 'programme-category-unknown'
  | 'programme-flat-rate-above-maximum'
  | 'programme-flat-rate-not-allowed'
  // the budget's own flat rates, as `check` finds them
  | 'flat-rate-base'
  | 'flat-rate-combination'
  | 'flat-rate-high';

/** A funding source of a claim file: an EU fund (Jems's programme fund) or a partner contribution source. */
export interface ClaimSource extends Source {
  rate: RateField | undefined;
  /** Takes what the other sources leave of the budget. */
  rest: boolean;
  at: Located;
}

/** One reporting period of the plan, as written. */
export interface PlanPeriod {
  /** The period's number; Jems's numbers for its preparation (0) and closure (255) periods. */
  period: number;
  /** Jems's preparation or closure period, which holds only lump sums; undefined for a reporting period. */
  phase?: PeriodPhase | undefined;
  lines: CostLine[];
  /** Fund amounts the plan states for the period (`declared:`), checked against the computed ones. */
  declared: DeclaredFund[];
  at: Located;
}

/** A fund amount a partner report states. */
export interface DeclaredFund {
  id: string;
  amount: FigureField;
}

/** One expenditure item of a claim, in the currency it was paid in. */
export interface ExpenditureItem {
  category: CostCategory;
  amount: FigureField;
  /** The item's currency: its marker (`PLN 1 200`), else the claim's, else the file's. */
  currency: string;
  at: Located;
}

/** One claim (partner report) as written. */
export interface ClaimEntry {
  period: number;
  periodAt: Located;
  /** Per category as written: a flat rate, or the amount (one item) or the items' sum in the category's currency. */
  expenditure: CostLine[];
  /** Every amount written, one per item: what is converted and summed. */
  items: ExpenditureItem[];
  /** The month the report was first submitted (`YYYY-MM`): its exchange rates convert the items. */
  submitted: { month: string; at: Located } | undefined;
  declared: DeclaredFund[];
  at: Located;
}

/** Where a claim file's monthly rates come from. */
export type RatesSource =
  { kind: 'file'; path: string; at: Located } | { kind: 'inline'; table: RateTable; at: Located };

/** A claim file, validated, every figure exact and located. */
export interface ClaimFile {
  currency: string;
  partner: string | undefined;
  /** A declared budget, checked against the sum of the categories. */
  budget: FigureField | undefined;
  costs: CostLine[];
  funding: ClaimSource[];
  /** How far (percent) a category may run over its budget; undefined: not checked. */
  flexibility: RateField | undefined;
  periods: PlanPeriod[] | undefined;
  claims: ClaimEntry[];
  /** `programme:` and `category:`: the programme's rules the partner is held to. */
  programme: { profile: ProgrammeProfile; category: string | undefined; at: Located } | undefined;
  /** The monthly exchange rates the file names or holds (`rates:`); `--rates` replaces them. */
  rates: RatesSource | undefined;
  at: Located;
}

/** A category's amount, flat rates computed. */
export interface CategoryAmount {
  category: CostCategory;
  name: string;
  amount: Decimal;
  flat: FlatRate | undefined;
  /** The flat rate's base, when it is one. */
  base: Decimal | undefined;
}

/** A fund's share: total × rate rounded down to the cent (Jems). */
export interface FundAmount {
  id: string;
  name: string;
  kind: Source['kind'];
  rate: Decimal;
  amount: Decimal;
}

/** A partner contribution source and its amount. */
export interface SourceAmount {
  id: string;
  name: string;
  kind: Source['kind'];
  /** The written rate, undefined for a rest source. */
  rate: Decimal | undefined;
  amount: Decimal;
}

export interface BudgetResult {
  categories: CategoryAmount[];
  total: Decimal;
  funds: FundAmount[];
  /** total − Σ funds. */
  contribution: Decimal;
  /** The contribution split among its sources (cofin's fund-down: in proportion, by largest remainder). */
  sources: SourceAmount[];
}

export interface PeriodResult {
  period: number;
  /** Jems's preparation or closure period, split on its own; undefined for a reporting period. */
  phase?: PeriodPhase | undefined;
  /** The last period: the budget less the other periods. */
  remainder: boolean;
  categories: CategoryAmount[];
  total: Decimal;
  funds: FundAmount[];
  contribution: Decimal;
  /**
   * The period's share of the budget: total × 100 ÷ budget, half-up to 2 decimals; the last period 100 − the others
   * (Jems 1.2); undefined for a zero budget.
   */
  percentage: Decimal | undefined;
}

/** A declared fund amount beside the computed one. */
export interface ClaimFund extends FundAmount {
  /** eligible × rate ÷ 100, unrounded: the most the fund may pay. */
  maximum: Decimal;
  declared: FigureField | undefined;
  /**
   * The declared amount's currency when it is one the euro replaced (a document in lati); undefined in the file's
   * currency.
   */
  declaredCurrency: string | undefined;
  /**
   * The computed amount in `declaredCurrency`: euro × the fixed rate, half-up to its unit (Regulation 1103/97, Article
   * 5).
   */
  expected: Decimal | undefined;
  /** declared − computed, in the declared amount's currency. */
  difference: Decimal | undefined;
}

/**
 * A contribution source's "of which" part of a claim (Jems: share of the budget, rounded down; the source at
 * rest takes what the others leave of the contribution).
 */
export interface ClaimSourcePart {
  id: string;
  name: string;
  kind: Source['kind'];
  /** Its budget amount ÷ the budget × 100, rounded down to 17 decimals (Jems). */
  percentage: Decimal;
  amount: Decimal;
}

/** A line of the cumulative table: budget, claimed so far, % of the budget, what is left. */
export interface CumulativeLine {
  id: string;
  name: string;
  budget: Decimal;
  claimed: Decimal;
  /** claimed × 100 ÷ budget, half-up to 2 decimals; 100 when both are zero; undefined when only the budget is. */
  percentage: Decimal | undefined;
  /** budget − claimed; may be negative. */
  remaining: Decimal;
}

export interface PlanProgress {
  /** The plan's periods up to the claim's period. */
  planned: Decimal;
  /** planned − claimed so far. */
  difference: Decimal;
  /** claimed so far × 100 ÷ planned, half-up to 2 decimals; undefined when nothing is planned. */
  percentage: Decimal | undefined;
}

export interface Cumulative {
  categories: CumulativeLine[];
  total: CumulativeLine;
  funds: CumulativeLine[];
  contribution: CumulativeLine;
  plan: PlanProgress | undefined;
}

/** An item converted into the budget's currency, with the rate used. */
export interface Conversion {
  category: CostCategory;
  /** The item as written, in its currency. */
  amount: Decimal;
  currency: string;
  /** Units of the currency per euro; undefined when none was found. */
  rate: Decimal | undefined;
  /**
   * `monthly`: the table's rate of `month`; `fixed`: the irrevocably fixed euro rate; `missing`: none, the item counts
   * 0.
   */
  kind: 'monthly' | 'fixed' | 'missing';
  month: string | undefined;
  /** amount ÷ rate, half-up to the cent; undefined when no rate was found. */
  converted: Decimal | undefined;
  at: Located;
}

export interface ClaimResult {
  /** 1-based, in file order. */
  index: number;
  period: number;
  /** The month of first submission, whose rates convert the items. */
  submitted: string | undefined;
  /** Every item not in the budget's currency, converted (empty when there is none). */
  conversions: Conversion[];
  categories: CategoryAmount[];
  eligible: Decimal;
  funds: ClaimFund[];
  /** eligible − Σ funds (Jems's newest rule). */
  contribution: Decimal;
  sources: ClaimSourcePart[];
  cumulative: Cumulative;
}

/** What `cofin claim` computes of a claim file. */
export interface ClaimsReport {
  currency: string;
  /** The rate table used: its name, or undefined when none was given. */
  rates: string | undefined;
  /** The programme profile applied, and the partner's category in it. */
  programme: { id: string; name: string; category: string | undefined } | undefined;
  partner: string | undefined;
  unit: Decimal;
  flexibility: Decimal | undefined;
  budget: BudgetResult;
  periods: PeriodResult[] | undefined;
  claims: ClaimResult[];
  findings: Finding[];
  verdict: 'pass' | 'fail';
}
