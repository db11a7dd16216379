import * as z from 'zod';
import { ageAt } from '../dates.js';
import { addRule, paymentAccountField, phoneField, sensitive, vndField, withRules } from '../fields.js';
import {
  beneficiaryShape,
  checkBeneficiary,
  checkDecision,
  decisionShape,
  paymentChannelField,
} from './common.js';

/**
 * Beneficiary groups of monthly social allowance and their coefficients (Decree 20/2021/NĐ-CP
 * Art. 5 and 6, as amended by Decree 76/2024/NĐ-CP; vn-reference §9, high confidence). Ages are
 * completed years on the start date; "child or elderly" means under 16 or 60 and over. The
 * single-parent allowance is 1.0 per child being raised. When several groups apply only the
 * highest coefficient is paid, so a record names one group.
 */
export const SOCIAL_ASSISTANCE_GROUPS = [
  {
    code: 'child-no-support-under-4',
    coefficient: 2.5,
    minAge: 0,
    maxAge: 3,
    vi: 'Trẻ em dưới 4 tuổi không có nguồn nuôi dưỡng',
    en: 'Child under 4 without means of support',
  },
  {
    code: 'child-no-support-4-to-16',
    coefficient: 1.5,
    minAge: 4,
    maxAge: 15,
    vi: 'Trẻ em từ 4 đến dưới 16 tuổi không có nguồn nuôi dưỡng',
    en: 'Child aged 4 to under 16 without means of support',
  },
  {
    code: 'youth-16-to-22-in-education',
    coefficient: 1.5,
    minAge: 16,
    maxAge: 22,
    vi: 'Người từ 16 đến 22 tuổi không có nguồn nuôi dưỡng, đang đi học',
    en: 'Person aged 16–22 without means of support, in education',
  },
  {
    code: 'child-hiv-under-4',
    coefficient: 2.5,
    minAge: 0,
    maxAge: 3,
    vi: 'Trẻ em dưới 4 tuổi nhiễm HIV thuộc hộ nghèo',
    en: 'Child under 4 living with HIV in a poor household',
  },
  {
    code: 'child-hiv-4-to-16',
    coefficient: 2.0,
    minAge: 4,
    maxAge: 15,
    vi: 'Trẻ em từ 4 đến dưới 16 tuổi nhiễm HIV thuộc hộ nghèo',
    en: 'Child aged 4 to under 16 living with HIV in a poor household',
  },
  {
    code: 'single-parent-poor',
    coefficient: 1.0,
    perChild: true,
    minAge: 16,
    vi: 'Người đơn thân nghèo đang nuôi con',
    en: 'Single parent in a poor or near-poor household raising children',
  },
  {
    code: 'elderly-poor-60-to-80',
    coefficient: 1.5,
    minAge: 60,
    maxAge: 79,
    vi: 'Người cao tuổi từ 60 đến 80 tuổi thuộc hộ nghèo, không có người phụng dưỡng',
    en: 'Elderly person aged 60–80, poor household, no one to support them',
  },
  {
    code: 'elderly-poor-80-plus',
    coefficient: 2.0,
    minAge: 80,
    vi: 'Người cao tuổi từ 80 tuổi trở lên thuộc hộ nghèo, không có người phụng dưỡng',
    en: 'Elderly person aged 80+, poor household, no one to support them',
  },
  {
    code: 'elderly-75-to-80-disadvantaged-commune',
    coefficient: 1.0,
    minAge: 75,
    maxAge: 79,
    vi: 'Người từ 75 đến 80 tuổi thuộc hộ nghèo, cận nghèo sống ở xã đặc biệt khó khăn vùng dân tộc thiểu số và miền núi',
    en: 'Person aged 75–80, poor or near-poor, in an extremely disadvantaged ethnic or mountain commune',
  },
  {
    code: 'elderly-80-plus-no-pension',
    coefficient: 1.0,
    minAge: 80,
    vi: 'Người từ 80 tuổi trở lên không có lương hưu, trợ cấp bảo hiểm xã hội, trợ cấp xã hội hằng tháng',
    en: 'Person aged 80+ with no pension, SI allowance or monthly social allowance',
  },
  {
    code: 'elderly-community-care',
    coefficient: 3.0,
    minAge: 60,
    vi: 'Người cao tuổi thuộc hộ nghèo, không có người phụng dưỡng, được nhận chăm sóc tại cộng đồng',
    en: 'Elderly person, poor, no supporter, cared for in the community',
  },
  {
    code: 'disability-especially-severe-adult',
    coefficient: 2.0,
    minAge: 16,
    maxAge: 59,
    disability: 'especially-severe',
    vi: 'Người khuyết tật đặc biệt nặng',
    en: 'Adult with especially severe disability',
  },
  {
    code: 'disability-especially-severe-child-or-elderly',
    coefficient: 2.5,
    childOrElderly: true,
    disability: 'especially-severe',
    vi: 'Trẻ em, người cao tuổi là người khuyết tật đặc biệt nặng',
    en: 'Child or elderly person with especially severe disability',
  },
  {
    code: 'disability-severe-adult',
    coefficient: 1.5,
    minAge: 16,
    maxAge: 59,
    disability: 'severe',
    vi: 'Người khuyết tật nặng',
    en: 'Adult with severe disability',
  },
  {
    code: 'disability-severe-child-or-elderly',
    coefficient: 2.0,
    childOrElderly: true,
    disability: 'severe',
    vi: 'Trẻ em, người cao tuổi là người khuyết tật nặng',
    en: 'Child or elderly person with severe disability',
  },
  {
    code: 'child-under-3-disadvantaged-area',
    coefficient: 1.5,
    minAge: 0,
    maxAge: 2,
    vi: 'Trẻ em dưới 3 tuổi thuộc hộ nghèo, cận nghèo ở vùng dân tộc thiểu số và miền núi đặc biệt khó khăn',
    en: 'Child under 3, poor or near-poor, in an extremely disadvantaged ethnic or mountain area',
  },
  {
    code: 'hiv-poor-no-income',
    coefficient: 1.5,
    minAge: 16,
    vi: 'Người nhiễm HIV thuộc hộ nghèo không có nguồn thu nhập ổn định',
    en: 'Person living with HIV in a poor household with no stable income',
  },
] as const satisfies readonly SocialAssistanceGroupEntry[];

