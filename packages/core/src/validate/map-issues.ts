import type * as z from 'zod';
import type { Lang } from '../i18n.js';
import {
  parseHealthInsuranceNumber,
  parseLegacyId,
  parsePersonalId,
  parseSocialInsuranceNumber,
} from '../id/index.js';
import { type Issue, makeIssue } from '../issue.js';
import { todayInVietnam } from '../schemas/dates.js';
import { SCHEMA_VERSION } from '../schemas/fields.js';
import {
  VALIDATION_MESSAGES,
  VALIDATION_TERMS,
  type ValidationIssueCode,
  type ValidationTerm,
} from './messages.js';

// Turns zod's issues into ansinh issues: stable upper-snake codes, bilingual messages. Runs only
// for invalid records, so clarity wins over speed here.

type Path = readonly (string | number)[];

/** The value at `path` inside `root`, or undefined. */
function valueAt(root: unknown, path: Path): unknown {
  let v = root;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[key];
  }
  return v;
}

function term(name: string, lang: Lang): string {
  const entry = VALIDATION_TERMS[name as ValidationTerm];
  return entry === undefined ? name : entry[lang];
}

/** The dotted path of a field, as messages show it (`address.provinceCode`, `members.2.fullName`). */
function fieldName(path: Path, lang: Lang): string {
  return path.length === 0 ? term('record', lang) : path.join('.');
}

function typeOfValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

/** A short, safe rendering of an offending code value for a message. */
function shortValue(v: unknown): string {
  let text: string;
  try {
    text = typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v));
  } catch {
    // JSON.stringify throws on a bigint and on an object that contains itself.
    text = typeof v === 'bigint' ? String(v) : typeOfValue(v);
  }
  return text.length > 24 ? `${text.slice(0, 24)}…` : text;
}

function issue(
  code: ValidationIssueCode,
  path: Path,
  lang: Lang,
  params: Readonly<Record<string, unknown>> = {},
): Issue {
  return makeIssue(VALIDATION_MESSAGES, code, path, lang, { field: fieldName(path, lang), ...params });
}

// The card kind reuses `cardSchema`, whose refinements carry English text and no rule code; they
// are recognised by the field they point at.
const CARD_RULES: Readonly<Record<string, { code: ValidationIssueCode; params?: Record<string, string> }>> = {
  name: { code: 'INVALID_FORMAT', params: { format: 'name' } },
  dateOfBirth: { code: 'INVALID_FORMAT', params: { format: 'date' } },
  validFrom: { code: 'INVALID_FORMAT', params: { format: 'date' } },
  validTo: { code: 'DATES_OUT_OF_ORDER', params: { earlier: 'validFrom' } },
  healthInsurance: { code: 'REQUIRED_WITH', params: { other: 'type' } },
  socialInsuranceNumber: { code: 'HI_CARD_SI_MISMATCH', params: { other: 'healthInsurance.cardNumber' } },
  programs: { code: 'DUPLICATE_VALUE' },
};

/** Issues of an identifier checked by its parser (the parser's own codes and messages). */
function identifierIssues(
  rule: string,
  value: unknown,
  path: Path,
  lang: Lang,
  params: Readonly<Record<string, unknown>>,
): readonly Issue[] | undefined {
  const text = typeof value === 'string' ? value : '';
  const options = { lang, path };
  let r: { ok: boolean; issues?: readonly Issue[] } | undefined;
  switch (rule) {
    case 'personal-id':
      r = parsePersonalId(text, options);
      break;
    case 'personal-id-consistency':
      r = parsePersonalId(text, {
        ...options,
        dateOfBirth: params.dateOfBirth as string,
        sex: params.sex as 'male' | 'female',
      });
      break;
    case 'si-number':
      r = parseSocialInsuranceNumber(text, { ...options, acceptPersonalId: true });
      break;
    case 'legacy-id':
      r = parseLegacyId(text, options);
      break;
    case 'hi-number':
      r = parseHealthInsuranceNumber(text, options);
      break;
    default:
      return undefined;
  }
  return r.ok ? undefined : r.issues;
}

function mapCustom(raw: z.core.$ZodIssue, path: Path, input: unknown, lang: Lang, out: Issue[]): void {
  const params = (raw as { params?: Record<string, unknown> }).params;
  const rule = params?.rule;
  if (typeof rule === 'string') {
    const fromParser = identifierIssues(rule, valueAt(input, path), path, lang, params ?? {});
    if (fromParser !== undefined) {
      out.push(...fromParser);
      return;
    }
    if (rule in VALIDATION_MESSAGES) {
      const extra: Record<string, unknown> = { ...params };
      if (typeof extra.format === 'string') extra.format = term(extra.format, lang);
      if (rule === 'OUT_OF_RANGE') {
        const max = extra.max === 'today' ? todayInVietnam() : (extra.max ?? '');
        extra.bounds = `${extra.min ?? ''}–${max}`;
      }
      out.push(issue(rule as ValidationIssueCode, path, lang, extra));
      return;
    }
    // An identifier rule whose parser accepted the value cannot happen with the current parsers;
    // report the field rather than lose the problem.
    out.push(issue('INVALID_VALUE', path, lang));
    return;
  }
  const last = path[path.length - 1];
  const identifierRule =
    last === 'personalId'
      ? 'personal-id'
      : last === 'socialInsuranceNumber'
        ? 'si-number'
        : last === 'cardNumber'
          ? 'hi-number'
          : undefined;
  if (identifierRule !== undefined) {
    const fromParser = identifierIssues(identifierRule, valueAt(input, path), path, lang, {});
    if (fromParser !== undefined) {
      out.push(...fromParser);
      return;
    }
  }
  const known = typeof last === 'string' ? CARD_RULES[last] : undefined;
  if (known !== undefined) {
    const extra: Record<string, unknown> = { ...known.params };
    if (typeof extra.format === 'string') extra.format = term(extra.format, lang);
    out.push(issue(known.code, path, lang, extra));
    return;
  }
  out.push(issue('INVALID_VALUE', path, lang));
}

