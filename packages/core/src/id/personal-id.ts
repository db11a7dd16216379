import { PROVINCES_2004, type ProvinceCode2004 } from '../codes/provinces.js';
import { SEXES, type Sex } from '../codes/sex.js';
import type { Issue } from '../issue.js';
import {
  allDigits,
  append,
  conclude,
  fail,
  type ParseOptions,
  type ParseResult,
  type SeverityMessageTable,
  tableIssue,
} from './parse-result.js';

/**
 * The 12-digit personal identification number (số định danh cá nhân, printed on the CCCD / căn
 * cước card), `PPP G YY NNNNNN` (Decree 137/2015/NĐ-CP Art. 13; code tables of Circular
 * 07/2016/TT-BCA, replaced by Circular 59/2021/TT-BCA):
 * - `PPP` place where the birth was registered: `0` + the GSO province code, or a 1xx–2xx country
 *   code for births registered abroad;
 * - `G` sex and century: even = male, odd = female; 0/1 = 1900s, 2/3 = 2000s, … 8/9 = 2300s;
 * - `YY` last two digits of the birth year;
 * - `NNNNNN` a random serial. There is no check digit: none is published, and the "checksums"
 *   in hobby generators are invented.
 *
 * What is a hard error and why (vn-reference.md §1.6): the Law on Identity 26/2023/QH15 only
 * guarantees "12 digits"; one source claims the structural rules lapsed with Circular 59/2021 on
 * 1/7/2024 (unconfirmed). So:
 * - not exactly 12 digits: always an error;
 * - an unknown place code, or a century digit no living person can have (4–9): warnings only;
 * - the encoded birth year or sex contradicting the date of birth or sex given alongside: errors
 *   by default. Every number known to have been issued follows the structure, and a contradiction
 *   means the record disagrees with itself, almost always a typing mistake in one of the two
 *   fields. Pass `consistency: 'warning'` where legitimate exceptions matter more (a date of birth
 *   corrected after issue, a court-ordered sex re-determination: the number is lifelong and does
 *   not change).
 *
 * After the July 2025 merger, numbers already issued keep their prefix, so all 63 pre-2025
 * prefixes stay valid, including those of provinces that no longer exist. Which prefix new
 * births in merged provinces get is unconfirmed; every 2025 province code reuses a 2004 code, so
 * `0` + a 2025 code is accepted either way.
 */
export interface PersonalId {
  /** The 12 digits. Never log it: it identifies a person. */
  readonly value: string;
  /** The first three digits. */
  readonly placeCode: string;
  /** `unknown` when the place code is in neither table (reported as a warning). */
  readonly placeKind: 'province' | 'abroad' | 'unknown';
  /** The 2004-scheme province of birth registration, when `placeKind` is `province`. */
  readonly province?: ProvinceCode2004;
  readonly sex: Sex;
  readonly birthYear: number;
  /** The last six digits. */
  readonly serial: string;
}

export const PERSONAL_ID_MESSAGES = {
  PERSONAL_ID_LENGTH: {
    severity: 'error',
    vi: 'Số định danh cá nhân phải có đúng 12 chữ số (nhận được {length} ký tự).',
    en: 'The personal ID number must have exactly 12 digits (got {length} characters).',
  },
  PERSONAL_ID_NOT_DIGITS: {
    severity: 'error',
    vi: 'Số định danh cá nhân chỉ được gồm các chữ số 0–9.',
    en: 'The personal ID number must consist of the digits 0–9 only.',
  },
  PERSONAL_ID_PLACE_UNKNOWN: {
    severity: 'warning',
    vi: 'Mã nơi đăng ký khai sinh {place} (3 chữ số đầu) không thuộc mã tỉnh (001–096) hay mã quốc gia (101–295) đã biết.',
    en: 'The birth-registration place code {place} (first 3 digits) is neither a known province code (001–096) nor a country code (101–295).',
  },
  PERSONAL_ID_CENTURY_UNUSED: {
    severity: 'warning',
    vi: 'Chữ số thứ 4 ({digit}) chỉ năm sinh từ 2100 trở đi, điều không thể có ở người đang sống.',
    en: 'Digit 4 ({digit}) means a birth year of 2100 or later, which no living person has.',
  },
  PERSONAL_ID_DOB_MISMATCH: {
    severity: 'error',
    vi: 'Số định danh cá nhân mã hóa năm sinh {idYear}, nhưng năm sinh đã khai là {dobYear}.',
    en: 'The personal ID number encodes birth year {idYear}, but the date of birth says {dobYear}.',
  },
  PERSONAL_ID_SEX_MISMATCH: {
    severity: 'error',
    vi: 'Số định danh cá nhân mã hóa giới tính {idSex}, nhưng giới tính đã khai là {sex}.',
    en: 'The personal ID number encodes sex {idSex}, but the record says {sex}.',
  },
} as const satisfies SeverityMessageTable;

export type PersonalIdIssueCode = keyof typeof PERSONAL_ID_MESSAGES;

export interface PersonalIdOptions extends ParseOptions {
  /** Date of birth to check against, `YYYY-MM-DD` (or `YYYY` when only the year is known). */
  readonly dateOfBirth?: string;
  /** Sex to check against. */
  readonly sex?: Sex;
  /** Severity of birth-year and sex contradictions; `'error'` by default (see {@link PersonalId}). */
  readonly consistency?: 'error' | 'warning';
}

