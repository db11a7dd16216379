import * as z from 'zod';
import { addRule, isoDate, referenceField, sensitive, vndField, withRules } from '../fields.js';
import {
  beneficiaryShape,
  checkBeneficiary,
  checkDecision,
  checkOrder,
  decisionShape,
  paymentChannelField,
} from './common.js';

/**
 * Categories of people with meritorious services to the revolution (Ordinance 02/2020/UBTVQH14
 * Art. 3), plus martyrs' relatives. `incapacity` is the range of the body-injury / working-capacity
 * loss rate that qualifies (war invalids from 21%, sick soldiers from 61%: medium confidence, from
 * the ordinance's text as commonly cited; benefit tables are in Decree 75/2021/NĐ-CP as amended).
 */
export const MERITORIOUS_CATEGORIES = [
  {
    code: 'pre-1945-revolutionary',
    vi: 'Người hoạt động cách mạng trước ngày 01/01/1945',
    en: 'Revolutionary active before 1 January 1945',
  },
  {
    code: 'pre-uprising-revolutionary',
    vi: 'Người hoạt động cách mạng từ ngày 01/01/1945 đến ngày khởi nghĩa tháng Tám năm 1945',
    en: 'Revolutionary active from 1 January 1945 to the August 1945 uprising',
  },
  { code: 'martyr-relative', vi: 'Thân nhân liệt sĩ', en: "Martyr's relative" },
  { code: 'heroic-mother', vi: 'Bà mẹ Việt Nam anh hùng', en: 'Vietnamese Heroic Mother' },
  {
    code: 'armed-forces-hero',
    vi: 'Anh hùng lực lượng vũ trang nhân dân',
    en: "Hero of the People's Armed Forces",
  },
  {
    code: 'wartime-labour-hero',
    vi: 'Anh hùng lao động trong thời kỳ kháng chiến',
    en: 'Labour Hero of the resistance period',
  },
  {
    code: 'war-invalid',
    incapacity: [21, 100],
    vi: 'Thương binh, người hưởng chính sách như thương binh',
    en: 'War invalid or person treated as one',
  },
  { code: 'sick-soldier', incapacity: [61, 100], vi: 'Bệnh binh', en: 'Sick soldier' },
  {
    code: 'toxic-chemical-victim',
    incapacity: [21, 100],
    vi: 'Người hoạt động kháng chiến bị nhiễm chất độc hóa học',
    en: 'Resistance participant exposed to toxic chemicals',
  },
  {
    code: 'resistance-prisoner',
    vi: 'Người hoạt động cách mạng, kháng chiến bị địch bắt tù, đày',
    en: 'Revolutionary or resistance activist imprisoned by the enemy',
  },
  {
    code: 'resistance-participant',
    vi: 'Người hoạt động kháng chiến giải phóng dân tộc, bảo vệ Tổ quốc, làm nghĩa vụ quốc tế',
    en: 'Participant in the resistance, national defence or international duty',
  },
  {
    code: 'revolution-helper',
    vi: 'Người có công giúp đỡ cách mạng',
    en: 'Person who helped the revolution',
  },
] as const satisfies readonly {
  code: string;
  incapacity?: readonly [number, number];
  vi: string;
  en: string;
}[];

export type MeritoriousCategory = (typeof MERITORIOUS_CATEGORIES)[number]['code'];

const INCAPACITY: ReadonlyMap<string, readonly [number, number]> = new Map(
  MERITORIOUS_CATEGORIES.flatMap((c) => ('incapacity' in c ? [[c.code, c.incapacity] as const] : [])),
);

/**
 * Reference level (mức chuẩn) of benefits for people with meritorious services, VND/month:
 * 2,789,000 from 1/7/2024 (medium confidence), reported 3,012,000 from 1/7/2026 (medium-low).
 */
export const MERITORIOUS_REFERENCE_LEVEL = 2_789_000;

/** A monthly benefit for a person with meritorious services (Ordinance 02/2020/UBTVQH14). */
export const meritoriousServicesSchema = withRules(
  z.strictObject({
    ...beneficiaryShape,
    category: z
      .enum(MERITORIOUS_CATEGORIES.map((c) => c.code) as [MeritoriousCategory, ...MeritoriousCategory[]])
      .meta({
        description: 'Category under Ordinance 02/2020/UBTVQH14 Art. 3.',
      }),
    certificateNumber: referenceField(40)
      .meta({ description: 'Number of the recognition certificate.' })
      .optional(),
    recognitionDate: isoDate().meta({
      description: 'Date of recognition as a person with meritorious services.',
    }),
    incapacityPercent: sensitive(
      z.int().min(1).max(100),
      'Body-injury or working-capacity loss rate, percent (health data); required for war invalids, sick soldiers and toxic-chemical victims.',
    ).optional(),
    referenceLevel: vndField(20_000_000, 1_000_000).meta({
      description: 'Reference level (mức chuẩn) applied, VND/month (2,789,000 from 2024-07-01).',
    }),
    monthlyAmount: vndField(200_000_000).meta({ description: 'Monthly allowance, VND.' }),
    ...decisionShape,
    paymentChannel: paymentChannelField.optional(),
  }),
  (v, ctx) => {
    checkBeneficiary(v, ctx);
    checkDecision(v, ctx);
    checkOrder(ctx, 'dateOfBirth', v.dateOfBirth, 'recognitionDate', v.recognitionDate);
    const range = INCAPACITY.get(v.category);
    if (range !== undefined) {
      if (v.incapacityPercent === undefined)
        addRule(ctx, ['incapacityPercent'], 'REQUIRED_WITH', { other: 'category' });
      else if (v.incapacityPercent < range[0] || v.incapacityPercent > range[1]) {
        addRule(ctx, ['incapacityPercent'], 'OUT_OF_RANGE', { min: range[0], max: range[1] });
      }
    }
  },
).meta({
  title: 'Meritorious services record',
  description:
    'A monthly benefit for a person with meritorious services to the revolution or a relative (Ordinance 02/2020/UBTVQH14; Decree 75/2021/NĐ-CP as amended).',
  'x-ansinh-rules': [
    'PERSONAL_ID_DOB_MISMATCH',
    'PERSONAL_ID_SEX_MISMATCH',
    'REQUIRED_WITH',
    'OUT_OF_RANGE',
    'DATES_OUT_OF_ORDER',
  ],
});

export type MeritoriousServicesRecord = z.output<typeof meritoriousServicesSchema>;
