import * as z from 'zod';
import { addRule, isoDate, taxCodeField, vndField, withRules } from '../fields.js';
import { beneficiaryShape, checkAge, checkBeneficiary, checkOrder } from './common.js';

/** Public employment services (Law on Employment 74/2025/QH15). */
export const EMPLOYMENT_SERVICES = [
  'job-placement',
  'career-counselling',
  'labour-market-information',
  'preferential-loan',
  'overseas-employment',
] as const;

export const EMPLOYMENT_STATUSES = ['unemployed', 'employed', 'self-employed', 'underemployed'] as const;

/** A person registered with public employment services (2030 extension of Decision 708). */
export const employmentSchema = withRules(
  z.strictObject({
    ...beneficiaryShape,
    serviceType: z.enum(EMPLOYMENT_SERVICES),
    employmentStatus: z.enum(EMPLOYMENT_STATUSES).meta({ description: 'Status at registration.' }),
    registrationDate: isoDate(),
    placementDate: isoDate().optional(),
    employerTaxCode: taxCodeField.optional(),
    loanAmount: vndField(2_000_000_000).optional().meta({ description: 'Preferential loan granted, VND.' }),
    status: z.enum(['open', 'placed', 'closed']),
  }),
  (v, ctx) => {
    checkBeneficiary(v, ctx);
    checkOrder(ctx, 'registrationDate', v.registrationDate, 'placementDate', v.placementDate);
    checkAge(ctx, v.dateOfBirth, v.registrationDate, 'registrationDate', 15, undefined);
    if (v.status === 'placed' && v.placementDate === undefined) {
      addRule(ctx, ['placementDate'], 'REQUIRED_WITH', { other: 'status' });
    }
    if (v.serviceType === 'preferential-loan' && v.loanAmount === undefined) {
      addRule(ctx, ['loanAmount'], 'REQUIRED_WITH', { other: 'serviceType' });
    }
  },
).meta({
  title: 'Employment record',
  description:
    'A person using public employment services: placement, counselling, loans (Decision 708 orientation to 2030).',
  'x-ansinh-rules': [
    'PERSONAL_ID_DOB_MISMATCH',
    'PERSONAL_ID_SEX_MISMATCH',
    'AGE_NOT_ELIGIBLE',
    'REQUIRED_WITH',
    'DATES_OUT_OF_ORDER',
  ],
});

export type EmploymentRecord = z.output<typeof employmentSchema>;
