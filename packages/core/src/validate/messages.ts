import type { Bilingual } from '../i18n.js';
import type { MessageTable } from '../issue.js';

/**
 * Issue codes of record validation, with their Vietnamese and English messages. Codes are stable:
 * consumers switch on them. Identifier problems keep the codes of the identifier parsers
 * (`PERSONAL_ID_*`, `SI_NUMBER_*`, `HI_NUMBER_*`, `LEGACY_ID_*`), whose tables live in `../id`.
 *
 * Every message names the field (`{field}`, its dotted path) and never echoes a personal
 * identifier. Vietnamese text is NFC.
 */
export const VALIDATION_MESSAGES = {
  REQUIRED: {
    vi: 'Thiếu trường bắt buộc "{field}".',
    en: 'The required field "{field}" is missing.',
  },
  REQUIRED_WITH: {
    vi: 'Trường "{field}" là bắt buộc với giá trị hiện có của "{other}".',
    en: 'The field "{field}" is required given the value of "{other}".',
  },
  INVALID_TYPE: {
    vi: 'Trường "{field}" phải là {expected}, nhưng nhận được {received}.',
    en: 'The field "{field}" must be {expected}, but is {received}.',
  },
  INVALID_FORMAT: {
    vi: 'Trường "{field}" sai định dạng: cần {format}.',
    en: 'The field "{field}" has the wrong format: expected {format}.',
  },
  INVALID_VALUE: {
    vi: 'Giá trị của trường "{field}" không hợp lệ.',
    en: 'The value of "{field}" is not valid.',
  },
  NOT_MULTIPLE_OF: {
    vi: 'Giá trị của trường "{field}" phải là bội số của {divisor}.',
    en: 'The value of "{field}" must be a multiple of {divisor}.',
  },
  UNKNOWN_CODE: {
    vi: 'Mã "{value}" của trường "{field}" không có trong danh mục.',
    en: 'The code "{value}" in "{field}" is not in the code list.',
  },
  UNKNOWN_FIELD: {
    vi: 'Trường "{field}" không thuộc lược đồ dữ liệu.',
    en: 'The field "{field}" is not part of the schema.',
  },
  TOO_LONG: {
    vi: 'Trường "{field}" dài quá {maximum} ký tự.',
    en: 'The field "{field}" is longer than {maximum} characters.',
  },
  TOO_SHORT: {
    vi: 'Trường "{field}" phải có ít nhất {minimum} ký tự.',
    en: 'The field "{field}" must have at least {minimum} characters.',
  },
  TOO_MANY_ITEMS: {
    vi: 'Danh sách "{field}" có quá {maximum} phần tử.',
    en: 'The list "{field}" has more than {maximum} items.',
  },
  TOO_FEW_ITEMS: {
    vi: 'Danh sách "{field}" phải có ít nhất {minimum} phần tử.',
    en: 'The list "{field}" must have at least {minimum} items.',
  },
  OUT_OF_RANGE: {
    vi: 'Giá trị của trường "{field}" nằm ngoài khoảng cho phép ({bounds}).',
    en: 'The value of "{field}" is outside the allowed range ({bounds}).',
  },
  UNSUPPORTED_SCHEMA_VERSION: {
    vi: 'Phiên bản lược đồ "{value}" không được hỗ trợ; phiên bản hiện hành là {expected}.',
    en: 'Schema version "{value}" is not supported; the current version is {expected}.',
  },
  DATES_OUT_OF_ORDER: {
    vi: 'Ngày ở trường "{field}" không được trước ngày ở trường "{earlier}".',
    en: 'The date in "{field}" must not be before the date in "{earlier}".',
  },
  ADDRESS_SCHEME_DATE: {
    vi: 'Ngày hiệu lực "{field}" không khớp hệ mã đơn vị hành chính {scheme}: hệ 2025 (tỉnh, xã) áp dụng từ 01/07/2025, hệ 2004 (tỉnh, huyện, xã) trước ngày đó.',
    en: 'The effective date "{field}" does not fit the {scheme} administrative-unit scheme: the 2025 scheme (province, commune) applies from 2025-07-01, the 2004 scheme (province, district, commune) before that.',
  },
  AGE_NOT_ELIGIBLE: {
    vi: 'Tuổi vào ngày ở trường "{on}" là {age}, không thuộc độ tuổi của đối tượng.',
    en: 'The age on the date in "{on}" is {age}, outside the age range of this group.',
  },
  INCONSISTENT_WITH: {
    vi: 'Trường "{field}" mâu thuẫn với trường "{other}".',
    en: 'The field "{field}" contradicts "{other}".',
  },
  COEFFICIENT_MISMATCH: {
    vi: 'Hệ số ở trường "{field}" không đúng với nhóm đối tượng (theo Nghị định 20/2021/NĐ-CP phải là {expected}).',
    en: 'The coefficient in "{field}" does not match the beneficiary group (Decree 20/2021/NĐ-CP gives {expected}).',
  },
  AMOUNT_MISMATCH: {
    vi: 'Số tiền ở trường "{field}" không bằng mức chuẩn nhân hệ số ({expected} đồng).',
    en: 'The amount in "{field}" is not the base level times the coefficient ({expected} VND).',
  },
  AMOUNT_ABOVE_CAP: {
    vi: 'Số tiền ở trường "{field}" vượt mức tối đa {maximum} đồng.',
    en: 'The amount in "{field}" exceeds the maximum of {maximum} VND.',
  },
  BENEFIT_DURATION_EXCEEDED: {
    vi: 'Số tháng hưởng ở trường "{field}" vượt quá {max} tháng tương ứng thời gian đóng.',
    en: 'The benefit months in "{field}" exceed the {max} months the contributions give.',
  },
  CONTRIBUTION_TOO_SHORT: {
    vi: 'Thời gian đóng ở trường "{field}" chưa đủ {min} năm.',
    en: 'The contribution period in "{field}" is shorter than {min} years.',
  },
  POVERTY_CLASSIFICATION_MISMATCH: {
    vi: 'Phân loại hộ ở trường "{field}" không khớp chuẩn nghèo đa chiều 2022–2025 (ngưỡng thu nhập {threshold} đồng/người/tháng, {deprivations} chỉ số thiếu hụt).',
    en: 'The household classification in "{field}" does not follow the 2022–2025 multidimensional poverty standard (income threshold {threshold} VND per person per month, {deprivations} deprivations).',
  },
  HI_CARD_GROUP_MISMATCH: {
    vi: 'Mã đối tượng (ký tự 1–2) của mã thẻ bảo hiểm y tế khác trường "{other}".',
    en: 'The beneficiary group (characters 1–2) of the health-insurance card number differs from "{other}".',
  },
  HI_CARD_LEVEL_MISMATCH: {
    vi: 'Mức hưởng (ký tự 3) của mã thẻ bảo hiểm y tế khác trường "{other}".',
    en: 'The benefit level (character 3) of the health-insurance card number differs from "{other}".',
  },
  HI_CARD_SI_MISMATCH: {
    vi: 'Mã số bảo hiểm xã hội (ký tự 6–15) của mã thẻ bảo hiểm y tế khác trường "{other}".',
    en: 'The social insurance number (characters 6–15) of the health-insurance card number differs from "{other}".',
  },
  HOUSEHOLD_WITHOUT_HEAD: {
    vi: 'Hộ gia đình không có thành viên nào là chủ hộ (relationToHead = head).',
    en: 'The household has no member who is its head (relationToHead = head).',
  },
  HOUSEHOLD_MULTIPLE_HEADS: {
    vi: 'Hộ gia đình có nhiều hơn một chủ hộ (thành viên "{field}").',
    en: 'The household has more than one head (member "{field}").',
  },
  DUPLICATE_MEMBER: {
    vi: 'Thành viên "{field}" trùng số định danh với thành viên thứ {first} của hộ.',
    en: 'Member "{field}" has the same personal ID as member {first} of the household.',
  },
  DUPLICATE_VALUE: {
    vi: 'Giá trị ở "{field}" bị lặp trong danh sách.',
    en: 'The value at "{field}" appears twice in the list.',
  },
} as const satisfies MessageTable;

