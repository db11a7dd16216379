import * as z from 'zod';
import { CoreError } from '../errors.js';
import { type Lang, localize } from '../i18n.js';
import type { ParseResult } from '../id/index.js';
import type { Issue } from '../issue.js';
import { CARD_KEYS } from '../schemas/card.js';
import { isRecordKind, RECORD_KINDS, type RecordKind } from '../schemas/kinds.js';
import { RECORD_SCHEMAS, type RecordOf } from '../schemas/registry.js';
import { type FastCheck, fastPath } from './fast-path.js';
import { mapIssues, unknownFieldIssues } from './map-issues.js';
import { VALIDATION_ERRORS } from './messages.js';
import { WARNING_CHECKS } from './warnings.js';

/**
 * The outcome of validating one record: the parsed value (names in NFC) with any warnings, or the
 * issues that make it invalid. Assignable to `Result<T>`.
 */
export type RecordResult<T> = ParseResult<T>;

/** A reusable validator for one record kind. */
export type RecordValidator<K extends RecordKind> = (data: unknown) => RecordResult<RecordOf<K>>;

export interface ValidateOptions {
  /** Language of issue messages; Vietnamese by default. */
  readonly lang?: Lang;
}

const NO_WARNINGS: readonly Issue[] = Object.freeze([]);

// Three tiers per kind, built once and shared by every validator:
// 1. the fast predicate (./fast-path.ts): a valid record that needs no normalisation is returned
//    as is, with no allocation: the dataset hot path;
// 2. zod's compiled parser (`z.compile`): valid records that need normalising (names not in NFC);
// 3. zod's interpreter, to which the compiled parser falls back to collect the issues of an
//    invalid record. Where code generation is not allowed (a strict CSP) `z.compile` hands back
//    the schema itself: slower, equivalent.
interface Tiers {
  readonly fast: FastCheck | undefined;
  readonly parser: z.ZodType;
}
const tiers = new Map<RecordKind, Tiers>();

function tiersOf(kind: RecordKind): Tiers {
  let t = tiers.get(kind);
  if (t === undefined) {
    const schema = RECORD_SCHEMAS[kind] as z.ZodType;
    t = { fast: fastPath(schema), parser: z.compile(schema) };
    tiers.set(kind, t);
  }
  return t;
}

function unknownKind(kind: unknown): CoreError {
  const params = { kind: String(kind), kinds: RECORD_KINDS.join(', ') };
  return new CoreError('UNKNOWN_KIND', {
    vi: localize(VALIDATION_ERRORS.UNKNOWN_KIND, 'vi', params),
    en: localize(VALIDATION_ERRORS.UNKNOWN_KIND, 'en', params),
  });
}

/** Keys of `value` (a plain object) not in `allowed`. */
function extraKeys(value: unknown, allowed: readonly string[]): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  return Object.keys(value).filter((k) => !allowed.includes(k));
}

/** `cardSchema` strips unknown keys; a record validator must report them instead. */
function cardKeyIssues(data: unknown, lang: Lang): Issue[] {
  const issues = unknownFieldIssues(extraKeys(data, CARD_KEYS.top), [], lang);
  const hi = (data as { healthInsurance?: unknown } | null)?.healthInsurance;
  issues.push(...unknownFieldIssues(extraKeys(hi, CARD_KEYS.healthInsurance), ['healthInsurance'], lang));
  return issues;
}

/**
 * Creates a validator for records of `kind`, to call once per record in a loop. The schema is
 * prepared once per kind; a valid record that needs no normalisation costs a few plain checks per
 * field and allocates nothing (its `value` is then the input object itself); messages are built
 * only for invalid records.
 *
 * @throws CoreError `UNKNOWN_KIND` when `kind` is not one of `RECORD_KINDS`.
 * @example
 * const validate = createRecordValidator('social-assistance', { lang: 'en' });
 * for (const line of lines) {
 *   const r = validate(JSON.parse(line));
 *   if (!r.ok) console.log(r.issues.map((i) => i.code));
 * }
 */
export function createRecordValidator<K extends RecordKind>(
  kind: K,
  options: ValidateOptions = {},
): RecordValidator<K> {
  if (!isRecordKind(kind)) throw unknownKind(kind);
  const lang = options.lang ?? 'vi';
  const { fast, parser } = tiersOf(kind);
  const warn = WARNING_CHECKS[kind];
  const isCard = kind === 'card';
  return (data: unknown): RecordResult<RecordOf<K>> => {
    if (fast?.(data)) {
      const value = data as RecordOf<K>;
      const warnings = warn === undefined ? undefined : warn(value as Record<string, unknown>, lang);
      return { ok: true, value, warnings: warnings ?? NO_WARNINGS };
    }
    const parsed = parser.safeParse(data);
    if (parsed.success) {
      if (isCard) {
        const extra = cardKeyIssues(data, lang);
        if (extra.length > 0) return { ok: false, issues: extra };
      }
      const value = parsed.data as RecordOf<K>;
      const warnings = warn === undefined ? undefined : warn(value as Record<string, unknown>, lang);
      return { ok: true, value, warnings: warnings ?? NO_WARNINGS };
    }
    const issues = mapIssues(parsed.error.issues, data, lang);
    if (isCard) issues.unshift(...cardKeyIssues(data, lang));
    return { ok: false, issues };
  };
}

const defaultValidators = new Map<string, RecordValidator<RecordKind>>();

/**
 * Validates one record of `kind` against the data standard: the parsed value (Vietnamese text in
 * NFC) with warnings, or the issues with stable codes and messages in `lang` (Vietnamese by
 * default). For many records, {@link createRecordValidator} avoids the lookup per call.
 *
 * @throws CoreError `UNKNOWN_KIND` when `kind` is not one of `RECORD_KINDS`.
 * @example
 * const r = validateRecord('person', json, { lang: 'en' });
 * if (r.ok) r.value.fullName;
 * else for (const i of r.issues) console.log(i.path.join('.'), i.code, i.message);
 */
export function validateRecord<K extends RecordKind>(
  kind: K,
  data: unknown,
  options: ValidateOptions = {},
): RecordResult<RecordOf<K>> {
  const key = `${kind}\u0000${options.lang ?? 'vi'}`;
  let validate = defaultValidators.get(key);
  if (validate === undefined) {
    validate = createRecordValidator(kind, options) as RecordValidator<RecordKind>;
    defaultValidators.set(key, validate);
  }
  return validate(data) as RecordResult<RecordOf<K>>;
}
