import * as z from 'zod';
import { ETHNIC_GROUPS } from '../codes/ethnic-groups.js';
import { HI_BENEFICIARY_GROUPS } from '../codes/health-insurance.js';
import { PROVINCES_2004, PROVINCES_2025 } from '../codes/provinces.js';
import { SEXES } from '../codes/sex.js';
import { todayInVietnam } from './dates.js';
import { digitsAt, isCleanText, isDigits, isPersonName, isPlainName, isPlainText, toNfc } from './text.js';

// Building blocks shared by the record schemas. Conventions:
// - Every cross-field or format rule that zod cannot express natively is a `.refine` /
//   `.superRefine` whose issue carries `params.rule`: either one of the validation codes
//   (`VALIDATION_MESSAGES`) or a delegate (`personal-id`, `hi-number`, …) that the issue mapper
//   resolves with the identifier parsers of `../id`, so their codes and messages reach the caller.
// - Predicates are plain loops over char codes: they run for every record of a dataset.
// - Formats checked by a predicate also carry a `pattern` in their metadata, so the exported
//   JSON Schema states them for non-TypeScript consumers.

/** The version every record layout of this standard carries in `schemaVersion`. */
export const SCHEMA_VERSION = 1 as const;

/** The `schemaVersion` field: a literal, so a record of another layout version is rejected, not misread. */
export const schemaVersionField = z.literal(SCHEMA_VERSION).meta({
  description: 'Version of the record layout (this standard, version 1).',
});

/** Issue parameters of ansinh's own refinements. */
export interface RuleParams {
  readonly rule: string;
  readonly [key: string]: unknown;
}

/** A record-level rule set: reports problems through `ctx.addIssue` (see {@link addRule}). */
export type Rules<T> = (value: T, ctx: z.RefinementCtx<T>) => void;

// Rule functions by the zod check that runs them, so the validator's fast path can call a rule
// set directly with a reusable context instead of through zod's per-call wrapper.
const RULES = new WeakMap<object, Rules<never>>();

/**
 * `schema` with the record-level `rules` attached as a refinement. Prefer this to `.superRefine`
 * for record rules: the validator's fast path recognises it. The validator reports rule issues
 * only for records whose fields are all valid (see {@link addRule}): a rule comparing two fields
 * says nothing useful when one of them is already wrong.
 */
export function withRules<S extends z.ZodType>(schema: S, rules: Rules<z.output<S>>): S {
  const out = schema.superRefine(rules);
  const checks = out._zod.def.checks ?? [];
  RULES.set(checks[checks.length - 1] as object, rules as Rules<never>);
  return out;
}

/** Registers `rules` as the function behind `check` (for checks built with zod/mini). */
export function registerRules<T>(check: object, rules: Rules<T>): void {
  RULES.set(check, rules as Rules<never>);
}

/** The rule set behind a zod check created by {@link withRules}, if any. */
export function rulesOf(check: object): Rules<never> | undefined {
  return RULES.get(check);
}

// Single-pass predicates that imply all the checks of a field built here (sound, possibly
// stricter: false sends the value to zod's own checks). Keyed by the zod def, which `.meta()`
// clones share.
const FAST_FIELDS = new WeakMap<object, (value: unknown) => boolean>();

function fastField<S extends z.ZodType>(schema: S, predicate: (value: unknown) => boolean): S {
  FAST_FIELDS.set(schema._zod.def, predicate);
  return schema;
}

/** The single-pass predicate of a field built here, if any. */
export function fastFieldOf(schema: z.core.$ZodType): ((value: unknown) => boolean) | undefined {
  return FAST_FIELDS.get(schema._zod.def);
}

/**
 * Adds a record-rule issue inside a rule set (see {@link withRules}). `record: true` marks it, so
 * that the validator can hold it back while a field of the record is invalid.
 */
export function addRule(
  ctx: z.RefinementCtx,
  path: readonly (string | number)[],
  rule: string,
  params?: Readonly<Record<string, unknown>>,
): void {
  ctx.addIssue({ code: 'custom', path: [...path], params: { rule, record: true, ...params }, message: rule });
}

