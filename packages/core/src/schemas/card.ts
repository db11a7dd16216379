import * as z from 'zod';
import * as zm from 'zod/mini';
import { type Card, cardSchema } from '../card/index.js';
import { addRule, isHiNumberShape } from './fields.js';
import { checkIdentity } from './person.js';

/**
 * The `card` record kind: the e-card claims of `@ansinh/core/card` (its `cardSchema`, reused as
 * is), plus the record-level rules every person record obeys here: the personal ID agrees with
 * the date of birth and sex, and the health-insurance card number has a known group.
 *
 * `cardSchema` drops unknown keys rather than rejecting them; the record validator checks the
 * keys of a card itself (see `CARD_KEYS`) so that nothing is silently dropped.
 */
export const cardRecordSchema = cardSchema
  .check(
    zm.superRefine((card, ctx) => {
      checkIdentity(card, ctx as unknown as z.RefinementCtx);
      const hi = card.healthInsurance;
      if (hi !== undefined && !isHiNumberShape(hi.cardNumber)) {
        addRule(ctx as unknown as z.RefinementCtx, ['healthInsurance', 'cardNumber'], 'hi-number');
      }
    }),
  )
  .register(z.globalRegistry, {
    title: 'Card',
    description:
      'The claims of an e-social-security card (readable form; the QR carries the compact wire form). The personal ID must agree with the date of birth and sex.',
    'x-ansinh-rules': ['PERSONAL_ID_DOB_MISMATCH', 'PERSONAL_ID_SEX_MISMATCH'],
  });

/** Keys a card may have, top level and in `healthInsurance`. */
export const CARD_KEYS = {
  top: Object.keys(cardSchema.def.shape),
  healthInsurance: ['cardNumber', 'validFrom', 'validTo', 'facility'],
} as const;

export type CardRecord = Card;
