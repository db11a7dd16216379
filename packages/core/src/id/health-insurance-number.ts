import {
  type HiBenefitLevel,
  type HiGroupCode,
  hiGroupUsualLevel,
  isHiGroupCode,
} from '../codes/health-insurance.js';
import { isProvinceCode2004 } from '../codes/provinces.js';
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
 * The 15-character health-insurance (BHYT) card number, `GG L PP NNNNNNNNNN` (Decision
 * 1351/QĐ-BHXH; the gateway's own result codes 052 "province code (characters 4–5)" and 053
 * "benefit code (character 3)" confirm the positions):
 * - `GG` beneficiary group, one of the 43 codes of `HI_BENEFICIARY_GROUPS` (error otherwise);
 * - `L` benefit level 1–5 (error otherwise). A level other than the group's usual one is a
 *   warning: the level is printed per card and the usual level is a rule of thumb;
 * - `PP` the province code, checked against the 63 codes of the 2004 scheme (which include all 34
 *   codes of 2025). Two digits that are not a known province give a warning, not an error: codes
 *   97/98 are said to be used for the defence and police schemes (unconfirmed), and how VSS
 *   re-codes cards after the 2025 merger is unconfirmed too;
 * - `N…` the 10-digit social insurance number.
 *
 * Cards of the 2020 template print only the 10-digit social insurance number; the 15-character
 * code still exists in the VSS systems (gateway `maThe`, XML `MA_THE_BHYT`). Upper case only: that
 * is how cards and the gateway write it; normalising is the caller's choice.
 */
export interface HealthInsuranceNumber {
  /** The 15 characters. Never log them: they identify a person. */
  readonly value: string;
  readonly group: HiGroupCode;
  readonly level: HiBenefitLevel;
  /** Characters 4–5, as written (see the warning rules above). */
  readonly province: string;
  readonly socialInsuranceNumber: string;
}

export const HI_NUMBER_MESSAGES = {
  HI_NUMBER_LENGTH: {
    severity: 'error',
    vi: 'Mã thẻ bảo hiểm y tế phải có đúng 15 ký tự (nhận được {length} ký tự).',
    en: 'The health-insurance card number must have exactly 15 characters (got {length}).',
  },
  HI_NUMBER_GROUP_UNKNOWN: {
    severity: 'error',
    vi: 'Mã đối tượng "{group}" (ký tự 1–2 của mã thẻ bảo hiểm y tế) không thuộc 43 mã của Quyết định 1351/QĐ-BHXH.',
    en: 'Beneficiary group "{group}" (characters 1–2 of the health-insurance card number) is not one of the 43 codes of Decision 1351/QĐ-BHXH.',
  },
  HI_NUMBER_LEVEL_INVALID: {
    severity: 'error',
    vi: 'Mức hưởng (ký tự thứ 3 của mã thẻ bảo hiểm y tế) phải là một chữ số từ 1 đến 5.',
    en: 'The benefit level (character 3 of the health-insurance card number) must be a digit from 1 to 5.',
  },
  HI_NUMBER_LEVEL_UNUSUAL: {
    severity: 'warning',
    vi: 'Thẻ thuộc nhóm {group} thường có mức hưởng {usual}, thẻ này ghi mức {level}.',
    en: 'Cards of group {group} usually carry benefit level {usual}; this one carries level {level}.',
  },
  HI_NUMBER_PROVINCE_INVALID: {
    severity: 'error',
    vi: 'Mã tỉnh (ký tự 4–5 của mã thẻ bảo hiểm y tế) phải gồm 2 chữ số.',
    en: 'The province code (characters 4–5 of the health-insurance card number) must be 2 digits.',
  },
  HI_NUMBER_PROVINCE_UNKNOWN: {
    severity: 'warning',
    vi: 'Mã tỉnh {province} (ký tự 4–5 của mã thẻ bảo hiểm y tế) không thuộc danh mục tỉnh đã biết.',
    en: 'Province code {province} (characters 4–5 of the health-insurance card number) is not a known province code.',
  },
  HI_NUMBER_SI_NOT_DIGITS: {
    severity: 'error',
    vi: 'Mã số bảo hiểm xã hội (ký tự 6–15 của mã thẻ bảo hiểm y tế) phải gồm 10 chữ số.',
    en: 'The social insurance number (characters 6–15 of the health-insurance card number) must be 10 digits.',
  },
} as const satisfies SeverityMessageTable;

export type HealthInsuranceNumberIssueCode = keyof typeof HI_NUMBER_MESSAGES;

/**
 * Parses a 15-character health-insurance card number into group, benefit level, province and
 * social insurance number. Never throws.
 *
 * @example
 * const r = parseHealthInsuranceNumber('DN4797912345678');
 * if (r.ok) r.value.level; // 4
 */
export function parseHealthInsuranceNumber(
  text: string,
  options?: ParseOptions,
): ParseResult<HealthInsuranceNumber> {
  if (typeof text !== 'string' || text.length !== 15) {
    const length = typeof text === 'string' ? text.length : 0;
    return fail([tableIssue(HI_NUMBER_MESSAGES, 'HI_NUMBER_LENGTH', options, { length })]);
  }
  const issues: Issue[] = [];
  const group = text.slice(0, 2);
  if (!isHiGroupCode(group))
    issues.push(tableIssue(HI_NUMBER_MESSAGES, 'HI_NUMBER_GROUP_UNKNOWN', options, { group }));
  const levelDigit = text.charCodeAt(2) - 48;
  const level = levelDigit >= 1 && levelDigit <= 5 ? (levelDigit as HiBenefitLevel) : undefined;
  if (level === undefined) issues.push(tableIssue(HI_NUMBER_MESSAGES, 'HI_NUMBER_LEVEL_INVALID', options));
  else if (isHiGroupCode(group) && hiGroupUsualLevel(group) !== level) {
    issues.push(
      tableIssue(HI_NUMBER_MESSAGES, 'HI_NUMBER_LEVEL_UNUSUAL', options, {
        group,
        level,
        usual: hiGroupUsualLevel(group),
      }),
    );
  }
  const province = text.slice(3, 5);
  if (!allDigits(text, 3, 5))
    issues.push(tableIssue(HI_NUMBER_MESSAGES, 'HI_NUMBER_PROVINCE_INVALID', options));
  else if (!isProvinceCode2004(province)) {
    issues.push(tableIssue(HI_NUMBER_MESSAGES, 'HI_NUMBER_PROVINCE_UNKNOWN', options, { province }));
  }
  if (!allDigits(text, 5, 15))
    issues.push(tableIssue(HI_NUMBER_MESSAGES, 'HI_NUMBER_SI_NOT_DIGITS', options));
  return conclude(
    {
      value: text,
      group: group as HiGroupCode,
      level: level as HiBenefitLevel,
      province,
      socialInsuranceNumber: text.slice(5),
    },
    issues,
  );
}
