import * as z from 'zod';
import { addRule, isoDate, referenceField, sensitive, textField, vndField, withRules } from '../fields.js';
import { beneficiaryShape, checkAge, checkBeneficiary, checkOrder } from './common.js';

/** Training levels of the Law on Vocational Education 74/2014/QH13, plus short courses under 3 months. */
export const TRAINING_LEVELS = ['short-course', 'elementary', 'intermediate', 'college'] as const;

/** Groups whose training costs are supported. */
export const TRAINING_TARGET_GROUPS = [
  'poor',
  'near-poor',
  'ethnic-minority',
  'disabled',
  'rural-worker',
  'demobilised-soldier',
  'unemployment-insurance',
  'other',
] as const;

/** Minimum age for vocational training (working age starts at 15). */
export const MIN_TRAINING_AGE = 15;

/** Supported vocational training (2030 extension of Decision 708). */
export const vocationalTrainingSchema = withRules(
  z.strictObject({
    ...beneficiaryShape,
    trainingLevel: z.enum(TRAINING_LEVELS),
    occupationName: textField(120).meta({ description: 'Occupation trained for, NFC text.' }),
    institutionCode: referenceField(20).meta({ description: 'Code of the training institution.' }),
    targetGroup: sensitive(
      z.enum(TRAINING_TARGET_GROUPS),
      'Support group; membership of the poor, disabled or ethnic-minority groups is sensitive.',
    ),
    supportAmount: vndField(100_000_000).meta({ description: 'Training cost supported, VND.' }),
    startDate: isoDate(),
    endDate: isoDate().optional(),
    status: z.enum(['enrolled', 'completed', 'dropped-out']),
  }),
  (v, ctx) => {
    checkBeneficiary(v, ctx);
    checkOrder(ctx, 'startDate', v.startDate, 'endDate', v.endDate);
    checkAge(ctx, v.dateOfBirth, v.startDate, 'startDate', MIN_TRAINING_AGE, undefined);
    if (v.status !== 'enrolled' && v.endDate === undefined)
      addRule(ctx, ['endDate'], 'REQUIRED_WITH', { other: 'status' });
  },
).meta({
  title: 'Vocational training record',
  description:
    'A supported vocational training course (Law on Vocational Education 74/2014/QH13; Decision 708 orientation to 2030).',
  'x-ansinh-rules': [
    'PERSONAL_ID_DOB_MISMATCH',
    'PERSONAL_ID_SEX_MISMATCH',
    'AGE_NOT_ELIGIBLE',
    'REQUIRED_WITH',
    'DATES_OUT_OF_ORDER',
  ],
});

export type VocationalTrainingRecord = z.output<typeof vocationalTrainingSchema>;
