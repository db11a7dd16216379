import * as z from 'zod';
import { PROGRAMS, type ProgramCode } from '../codes/programs.js';
import {
  addRule,
  dateTimeField,
  monthField,
  paymentAccountField,
  personalIdField,
  personNameField,
  provinceCodeField,
  referenceField,
  schemaVersionField,
  withRules,
} from './fields.js';
import { PAYMENT_CHANNELS } from './programs/common.js';

export const PAYMENT_STATUSES = ['pending', 'sent', 'paid', 'failed', 'cancelled'] as const;

/** A benefit payment order a payment provider pulls, pays out and confirms exactly once. */
export const paymentOrderSchema = withRules(
  z.strictObject({
    schemaVersion: schemaVersionField,
    orderId: referenceField(64).meta({
      description: 'Unique payment order identifier; the idempotency key of its confirmation.',
    }),
    personalId: personalIdField,
    fullName: personNameField,
    programCode: z.enum(PROGRAMS.map((p) => p.code) as [ProgramCode, ...ProgramCode[]]).meta({
      description: 'Programme paying the benefit.',
    }),
    provinceCode: provinceCodeField.meta({ description: 'Province paying the benefit.' }),
    amount: z
      .int()
      .min(1)
      .max(1_000_000_000)
      .meta({ description: 'Amount in VND, a whole number (VND has no minor unit).' }),
    currency: z.literal('VND'),
    period: monthField.meta({ description: 'Benefit month paid, YYYY-MM.' }),
    channel: z.enum(PAYMENT_CHANNELS),
    account: paymentAccountField.optional(),
    status: z.enum(PAYMENT_STATUSES),
    createdAt: dateTimeField(),
    paidAt: dateTimeField().optional(),
  }),
  (v, ctx) => {
    if ((v.channel === 'bank' || v.channel === 'e-wallet') && v.account === undefined) {
      addRule(ctx, ['account'], 'REQUIRED_WITH', { other: 'channel' });
    }
    if (v.status === 'paid' && v.paidAt === undefined)
      addRule(ctx, ['paidAt'], 'REQUIRED_WITH', { other: 'status' });
    // Offsets may differ, so compare instants, not strings.
    if (v.paidAt !== undefined && Date.parse(v.paidAt) < Date.parse(v.createdAt)) {
      addRule(ctx, ['paidAt'], 'DATES_OUT_OF_ORDER', { earlier: 'createdAt' });
    }
  },
).meta({
  title: 'Payment order',
  description: 'A benefit payment order: beneficiary, programme, amount in VND, period, channel and status.',
  'x-ansinh-rules': ['REQUIRED_WITH', 'DATES_OUT_OF_ORDER'],
});

export type PaymentOrder = z.output<typeof paymentOrderSchema>;
