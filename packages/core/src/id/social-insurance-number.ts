import type { Issue } from '../issue.js';
import {
  allDigits,
  conclude,
  fail,
  type ParseOptions,
  type ParseResult,
  type SeverityMessageTable,
  tableIssue,
} from './parse-result.js';

/**
 * The 10-digit social insurance number (mã số BHXH), issued by Vietnam Social Security. It is
 * also the last 10 characters of the 15-character health-insurance card number, and the number
 * printed on health-insurance cards of the 2020 template (Decision 1666/QĐ-BHXH).
 *
 * No public checksum exists. In sample cards the first two digits often equal a province code,
 * but that is an observed pattern, not a rule (vn-reference.md §3.1), so it is not checked.
 *
 * The Law on Social Insurance 41/2024/QH15 (in force 1/7/2025) may make the personal ID number the
 * social insurance number (reported, not confirmed against the article). Where data may already
 * use that, pass `acceptPersonalId: true` to also accept 12 digits; the result says which kind it
 * saw. By default only the 10-digit number is accepted, as the e-card wire form expects.
 */
export interface SocialInsuranceNumber {
  /** The digits. Never log them: they identify a person. */
  readonly value: string;
  /** `personal-id` only with `acceptPersonalId` and a 12-digit input. */
  readonly kind: 'social-insurance' | 'personal-id';
}

export const SI_NUMBER_MESSAGES = {
  SI_NUMBER_LENGTH: {
    severity: 'error',
    vi: 'Mã số bảo hiểm xã hội phải có {expected} chữ số (nhận được {length} ký tự).',
    en: 'The social insurance number must have {expected} digits (got {length} characters).',
  },
  SI_NUMBER_NOT_DIGITS: {
    severity: 'error',
    vi: 'Mã số bảo hiểm xã hội chỉ được gồm các chữ số 0–9.',
    en: 'The social insurance number must consist of the digits 0–9 only.',
  },
} as const satisfies SeverityMessageTable;

export type SocialInsuranceNumberIssueCode = keyof typeof SI_NUMBER_MESSAGES;

export interface SocialInsuranceNumberOptions extends ParseOptions {
  /** Also accept a 12-digit personal ID number in place of the 10-digit number (2025 SI law). */
  readonly acceptPersonalId?: boolean;
}

/**
 * Parses a 10-digit social insurance number (or, with `acceptPersonalId`, a 12-digit personal ID
 * used as one; its structure is not checked here, use `parsePersonalId` for that). Never throws.
 *
 * @example parseSocialInsuranceNumber('7912345678') // ok, kind 'social-insurance'
 */
export function parseSocialInsuranceNumber(
  text: string,
  options?: SocialInsuranceNumberOptions,
): ParseResult<SocialInsuranceNumber> {
  if (typeof text !== 'string')
    return fail([tableIssue(SI_NUMBER_MESSAGES, 'SI_NUMBER_NOT_DIGITS', options)]);
  const personalId = options?.acceptPersonalId === true && text.length === 12;
  const issues: Issue[] = [];
  if (text.length !== 10 && !personalId) {
    const either = options?.acceptPersonalId === true;
    const expected = either ? (options?.lang === 'en' ? '10 or 12' : '10 hoặc 12') : '10';
    issues.push(
      tableIssue(SI_NUMBER_MESSAGES, 'SI_NUMBER_LENGTH', options, { expected, length: text.length }),
    );
  }
  if (!allDigits(text, 0, text.length))
    issues.push(tableIssue(SI_NUMBER_MESSAGES, 'SI_NUMBER_NOT_DIGITS', options));
  return conclude({ value: text, kind: personalId ? 'personal-id' : 'social-insurance' }, issues);
}
