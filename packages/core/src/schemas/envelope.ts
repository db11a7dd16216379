import * as z from 'zod';
import { ISSUING_AGENCIES } from '../codes/agencies.js';
import {
  addRule,
  dateTimeField,
  provinceCodeField,
  referenceField,
  schemaVersionField,
  textField,
  withRules,
} from './fields.js';
import { RECORD_KINDS } from './kinds.js';

/** Why data is exchanged: every exchange states a legal purpose (Decree 47/2020/NĐ-CP). */
export const EXCHANGE_PURPOSES = [
  'beneficiary-submission',
  'benefit-payment',
  'card-issuance',
  'health-insurance-check',
  'eligibility-check',
  'statistics',
  'audit',
] as const;

/**
 * Legal basis of processing (Law on Personal Data Protection 91/2025/QH15, inheriting Decree
 * 13/2023/NĐ-CP): consent needs a `consentReference`.
 */
export const LEGAL_BASES = ['consent', 'legal-obligation', 'state-task', 'emergency', 'contract'] as const;

const partySchema = z.strictObject({
  agency: z.enum(ISSUING_AGENCIES.map((a) => a.code) as [string, ...string[]]),
  provinceCode: provinceCodeField.optional(),
  unit: textField(120).optional().meta({ description: 'Department or unit within the agency, NFC text.' }),
});

/** `sha256:` followed by 64 lower-case hex digits. */
function isSha256Digest(s: string): boolean {
  if (s.length !== 71 || !s.startsWith('sha256:')) return false;
  for (let i = 7; i < 71; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false;
  }
  return true;
}

const payloadKinds = RECORD_KINDS.filter((k) => k !== 'envelope') as [string, ...string[]];

/** The header of one data exchange between agencies: who, to whom, why, on what basis, what. */
export const envelopeSchema = withRules(
  z.strictObject({
    schemaVersion: schemaVersionField,
    messageId: z.uuid().meta({ description: 'Unique message identifier (UUID).' }),
    sender: partySchema,
    receiver: partySchema,
    purpose: z.enum(EXCHANGE_PURPOSES),
    legalBasis: z.enum(LEGAL_BASES),
    consentReference: referenceField(128).optional().meta({
      description: "Reference of the data subject's consent; required when legalBasis is consent.",
    }),
    createdAt: dateTimeField(),
    payload: z.strictObject({
      kind: z.enum(payloadKinds),
      count: z.int().min(0).max(1_000_000_000),
      digest: z
        .string()
        .refine(isSha256Digest, { params: { rule: 'INVALID_FORMAT', format: 'digest' } })
        .meta({
          description: 'sha256: + hex SHA-256 of the payload bytes.',
          pattern: '^sha256:[0-9a-f]{64}$',
        }),
    }),
  }),
  (v, ctx) => {
    if (v.legalBasis === 'consent' && v.consentReference === undefined) {
      addRule(ctx, ['consentReference'], 'REQUIRED_WITH', { other: 'legalBasis' });
    }
  },
).meta({
  title: 'Exchange envelope',
  description:
    'The header of a data exchange: message id, sender and receiver agency, purpose, legal basis and consent reference, creation time, and what the payload holds.',
  'x-ansinh-rules': ['REQUIRED_WITH'],
});

export type Envelope = z.output<typeof envelopeSchema>;
