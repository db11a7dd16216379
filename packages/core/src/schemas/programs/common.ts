import * as z from 'zod';
import { addressSchema } from '../address.js';
import { ageAt, monthBefore } from '../dates.js';
import {
  addRule,
  ethnicCodeField,
  isoDate,
  provinceCodeField,
  referenceField,
  relationToHeadField,
  schemaVersionField,
} from '../fields.js';
import { householdIdField } from '../household.js';
import { checkIdentity, identityShape } from '../person.js';

/**
 * Fields every programme record starts with. `personalId`, `provinceCode`, `householdId` and
 * `relationToHead` are the ones the dataset validator's cross-record rules read (duplicates within
 * a programme, one person in two provinces, households without a head).
 */
export const beneficiaryShape = {
  schemaVersion: schemaVersionField,
  recordId: referenceField(40)
    .meta({ description: "The record's identifier in the sending system, at most 40 characters." })
    .optional(),
  ...identityShape,
  ethnicCode: ethnicCodeField.optional(),
  provinceCode: provinceCodeField.meta({
    description: 'Province of enrolment in the programme (2-digit code, 2004 or 2025 scheme).',
  }),
  householdId: householdIdField.optional(),
  relationToHead: relationToHeadField.optional(),
  address: addressSchema.optional(),
};

/** Status of an enrolment or benefit. `ended` needs an `endDate`. */
export const BENEFIT_STATUSES = ['active', 'suspended', 'ended'] as const;
export const benefitStatusField = z.enum(BENEFIT_STATUSES).meta({
  description: 'active, suspended, or ended (an ended benefit has an endDate).',
});

/** How a benefit reaches the beneficiary. */
export const PAYMENT_CHANNELS = ['bank', 'post', 'e-wallet', 'cash'] as const;
export const paymentChannelField = z.enum(PAYMENT_CHANNELS).meta({
  description: 'Payment channel: bank account, post office, e-wallet, or cash at the commune.',
});

/** The administrative decision that grants a benefit. */
export const decisionShape = {
  decisionNumber: referenceField(50).meta({
    description: 'Number of the granting decision, e.g. 1234/QĐ-UBND.',
    examples: ['1234/QĐ-UBND'],
  }),
  decisionDate: isoDate().meta({ description: 'Date the decision was signed.' }),
  startDate: isoDate().meta({ description: 'First day of entitlement.' }),
  endDate: isoDate().meta({ description: 'Last day of entitlement, when known.' }).optional(),
  status: benefitStatusField,
};

/** Fields the shared programme rules read. */
interface BeneficiaryLike {
  personalId: string;
  dateOfBirth: string;
  sex: string;
  householdId?: string | undefined;
  relationToHead?: string | undefined;
}

/** Rules every programme record obeys: identity consistency; a relation needs a household. */
export function checkBeneficiary(v: BeneficiaryLike, ctx: z.RefinementCtx): void {
  checkIdentity(v, ctx);
  if (v.relationToHead !== undefined && v.householdId === undefined) {
    addRule(ctx, ['householdId'], 'REQUIRED_WITH', { other: 'relationToHead' });
  }
}

/** `later` must not be before `earlier` (both optional): DATES_OUT_OF_ORDER on `laterField`. */
export function checkOrder(
  ctx: z.RefinementCtx,
  earlierField: string,
  earlier: string | undefined,
  laterField: string,
  later: string | undefined,
): void {
  if (earlier !== undefined && later !== undefined && later < earlier) {
    addRule(ctx, [laterField], 'DATES_OUT_OF_ORDER', { earlier: earlierField });
  }
}

/**
 * Rules of a decision-granted benefit: no decision before birth; entitlement starts no earlier than
 * the month of the decision (benefits are paid from the month the decision is signed, e.g. Decree
 * 20/2021 Art. 8); end not before start; an ended benefit has an end date.
 */
export function checkDecision(
  v: {
    dateOfBirth: string;
    decisionDate: string;
    startDate: string;
    endDate?: string | undefined;
    status: string;
  },
  ctx: z.RefinementCtx,
): void {
  checkOrder(ctx, 'dateOfBirth', v.dateOfBirth, 'decisionDate', v.decisionDate);
  if (monthBefore(v.startDate, v.decisionDate)) {
    addRule(ctx, ['startDate'], 'DATES_OUT_OF_ORDER', { earlier: 'decisionDate' });
  }
  checkOrder(ctx, 'startDate', v.startDate, 'endDate', v.endDate);
  if (v.status === 'ended' && v.endDate === undefined) {
    addRule(ctx, ['endDate'], 'REQUIRED_WITH', { other: 'status' });
  }
}

/** AGE_NOT_ELIGIBLE unless the age on `on` lies in [min, max] (either bound optional). */
export function checkAge(
  ctx: z.RefinementCtx,
  dateOfBirth: string,
  on: string,
  onField: string,
  min: number | undefined,
  max: number | undefined,
): void {
  const age = ageAt(dateOfBirth, on);
  if ((min !== undefined && age < min) || (max !== undefined && age > max)) {
    addRule(ctx, ['dateOfBirth'], 'AGE_NOT_ELIGIBLE', { age, on: onField });
  }
}
