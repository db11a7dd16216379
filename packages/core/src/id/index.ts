export {
  type HealthInsuranceNumber,
  type HealthInsuranceNumberIssueCode,
  HI_NUMBER_MESSAGES,
  parseHealthInsuranceNumber,
} from './health-insurance-number.js';
export { LEGACY_ID_MESSAGES, type LegacyId, type LegacyIdIssueCode, parseLegacyId } from './legacy-id.js';
export type { ParseOptions, ParseResult, SeverityMessageTable } from './parse-result.js';
export {
  isPersonalIdShape,
  PERSONAL_ID_MESSAGES,
  type PersonalId,
  type PersonalIdIssueCode,
  type PersonalIdOptions,
  parsePersonalId,
} from './personal-id.js';
export {
  parseSocialInsuranceNumber,
  SI_NUMBER_MESSAGES,
  type SocialInsuranceNumber,
  type SocialInsuranceNumberIssueCode,
  type SocialInsuranceNumberOptions,
} from './social-insurance-number.js';
