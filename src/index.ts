/**
 * cofin's library API: the same pure core the CLI uses.
 * `import { split, parseAmount } from 'cofin'`.
 */
export { Decimal, toFixedString } from './core/decimal.js';
export { CofinError } from './core/errors.js';
export { parseAmount, formatAmount, type ParsedAmount, type AmountOptions, type DecimalMark } from './core/amount.js';
export { parseRate, type ParsedRate } from './core/rate.js';
export { allocate, apportion, exactShare, ROUNDING_METHODS, type RoundingMethod, type ShareSpec } from './core/allocate.js';
export { split, parseUnit, type SplitRequest, type SplitResult, type SplitShare, type ShareRequest } from './core/split.js';
export { resolveSource, WELL_KNOWN_SOURCES, SOURCE_KINDS, type Source, type SourceKind } from './core/sources.js';
export { minorUnit } from './core/currency.js';
