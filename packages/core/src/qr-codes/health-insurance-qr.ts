import type { Sex } from '../codes/sex.js';
import { type HealthInsuranceNumber, parseHealthInsuranceNumber } from '../id/health-insurance-number.js';
import {
  append,
  conclude,
  fail,
  type ParseOptions,
  type ParseResult,
  tableIssue,
} from '../id/parse-result.js';
import { parseSocialInsuranceNumber } from '../id/social-insurance-number.js';
import type { Issue } from '../issue.js';
import { detectQrKind } from './detect.js';
import { dateFromSlashed, textFromHex } from './fields.js';
import { QR_MESSAGES } from './messages.js';

/**
 * The QR printed on the paper health-insurance (BHYT) card, as hospital systems read it
 * (vn-reference.md §4.1). `|`-separated, ending with a `$` field; Vietnamese text is the UTF-8
 * bytes written as hex:
 *
 * | # | field | # | field |
 * |---|---|---|---|
 * | 0 | card number: 15 characters, or 10 digits on 2020-template cards | 8 | issue date |
 * | 1 | name (hex) | 9 | managing unit code (meaning unconfirmed) |
 * | 2 | date of birth `dd/mm/yyyy`, or `yyyy` | 10 | parent or guardian name (hex, or `-`) |
 * | 3 | sex, `1` male / `2` female | 11 | living-area code (meaning medium-low confidence) |
 * | 4 | address (hex, or `-`) | 12 | date 5 years' continuous participation was reached |
 * | 5 | first-registration facility `PP - NNN` | 13 | integrity code (algorithm not public) |
 * | 6, 7 | valid from, valid to `dd/mm/yyyy` | 14 | `$` |
 *
 * Fields 0–8 are required; 9–13 may be absent on older cards.
 *
 * `signed: false`: the integrity code in field 13 cannot be checked by anyone outside VSS, so
 * this QR is an identity hint that saves typing, never proof. Confirm the card online through
 * the VSS gateway before relying on it.
 */
export interface HealthInsuranceQr {
  readonly kind: 'health-insurance-card';
  readonly signed: false;
  /** Field 0 as printed. */
  readonly cardNumber: string;
  /** The parsed 15-character number; absent for 10-digit (2020-template) cards. */
  readonly healthInsuranceNumber?: HealthInsuranceNumber;
  /** The 10-digit social insurance number: field 0 itself, or its last 10 characters. */
  readonly socialInsuranceNumber: string;
  /** NFC. */
  readonly name: string;
  /** `YYYY-MM-DD`, or `YYYY` when the card gives only the year (see `dateOfBirthPrecision`). */
  readonly dateOfBirth: string;
  readonly dateOfBirthPrecision: 'day' | 'year';
  readonly sex: Sex;
  /** NFC; absent when the card has `-`. */
  readonly address?: string;
  /** The 5-digit facility code (`79 - 014` → `79014`). */
  readonly facility: string;
  /** `YYYY-MM-DD`. */
  readonly validFrom: string;
  readonly validTo: string;
  readonly issueDate: string;
  /** NFC; absent when the card has `-` or no such field. */
  readonly guardianName?: string;
  /** `YYYY-MM-DD`, when present. */
  readonly fiveYearsContinuousSince?: string;
  /** Fields whose meaning is not confirmed, kept raw, to be shown or stored but not relied on. */
  readonly unconfirmed: {
    /** Field 9 (one parser calls it "ManagerCodeBHXH"). */
    readonly managingUnitCode?: string;
    /** Field 11 as written. */
    readonly livingAreaCode?: string;
    /** Field 11 mapped the way one hospital system maps it: 5 → K1, 6 → K2, 7 → K3. */
    readonly livingArea?: 'K1' | 'K2' | 'K3';
    /** Field 13, `16hex-4hex`; not verifiable. */
    readonly integrityCode?: string;
    /** Anything after field 13. */
    readonly extraFields: readonly string[];
  };
}

const REQUIRED_FIELDS = 9;
const FACILITY_SEPARATORS = /[\s\-–]/g;
const FACILITY_CODE = /^\d{5}$/;
const YEAR_ONLY = /^\d{4}$/;
const LIVING_AREAS: Readonly<Record<string, 'K1' | 'K2' | 'K3'>> = { '5': 'K1', '6': 'K2', '7': 'K3' };

