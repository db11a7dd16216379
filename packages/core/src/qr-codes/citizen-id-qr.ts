import type { Sex } from '../codes/sex.js';
import { parseLegacyId } from '../id/legacy-id.js';
import {
  append,
  conclude,
  fail,
  type ParseOptions,
  type ParseResult,
  tableIssue,
} from '../id/parse-result.js';
import { type PersonalIdOptions, parsePersonalId } from '../id/personal-id.js';
import type { Issue } from '../issue.js';
import { detectQrKind } from './detect.js';
import { dateFromDdmmyyyy } from './fields.js';
import { QR_MESSAGES } from './messages.js';

/**
 * The QR printed on the chip citizen-ID card (CCCD / căn cước), as hospital systems read it
 * (vn-reference.md §4.2, Circular 59/2021/TT-BCA): plain UTF-8, 7 fields separated by `|`:
 * personal ID | old 9-digit CMND (may be empty) | full name | date of birth `ddmmyyyy` |
 * `Nam`/`Nữ` | permanent residence | card issue date `ddmmyyyy`.
 *
 * `signed: false`: this QR carries no signature and is trivial to forge. Treat it as an identity
 * hint that saves typing, to be confirmed online (VNeID, the Ministry of Public Security services
 * through a licensed intermediary, or the health-insurance gateway), never as proof of identity.
 */
export interface CitizenIdQr {
  readonly kind: 'citizen-id';
  readonly signed: false;
  readonly personalId: string;
  /** The old CMND number, when the card links one. */
  readonly legacyId?: string;
  /** NFC. */
  readonly name: string;
  /** `YYYY-MM-DD`. */
  readonly dateOfBirth: string;
  readonly sex: Sex;
  /** NFC; may be empty. */
  readonly address: string;
  /** `YYYY-MM-DD`. */
  readonly issueDate: string;
  /**
   * Fields whose meaning is not confirmed, kept raw: one parser accepts an 11-field variant
   * (possibly from newer căn cước cards) whose 4 extra fields are unexplained.
   */
  readonly unconfirmed: { readonly extraFields: readonly string[] };
}

/** Fields of the layout; the 11-field variant adds unexplained ones after these. */
const FIELD_COUNT = 7;

function at(options: ParseOptions | undefined, field: string): ParseOptions {
  return { lang: options?.lang ?? 'vi', path: [...(options?.path ?? []), field] };
}

function sexFromWord(word: string): Sex | undefined {
  const w = word.trim().normalize('NFC');
  if (w === 'Nam') return 'male';
  if (w === 'Nữ') return 'female';
  return undefined;
}

/**
 * Parses the text of a citizen-ID card QR. The personal ID is checked against the date of birth
 * and sex on the same card (a contradiction means a damaged or forged QR); problems with the old
 * CMND field are warnings only, since that field is informational. Never throws.
 *
 * @example
 * const r = parseCitizenIdQr('079303012345|025123456|Nguyễn Thị Lan|17052003|Nữ|12 Lê Lợi, Bến Nghé, Quận 1, TP. Hồ Chí Minh|01082021');
 * if (r.ok) r.value.dateOfBirth; // '2003-05-17'
 */
export function parseCitizenIdQr(text: string, options?: ParseOptions): ParseResult<CitizenIdQr> {
  const base: ParseOptions = { lang: options?.lang ?? 'vi', path: options?.path ?? [] };
  if (typeof text !== 'string' || text.trim() === '')
    return fail([tableIssue(QR_MESSAGES, 'QR_EMPTY', base)]);
  const kind = detectQrKind(text);
  if (kind !== 'citizen-id' && kind !== 'unknown') {
    return fail([
      tableIssue(QR_MESSAGES, 'QR_KIND_MISMATCH', base, { expected: 'citizen-id', actual: kind }),
    ]);
  }
  const fields = text.trim().split('|');
  if (fields.length < FIELD_COUNT) {
    return fail([
      tableIssue(QR_MESSAGES, 'QR_FIELD_COUNT', base, { expected: FIELD_COUNT, count: fields.length }),
    ]);
  }
  const [idText, legacyText, nameText, dobText, sexText, addressText, issueText] = fields as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  let issues: Issue[] | undefined;

  const dateOfBirth = dateFromDdmmyyyy(dobText);
  if (dateOfBirth === undefined) {
    issues = append(
      issues,
      tableIssue(QR_MESSAGES, 'QR_DATE_INVALID', at(base, 'dateOfBirth'), {
        field: 'dateOfBirth',
        format: 'ddmmyyyy',
      }),
    );
  }
  const sex = sexFromWord(sexText);
  if (sex === undefined) {
    const expected = base.lang === 'en' ? '"Nam" (male) or "Nữ" (female)' : '"Nam" hoặc "Nữ"';
    issues = append(issues, tableIssue(QR_MESSAGES, 'QR_SEX_INVALID', at(base, 'sex'), { expected }));
  }

  const idOptions: PersonalIdOptions = {
    ...at(base, 'personalId'),
    ...(dateOfBirth === undefined ? {} : { dateOfBirth }),
    ...(sex === undefined ? {} : { sex }),
  };
  const personalId = parsePersonalId(idText, idOptions);
  for (const issue of personalId.ok ? personalId.warnings : personalId.issues) issues = append(issues, issue);

  let legacyId: string | undefined;
  if (legacyText !== '') {
    legacyId = legacyText;
    const legacy = parseLegacyId(legacyText, at(base, 'legacyId'));
    if (!legacy.ok) {
      for (const issue of legacy.issues) issues = append(issues, { ...issue, severity: 'warning' });
    }
  }

  const name = nameText.trim().normalize('NFC');
  if (name === '') {
    issues = append(issues, tableIssue(QR_MESSAGES, 'QR_FIELD_EMPTY', at(base, 'name'), { field: 'name' }));
  }
  const issueDate = dateFromDdmmyyyy(issueText);
  if (issueDate === undefined) {
    issues = append(
      issues,
      tableIssue(QR_MESSAGES, 'QR_DATE_INVALID', at(base, 'issueDate'), {
        field: 'issueDate',
        format: 'ddmmyyyy',
      }),
    );
  }

  const value: CitizenIdQr = {
    kind: 'citizen-id',
    signed: false,
    personalId: idText,
    ...(legacyId === undefined ? {} : { legacyId }),
    name,
    dateOfBirth: dateOfBirth ?? '',
    sex: sex ?? 'male',
    address: addressText.trim().normalize('NFC'),
    issueDate: issueDate ?? '',
    unconfirmed: { extraFields: fields.slice(FIELD_COUNT) },
  };
  return conclude(value, issues);
}