interface SocialAssistanceGroupEntry {
  readonly code: string;
  readonly coefficient: number;
  readonly minAge?: number;
  readonly maxAge?: number;
  readonly childOrElderly?: true;
  readonly perChild?: true;
  readonly disability?: 'severe' | 'especially-severe';
  readonly vi: string;
  readonly en: string;
}

export type SocialAssistanceGroup = (typeof SOCIAL_ASSISTANCE_GROUPS)[number]['code'];

/** Base level of social assistance (mức chuẩn trợ giúp xã hội), VND/month, by period (vn-reference §9). */
export const SOCIAL_ASSISTANCE_BASE_LEVELS = [
  { from: '2021-07-01', amount: 360_000, source: 'Decree 20/2021/NĐ-CP Art. 4' },
  { from: '2024-07-01', amount: 500_000, source: 'Decree 76/2024/NĐ-CP' },
  // Reported, medium-low confidence (Decree 335/2026/NĐ-CP, not verified against the official text).
  { from: '2026-07-01', amount: 540_000, source: 'Decree 335/2026/NĐ-CP (reported)' },
] as const;

const GROUPS: ReadonlyMap<string, SocialAssistanceGroupEntry> = new Map(
  SOCIAL_ASSISTANCE_GROUPS.map((g) => [g.code, g]),
);

export const DISABILITY_LEVELS = ['severe', 'especially-severe'] as const;
export const POVERTY_STATUSES = ['poor', 'near-poor', 'none'] as const;

