import type { Decimal } from '../decimal.js';
import type { RoundingMethod } from '../allocate/types.js';
import type { SourceKind } from '../sources.js';

/**
 * What a finding says, as data: its words' key and the figures they quote,
 * raw (Decimals, ids, names), so that a renderer can phrase it in any
 * language (render/words). The English message and hint are phrased in
 * core (messages.ts) from the same figures; JSON keeps the English.
 * Money is an amount with the currency and decimals it is written at.
 */
/** A cost category's key (model.ts's CostCategory; named here as text, model.ts imports this file). */
type CostCategory = string;
/** Jems's preparation or closure period (model.ts's PeriodPhase). */
type PeriodPhase = 'preparation' | 'closure';

export interface Money {
  value: Decimal;
  currency: string;
  decimals: number;
}

/** Why a declared amount may differ from its computed share (see core/explain.ts). */
export type MismatchReason =
  | { why: 'half-up' }
  | { why: 'fund-down' }
  | { why: 'other-unit'; unit: Decimal; down: boolean }
  | { why: 'transposed'; declared: Decimal; computed: Decimal; decimals: number }
  | { why: 'one-digit'; computed: Decimal; decimals: number }
  | { why: 'rate-of-budget'; rate: Decimal };

/** Each finding's figures, by the key of its words; several keys may share a code (project-total). */
export interface FindingFigures {
  'rates-sum': { covered: Decimal; missing: Decimal; missingMoney: Money; rest: boolean; table?: true };
  'sum-mismatch': { declared: Money; budget: Money; approximate?: true; rateLike?: { id: string; text: string } };
  'budget-unit': {
    budget: Decimal;
    budgetScale: number;
    unit: Decimal;
    finer: Decimal;
    unitFrom: 'rounding' | 'amounts' | 'currency';
    currency: string;
    /** A partner table's: it has no `rounding:` to offer. */
    table?: true;
  };
  'budget-unit/period': {
    period: number;
    phase?: PeriodPhase | undefined;
    budget: Decimal;
    budgetScale: number;
    unit: Decimal;
    finer: Decimal;
    unitFrom: 'rounding' | 'amounts' | 'currency' | 'command-line';
    currency: string;
  };
  /** `text`: the amount as its file writes it (`10 844,50`). */
  'amount-unit': { id: string; amount: Decimal; text?: string; unit: Decimal; table?: true };
  'share-mismatch': { id: string; declared: Money; computed: Money; exact: Decimal; reasons: MismatchReason[] };
  'budget-implied-mismatch': {
    /** Each rated source's declared amount, rate and the budget they imply (undefined at 0%). */
    sources: {
      id: string;
      amount: Decimal;
      amountScale: number;
      approximate: boolean;
      rate: Decimal;
      budget: Decimal | undefined;
    }[];
    /** The decimals the implied budgets are shown at: the unit's and two more. */
    decimals: number;
    /** The declared amounts' sum, when it is the budget (step 8). */
    sum: Decimal | undefined;
    /** The approximate budget (`~10 000`), shown at `budgetDecimals` with its `~`, in `currency` as every figure. */
    budget: Decimal;
    budgetDecimals: number;
    currency: string;
    low: Decimal;
    high: Decimal;
  };
  'rate-display': { id: string; rateText: string; amount: Money; actual: Decimal };
  'rounding-method': { method: RoundingMethod; table?: true };
  'rounding-drift': { method: RoundingMethod; total: Money; drift: Money };
  'rest-negative': { id: string; method: RoundingMethod; amount: Money; table?: true };
  'eu-rate-high': { id: string; rate: Decimal };
  'zero-amount': { id: string };
  'zero-budget': Record<never, never>;
  'budget-mismatch': { declared: Money; difference: Money; costs: Money };
  'flat-rate-combination/forty': { others: CostCategory[] };
  'flat-rate-combination/staff': Record<never, never>;
  /** Other cost categories budgeted beside the 40% rate, which covers them (CPR Article 56(1)). */
  'flat-rate-combination/remaining': { others: CostCategory[] };
  'flat-rate-base/twice': { line: CostCategory; category: CostCategory; rateText: string; categories: CostCategory[] };
  'flat-rate-base/order': { line: CostCategory; category: CostCategory; order: readonly CostCategory[] };
  'flat-rate-base/missing': { line: CostCategory; category: CostCategory; rateText: string };
  'flat-rate-base/simplified-rate': { line: CostCategory; rateText: string };
  'flat-rate-base/simplified': { line: CostCategory; category: CostCategory; rateText: string };
  'flat-rate-high': {
    line: CostCategory;
    rateText: string;
    usual: { category: CostCategory; /** 'direct', or a category */ base: string; rate: string };
  };
  'duplicate-partner': { partner: string; first: string | undefined; unseen: string | undefined };
  'source-conflict': { id: string; kind: SourceKind; firstKind: SourceKind; firstPartner: string | undefined };
  'project-total/count': { listed: number; count: number };
  'project-total/over': { budgets: Money; difference: Money; total: Money };
  'project-total/under': { listed: number; budgets: Money; difference: Money; total: Money };
  'project-total/source': { id: string; partners: Money; difference: Money; total: Money; less: boolean };
  'project-unaccounted': { listed: number; count: number | undefined; missing: Money; total: Money };
  'project-unaccounted/none': { listed: number; count: number; total: Money };
  'euro-mismatch': {
    id: string;
    currency: string;
    rate: string;
    national: Decimal;
    nationalDecimals: number;
    euro: Decimal;
    fromNational: Decimal;
    fromEuro: Decimal;
  };
  'period-share-mismatch': {
    period: number;
    phase?: PeriodPhase | undefined;
    id: string;
    declared: Money;
    computed: Money;
    remainder: boolean;
  };
  'periods-budget-mismatch/last': { sum: Money; budget: Money; period: number; written: Money; rest: Money };
  'periods-budget-mismatch/categories': {
    period: number;
    phase?: PeriodPhase | undefined;
    budget: Money;
    categories: Money;
  };
  'periods-budget-mismatch/category': {
    period: number;
    phase?: PeriodPhase | undefined;
    category: CostCategory;
    amount: Money;
    categories: CostCategory[];
  };
  'periods-budget-mismatch/flat-rate': {
    period: number;
    phase?: PeriodPhase | undefined;
    category: CostCategory;
    /** As the budget writes it: `15% of staff`. */
    rate: string;
    base: Money;
    computed: Money;
    written: Money;
  };
  'periods-budget-mismatch/no-costs': {
    period: number;
    phase?: PeriodPhase | undefined;
    amount: Money;
    categories: CostCategory[];
  };
  'periods-over-budget/total': { periods: number[]; planned: Money; budget: Money };
  'periods-over-budget/category': { category: CostCategory; planned: Money; budget: Money };
  'periods-unchecked':
    | { reason: 'rates' | 'fixed' }
    /** An approximate budget whose declared amounts state no exact one (trial 8, F2). */
    | { reason: 'approximate'; budget: Decimal; currency: string };
  /** The periods of an approximate budget planned on the declared amounts' sum. */
  'periods-budget-implied': { planned: Money; budget: Decimal };
  'programme-rate-above-maximum': {
    funds: string[];
    total: Decimal;
    programme: string;
    who: string;
    maximum: Decimal;
    source: string;
  };
  'programme-category-unknown': { programme: string; maximum: Decimal; category: string; categories: string[] };
  'programme-flat-rate-above-maximum': {
    category: CostCategory;
    rateText: string;
    base: string;
    programme: string;
    maximum: Decimal;
    source: string;
  };
  'programme-flat-rate-not-allowed': {
    category: CostCategory;
    rateText: string;
    base: string[];
    programme: string;
    allowed: { base: string; maximum: Decimal }[];
    source: string;
  };
  'programme-rounding-differs': {
    method: string | undefined;
    unit: Decimal | undefined;
    system: string;
    programme: string;
    systemMethod: string;
    systemUnit: Decimal;
    source: string;
  };
  'hidden-sheet': { sheet: string };
  'hidden-column': { column: string; letters: string };
  'hidden-row': { row: number };
  'hidden-digits': { shown: string; stored: string; formula: boolean; general: boolean };
  'formula-without-value': Record<never, never>;
  'total-row-by-sum': { heading: string; budget: string; above: number };
  'extract-doubts': { count: number };
  'extract-conflict': { count: number; line: number; first: string };
}

export type SaidKey = keyof FindingFigures;

/** A finding's words as data: `{ key, ...figures }`. */
export type Said = { [K in SaidKey]: { key: K } & FindingFigures[K] }[SaidKey];

/** The words' key and figures, typed together. */
export function said<K extends SaidKey>(key: K, figures: FindingFigures[K]): Said {
  return { key, ...figures } as Said;
}