/** Maps one zod issue to ansinh issues, appending to `out`. */
function mapIssue(raw: z.core.$ZodIssue, input: unknown, lang: Lang, out: Issue[]): void {
  const path = raw.path.filter((k): k is string | number => typeof k !== 'symbol');
  const value = valueAt(input, path);
  if (raw.code === 'unrecognized_keys') {
    for (const key of raw.keys) out.push(issue('UNKNOWN_FIELD', [...path, key], lang));
    return;
  }
  if (raw.code === 'custom') {
    mapCustom(raw, path, input, lang, out);
    return;
  }
  // Whatever zod says about a field that is absent, the problem is that it is absent.
  if (value === undefined && path.length > 0) {
    out.push(issue('REQUIRED', path, lang));
    return;
  }
  switch (raw.code) {
    case 'invalid_type':
      out.push(
        issue('INVALID_TYPE', path, lang, {
          expected: term(raw.expected, lang),
          received: term(typeOfValue(value), lang),
        }),
      );
      return;
    case 'invalid_value':
      if (path[path.length - 1] === 'schemaVersion') {
        out.push(
          issue('UNSUPPORTED_SCHEMA_VERSION', path, lang, {
            value: shortValue(value),
            expected: SCHEMA_VERSION,
          }),
        );
      } else {
        out.push(issue('UNKNOWN_CODE', path, lang, { value: shortValue(value) }));
      }
      return;
    case 'invalid_union': {
      // A discriminated union (address `scheme`) names the discriminator in its path.
      const discriminator = (raw as { discriminator?: string }).discriminator;
      if (discriminator !== undefined)
        out.push(issue('UNKNOWN_CODE', path, lang, { value: shortValue(value) }));
      else out.push(issue('INVALID_VALUE', path, lang));
      return;
    }
    case 'too_big':
      if (raw.origin === 'string') out.push(issue('TOO_LONG', path, lang, { maximum: raw.maximum }));
      else if (raw.origin === 'array' || raw.origin === 'set')
        out.push(issue('TOO_MANY_ITEMS', path, lang, { maximum: raw.maximum }));
      else out.push(issue('OUT_OF_RANGE', path, lang, { bounds: `≤ ${raw.maximum}` }));
      return;
    case 'too_small':
      if (raw.origin === 'string') {
        // An empty string stands for a missing value (CSV cells, form fields).
        if (Number(raw.minimum) === 1) out.push(issue('REQUIRED', path, lang));
        else out.push(issue('TOO_SHORT', path, lang, { minimum: raw.minimum }));
      } else if (raw.origin === 'array' || raw.origin === 'set') {
        out.push(issue('TOO_FEW_ITEMS', path, lang, { minimum: raw.minimum }));
      } else out.push(issue('OUT_OF_RANGE', path, lang, { bounds: `≥ ${raw.minimum}` }));
      return;
    case 'invalid_format': {
      const format =
        raw.format === 'date' || raw.format === 'datetime' || raw.format === 'uuid' ? raw.format : 'pattern';
      const last = path[path.length - 1];
      if (
        format === 'pattern' &&
        (last === 'personalId' || last === 'socialInsuranceNumber' || last === 'cardNumber')
      ) {
        mapCustom(
          { ...raw, code: 'custom', params: undefined } as unknown as z.core.$ZodIssue,
          path,
          input,
          lang,
          out,
        );
        return;
      }
      out.push(issue('INVALID_FORMAT', path, lang, { format: term(format, lang) }));
      return;
    }
    case 'not_multiple_of':
      out.push(issue('NOT_MULTIPLE_OF', path, lang, { divisor: raw.divisor }));
      return;
    default:
      out.push(issue('INVALID_VALUE', path, lang));
  }
}

function isRecordRule(raw: z.core.$ZodIssue): boolean {
  return raw.code === 'custom' && (raw as { params?: { record?: unknown } }).params?.record === true;
}

/**
 * Maps zod's issues for `input` to ansinh issues in `lang`. Record-rule issues are dropped while
 * any field is invalid: zod runs the rules on values that failed non-fatal checks, and a rule over
 * a wrong field only repeats that field's problem.
 */
export function mapIssues(rawIssues: readonly z.core.$ZodIssue[], input: unknown, lang: Lang): Issue[] {
  const fieldsInvalid = rawIssues.some((raw) => !isRecordRule(raw));
  const out: Issue[] = [];
  for (const raw of rawIssues) {
    if (fieldsInvalid && isRecordRule(raw)) continue;
    mapIssue(raw, input, lang, out);
  }
  return out;
}

/** Localised UNKNOWN_FIELD issues for `keys` of `path` (used where a schema strips instead of rejecting). */
export function unknownFieldIssues(keys: readonly string[], path: Path, lang: Lang): Issue[] {
  return keys.map((key) => issue('UNKNOWN_FIELD', [...path, key], lang));
}
