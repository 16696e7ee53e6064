import type { Decimal } from '../decimal.js';
import type { RoundingMethod } from '../allocate/types.js';
import type { SourceKind } from '../sources.js';
import type { CostResult } from '../costs.js';
import type { FigureField, List, Located, ReadingNoteCode } from '../model.js';
import type { Said } from './said.js';
import type { PlannedPeriod } from '../periods.js';

export type Severity = 'error' | 'warning' | 'note';

/** Every finding `check` can make: stable codes that scripts count. */
export type FindingCode =
  | 'sum-mismatch'
  | 'rates-sum'
  | 'budget-mismatch'
  | 'budget-unit'
  | 'amount-unit'
  | 'flat-rate-base'
  | 'flat-rate-combination'
  | 'flat-rate-high'
  | 'duplicate-partner'
  | 'source-conflict'
  | 'share-mismatch'
  | 'budget-implied-mismatch'
  | 'rate-display'
  | 'rounding-method'
  | 'rounding-drift'
  | 'rest-negative'
  | 'project-total'
  | 'project-unaccounted'
  | 'eu-rate-high'
  | 'zero-amount'
  | 'zero-budget'
  | 'euro-mismatch'
  | 'period-share-mismatch'
  | 'periods-budget-mismatch'
  | 'periods-over-budget'
  | 'periods-unchecked'
  | 'periods-budget-implied'
  | 'programme-rate-above-maximum'
  | 'programme-category-unknown'
  | 'programme-flat-rate-above-maximum'
  | 'programme-flat-rate-not-allowed'
  | 'programme-rounding-differs'
  // what a reader noted in a workbook
  | ReadingNoteCode;

/** One thing a check found, with a stable code scripts can count. */
export interface Finding {
  /** A `FindingCode`, or for an invalid file the error's code. */
  code: string;
  severity: Severity;
  message: string;
  hint: string | undefined;
  line: number | undefined;
  column: number | undefined;
  pointer: string | undefined;
  /** In a workbook: the cell, `Budget!B7` (line and column are its row and column number). */
  cell?: string;
  /** The partner it concerns, in multi-partner files. */
  partner: string | undefined;
  /** Its words as data, for a renderer to phrase in another language (never in JSON). */
  said?: Said;
}

export interface ShareCheck {
  id: string;
  name: string;
  kind: SourceKind;
  /** The written rate in percent; undefined for fixed and rest sources. */
  rate: Decimal | undefined;
  /** For fixed and rest sources: amount ÷ budget × 100, rounded to 4 decimals for display. */
  derivedRate: Decimal | undefined;
  exact: Decimal;
  computed: Decimal;
  declared: FigureField | undefined;
  /** declared − computed. */
  difference: Decimal | undefined;
  status: 'ok' | 'mismatch' | 'rate-display' | 'undeclared';
  /** Where the file gives this source: the partner's own entry, or the file's default funding. */
  at: Located;
}

export interface PartnerCheck {
  partner: string | undefined;
  country: string | undefined;
  budget: FigureField;
  currency: string;
  unit: Decimal;
  method: RoundingMethod;
  shares: ShareCheck[];
  /** The cost categories, flat rates computed, when the file gives costs. */
  costs: CostResult | undefined;
  /** Where the partner's entry starts in its file. */
  at: Located;
  /** The document's euro figures (`euro:`) beside the national ones; only when the file gives them. */
  euro?: EuroCheck[];
  /** The budget per reporting period (`periods:`), the last period the remainder; only when the file gives periods. */
  periods?: PlannedPeriod[];
}

/**
 * A partner's computed shares in fixed point, as the check has them: what a report sums and writes, without a
 * Decimal a figure (`PartnerCheck` makes each share's Decimals).
 */
export interface PartnerShares {
  partner: string | undefined;
  country: string | undefined;
  /** The budget as read: its value's sign of zero is the report's (`-0`). */
  budget: FigureField;
  currency: string;
  unit: Decimal;
  /** Decimals of `budgetScaled` and `computed`. */
  scale: number;
  budgetScaled: bigint;
  /** The partner's sources, in the file's order. */
  sources: readonly Pick<ShareCheck, 'id' | 'name' | 'kind'>[];
  /** Each source's computed share, at `scale`. */
  computed: readonly bigint[];
  /**
   * The sources whose share, as `PartnerCheck` gives it, is a negative zero (a declared fixed amount `-0`); undefined
   * when none is.
   */
  negativeZero: readonly number[] | undefined;
  costs: CostResult | undefined;
  periods?: PlannedPeriod[];
}

