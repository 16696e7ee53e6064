/**
 * cofin's library API: the same pure core the CLI uses.
 * `import { split, parseAmount } from 'cofin'`.
 */
export { Decimal, toFixedString } from './core/decimal.js';
export { CofinError } from './core/errors.js';
export { parseAmount, formatAmount, type ParsedAmount, type AmountOptions, type DecimalMark } from './core/amount.js';
export { parseRate, type ParsedRate } from './core/rate.js';
export { ROUNDING_METHODS, type RoundingMethod } from './core/allocate/index.js';
export { allocate, apportion, exactShare, type ShareSpec } from './core/allocate/decimal.js';
export {
  split,
  parseUnit,
  type SplitRequest,
  type SplitResult,
  type SplitShare,
  type ShareRequest,
} from './core/split.js';
export { resolveSource, WELL_KNOWN_SOURCES, SOURCE_KINDS, type Source, type SourceKind } from './core/sources.js';
export { minorUnit } from './core/currency.js';
export { parseFigure, type Figure } from './core/figure.js';
export {
  checkBudgetFile,
  checkBudgetStream,
  type FileCheck,
  type PartnerCheck,
  type ShareCheck,
  type Finding,
  type FindingCode,
  type Severity,
} from './core/check.js';
export { computeCosts, COST_CATEGORIES, type CostCategory } from './core/costs.js';
export { summarizeProject, type ProjectSummary } from './core/project.js';
export { extractBudget, type Extraction } from './core/extract/extract.js';
export type { BudgetFile, BudgetStream, List, PartnerBudget, FundingSource } from './core/model.js';
/** Reads a budget file's text (YAML or JSON) into the checked model; throws a located CofinError. */
export { parseBudgetFile, loadBudgetFile } from './io/budget-file.js';
/** Reads a CSV partner table into the same model. */
export { parsePartnerCsv, loadPartnerCsv } from './io/csv.js';
/** Partner reports (claims) and the plan per period, as Jems computes them; `parseClaimFile` reads a claim file. */
export {
  computeClaims,
  coFinance,
  contributionParts,
  percentOf,
  type ClaimFile,
  type ClaimsReport,
  type ClaimResult,
  type PeriodResult,
} from './core/claims/index.js';
export { parseClaimFile } from './io/claim-file.js';
/**
 * Currency conversion: amount ÷ rate half-up to a unit, the fixed euro rates (Regulations 2866/98 and 1103/97), monthly
 * rate tables.
 */
export {
  divideByRate,
  multiplyByRate,
  toEuro,
  fromEuro,
  betweenNational,
  FIXED_RATES,
  fixedRate,
  chooseRate,
  type FixedRate,
  type MonthlyRate,
  type RateTable,
} from './core/currency/index.js';
export { parseRateTable } from './io/rate-table.js';
/** Programme profiles: maximum co-financing rates per partner category, flat rates, monitoring systems, sourced. */
export {
  PROGRAMMES,
  programme,
  checkProgramme,
  checkProgrammeFlatRates,
  checkProgrammeRounding,
  type ProgrammeProfile,
  type PartnerCategory,
  type FlatRateRule,
  type FlatRateRules,
  type MonitoringSystem,
} from './core/programmes/index.js';