/** Monthly social allowance (trợ cấp xã hội hằng tháng) under Decree 20/2021/NĐ-CP. */
export const socialAssistanceSchema = withRules(
  z.strictObject({
    ...beneficiaryShape,
    phone: phoneField.optional(),
    beneficiaryGroup: sensitive(
      z.enum(
        SOCIAL_ASSISTANCE_GROUPS.map((g) => g.code) as [SocialAssistanceGroup, ...SocialAssistanceGroup[]],
      ),
      'Beneficiary group under Decree 20/2021/NĐ-CP Art. 5; it implies poverty, disability or HIV status.',
    ),
    coefficient: z.number().multipleOf(0.5).min(0.5).max(20).meta({
      description: 'Coefficient of the group (Decree 20/2021 Art. 6); for a single parent 1.0 per child.',
    }),
    dependentChildren: z.int().min(1).max(20).optional().meta({
      description: 'Children being raised; required for the single-parent group.',
    }),
    disabilityLevel: sensitive(
      z.enum(DISABILITY_LEVELS),
      'Disability level from the disability certificate; required for the disability groups and must match them.',
    ).optional(),
    householdPovertyStatus: sensitive(
      z.enum(POVERTY_STATUSES),
      'Poverty status of the household (poor, near-poor, none).',
    ).optional(),
    baseLevel: vndField(10_000_000, 360_000).meta({
      description:
        'Base level applied, VND/month: 360,000 from 2021-07-01, 500,000 from 2024-07-01; provinces may set more.',
    }),
    monthlyAmount: vndField(100_000_000).meta({
      description: 'Monthly allowance, VND: baseLevel × coefficient.',
    }),
    ...decisionShape,
    paymentChannel: paymentChannelField,
    paymentAccount: sensitive(
      paymentAccountField,
      'Account the allowance is paid into (financial data); required for the bank and e-wallet channels.',
    ).optional(),
  }),
  (v, ctx) => {
    checkBeneficiary(v, ctx);
    checkDecision(v, ctx);
    if ((v.paymentChannel === 'bank' || v.paymentChannel === 'e-wallet') && v.paymentAccount === undefined) {
      addRule(ctx, ['paymentAccount'], 'REQUIRED_WITH', { other: 'paymentChannel' });
    }
    const group = GROUPS.get(v.beneficiaryGroup)!;
    let expected = group.coefficient;
    if (group.perChild) {
      if (v.dependentChildren === undefined)
        addRule(ctx, ['dependentChildren'], 'REQUIRED_WITH', { other: 'beneficiaryGroup' });
      else expected = group.coefficient * v.dependentChildren;
    }
    if (v.coefficient !== expected) addRule(ctx, ['coefficient'], 'COEFFICIENT_MISMATCH', { expected });
    if (v.monthlyAmount !== Math.round(v.baseLevel * v.coefficient)) {
      addRule(ctx, ['monthlyAmount'], 'AMOUNT_MISMATCH', {
        expected: Math.round(v.baseLevel * v.coefficient),
      });
    }
    if (group.disability !== undefined) {
      if (v.disabilityLevel === undefined)
        addRule(ctx, ['disabilityLevel'], 'REQUIRED_WITH', { other: 'beneficiaryGroup' });
      else if (v.disabilityLevel !== group.disability) {
        addRule(ctx, ['disabilityLevel'], 'INCONSISTENT_WITH', { other: 'beneficiaryGroup' });
      }
    }
    const age = ageAt(v.dateOfBirth, v.startDate);
    const tooYoung = group.minAge !== undefined && age < group.minAge;
    const tooOld = group.maxAge !== undefined && age > group.maxAge;
    const notChildOrElderly = group.childOrElderly === true && age >= 16 && age < 60;
    if (tooYoung || tooOld || notChildOrElderly) {
      addRule(ctx, ['dateOfBirth'], 'AGE_NOT_ELIGIBLE', { age, on: 'startDate' });
    }
  },
).meta({
  title: 'Social assistance record',
  description:
    'A monthly social allowance (Decree 20/2021/NĐ-CP, amended by Decree 76/2024/NĐ-CP): group, coefficient, base level and amount, with the granting decision.',
  'x-ansinh-rules': [
    'PERSONAL_ID_DOB_MISMATCH',
    'PERSONAL_ID_SEX_MISMATCH',
    'COEFFICIENT_MISMATCH',
    'AMOUNT_MISMATCH',
    'AGE_NOT_ELIGIBLE',
    'INCONSISTENT_WITH',
    'REQUIRED_WITH',
    'DATES_OUT_OF_ORDER',
  ],
});

export type SocialAssistanceRecord = z.output<typeof socialAssistanceSchema>;