const SENSITIVE_NOTE =
  'Sensitive personal data under the Law on Personal Data Protection 91/2025/QH15 (formerly Decree 13/2023/NĐ-CP): process only for a stated purpose and tell the data subject it is sensitive.';

/**
 * Marks a field as sensitive personal data: the description says so in words and the
 * `x-ansinh-sensitive` keyword says so to machines (both reach the exported JSON Schema).
 */
export function sensitive<T extends z.ZodType>(schema: T, what: string): T {
  return schema.meta({ description: `${what} ${SENSITIVE_NOTE}`, 'x-ansinh-sensitive': true });
}

// --- identifiers -------------------------------------------------------------------------------

/**
 * 12-digit personal identification number. Only the 12 digits are a hard rule (vn-reference
 * §1.6); an unknown place code is reported as a warning by the validator, and consistency with the
 * date of birth and sex is checked at record level.
 */
export const personalIdField = z
  .string()
  .refine((s) => isDigits(s, 12), { params: { rule: 'personal-id' } })
  .meta({
    description:
      'Personal identification number (số định danh cá nhân), 12 digits: birth-registration place, sex/century digit, birth year, serial. Identifies a person: never log it.',
    pattern: '^[0-9]{12}$',
    examples: ['079185001234'],
  });

/**
 * Social insurance number (mã số BHXH): 10 digits, or a 12-digit personal ID number, which the
 * 2024 Law on Social Insurance is reported to make the SI number (unconfirmed, vn-reference §3.4).
 */
export const socialInsuranceNumberField = z
  .string()
  .refine((s) => isDigits(s, 10) || isDigits(s, 12), { params: { rule: 'si-number' } })
  .meta({
    description:
      'Social insurance number (mã số BHXH): 10 digits, or the 12-digit personal ID number where it serves as one (Law on Social Insurance 41/2024/QH15, unconfirmed).',
    pattern: '^([0-9]{10}|[0-9]{12})$',
  });

/** 9-digit legacy identity card number (CMND). */
export const legacyIdField = z
  .string()
  .refine((s) => isDigits(s, 9), { params: { rule: 'legacy-id' } })
  .meta({ description: 'Legacy identity card number (CMND), 9 digits.', pattern: '^[0-9]{9}$' });

// The usual benefit level of each beneficiary group, by the char codes of its two letters (0 for
// no such group): one typed-array read per check.
const HI_GROUP_LEVEL = new Uint8Array(26 * 26);
for (const g of HI_BENEFICIARY_GROUPS) {
  HI_GROUP_LEVEL[(g.code.charCodeAt(0) - 65) * 26 + (g.code.charCodeAt(1) - 65)] = g.level;
}

/** The usual benefit level of the group written at `at` of `text`, or 0 when it is no known group. No allocation. */
export function hiGroupLevelAt(text: string, at: number): number {
  const a = text.charCodeAt(at) - 65;
  const b = text.charCodeAt(at + 1) - 65;
  return a >= 0 && a < 26 && b >= 0 && b < 26 ? (HI_GROUP_LEVEL[a * 26 + b] as number) : 0;
}

/** Whether the 2 characters at `at` of `text` are a known beneficiary group code. No allocation. */
export function isHiGroupAt(text: string, at: number): boolean {
  return hiGroupLevelAt(text, at) !== 0;
}

/**
 * The hard rules of the 15-character health-insurance card number, as `parseHealthInsuranceNumber`
 * applies them: known group, level digit 1–5, 2 province digits, 10 digits of SI number. (An
 * unusual level for the group or an unknown province are warnings.)
 */
export function isHiNumberShape(text: string): boolean {
  if (text.length !== 15 || !isHiGroupAt(text, 0)) return false;
  const level = text.charCodeAt(2);
  return level >= 49 && level <= 53 && digitsAt(text, 3, 15);
}

