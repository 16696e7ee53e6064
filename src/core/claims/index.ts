export { computeClaims } from './compute.js';
export { applyPercentage, coFinance, contributionParts, contributionPercentage, percentOf, withRemainder } from './jems.js';
export type * from './types.js';
