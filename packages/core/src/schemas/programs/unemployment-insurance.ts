import * as z from 'zod';
import {
  addRule,
  isoDate,
  socialInsuranceNumberField,
  taxCodeField,
  vndField,
  withRules,
} from '../fields.js';
import {
  beneficiaryShape,
  checkBeneficiary,
  checkDecision,
  checkOrder,
  decisionShape,
  paymentChannelField,
} from './common.js';

/**
 * Months of unemployment benefit for `contributionMonths` of contributions: 3 months for 12–36
 * months, one more per further 12 months, at most 12 (Law on Employment 38/2013/QH13 Art. 50).
 * The Law on Employment 74/2025/QH15 (in force 1/1/2026) is not confirmed to keep this scale, so
 * the validator only rejects durations above it.
 */
export function maxBenefitMonths(contributionMonths: number): number {
  if (contributionMonths < 12) return 0;
  if (contributionMonths <= 36) return 3;
  return Math.min(12, 3 + Math.floor((contributionMonths - 36) / 12));
}

/** Monthly benefit cap as a share of the average salary of the last 6 contribution months. */
export const UNEMPLOYMENT_BENEFIT_RATE = 0.6;

/** Unemployment benefit (trợ cấp thất nghiệp). */
export const unemploymentInsuranceSchema = withRules(
  z.strictObject({
    ...beneficiaryShape,
    socialInsuranceNumber: socialInsuranceNumberField,
    lastEmployerTaxCode: taxCodeField.optional(),
    contributionMonths: z.int().min(12).max(600).meta({
      description:
        'Months of unemployment-insurance contributions (at least 12 within the qualifying period).',
    }),
    averageMonthlySalary: vndField(1_000_000_000).meta({
      description: 'Average monthly salary of the last 6 contribution months, VND.',
    }),
    monthlyBenefit: vndField(100_000_000).meta({
      description: 'Monthly benefit, VND: 60% of the average salary, capped (5× the regional minimum wage).',
    }),
    benefitMonths: z.int().min(1).max(12).meta({ description: 'Months of benefit granted.' }),
    terminationDate: isoDate().meta({ description: 'Date the labour contract ended.' }),
    applicationDate: isoDate().meta({ description: 'Date the application was filed.' }),
    ...decisionShape,
    paymentChannel: paymentChannelField.optional(),
  }),
  (v, ctx) => {
    checkBeneficiary(v, ctx);
    checkDecision(v, ctx);
    checkOrder(ctx, 'dateOfBirth', v.dateOfBirth, 'terminationDate', v.terminationDate);
    checkOrder(ctx, 'terminationDate', v.terminationDate, 'applicationDate', v.applicationDate);
    checkOrder(ctx, 'applicationDate', v.applicationDate, 'decisionDate', v.decisionDate);
    const cap = Math.round(v.averageMonthlySalary * UNEMPLOYMENT_BENEFIT_RATE);
    if (v.monthlyBenefit > cap) addRule(ctx, ['monthlyBenefit'], 'AMOUNT_ABOVE_CAP', { maximum: cap });
    const max = maxBenefitMonths(v.contributionMonths);
    if (v.benefitMonths > max) addRule(ctx, ['benefitMonths'], 'BENEFIT_DURATION_EXCEEDED', { max });
  },
).meta({
  title: 'Unemployment insurance record',
  description:
    'An unemployment benefit (Law on Employment; 74/2025/QH15 from 2026-01-01): contributions, salary, amount, duration and the decision.',
  'x-ansinh-rules': [
    'PERSONAL_ID_DOB_MISMATCH',
    'PERSONAL_ID_SEX_MISMATCH',
    'AMOUNT_ABOVE_CAP',
    'BENEFIT_DURATION_EXCEEDED',
    'DATES_OUT_OF_ORDER',
  ],
});

export type UnemploymentInsuranceRecord = z.output<typeof unemploymentInsuranceSchema>;
