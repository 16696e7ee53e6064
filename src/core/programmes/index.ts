export { checkProgramme, type ProgrammeFinding, type RatedFund } from './check.js';
export {
  programme,
  PROGRAMMES,
  type PartnerCategory,
  type ProgrammeProfile,
  type ProgrammeSource,
} from './profiles.js';
