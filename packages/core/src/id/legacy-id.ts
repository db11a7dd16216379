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
 * The legacy 9-digit identity card number (chứng minh nhân dân, CMND; Decree 05/1999/NĐ-CP,
 * Circular 04/1999/TT-BCA(C13)). One number per person, kept through renewals. CMND cards stopped
 * being valid at the end of 2024 under the Law on Identity (medium confidence), but the numbers
 * live on in older records and in the citizen-ID QR, which links them to the personal ID number.
 *
 * Only the shape is checked. The leading digits indicate the issuing provincial police, but the
 * prefix table is internal to the Ministry of Public Security and no authoritative public copy
 * exists (vn-reference.md §2), so validating it would reject real numbers on guesswork. There is
 * no public checksum either. The 12-digit CMND issued 2012–2015 has the structure of the personal
 * ID number: parse it with `parsePersonalId`.
 */
export interface LegacyId {
  /** The 9 digits. Never log it: it identifies a person. */
  readonly value: string;
}

export const LEGACY_ID_MESSAGES = {
  LEGACY_ID_LENGTH: {
    severity: 'error',
    vi: 'Số chứng minh nhân dân cũ phải có đúng 9 chữ số (nhận được {length} ký tự).',
    en: 'The legacy identity card (CMND) number must have exactly 9 digits (got {length} characters).',
  },
  LEGACY_ID_NOT_DIGITS: {
    severity: 'error',
    vi: 'Số chứng minh nhân dân cũ chỉ được gồm các chữ số 0–9.',
    en: 'The legacy identity card (CMND) number must consist of the digits 0–9 only.',
  },
} as const satisfies SeverityMessageTable;

export type LegacyIdIssueCode = keyof typeof LEGACY_ID_MESSAGES;

/**
 * Parses a legacy 9-digit CMND number. Never throws.
 *
 * @example parseLegacyId('025123456') // { ok: true, value: { value: '025123456' }, warnings: [] }
 */
export function parseLegacyId(text: string, options?: ParseOptions): ParseResult<LegacyId> {
  if (typeof text !== 'string')
    return fail([tableIssue(LEGACY_ID_MESSAGES, 'LEGACY_ID_NOT_DIGITS', options)]);
  const issues: Issue[] = [];
  if (text.length !== 9)
    issues.push(tableIssue(LEGACY_ID_MESSAGES, 'LEGACY_ID_LENGTH', options, { length: text.length }));
  if (!allDigits(text, 0, text.length))
    issues.push(tableIssue(LEGACY_ID_MESSAGES, 'LEGACY_ID_NOT_DIGITS', options));
  return conclude({ value: text }, issues);
}