export type ValidationIssueCode = keyof typeof VALIDATION_MESSAGES;

/** Messages of errors thrown (not returned) by validation: a caller's mistake, not bad data. */
export const VALIDATION_ERRORS = {
  UNKNOWN_KIND: {
    vi: 'Loại bản ghi "{kind}" không tồn tại; các loại hợp lệ: {kinds}.',
    en: 'There is no record kind "{kind}"; the kinds are: {kinds}.',
  },
} as const satisfies MessageTable;

/** Words filled into `{expected}`, `{received}` and `{format}`. */
export const VALIDATION_TERMS = {
  string: { vi: 'chuỗi ký tự', en: 'a string' },
  number: { vi: 'số', en: 'a number' },
  int: { vi: 'số nguyên', en: 'a whole number' },
  boolean: { vi: 'giá trị đúng/sai (true/false)', en: 'true or false' },
  object: { vi: 'đối tượng JSON', en: 'a JSON object' },
  array: { vi: 'danh sách', en: 'a list' },
  null: { vi: 'null', en: 'null' },
  undefined: { vi: 'không có giá trị', en: 'nothing' },
  literal: { vi: 'giá trị cố định', en: 'a fixed value' },
  value: { vi: 'giá trị khác', en: 'another value' },
  record: { vi: '(bản ghi)', en: '(record)' },
  date: { vi: 'một ngày có thật dạng YYYY-MM-DD', en: 'a real date YYYY-MM-DD' },
  datetime: {
    vi: 'ngày giờ ISO 8601 có múi giờ, ví dụ 2025-08-01T08:30:00+07:00',
    en: 'an ISO 8601 date-time with offset, e.g. 2025-08-01T08:30:00+07:00',
  },
  month: { vi: 'tháng dạng YYYY-MM', en: 'a month YYYY-MM' },
  uuid: { vi: 'mã UUID', en: 'a UUID' },
  digest: { vi: '"sha256:" và 64 chữ số hệ 16 viết thường', en: '"sha256:" and 64 lower-case hex digits' },
  name: {
    vi: 'họ tên không có chữ số, ký tự điều khiển hay khoảng trắng thừa',
    en: 'a name without digits, control characters or extra spaces',
  },
  text: {
    vi: 'văn bản không có ký tự điều khiển hay khoảng trắng ở đầu, cuối',
    en: 'text without control characters or leading or trailing spaces',
  },
  digits3: { vi: '3 chữ số', en: '3 digits' },
  digits5: { vi: '5 chữ số', en: '5 digits' },
  taxCode: {
    vi: 'mã số thuế 10 chữ số (hoặc 10 chữ số, "-" và 3 chữ số)',
    en: 'a tax code of 10 digits (or 10 digits, "-" and 3 digits)',
  },
  phone: { vi: 'số điện thoại 10 chữ số bắt đầu bằng 0', en: 'a 10-digit phone number starting with 0' },
  account: { vi: 'số tài khoản 6–20 chữ số', en: 'an account number of 6–20 digits' },
  pattern: { vi: 'đúng mẫu quy định', en: 'the prescribed pattern' },
} as const satisfies Readonly<Record<string, Bilingual>>;

export type ValidationTerm = keyof typeof VALIDATION_TERMS;
