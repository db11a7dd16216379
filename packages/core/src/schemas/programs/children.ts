import * as z from 'zod';
import { addRule, isoDate, personalIdField, sensitive, withRules } from '../fields.js';
import { beneficiaryShape, checkAge, checkBeneficiary, checkOrder } from './common.js';

/** Children in special circumstances (Law on Children 102/2016/QH13 Art. 10), the groups most used in support. */
export const CHILD_PROTECTION_CATEGORIES = [
  { code: 'orphan', vi: 'Trẻ em mồ côi cả cha và mẹ', en: 'Orphan (both parents)' },
  { code: 'abandoned', vi: 'Trẻ em bị bỏ rơi', en: 'Abandoned child' },
  { code: 'no-caregiver', vi: 'Trẻ em không nơi nương tựa', en: 'Child without a caregiver' },
  { code: 'disabled', vi: 'Trẻ em khuyết tật', en: 'Child with disability' },
  { code: 'hiv-affected', vi: 'Trẻ em nhiễm HIV/AIDS', en: 'Child living with HIV/AIDS' },
  { code: 'violence-victim', vi: 'Trẻ em bị bạo lực', en: 'Child victim of violence' },
  { code: 'sexual-abuse-victim', vi: 'Trẻ em bị xâm hại tình dục', en: 'Child victim of sexual abuse' },
  { code: 'trafficking-victim', vi: 'Trẻ em bị mua bán', en: 'Child victim of trafficking' },
  { code: 'child-labour', vi: 'Trẻ em bị bóc lột sức lao động', en: 'Child in exploitative labour' },
  {
    code: 'school-dropout',
    vi: 'Trẻ em bỏ học kiếm sống chưa hoàn thành phổ cập giáo dục',
    en: 'Child who left school to earn a living',
  },
  { code: 'serious-illness', vi: 'Trẻ em mắc bệnh hiểm nghèo', en: 'Child with a life-threatening illness' },
  {
    code: 'migrant',
    vi: 'Trẻ em di cư, trẻ em lánh nạn, tị nạn chưa xác định được cha mẹ',
    en: 'Migrant or refugee child with parents unidentified',
  },
] as const;
export type ChildProtectionCategory = (typeof CHILD_PROTECTION_CATEGORIES)[number]['code'];

export const CHILD_SUPPORT_TYPES = [
  'allowance',
  'education',
  'health-care',
  'care-placement',
  'counselling',
  'legal-aid',
] as const;

/** The Law on Children protects people under 16. */
export const CHILD_MAX_AGE = 15;

/** A child in special circumstances receiving protection and support (2030 extension of Decision 708). */
export const childrenSchema = withRules(
  z.strictObject({
    ...beneficiaryShape,
    protectionCategory: sensitive(
      z.enum(
        CHILD_PROTECTION_CATEGORIES.map((c) => c.code) as [
          ChildProtectionCategory,
          ...ChildProtectionCategory[],
        ],
      ),
      'Category of special circumstances (Law on Children Art. 10); reveals health, violence or abuse.',
    ),
    guardianPersonalId: personalIdField.optional(),
    schoolEnrolled: z.boolean().meta({ description: 'Whether the child attends school.' }),
    supportTypes: z.array(z.enum(CHILD_SUPPORT_TYPES)).min(1).max(CHILD_SUPPORT_TYPES.length),
    caseOpenedDate: isoDate().meta({ description: 'Date the protection case was opened.' }),
    caseClosedDate: isoDate().optional().meta({ description: 'Date the case was closed.' }),
    status: z.enum(['open', 'closed']),
  }),
  (v, ctx) => {
    checkBeneficiary(v, ctx);
    checkOrder(ctx, 'dateOfBirth', v.dateOfBirth, 'caseOpenedDate', v.caseOpenedDate);
    checkOrder(ctx, 'caseOpenedDate', v.caseOpenedDate, 'caseClosedDate', v.caseClosedDate);
    checkAge(ctx, v.dateOfBirth, v.caseOpenedDate, 'caseOpenedDate', undefined, CHILD_MAX_AGE);
    if (v.status === 'closed' && v.caseClosedDate === undefined) {
      addRule(ctx, ['caseClosedDate'], 'REQUIRED_WITH', { other: 'status' });
    }
    if (v.guardianPersonalId === v.personalId)
      addRule(ctx, ['guardianPersonalId'], 'INCONSISTENT_WITH', { other: 'personalId' });
    for (let i = 1; i < v.supportTypes.length; i++) {
      if (v.supportTypes.indexOf(v.supportTypes[i]!) < i)
        addRule(ctx, ['supportTypes', i], 'DUPLICATE_VALUE');
    }
  },
).meta({
  title: 'Children record',
  description:
    'A child in special circumstances and the support given (Law on Children 102/2016/QH13; Decision 708 orientation to 2030).',
  'x-ansinh-rules': [
    'PERSONAL_ID_DOB_MISMATCH',
    'PERSONAL_ID_SEX_MISMATCH',
    'AGE_NOT_ELIGIBLE',
    'REQUIRED_WITH',
    'INCONSISTENT_WITH',
    'DUPLICATE_VALUE',
    'DATES_OUT_OF_ORDER',
  ],
});

export type ChildrenRecord = z.output<typeof childrenSchema>;
