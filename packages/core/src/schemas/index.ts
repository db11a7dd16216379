export {
  type Address,
  type AddressRecord,
  addressRecordSchema,
  addressSchema,
  TWO_TIER_UNITS_FROM,
} from './address.js';
export { type CardRecord, cardRecordSchema } from './card.js';
export { type CsvColumn, csvColumns, csvField, csvLine, recordCells } from './csv.js';
export { type Envelope, EXCHANGE_PURPOSES, envelopeSchema, LEGAL_BASES } from './envelope.js';
export { RELATIONS_TO_HEAD, type RelationToHead, SCHEMA_VERSION } from './fields.js';
export { type Household, householdSchema } from './household.js';
export { exportJsonSchemas, jsonSchemaId, recordJsonSchema } from './json-schema.js';
export {
  isProgramKind,
  isRecordKind,
  PROGRAM_RECORD_KINDS,
  type ProgramRecordKind,
  RECORD_KINDS,
  type RecordKind,
} from './kinds.js';
export { PAYMENT_STATUSES, type PaymentOrder, paymentOrderSchema } from './payment-order.js';
export { type Person, personSchema } from './person.js';
export { CHILD_PROTECTION_CATEGORIES, type ChildrenRecord, childrenSchema } from './programs/children.js';
export { BENEFIT_STATUSES, PAYMENT_CHANNELS } from './programs/common.js';
export { EMPLOYMENT_SERVICES, type EmploymentRecord, employmentSchema } from './programs/employment.js';
export { type HealthInsuranceRecord, healthInsuranceSchema } from './programs/health-insurance.js';
export {
  MERITORIOUS_CATEGORIES,
  MERITORIOUS_REFERENCE_LEVEL,
  type MeritoriousServicesRecord,
  meritoriousServicesSchema,
} from './programs/meritorious-services.js';
export {
  DEPRIVATION_INDICATORS,
  POVERTY_INCOME_THRESHOLDS_2022_2025,
  type PovertyReductionRecord,
  povertyReductionSchema,
} from './programs/poverty-reduction.js';
export {
  SOCIAL_ASSISTANCE_BASE_LEVELS,
  SOCIAL_ASSISTANCE_GROUPS,
  type SocialAssistanceGroup,
  type SocialAssistanceRecord,
  socialAssistanceSchema,
} from './programs/social-assistance.js';
export {
  SOCIAL_INSURANCE_BENEFITS,
  type SocialInsuranceRecord,
  socialInsuranceSchema,
} from './programs/social-insurance.js';
export {
  maxBenefitMonths,
  type UnemploymentInsuranceRecord,
  unemploymentInsuranceSchema,
} from './programs/unemployment-insurance.js';
export {
  TRAINING_LEVELS,
  type VocationalTrainingRecord,
  vocationalTrainingSchema,
} from './programs/vocational-training.js';
export { RECORD_SCHEMAS, type RecordOf } from './registry.js';
