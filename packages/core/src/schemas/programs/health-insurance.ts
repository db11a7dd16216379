import * as z from 'zod';
import {
  addRule,
  facilityCodeField,
  hiCardNumberField,
  hiGroupField,
  isoDate,
  socialInsuranceNumberField,
  withRules,
} from '../fields.js';
import { beneficiaryShape, checkBeneficiary, checkOrder } from './common.js';

/** Whether characters [from, from + part.length) of `text` equal `part`. No allocation. */
function sameAt(text: string, from: number, part: string): boolean {
  for (let i = 0; i < part.length; i++) if (text.charCodeAt(from + i) !== part.charCodeAt(i)) return false;
  return true;
}

/** A health-insurance card (thẻ BHYT) held by a person. */
export const healthInsuranceSchema = withRules(
  z.strictObject({
    ...beneficiaryShape,
    cardNumber: hiCardNumberField,
    group: hiGroupField,
    benefitLevel: z
      .int()
      .min(1)
      .max(5)
      .meta({ description: 'Benefit level (mức hưởng) 1–5, character 3 of the card number.' }),
    socialInsuranceNumber: socialInsuranceNumberField,
    validFrom: isoDate().meta({ description: 'First day of validity.' }),
    validTo: isoDate().meta({ description: 'Last day of validity.' }),
    facility: facilityCodeField,
    livingArea: z.enum(['K1', 'K2', 'K3']).optional().meta({
      description: 'Living-area code for disadvantaged areas and islands (mã khu vực).',
    }),
    fiveYearsContinuousFrom: isoDate().optional().meta({
      description: 'Date five years of continuous participation were reached.',
    }),
  }),
  (v, ctx) => {
    checkBeneficiary(v, ctx);
    if (!sameAt(v.cardNumber, 0, v.group))
      addRule(ctx, ['cardNumber'], 'HI_CARD_GROUP_MISMATCH', { other: 'group' });
    if (v.cardNumber.charCodeAt(2) - 48 !== v.benefitLevel) {
      addRule(ctx, ['cardNumber'], 'HI_CARD_LEVEL_MISMATCH', { other: 'benefitLevel' });
    }
    if (!sameAt(v.cardNumber, 5, v.socialInsuranceNumber)) {
      addRule(ctx, ['cardNumber'], 'HI_CARD_SI_MISMATCH', { other: 'socialInsuranceNumber' });
    }
    checkOrder(ctx, 'dateOfBirth', v.dateOfBirth, 'validFrom', v.validFrom);
    checkOrder(ctx, 'validFrom', v.validFrom, 'validTo', v.validTo);
  },
).meta({
  title: 'Health insurance record',
  description:
    'A health-insurance card: the 15-character number must agree with the group, benefit level and social insurance number recorded next to it (Decision 1351/QĐ-BHXH).',
  'x-ansinh-rules': [
    'PERSONAL_ID_DOB_MISMATCH',
    'PERSONAL_ID_SEX_MISMATCH',
    'HI_CARD_GROUP_MISMATCH',
    'HI_CARD_LEVEL_MISMATCH',
    'HI_CARD_SI_MISMATCH',
    'DATES_OUT_OF_ORDER',
  ],
});

export type HealthInsuranceRecord = z.output<typeof healthInsuranceSchema>;
