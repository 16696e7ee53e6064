export {
  checkProgramme,
  checkProgrammeFlatRates,
  checkProgrammeRounding,
  type ProgrammeCode,
  type ProgrammeFinding,
  type RatedFund,
  type WrittenFlatRate,
  type WrittenRounding,
} from './check.js';
export {
  programme,
  PROGRAMMES,
  type FlatRateRule,
  type FlatRateRules,
  type MonitoringSystem,
  type PartnerCategory,
  type ProgrammeProfile,
  type ProgrammeSource,
} from './profiles.js';
