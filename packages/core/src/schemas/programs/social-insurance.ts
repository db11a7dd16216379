import * as z from 'zod';
import { ageAt } from '../dates.js';
import { addRule, socialInsuranceNumberField, vndField, withRules } from '../fields.js';
import {
  beneficiaryShape,
  checkBeneficiary,
  checkDecision,
  decisionShape,
  paymentChannelField,
} from './common.js';

/** Monthly benefits of the social insurance scheme (Law on Social Insurance 41/2024/QH15). */
export const SOCIAL_INSURANCE_BENEFITS = [
  { code: 'pension', vi: 'Lương hưu', en: 'Retirement pension' },
  { code: 'social-pension', vi: 'Trợ cấp hưu trí xã hội', en: 'Social pension' },
  { code: 'survivor-allowance', vi: 'Trợ cấp tuất hằng tháng', en: 'Monthly survivor allowance' },
  {
    code: 'work-accident-allowance',
    vi: 'Trợ cấp tai nạn lao động, bệnh nghề nghiệp hằng tháng',
    en: 'Monthly work-accident or occupational-disease allowance',
  },
  {
    code: 'working-capacity-loss-allowance',
    vi: 'Trợ cấp mất sức lao động hằng tháng',
    en: 'Monthly working-capacity-loss allowance',
  },
] as const;
export type SocialInsuranceBenefit = (typeof SOCIAL_INSURANCE_BENEFITS)[number]['code'];

/**
 * Minimum contribution years for a pension: 15 under Law 41/2024/QH15 (from 1/7/2025; it was 20
 * before, so older pensions have more). Minimum age of the social pension: 75, or 70 for poor and
 * near-poor people (medium confidence, vn-reference §8.2), so 70 is the hard floor.
 */
export const MIN_PENSION_CONTRIBUTION_YEARS = 15;
export const MIN_SOCIAL_PENSION_AGE = 70;

/** A monthly social-insurance benefit. */
export const socialInsuranceSchema = withRules(
  z.strictObject({
    ...beneficiaryShape,
    socialInsuranceNumber: socialInsuranceNumberField.optional(),
    benefitType: z
      .enum(
        SOCIAL_INSURANCE_BENEFITS.map((b) => b.code) as [SocialInsuranceBenefit, ...SocialInsuranceBenefit[]],
      )
      .meta({
        description: 'Kind of monthly benefit.',
      }),
    participation: z.enum(['compulsory', 'voluntary', 'none']).meta({
      description: 'Scheme the person contributed to; none for the tax-funded social pension.',
    }),
    contributionYears: z.int().min(0).max(60).meta({ description: 'Years of contributions.' }),
    monthlyAmount: vndField(500_000_000).meta({ description: 'Monthly benefit, VND.' }),
    ...decisionShape,
    paymentChannel: paymentChannelField.optional(),
  }),
  (v, ctx) => {
    checkBeneficiary(v, ctx);
    checkDecision(v, ctx);
    if (v.benefitType === 'pension' && v.contributionYears < MIN_PENSION_CONTRIBUTION_YEARS) {
      addRule(ctx, ['contributionYears'], 'CONTRIBUTION_TOO_SHORT', { min: MIN_PENSION_CONTRIBUTION_YEARS });
    }
    if (v.benefitType === 'social-pension') {
      const age = ageAt(v.dateOfBirth, v.startDate);
      if (age < MIN_SOCIAL_PENSION_AGE)
        addRule(ctx, ['dateOfBirth'], 'AGE_NOT_ELIGIBLE', { age, on: 'startDate' });
    } else if (v.socialInsuranceNumber === undefined) {
      addRule(ctx, ['socialInsuranceNumber'], 'REQUIRED_WITH', { other: 'benefitType' });
    }
  },
).meta({
  title: 'Social insurance record',
  description:
    'A monthly social-insurance benefit (Law on Social Insurance 41/2024/QH15): pension, social pension, survivor or work-accident allowances.',
  'x-ansinh-rules': [
    'PERSONAL_ID_DOB_MISMATCH',
    'PERSONAL_ID_SEX_MISMATCH',
    'CONTRIBUTION_TOO_SHORT',
    'AGE_NOT_ELIGIBLE',
    'REQUIRED_WITH',
    'DATES_OUT_OF_ORDER',
  ],
});

export type SocialInsuranceRecord = z.output<typeof socialInsuranceSchema>;
