export { type AgencyCode, ISSUING_AGENCIES, isAgencyCode } from './agencies.js';
export { type CodeListEntry, codeLabel } from './code-label.js';
export { ETHNIC_GROUPS, type EthnicCode, isEthnicCode } from './ethnic-groups.js';
export {
  HI_BENEFICIARY_GROUPS,
  HI_BENEFIT_LEVELS,
  type HiBenefitLevel,
  type HiGroupCode,
  hiGroupUsualLevel,
  isHiGroupCode,
} from './health-insurance.js';
export { isProgramCode, PROGRAMS, type ProgramCode } from './programs.js';
export {
  isProvinceCode2004,
  isProvinceCode2025,
  PROVINCE_2004_TO_2025,
  PROVINCES_2004,
  PROVINCES_2025,
  type ProvinceCode,
  type ProvinceCode2004,
  type ProvinceCode2025,
} from './provinces.js';
export { isSex, SEXES, type Sex } from './sex.js';
