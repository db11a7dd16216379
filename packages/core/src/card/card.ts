import * as z from 'zod/mini';
import { nfc } from '../i18n.js';
import { PROGRAM_CODES, type ProgramCode, type Sex } from './codes.js';

/** Version of the card claims layout; the `AS1:` QR prefix carries layout 1. */
export const CARD_SCHEMA_VERSION = 1;

/** The kinds of e-card an issuer may sign; a trust-list key's `usage` lists some of these. */
export const CARD_TYPES = ['social-security', 'health-insurance'] as const;
export type CardType = (typeof CARD_TYPES)[number];

/** The claims of an e-social-security card, in readable form (see `encodeCardClaims` for the wire form). */
export interface Card {
  schemaVersion: 1;
  type: CardType;
  /** 12 digits. */
  personalId: string;
  /** NFC, 1 to 80 characters, no leading or trailing space. */
  name: string;
  /** `YYYY-MM-DD`. */
  dateOfBirth: string;
  sex: Sex;
  /** 10 digits. */
  socialInsuranceNumber?: string;
  healthInsurance?: {
    /** 15 characters: group (2 letters), benefit level (1–5), province (2 digits), SI number (10 digits). */
    cardNumber: string;
    validFrom: string;
    validTo: string;
    /** 5-character initial-registration facility: 2-digit province + 3-digit facility number. */
    facility?: string;
  };
  programs?: ProgramCode[];
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// Dates outside these years are typing mistakes on a social-security card, and the limit keeps
// the wire form's day numbers within a small integer range.
export const MIN_CARD_YEAR = 1900;
export const MAX_CARD_YEAR = 2199;

/** Days since 1970-01-01 of a valid `YYYY-MM-DD` date in the card's year range, else undefined. */
export function isoDateToDays(text: string): number | undefined {
  const m = ISO_DATE.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < MIN_CARD_YEAR || y > MAX_CARD_YEAR || mo < 1 || mo > 12 || d < 1) return undefined;
  const ms = Date.UTC(y, mo - 1, d);
  if (new Date(ms).getUTCDate() !== d) return undefined; // 2023-02-30 rolls over into March
  return ms / 86_400_000;
}

/** The `YYYY-MM-DD` date `days` after 1970-01-01. */
export function daysToIsoDate(days: number): string {
  return new Date(days * 86_400_000).toISOString().slice(0, 10);
}

const isoDate = (what: string) =>
  z
    .string()
    .check(z.refine((s) => isoDateToDays(s) !== undefined, `${what}: expected a real date YYYY-MM-DD`));

function isCardName(s: string): boolean {
  const length = [...s].length;
  return (
    length >= 1 && length <= 80 && s === s.trim() && s === nfc(s) && !/[\u0000-\u001f\u007f-\u009f]/.test(s)
  );
}

/** Whether the 10 digits after a health-insurance card number's first 5 characters equal the SI number. */
function siNumbersAgree(card: {
  socialInsuranceNumber?: string | undefined;
  healthInsurance?: { cardNumber: string } | undefined;
}): boolean {
  if (card.socialInsuranceNumber === undefined || card.healthInsurance === undefined) return true;
  return card.healthInsurance.cardNumber.slice(5) === card.socialInsuranceNumber;
}

/**
 * zod 4 schema of {@link Card} (built with `zod/mini`, so a browser verifier bundles only what it
 * uses; it composes with classic zod schemas too).
 *
 * @example
 * const r = cardSchema.safeParse(json);
 * if (r.success) issueCard(r.data, options);
 */
export const cardSchema = z
  .object({
    schemaVersion: z.literal(CARD_SCHEMA_VERSION),
    type: z.enum(CARD_TYPES),
    personalId: z.string().check(z.regex(/^\d{12}$/, 'personalId: expected 12 digits')),
    name: z
      .string()
      .check(z.refine(isCardName, 'name: expected 1–80 characters, NFC, trimmed, no control characters')),
    dateOfBirth: isoDate('dateOfBirth'),
    sex: z.enum(['male', 'female']),
    socialInsuranceNumber: z.optional(
      z.string().check(z.regex(/^\d{10}$/, 'socialInsuranceNumber: expected 10 digits')),
    ),
    healthInsurance: z.optional(
      z
        .object({
          cardNumber: z
            .string()
            .check(
              z.regex(
                /^[A-Z]{2}[1-5]\d{12}$/,
                'cardNumber: expected 2 letters, a benefit level 1–5, 2 province digits, 10 digits',
              ),
            ),
          validFrom: isoDate('validFrom'),
          validTo: isoDate('validTo'),
          facility: z.optional(z.string().check(z.regex(/^\d{5}$/, 'facility: expected 5 digits'))),
        })
        .check(
          z.refine((hi) => (isoDateToDays(hi.validFrom) ?? 0) <= (isoDateToDays(hi.validTo) ?? 0), {
            message: 'healthInsurance: validFrom is after validTo',
            path: ['validTo'],
          }),
        ),
    ),
    programs: z.optional(
      z
        .array(z.enum(PROGRAM_CODES))
        .check(z.refine((p) => new Set(p).size === p.length, 'programs: a program is listed twice')),
    ),
  })
  .check(
    z.refine((c) => c.type !== 'health-insurance' || c.healthInsurance !== undefined, {
      message: 'a health-insurance card needs the healthInsurance block',
      path: ['healthInsurance'],
    }),
    z.refine(siNumbersAgree, {
      message: 'socialInsuranceNumber differs from the one inside healthInsurance.cardNumber',
      path: ['socialInsuranceNumber'],
    }),
  );