function at(base: ParseOptions, field: string): ParseOptions {
  return { lang: base.lang ?? 'vi', path: [...(base.path ?? []), field] };
}

/** A field that may be absent, empty or `-`: undefined in all three cases. */
function optional(fields: readonly string[], index: number): string | undefined {
  const value = fields[index]?.trim();
  return value === undefined || value === '' || value === '-' ? undefined : value;
}

/**
 * Parses the text of a paper health-insurance card QR. Field contents are checked (dates are
 * real calendar dates, hex decodes to UTF-8, the card number parses); fields of unconfirmed
 * meaning are kept raw under `unconfirmed`. Never throws.
 *
 * @example
 * const r = parseHealthInsuranceQr('DN4797912345678|4e677579e1bb856e2056c4836e20416e|15/08/1990|1|-|79 - 014|01/01/2025|31/12/2025|20/12/2024|-|-|4|01/01/2020|-$');
 * if (r.ok) r.value.facility; // '79014'
 */
export function parseHealthInsuranceQr(text: string, options?: ParseOptions): ParseResult<HealthInsuranceQr> {
  const base: ParseOptions = { lang: options?.lang ?? 'vi', path: options?.path ?? [] };
  if (typeof text !== 'string' || text.trim() === '')
    return fail([tableIssue(QR_MESSAGES, 'QR_EMPTY', base)]);
  const kind = detectQrKind(text);
  if (kind !== 'health-insurance-card' && kind !== 'unknown') {
    return fail([
      tableIssue(QR_MESSAGES, 'QR_KIND_MISMATCH', base, { expected: 'health-insurance-card', actual: kind }),
    ]);
  }
  let body = text.trim();
  if (!body.endsWith('$')) return fail([tableIssue(QR_MESSAGES, 'QR_TERMINATOR_MISSING', base)]);
  // The terminator is its own field (`…|$`) on the cards described; tolerate it glued to the last one.
  body = body.slice(0, -1);
  if (body.endsWith('|')) body = body.slice(0, -1);
  const fields = body.split('|');
  if (fields.length < REQUIRED_FIELDS) {
    return fail([
      tableIssue(QR_MESSAGES, 'QR_FIELD_COUNT', base, {
        expected: REQUIRED_FIELDS + 1,
        count: fields.length + 1,
      }),
    ]);
  }
  let issues: Issue[] | undefined;
  const add = (issue: Issue) => {
    issues = append(issues, issue);
  };

  // 0: card number, 15 characters or 10 digits.
  const cardNumber = (fields[0] as string).trim();
  let healthInsuranceNumber: HealthInsuranceNumber | undefined;
  let socialInsuranceNumber = '';
  if (cardNumber.length === 15) {
    const parsed = parseHealthInsuranceNumber(cardNumber, at(base, 'cardNumber'));
    if (parsed.ok) {
      healthInsuranceNumber = parsed.value;
      socialInsuranceNumber = parsed.value.socialInsuranceNumber;
    }
    (parsed.ok ? parsed.warnings : parsed.issues).forEach(add);
  } else if (cardNumber.length === 10) {
    const parsed = parseSocialInsuranceNumber(cardNumber, at(base, 'cardNumber'));
    if (parsed.ok) socialInsuranceNumber = cardNumber;
    (parsed.ok ? parsed.warnings : parsed.issues).forEach(add);
  } else {
    add(
      tableIssue(QR_MESSAGES, 'QR_CARD_NUMBER_LENGTH', at(base, 'cardNumber'), { length: cardNumber.length }),
    );
  }

  const hexText = (index: number, field: string, required: boolean): string | undefined => {
    const raw = optional(fields, index);
    if (raw === undefined) {
      if (required) add(tableIssue(QR_MESSAGES, 'QR_FIELD_EMPTY', at(base, field), { field }));
      return undefined;
    }
    const decoded = textFromHex(raw);
    if ('error' in decoded) {
      add(
        tableIssue(
          QR_MESSAGES,
          decoded.error === 'hex' ? 'QR_HEX_INVALID' : 'QR_UTF8_INVALID',
          at(base, field),
          { field },
        ),
      );
      return undefined;
    }
    const value = decoded.text.trim();
    if (value === '' && required) add(tableIssue(QR_MESSAGES, 'QR_FIELD_EMPTY', at(base, field), { field }));
    return value === '' ? undefined : value;
  };
  const date = (index: number, field: string, required: boolean): string | undefined => {
    const raw = optional(fields, index);
    if (raw === undefined) {
      if (required) add(tableIssue(QR_MESSAGES, 'QR_FIELD_EMPTY', at(base, field), { field }));
      return undefined;
    }
    const iso = dateFromSlashed(raw);
    if (iso === undefined)
      add(tableIssue(QR_MESSAGES, 'QR_DATE_INVALID', at(base, field), { field, format: 'dd/mm/yyyy' }));
    return iso;
  };

  const name = hexText(1, 'name', true);

  // 2: date of birth, full or year only.
  const dobRaw = (fields[2] as string).trim();
  let dateOfBirth: string | undefined;
  let dateOfBirthPrecision: 'day' | 'year' = 'day';
  if (dobRaw.length === 4 && YEAR_ONLY.test(dobRaw) && dobRaw !== '0000') {
    dateOfBirth = dobRaw;
    dateOfBirthPrecision = 'year';
  } else {
    dateOfBirth = dateFromSlashed(dobRaw);
    if (dateOfBirth === undefined) {
      add(
        tableIssue(QR_MESSAGES, 'QR_DATE_INVALID', at(base, 'dateOfBirth'), {
          field: 'dateOfBirth',
          format: 'dd/mm/yyyy (yyyy)',
        }),
      );
    }
  }

  // 3: sex.
  const sexRaw = (fields[3] as string).trim();
  const sex: Sex | undefined = sexRaw === '1' ? 'male' : sexRaw === '2' ? 'female' : undefined;
  if (sex === undefined) {
    const expected = base.lang === 'en' ? '1 (male) or 2 (female)' : '1 (nam) hoặc 2 (nữ)';
    add(tableIssue(QR_MESSAGES, 'QR_SEX_INVALID', at(base, 'sex'), { expected }));
  }

  const address = hexText(4, 'address', false);

  // 5: facility, `PP - NNN` with a hyphen or an en dash; separators stripped.
  const facility = (fields[5] as string).replace(FACILITY_SEPARATORS, '');
  if (!FACILITY_CODE.test(facility))
    add(tableIssue(QR_MESSAGES, 'QR_FACILITY_INVALID', at(base, 'facility')));

  const validFrom = date(6, 'validFrom', true);
  const validTo = date(7, 'validTo', true);
  if (validFrom !== undefined && validTo !== undefined && validTo < validFrom) {
    add(tableIssue(QR_MESSAGES, 'QR_VALIDITY_RANGE', at(base, 'validTo')));
  }
  const issueDate = date(8, 'issueDate', true);
  const guardianName = hexText(10, 'guardianName', false);
  const fiveYearsContinuousSince = date(12, 'fiveYearsContinuousSince', false);

  const managingUnitCode = optional(fields, 9);
  const livingAreaCode = optional(fields, 11);
  const livingArea = livingAreaCode === undefined ? undefined : LIVING_AREAS[livingAreaCode];
  const integrityCode = optional(fields, 13);

  const value: HealthInsuranceQr = {
    kind: 'health-insurance-card',
    signed: false,
    cardNumber,
    ...(healthInsuranceNumber === undefined ? {} : { healthInsuranceNumber }),
    socialInsuranceNumber,
    name: name ?? '',
    dateOfBirth: dateOfBirth ?? '',
    dateOfBirthPrecision,
    sex: sex ?? 'male',
    ...(address === undefined ? {} : { address }),
    facility,
    validFrom: validFrom ?? '',
    validTo: validTo ?? '',
    issueDate: issueDate ?? '',
    ...(guardianName === undefined ? {} : { guardianName }),
    ...(fiveYearsContinuousSince === undefined ? {} : { fiveYearsContinuousSince }),
    unconfirmed: {
      ...(managingUnitCode === undefined ? {} : { managingUnitCode }),
      ...(livingAreaCode === undefined ? {} : { livingAreaCode }),
      ...(livingArea === undefined ? {} : { livingArea }),
      ...(integrityCode === undefined ? {} : { integrityCode }),
      extraFields: fields.slice(14),
    },
  };
  return conclude(value, issues);
}