/** A euro figure beside its national one, at the fixed rate (step 13). */
export interface EuroCheck {
  /** `budget`, or a source id. */
  id: string;
  name: string;
  /** The national figure: the budget, a source's declared amount, else its computed share. */
  national: Decimal;
  /** The euro figure as written. */
  euro: FigureField;
  /** national ÷ rate, half-up to the cent. */
  fromNational: Decimal;
  /** euro × rate, half-up to the national unit. */
  fromEuro: Decimal;
  /** Which conversion gives the other figure; undefined: neither (`euro-mismatch`). */
  agrees: 'to-euro' | 'from-euro' | 'both' | undefined;
}

export interface FileCheck<Partners extends List<PartnerCheck> = PartnerCheck[]> {
  verdict: 'pass' | 'fail';
  partners: Partners;
  findings: Finding[];
}

/** One checked file: pass, fail, or invalid (could not be read or does not follow the format). */
export interface FileReport {
  file: string;
  verdict: 'pass' | 'fail' | 'invalid';
  /** Computed again each time it is read, for large files: read it once. */
  partners: List<PartnerCheck>;
  findings: Finding[];
  /**
   * A claim file (`claims:` or `periods:`), checked as `cofin claim` computes it: what it claims; it has no partners.
   */
  claims?: ClaimsCheck;
}

/** What a claim file's claims add up to, for `check`'s output (`cofin claim` shows the rest). */
export interface ClaimsCheck {
  partner: string | undefined;
  currency: string;
  unit: Decimal;
  /** The partner budget: the sum of its categories. */
  budget: Decimal;
  /** How many periods the plan has; undefined without a plan. */
  periods: number | undefined;
  claims: number;
  /** The eligible totals of every claim, summed. */
  claimed: Decimal;
  /** claimed × 100 ÷ budget, half-up to 2 decimals; undefined when only the budget is zero. */
  percentage: Decimal | undefined;
}

/** A file a folder walk did not read because an exclude matched it (or a folder above it), and who gave the exclude. */
export interface ExcludedFile {
  file: string;
  /** The config file by its path from the current folder (`../cofin.config.yaml`), or `--exclude`. */
  by: string;
  /** The glob that matched, as written. */
  exclude: string;
}

/**
 * Why a folder walk (or `--only-budgets`) passed a file over by its first bytes: one of cofin's own JSON outputs (by
 * how they begin: `schemaVersion`, then their second key), one of its CSV outputs (`check` or `report --format csv`),
 * a claim file's rate table.
 */
export type PassedOverReason = 'cofin-json' | 'cofin-csv' | 'rate-table';

export interface PassedOverFile {
  file: string;
  reason: PassedOverReason;
}

/** What `cofin check` reports of every file it was given. */
export interface CheckReport {
  files: FileReport[];
  summary: {
    files: number;
    passed: number;
    failed: number;
    invalid: number;
    /** Files a folder walk left out by an exclude; only when any (so a config up the tree hides nothing unseen). */
    excluded?: ExcludedFile[] | undefined;
    /** Files passed over as no budget files by their first bytes; only when any. */
    passedOver?: PassedOverFile[] | undefined;
    /** The errors of `--ignore`d codes that failed no file, and whose ignore lists named them; only when any. */
    ignored?: IgnoredSummary | undefined;
  };
}

/** Errors that did not fail their files: how many, their codes, and who ignored them (a config file, `--ignore`). */
export interface IgnoredSummary {
  errors: number;
  codes: string[];
  by: string[];
}

export interface CheckOptions {
  /** Warnings and notes become errors. */
  strict?: boolean;
  /**
   * Told after each partner of the findings pass, with how many there are: the caller's progress line (the core prints
   * nothing).
   */
  onPartner?: ((checked: number, of: number) => void) | undefined;
  /**
   * Given each partner's check in the findings pass, in order: a report sums and notes them as they pass instead of
   * reading the partners again.
   */
  onCheck?: ((check: PartnerCheck, index: number) => void) | undefined;
  /** Given each partner's shares in fixed point in the findings pass, in order: what a streamed report sums. */
  onShares?: ((shares: PartnerShares, index: number) => void) | undefined;
  /**
   * false: a large file's findings are kept without their figures (`said`), which only another language's words are
   * made from, instead of packed (an output in English only: a tenth of a check of many findings).
   */
  said?: boolean | undefined;
}
