import type * as z from 'zod';
import { addressRecordSchema } from './address.js';
import { cardRecordSchema } from './card.js';
import { envelopeSchema } from './envelope.js';
import { householdSchema } from './household.js';
import type { RecordKind } from './kinds.js';
import { paymentOrderSchema } from './payment-order.js';
import { personSchema } from './person.js';
import { childrenSchema } from './programs/children.js';
import { employmentSchema } from './programs/employment.js';
import { healthInsuranceSchema } from './programs/health-insurance.js';
import { meritoriousServicesSchema } from './programs/meritorious-services.js';
import { povertyReductionSchema } from './programs/poverty-reduction.js';
import { socialAssistanceSchema } from './programs/social-assistance.js';
import { socialInsuranceSchema } from './programs/social-insurance.js';
import { unemploymentInsuranceSchema } from './programs/unemployment-insurance.js';
import { vocationalTrainingSchema } from './programs/vocational-training.js';

/** The zod schema of every record kind. */
export const RECORD_SCHEMAS = {
  person: personSchema,
  address: addressRecordSchema,
  household: householdSchema,
  'social-assistance': socialAssistanceSchema,
  'poverty-reduction': povertyReductionSchema,
  'meritorious-services': meritoriousServicesSchema,
  'unemployment-insurance': unemploymentInsuranceSchema,
  'social-insurance': socialInsuranceSchema,
  'health-insurance': healthInsuranceSchema,
  children: childrenSchema,
  'vocational-training': vocationalTrainingSchema,
  employment: employmentSchema,
  card: cardRecordSchema,
  'payment-order': paymentOrderSchema,
  envelope: envelopeSchema,
} as const satisfies Record<RecordKind, z.core.$ZodType>;

/** The parsed (output) type of a record of `kind`. */
export type RecordOf<K extends RecordKind> = z.output<(typeof RECORD_SCHEMAS)[K]>;
