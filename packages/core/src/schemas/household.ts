import * as z from 'zod';
import { addressSchema } from './address.js';
import {
  addRule,
  provinceCodeField,
  referenceField,
  relationToHeadField,
  schemaVersionField,
  withRules,
} from './fields.js';
import { checkIdentity, identityShape } from './person.js';

const memberSchema = z.strictObject({ ...identityShape, relationToHead: relationToHeadField });

/** The household code field shared by households and the programme records that point to them. */
export const householdIdField = referenceField(40).meta({
  description: 'Household code (mã hộ) assigned by the commune or the poverty review, at most 40 characters.',
});

/** A household: its members and their relation to the head; exactly one member is the head. */
export const householdSchema = withRules(
  z.strictObject({
    schemaVersion: schemaVersionField,
    householdId: householdIdField,
    provinceCode: provinceCodeField,
    address: addressSchema.optional(),
    members: z.array(memberSchema).min(1).max(100),
  }),
  (v, ctx) => {
    let heads = 0;
    for (let i = 0; i < v.members.length; i++) {
      const m = v.members[i]!;
      if (m.relationToHead === 'head') {
        heads++;
        if (heads === 2) addRule(ctx, ['members', i, 'relationToHead'], 'HOUSEHOLD_MULTIPLE_HEADS');
      }
      checkIdentity(m, ctx, ['members', i]);
      for (let j = 0; j < i; j++) {
        if (v.members[j]!.personalId === m.personalId) {
          addRule(ctx, ['members', i, 'personalId'], 'DUPLICATE_MEMBER', { first: j });
          break;
        }
      }
    }
    if (heads === 0) addRule(ctx, ['members'], 'HOUSEHOLD_WITHOUT_HEAD');
  },
).meta({
  title: 'Household',
  description: 'A household (hộ gia đình) with its members; exactly one member has relationToHead = head.',
  'x-ansinh-rules': [
    'HOUSEHOLD_WITHOUT_HEAD',
    'HOUSEHOLD_MULTIPLE_HEADS',
    'DUPLICATE_MEMBER',
    'PERSONAL_ID_DOB_MISMATCH',
    'PERSONAL_ID_SEX_MISMATCH',
  ],
});

export type Household = z.output<typeof householdSchema>;
