import * as z from 'zod';
import { addRule, relationToHeadField, sensitive, vndField, withRules } from '../fields.js';
import { householdIdField } from '../household.js';
import { beneficiaryShape, checkBeneficiary } from './common.js';

/**
 * The 12 deprivation indicators of the multidimensional poverty standard 2022–2025 (Decree
 * 07/2021/NĐ-CP; medium confidence, vn-reference §8.2): two per dimension (employment, health,
 * education, housing, water and sanitation, information).
 */
export const DEPRIVATION_INDICATORS = [
  { code: 'employment', vi: 'Việc làm', en: 'Employment' },
  { code: 'dependants', vi: 'Người phụ thuộc trong hộ gia đình', en: 'Dependants in the household' },
  { code: 'nutrition', vi: 'Dinh dưỡng', en: 'Nutrition' },
  { code: 'health-insurance', vi: 'Bảo hiểm y tế', en: 'Health insurance' },
  { code: 'adult-education', vi: 'Trình độ giáo dục của người lớn', en: 'Adult education' },
  {
    code: 'child-school-attendance',
    vi: 'Tình trạng đi học của trẻ em',
    en: 'School attendance of children',
  },
  { code: 'housing-quality', vi: 'Chất lượng nhà ở', en: 'Housing quality' },
  { code: 'housing-area', vi: 'Diện tích nhà ở bình quân đầu người', en: 'Housing area per person' },
  { code: 'drinking-water', vi: 'Nguồn nước sinh hoạt', en: 'Domestic water source' },
  { code: 'sanitation', vi: 'Nhà tiêu hợp vệ sinh', en: 'Hygienic latrine' },
  { code: 'telecom-services', vi: 'Sử dụng dịch vụ viễn thông', en: 'Use of telecommunication services' },
  {
    code: 'information-access',
    vi: 'Phương tiện phục vụ tiếp cận thông tin',
    en: 'Means of access to information',
  },
] as const;
export type DeprivationIndicator = (typeof DEPRIVATION_INDICATORS)[number]['code'];

/**
 * Income thresholds (VND per person per month) of the 2022–2025 standard: a household at or
 * below the threshold is poor with 3 or more deprivations, near-poor with fewer. The successor
 * standard for 2026–2030 is not confirmed, so the rule is applied to classification years
 * 2022–2025 only.
 */
export const POVERTY_INCOME_THRESHOLDS_2022_2025 = { rural: 1_500_000, urban: 2_000_000 } as const;

const indicatorCodes = DEPRIVATION_INDICATORS.map((d) => d.code) as [
  DeprivationIndicator,
  ...DeprivationIndicator[],
];

/** A member of a poor or near-poor household on the annual list (Decree 07/2021/NĐ-CP). */
export const povertyReductionSchema = withRules(
  z.strictObject({
    ...beneficiaryShape,
    householdId: householdIdField,
    relationToHead: relationToHeadField,
    classificationYear: z.int().min(2016).max(2035).meta({
      description: 'Year of the poor/near-poor household list the household is on (reviewed every year).',
    }),
    classification: sensitive(z.enum(['poor', 'near-poor']), 'Poor or near-poor household.'),
    area: z.enum(['rural', 'urban']).meta({ description: 'Rural or urban threshold applies.' }),
    monthlyIncomePerCapita: sensitive(vndField(1_000_000_000), 'Household income per person per month, VND.'),
    deprivations: sensitive(
      z.array(z.enum(indicatorCodes)).max(12),
      'Deprivation indicators the household lacks (12 indicators of Decree 07/2021/NĐ-CP).',
    ),
  }),
  (v, ctx) => {
    checkBeneficiary(v, ctx);
    const seen = new Set<string>();
    for (let i = 0; i < v.deprivations.length; i++) {
      const d = v.deprivations[i]!;
      if (seen.has(d)) addRule(ctx, ['deprivations', i], 'DUPLICATE_VALUE');
      seen.add(d);
    }
    if (v.classificationYear >= 2022 && v.classificationYear <= 2025) {
      const threshold = POVERTY_INCOME_THRESHOLDS_2022_2025[v.area];
      const expected = v.monthlyIncomePerCapita > threshold ? 'none' : seen.size >= 3 ? 'poor' : 'near-poor';
      if (expected !== v.classification) {
        addRule(ctx, ['classification'], 'POVERTY_CLASSIFICATION_MISMATCH', {
          threshold,
          deprivations: seen.size,
        });
      }
    }
  },
).meta({
  title: 'Poverty reduction record',
  description:
    'A member of a household on the poor or near-poor list of a year, with the household code, income and deprivation indicators (Decree 07/2021/NĐ-CP for 2022–2025).',
  'x-ansinh-rules': [
    'PERSONAL_ID_DOB_MISMATCH',
    'PERSONAL_ID_SEX_MISMATCH',
    'POVERTY_CLASSIFICATION_MISMATCH',
    'DUPLICATE_VALUE',
  ],
});

export type PovertyReductionRecord = z.output<typeof povertyReductionSchema>;
