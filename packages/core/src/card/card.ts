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

const DASH = 0x2d;
const ZERO = 0x30;

/** The decimal value of the `n` ASCII digits at `at`, or -1 if one is not a digit. */
function digitsAt(text: string, at: number, n: number): number {
  let value = 0;
  for (let i = at; i < at + n; i++) {
    const digit = text.charCodeAt(i) - ZERO;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}
// Dates outside these years are typing mistakes on a social-security card, and the limit keeps
// the wire form's day numbers within a small integer range.
export const MIN_CARD_YEAR = 1900;
export const MAX_CARD_YEAR = 2199;

// Civil-date arithmetic (H. Hinnant's days_from_civil / civil_from_days): exact for the
// proleptic Gregorian calendar and several times faster than going through Date objects, which
// matters on the verifier's hot path.
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a valid `YYYY-MM-DD` date in the card's year range, else undefined. */
export function isoDateToDays(text: string): number | undefined {
  // Read by hand rather than with a regular expression: this runs for every date of every
  // record and verified card. Same language as /^\d{4}-\d{2}-\d{2}$/ (a test compares them).
  if (text.length !== 10 || text.charCodeAt(4) !== DASH || text.charCodeAt(7) !== DASH) return undefined;
  const y = digitsAt(text, 0, 4);
  const mo = digitsAt(text, 5, 2);
  const d = digitsAt(text, 8, 2);
  if (y < 0 || mo < 0 || d < 0) return undefined;
  if (y < MIN_CARD_YEAR || y > MAX_CARD_YEAR || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) {
    return undefined;
  }
  return daysFromCivil(y, mo, d);
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/** `-MM-DD` for month m and day d at m * 32 + d: a date is then one concatenation. */
const MONTH_DAY = Array.from({ length: 13 * 32 }, (_, i) => `-${pad2(Math.floor(i / 32))}-${pad2(i % 32)}`);

/** The `YYYY-MM-DD` date `days` after 1970-01-01 (years 0–9999). */
export function daysToIsoDate(days: number): string {
  const z0 = days + 719468;
  const era = Math.floor(z0 / 146097);
  const doe = z0 - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}${MONTH_DAY[m * 32 + d]}`;
}

// Field patterns, shared by cardSchema, its hand-written twin isExactCard and the wire reader.
const PERSONAL_ID = /^\d{12}$/;
const SI_NUMBER = /^\d{10}$/;
export const HI_CARD_NUMBER = /^[A-Z]{2}[1-5]\d{12}$/;
export const FACILITY = /^\d{5}$/;

const isoDate = (what: string) =>
  z
    .string()
    .check(z.refine((s) => isoDateToDays(s) !== undefined, `${what}: expected a real date YYYY-MM-DD`));

const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * Whether a UTF-16 code unit is printable ASCII or a precomposed Latin letter (U+00C0–U+024F,
 * U+1E00–U+1EFF: every Vietnamese letter is one). Text made only of these is NFC and has no
 * control character: none of them changes under NFC or composes with its neighbour (a test
 * checks every one and every pair), so names in them skip ICU's normaliser.
 */
const isPlainLatin = (unit: number) =>
  (unit >= 0x20 && unit <= 0x7e) || (unit >= 0xc0 && unit <= 0x24f) || (unit >= 0x1e00 && unit <= 0x1eff);

/** 1–80 code points, NFC, no surrounding white space, no control character. */
export function isCardName(s: string): boolean {
  // Length in code points, counted without building an array (this runs for every verified card).
  let length = 0;
  let plain = true;
  for (let i = 0; i < s.length; i++, length++) {
    const unit = s.charCodeAt(i);
    if (!isPlainLatin(unit)) plain = false;
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++; // a surrogate pair is one code point
    }
  }
  if (length < 1 || length > 80) return false;
  // Of the plain characters only the space is white space.
  if (plain) return s.charCodeAt(0) !== 0x20 && s.charCodeAt(s.length - 1) !== 0x20;
  return s === s.trim() && s === nfc(s) && !CONTROL_CHARACTER.test(s);
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
    personalId: z.string().check(z.regex(PERSONAL_ID, 'personalId: expected 12 digits')),
    name: z
      .string()
      .check(z.refine(isCardName, 'name: expected 1–80 characters, NFC, trimmed, no control characters')),
    dateOfBirth: isoDate('dateOfBirth'),
    sex: z.enum(['male', 'female']),
    socialInsuranceNumber: z.optional(
      z.string().check(z.regex(SI_NUMBER, 'socialInsuranceNumber: expected 10 digits')),
    ),
    healthInsurance: z.optional(
      z
        .object({
          cardNumber: z
            .string()
            .check(
              z.regex(
                HI_CARD_NUMBER,
                'cardNumber: expected 2 letters, a benefit level 1–5, 2 province digits, 10 digits',
              ),
            ),
          validFrom: isoDate('validFrom'),
          validTo: isoDate('validTo'),
          facility: z.optional(z.string().check(z.regex(FACILITY, 'facility: expected 5 digits'))),
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

const CARD_KEYS = new Set(Object.keys(cardSchema.def.shape));
const HI_KEYS = new Set(['cardNumber', 'validFrom', 'validTo', 'facility']);
const PROGRAMS: ReadonlySet<unknown> = new Set(PROGRAM_CODES);

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const onlyKeys = (v: Record<string, unknown>, keys: ReadonlySet<string>) => {
  for (const k in v) if (!keys.has(k)) return false;
  return true;
};
const isDate = (v: unknown): v is string => typeof v === 'string' && isoDateToDays(v) !== undefined;

/**
 * Whether `value` is a {@link Card} exactly as {@link cardSchema} would return it: the schema's
 * rules written out by hand for the verifier's hot path, where walking the zod schema cost
 * about a third of the JavaScript time per card. `true` only when `cardSchema` accepts `value`
 * and would return an equal object (so no unknown keys, which it would strip); on `false`,
 * ask `cardSchema` for the issues. A property test holds the two together.
 */
export function isExactCard(value: unknown): value is Card {
  if (!isObject(value) || !onlyKeys(value, CARD_KEYS)) return false;
  const c = value;
  if (c.schemaVersion !== CARD_SCHEMA_VERSION) return false;
  if (c.type !== 'social-security' && c.type !== 'health-insurance') return false;
  if (typeof c.personalId !== 'string' || !PERSONAL_ID.test(c.personalId)) return false;
  if (typeof c.name !== 'string' || !isCardName(c.name)) return false;
  if (!isDate(c.dateOfBirth)) return false;
  if (c.sex !== 'male' && c.sex !== 'female') return false;
  const si = c.socialInsuranceNumber;
  if (si !== undefined && (typeof si !== 'string' || !SI_NUMBER.test(si))) return false;
  const hi = c.healthInsurance;
  if (hi === undefined) {
    if (c.type === 'health-insurance') return false;
  } else {
    if (!isObject(hi) || !onlyKeys(hi, HI_KEYS)) return false;
    if (typeof hi.cardNumber !== 'string' || !HI_CARD_NUMBER.test(hi.cardNumber)) return false;
    // Both are valid YYYY-MM-DD dates here, so text order is date order.
    if (!isDate(hi.validFrom) || !isDate(hi.validTo) || hi.validFrom > hi.validTo) return false;
    if (hi.facility !== undefined && (typeof hi.facility !== 'string' || !FACILITY.test(hi.facility)))
      return false;
    if (si !== undefined && hi.cardNumber.slice(5) !== si) return false;
  }
  const programs = c.programs;
  if (programs !== undefined) {
    if (!Array.isArray(programs)) return false;
    for (let i = 0; i < programs.length; i++) {
      if (!PROGRAMS.has(programs[i]) || programs.indexOf(programs[i]) !== i) return false;
    }
  }
  return true;
}
