export { computeClaims } from './compute.js';
export { claimsSummary } from './summary.js';
export { absorption, type Absorption, type AbsorptionLine } from './absorption.js';
export {
  applyPercentage,
  coFinance,
  contributionParts,
  contributionPercentage,
  percentOf,
  withRemainder,
} from './jems.js';
export type * from './types.js';