const PLACE_PROVINCE = 1;
const PLACE_ABROAD = 2;
/** Place kind by the numeric value of the 3-digit prefix: one typed-array read per check. */
const PLACE_KIND = new Uint8Array(1000);
for (const p of PROVINCES_2004) PLACE_KIND[Number(p.code)] = PLACE_PROVINCE;
// Countries per Circular 07/2016 Appendix 2 (medium confidence on the exact mapping, so only the range is used).
for (let code = 101; code <= 295; code++) PLACE_KIND[code] = PLACE_ABROAD;

/** The prefix value of a string already known to be 12 digits. */
function placeValue(text: string): number {
  return (text.charCodeAt(0) - 48) * 100 + (text.charCodeAt(1) - 48) * 10 + (text.charCodeAt(2) - 48);
}

/**
 * Fast shape test for hot loops: exactly 12 ASCII digits and a known place code (a 2004 province
 * or the 101–295 range of countries). Allocates nothing. It does not look at the sex/century digit
 * or at consistency with other fields; use {@link parsePersonalId} for that.
 *
 * @example isPersonalIdShape('079203001234') // true
 * @example isPersonalIdShape('003203001234') // false: no province 03
 */
export function isPersonalIdShape(text: string): boolean {
  return (
    typeof text === 'string' &&
    text.length === 12 &&
    allDigits(text, 0, 12) &&
    PLACE_KIND[placeValue(text)] !== 0
  );
}

/** The 4-digit year at the start of `YYYY-MM-DD` or `YYYY`, or -1 when the text has no such year. */
function leadingYear(date: string): number {
  if (date.length < 4 || !allDigits(date, 0, 4) || (date.length > 4 && date.charCodeAt(4) !== 45)) return -1;
  return (
    (date.charCodeAt(0) - 48) * 1000 +
    (date.charCodeAt(1) - 48) * 100 +
    (date.charCodeAt(2) - 48) * 10 +
    (date.charCodeAt(3) - 48)
  );
}

function sexLabel(sex: Sex, options: PersonalIdOptions | undefined): string {
  const entry = sex === 'male' ? SEXES[0] : SEXES[1];
  return options?.lang === 'en' ? entry.en.toLowerCase() : entry.vi;
}

/**
 * Parses and checks a 12-digit personal identification number, optionally against the date of
 * birth and sex recorded with it. Never throws; the number never appears in issue messages.
 *
 * A date of birth that has no leading 4-digit year is not compared (validating the date field
 * itself is the schema's job, not the identifier's).
 *
 * @example
 * const r = parsePersonalId('079203001234', { dateOfBirth: '2003-05-17', sex: 'male' });
 * if (r.ok) r.value.birthYear; // 2003, province '79', sex 'male'
 */
export function parsePersonalId(text: string, options?: PersonalIdOptions): ParseResult<PersonalId> {
  if (typeof text !== 'string')
    return fail([tableIssue(PERSONAL_ID_MESSAGES, 'PERSONAL_ID_NOT_DIGITS', options)]);
  const digits = allDigits(text, 0, text.length);
  if (text.length !== 12 || !digits) {
    const issues: Issue[] = [];
    if (text.length !== 12) {
      issues.push(tableIssue(PERSONAL_ID_MESSAGES, 'PERSONAL_ID_LENGTH', options, { length: text.length }));
    }
    if (!digits) issues.push(tableIssue(PERSONAL_ID_MESSAGES, 'PERSONAL_ID_NOT_DIGITS', options));
    return fail(issues);
  }

  let issues: Issue[] | undefined;
  const place = placeValue(text);
  const placeCode = text.slice(0, 3);
  const kind = PLACE_KIND[place];
  if (kind === 0) {
    issues = [tableIssue(PERSONAL_ID_MESSAGES, 'PERSONAL_ID_PLACE_UNKNOWN', options, { place: placeCode })];
  }

  const g = text.charCodeAt(3) - 48;
  const sex: Sex = (g & 1) === 0 ? 'male' : 'female';
  const birthYear = (19 + (g >> 1)) * 100 + (text.charCodeAt(4) - 48) * 10 + (text.charCodeAt(5) - 48);
  if (g > 3) {
    issues = append(
      issues,
      tableIssue(PERSONAL_ID_MESSAGES, 'PERSONAL_ID_CENTURY_UNUSED', options, { digit: g }),
    );
  }

  if (options !== undefined) {
    const severity = options.consistency ?? 'error';
    if (typeof options.dateOfBirth === 'string') {
      const dobYear = leadingYear(options.dateOfBirth);
      if (dobYear !== -1 && dobYear !== birthYear) {
        issues = append(
          issues,
          tableIssue(
            PERSONAL_ID_MESSAGES,
            'PERSONAL_ID_DOB_MISMATCH',
            options,
            { idYear: birthYear, dobYear },
            severity,
          ),
        );
      }
    }
    if ((options.sex === 'male' || options.sex === 'female') && options.sex !== sex) {
      issues = append(
        issues,
        tableIssue(
          PERSONAL_ID_MESSAGES,
          'PERSONAL_ID_SEX_MISMATCH',
          options,
          { idSex: sexLabel(sex, options), sex: sexLabel(options.sex, options) },
          severity,
        ),
      );
    }
  }

  const value: PersonalId =
    kind === PLACE_PROVINCE
      ? {
          value: text,
          placeCode,
          placeKind: 'province',
          province: text.slice(1, 3) as ProvinceCode2004,
          sex,
          birthYear,
          serial: text.slice(6),
        }
      : {
          value: text,
          placeCode,
          placeKind: kind === PLACE_ABROAD ? 'abroad' : 'unknown',
          sex,
          birthYear,
          serial: text.slice(6),
        };
  return conclude(value, issues);
}