/** 15-character health-insurance card number. */
export const hiCardNumberField = z
  .string()
  .refine(isHiNumberShape, { params: { rule: 'hi-number' } })
  .meta({
    description:
      'Health-insurance card number (mã thẻ BHYT), 15 characters: beneficiary group (2 letters), benefit level (1–5), province (2 digits), social insurance number (10 digits). Decision 1351/QĐ-BHXH.',
    pattern: '^[A-Z]{2}[1-5][0-9]{12}$',
    examples: ['DN4797912345678'],
  });

// --- codes -------------------------------------------------------------------------------------

const province2004Codes = PROVINCES_2004.map((p) => p.code);
const province2025Codes = PROVINCES_2025.map((p) => p.code);

/**
 * A 2-digit province code of either scheme. Every 2025 code reuses a 2004 code, so the union is
 * the 63 codes of 2004; the scheme is told by the record's date or address `scheme`.
 */
export const provinceCodeField = z.enum(province2004Codes as [string, ...string[]]).meta({
  description:
    'Province code, 2 digits: one of the 63 codes of Decision 124/2004/QĐ-TTg or the 34 of Decision 19/2025/QĐ-TTg (the 2025 codes reuse 2004 codes).',
});
export const province2004Field = z.enum(province2004Codes as [string, ...string[]]).meta({
  description: 'Province code of the 2004 scheme (63 units, Decision 124/2004/QĐ-TTg).',
});
export const province2025Field = z.enum(province2025Codes as [string, ...string[]]).meta({
  description: 'Province code of the 2025 scheme (34 units, Decision 19/2025/QĐ-TTg).',
});

export const sexField = z.enum(SEXES.map((s) => s.code) as ['male', 'female']).meta({
  description: 'Sex: male or female.',
});

export const ethnicCodeField = sensitive(
  z.enum(ETHNIC_GROUPS.map((e) => e.code) as [string, ...string[]]),
  'Ethnic group code, 01–54 (Decision 121-TCTK/PPCĐ, list A: 01 Kinh, 02 Tày, …).',
);

export const hiGroupField = sensitive(
  z.enum(HI_BENEFICIARY_GROUPS.map((g) => g.code) as [string, ...string[]]),
  'Health-insurance beneficiary group (Decision 1351/QĐ-BHXH). It can reveal poverty, disability or social-assistance status.',
);

/** Relation of a household member to the head of household. */
export const RELATIONS_TO_HEAD = [
  'head',
  'spouse',
  'child',
  'parent',
  'grandchild',
  'sibling',
  'other',
] as const;
export type RelationToHead = (typeof RELATIONS_TO_HEAD)[number];
export const relationToHeadField = z.enum(RELATIONS_TO_HEAD).meta({
  description: 'Relation to the head of household (quan hệ với chủ hộ); exactly one member is `head`.',
});

// --- dates and text ----------------------------------------------------------------------------

/** A real calendar date `YYYY-MM-DD` (the format check rejects 2023-02-30). */
export const isoDate = () => z.iso.date();

/** A date of birth: a real date, not before 1900 and not after today (Vietnam time). */
export const dateOfBirthField = z.iso
  .date()
  .refine((d) => d >= '1900-01-01' && d <= todayInVietnam(), {
    params: { rule: 'OUT_OF_RANGE', min: '1900-01-01', max: 'today' },
  })
  .meta({ description: 'Date of birth, YYYY-MM-DD.' });

/** Date and time with an explicit UTC offset, e.g. `2025-08-01T08:30:00+07:00`. */
export const dateTimeField = () => z.iso.datetime({ offset: true });

