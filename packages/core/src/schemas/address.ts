import * as z from 'zod';
import {
  communeCodeField,
  districtCodeField,
  isoDate,
  province2004Field,
  province2025Field,
  schemaVersionField,
  textField,
} from './fields.js';

/** The day the two-tier administrative units (province + commune) took effect. */
export const TWO_TIER_UNITS_FROM = '2025-07-01';

const street = textField(200).meta({
  description: 'House number, street, hamlet or residential group (số nhà, đường, thôn, tổ dân phố), NFC.',
});

const address2025Shape = {
  scheme: z.literal('2025'),
  provinceCode: province2025Field,
  communeCode: communeCodeField,
  street: street.optional(),
  effectiveDate: isoDate()
    .refine((d) => d >= TWO_TIER_UNITS_FROM, { params: { rule: 'ADDRESS_SCHEME_DATE', scheme: '2025' } })
    .meta({
      description: 'Date from which the address is recorded with these codes; on or after 2025-07-01.',
    }),
};

const address2004Shape = {
  scheme: z.literal('2004'),
  provinceCode: province2004Field,
  districtCode: districtCodeField,
  communeCode: communeCodeField,
  street: street.optional(),
  effectiveDate: isoDate()
    .refine((d) => d < TWO_TIER_UNITS_FROM, { params: { rule: 'ADDRESS_SCHEME_DATE', scheme: '2004' } })
    .meta({ description: 'Date from which the address is recorded with these codes; before 2025-07-01.' }),
};

const description =
  'An address in administrative units. Scheme 2025 (Decision 19/2025/QĐ-TTg, from 1/7/2025): province + commune, no district. Scheme 2004 (Decision 124/2004/QĐ-TTg, until 30/6/2025): province + district + commune. Commune codes are checked for shape only: no authoritative commune list or old-to-new commune table is published yet.';

/** An address nested in another record (no `schemaVersion` of its own). */
export const addressSchema = z
  .discriminatedUnion('scheme', [z.strictObject(address2025Shape), z.strictObject(address2004Shape)])
  .meta({ description });

/** The `address` record kind: an address exchanged on its own. */
export const addressRecordSchema = z
  .discriminatedUnion('scheme', [
    z.strictObject({ schemaVersion: schemaVersionField, ...address2025Shape }),
    z.strictObject({ schemaVersion: schemaVersionField, ...address2004Shape }),
  ])
  .meta({ title: 'Address', description });

export type Address = z.output<typeof addressSchema>;
export type AddressRecord = z.output<typeof addressRecordSchema>;
