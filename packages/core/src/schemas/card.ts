import * as z from 'zod';
import * as zm from 'zod/mini';
import { type Card, cardSchema } from '../card/index.js';
import { addRule, isHiNumberShape, type Rules, registerRules } from './fields.js';
import { checkIdentity } from './person.js';

// The record-level rules every person record obeys here, on top of the card's own: the personal
// ID agrees with the date of birth and sex, the health-insurance card number has a known group.
const cardRules: Rules<Card> = (card, ctx) => {
  checkIdentity(card, ctx);
  const hi = card.healthInsurance;
  if (hi !== undefined && !isHiNumberShape(hi.cardNumber))
    addRule(ctx, ['healthInsurance', 'cardNumber'], 'hi-number');
};
const cardRulesCheck = zm.superRefine(cardRules as Parameters<typeof zm.superRefine<Card>>[0]);
registerRules(cardRulesCheck, cardRules);

/**
 * The `card` record kind: the e-card claims of `@ansinh/core/card` (its `cardSchema`, reused as
 * is) plus the record rules above.
 *
 * `cardSchema` drops unknown keys rather than rejecting them; the record validator checks the
 * keys of a card itself (see `CARD_KEYS`) so that nothing is silently dropped.
 */
export const cardRecordSchema = cardSchema.check(cardRulesCheck).register(z.globalRegistry, {
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