/** A `YYYY-MM` month. */
export const monthField = z
  .string()
  .refine(
    (s) =>
      s.length === 7 &&
      digitsAt(s, 0, 4) &&
      s.charCodeAt(4) === 45 &&
      digitsAt(s, 5, 7) &&
      ((s.charCodeAt(5) === 48 && s.charCodeAt(6) !== 48) ||
        (s.charCodeAt(5) === 49 && s.charCodeAt(6) <= 50)),
    { params: { rule: 'INVALID_FORMAT', format: 'month' } },
  )
  .meta({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$' });

/** A person's full name: normalised to NFC, 1–80 characters, no digits or control characters. */
export const personNameField = fastField(
  z
    .string()
    .overwrite(toNfc)
    .min(1, { abort: true })
    .max(80)
    .refine(isPersonName, { params: { rule: 'INVALID_FORMAT', format: 'name' } }),
  (v) => typeof v === 'string' && isPlainName(v, 80),
).meta({ description: 'Full name as on the identity card, Unicode NFC, at most 80 characters.' });

/** Free text normalised to NFC, 1–`max` characters, without control characters or edge spaces. */
export function textField(max: number) {
  return fastField(
    z
      .string()
      .overwrite(toNfc)
      .min(1, { abort: true })
      .max(max)
      .refine(isCleanText, { params: { rule: 'INVALID_FORMAT', format: 'text' } }),
    (v) => typeof v === 'string' && isPlainText(v, max),
  );
}

/** An identifier of a record, household, decision…: NFC text of at most `max` characters. */
export const referenceField = (max = 40) => textField(max);

/** An amount in Vietnamese đồng: a whole number (VND has no minor unit), `min`…`max`. */
export function vndField(max: number, min = 0) {
  return z.int().min(min).max(max);
}

/** 5-digit commune code (2004 or 2025 scheme). */
export const communeCodeField = z
  .string()
  .refine((s) => isDigits(s, 5), { params: { rule: 'INVALID_FORMAT', format: 'digits5' } })
  .meta({ description: 'Commune code, 5 digits (GSO scheme).', pattern: '^[0-9]{5}$' });

/** 3-digit district code (2004 scheme only; districts were abolished on 1/7/2025). */
export const districtCodeField = z
  .string()
  .refine((s) => isDigits(s, 3), { params: { rule: 'INVALID_FORMAT', format: 'digits3' } })
  .meta({ description: 'District code, 3 digits (2004 scheme).', pattern: '^[0-9]{3}$' });

/** 5-character initial-registration facility code: 2-digit province + 3-digit facility number. */
export const facilityCodeField = z
  .string()
  .refine((s) => isDigits(s, 5), { params: { rule: 'INVALID_FORMAT', format: 'digits5' } })
  .meta({
    description:
      'Initial-registration health facility (mã KCB ban đầu): 2-digit province + 3-digit facility.',
    pattern: '^[0-9]{5}$',
  });

/** Enterprise tax code: 10 digits, or 10 digits, a hyphen and 3 digits for a branch. */
export function isTaxCode(s: string): boolean {
  if (s.length === 10) return digitsAt(s, 0, 10);
  return s.length === 14 && digitsAt(s, 0, 10) && s.charCodeAt(10) === 45 && digitsAt(s, 11, 14);
}
export const taxCodeField = z
  .string()
  .refine(isTaxCode, { params: { rule: 'INVALID_FORMAT', format: 'taxCode' } })
  .meta({
    description: 'Tax code (mã số thuế): 10 digits, or 13 with a branch suffix.',
    pattern: '^[0-9]{10}(-[0-9]{3})?$',
  });

/** Vietnamese phone number: 10 digits starting with 0. */
export const phoneField = z
  .string()
  .refine((s) => s.length === 10 && s.charCodeAt(0) === 48 && digitsAt(s, 1, 10), {
    params: { rule: 'INVALID_FORMAT', format: 'phone' },
  })
  .meta({ description: 'Phone number: 10 digits starting with 0.', pattern: '^0[0-9]{9}$' });

/** A bank or e-wallet account to pay into (financial data: sensitive). */
export const paymentAccountField = sensitive(
  z.strictObject({
    provider: textField(20).meta({ description: 'Bank or e-wallet code, e.g. VCB, MOMO.' }),
    number: z
      .string()
      .refine((s) => s.length >= 6 && s.length <= 20 && digitsAt(s, 0, s.length), {
        params: { rule: 'INVALID_FORMAT', format: 'account' },
      })
      .meta({ description: 'Account or wallet number, 6–20 digits.', pattern: '^[0-9]{6,20}$' }),
  }),
  'Bank or e-wallet account (financial data).',
);
