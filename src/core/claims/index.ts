export { computeClaims } from './compute.js';
export { claimsSummary } from './summary.js';
export { applyPercentage, coFinance, contributionParts, contributionPercentage, percentOf, withRemainder } from './jems.js';
export type * from './types.js';
