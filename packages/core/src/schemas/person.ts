import * as z from 'zod';
import { addressSchema } from './address.js';
import { yearOf } from './dates.js';
import {
  addRule,
  dateOfBirthField,
  ethnicCodeField,
  legacyIdField,
  personalIdField,
  personNameField,
  phoneField,
  schemaVersionField,
  sexField,
  socialInsuranceNumberField,
  withRules,
} from './fields.js';

/**
 * Whether the sex/century digit and birth year of a 12-digit personal ID agree with a date of
 * birth and sex (vn-reference §1.2: even digit male, odd female; century 19 + digit/2). Plain
 * arithmetic on char codes: this runs on every record.
 */
export function idMatchesBirth(personalId: string, dateOfBirth: string, sex: string): boolean {
  const g = personalId.charCodeAt(3) - 48;
  if ((g & 1) !== (sex === 'male' ? 0 : 1)) return false;
  const year = (19 + (g >> 1)) * 100 + (personalId.charCodeAt(4) - 48) * 10 + (personalId.charCodeAt(5) - 48);
  return year === yearOf(dateOfBirth);
}

const ROOT: readonly (string | number)[] = [];

/**
 * Record-level identity rule: the personal ID must agree with the date of birth and sex next to it.
 * The issue is resolved by `parsePersonalId` into `PERSONAL_ID_DOB_MISMATCH` /
 * `PERSONAL_ID_SEX_MISMATCH` with their messages.
 */
export function checkIdentity(
  v: { personalId: string; dateOfBirth: string; sex: string },
  ctx: z.RefinementCtx,
  path: readonly (string | number)[] = ROOT,
): void {
  if (!idMatchesBirth(v.personalId, v.dateOfBirth, v.sex)) {
    addRule(ctx, [...path, 'personalId'], 'personal-id-consistency', {
      dateOfBirth: v.dateOfBirth,
      sex: v.sex,
    });
  }
}

/** The identity fields every person-level record starts with. */
export const identityShape = {
  personalId: personalIdField,
  fullName: personNameField,
  dateOfBirth: dateOfBirthField,
  sex: sexField,
};

/** A person as the national population database knows them (the subset social security needs). */
export const personSchema = withRules(
  z.strictObject({
    schemaVersion: schemaVersionField,
    ...identityShape,
    ethnicCode: ethnicCodeField.optional(),
    legacyId: legacyIdField.optional(),
    socialInsuranceNumber: socialInsuranceNumberField.optional(),
    phone: phoneField.optional(),
    address: addressSchema.optional(),
  }),
  (v, ctx) => checkIdentity(v, ctx),
).meta({
  title: 'Person',
  description:
    'A person: identity (personal ID, name, date of birth, sex) and contact details. The personal ID must agree with the date of birth and sex.',
  'x-ansinh-rules': ['PERSONAL_ID_DOB_MISMATCH', 'PERSONAL_ID_SEX_MISMATCH'],
});

export type Person = z.output<typeof personSchema>;
