export { divideByRate, multiplyByRate } from './convert.js';
export {
  betweenNational,
  FIXED_RATES,
  FIXED_RATES_SOURCE,
  fixedRate,
  fromEuro,
  nationalUnit,
  toEuro,
  type FixedRate,
} from './fixed.js';
export {
  chooseRate,
  hasRate,
  monthlyRate,
  monthOf,
  rateTable,
  type MonthlyRate,
  type RateChoice,
  type RateTable,
} from './monthly.js';
