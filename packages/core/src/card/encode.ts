import { CoreError } from '../errors.js';
import type { Card } from './card.js';
import { CARD_TYPES, cardSchema, isoDateToDays } from './card.js';
import { PROGRAM_CODES } from './codes.js';
import { CARD_KEY, digitsToBcd, HI_KEY, SEX_WIRE } from './wire.js';

/**
 * The compact wire form of a card: the map carried under CWT claim -65537. Integer keys,
 * dates as days since 1970-01-01, type, sex and programs as small integers, the personal ID and
 * social-insurance number as packed BCD bytes, and the health-insurance card number reduced to
 * its 5-character prefix when the social-insurance number (its last 10 digits) is present.
 * Throws a `CoreError` with code `CARD_INVALID` when the card does not match {@link cardSchema}.
 *
 * @example
 * const claims = encodeCardClaims(card); // Map { 1 => 1, 2 => '001085012345', 3 => 'Nguyễn Văn An', … }
 */
export function encodeCardClaims(card: Card): Map<number, unknown> {
  const parsed = cardSchema.safeParse(card);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first?.path.join('.') || 'card';
    throw new CoreError('CARD_INVALID', {
      vi: `Thẻ không hợp lệ (${where}): ${first?.message ?? ''}`,
      en: `Invalid card (${where}): ${first?.message ?? ''}`,
    });
  }
  const c = parsed.data;
  const map = new Map<number, unknown>();
  map.set(CARD_KEY.type, CARD_TYPES.indexOf(c.type) + 1);
  map.set(CARD_KEY.personalId, digitsToBcd(c.personalId));
  map.set(CARD_KEY.name, c.name);
  map.set(CARD_KEY.dateOfBirth, isoDateToDays(c.dateOfBirth));
  map.set(CARD_KEY.sex, SEX_WIRE[c.sex]);
  if (c.socialInsuranceNumber !== undefined) {
    map.set(CARD_KEY.socialInsuranceNumber, digitsToBcd(c.socialInsuranceNumber));
  }
  if (c.healthInsurance !== undefined) {
    const hi = new Map<number, unknown>();
    // The schema guarantees the last 10 characters equal the SI number when both are present.
    const cardNumber = c.healthInsurance.cardNumber;
    hi.set(HI_KEY.cardNumber, c.socialInsuranceNumber === undefined ? cardNumber : cardNumber.slice(0, 5));
    hi.set(HI_KEY.validFrom, isoDateToDays(c.healthInsurance.validFrom));
    hi.set(HI_KEY.validTo, isoDateToDays(c.healthInsurance.validTo));
    if (c.healthInsurance.facility !== undefined) hi.set(HI_KEY.facility, c.healthInsurance.facility);
    map.set(CARD_KEY.healthInsurance, hi);
  }
  if (c.programs !== undefined)
    map.set(
      CARD_KEY.programs,
      c.programs.map((p) => PROGRAM_CODES.indexOf(p) + 1),
    );
  return map;
}
