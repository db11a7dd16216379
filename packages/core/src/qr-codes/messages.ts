import type { SeverityMessageTable } from '../id/parse-result.js';

/**
 * Issue codes of the QR parsers. Problems inside an identifier field are reported with that
 * identifier's own codes (`PERSONAL_ID_*`, `LEGACY_ID_*`, `HI_NUMBER_*`, `SI_NUMBER_*`) at the
 * field's path; these codes cover the QR layout itself. Messages never quote field values: the
 * text of a scanned card is personal data and messages end up in logs.
 */
export const QR_MESSAGES = {
  QR_EMPTY: {
    severity: 'error',
    vi: 'Nội dung mã QR trống.',
    en: 'The QR text is empty.',
  },
  QR_KIND_MISMATCH: {
    severity: 'error',
    vi: 'Đây không phải mã QR loại {expected} mà có vẻ là loại {actual}.',
    en: 'This is not a {expected} QR; it looks like a {actual} QR.',
  },
  QR_FIELD_COUNT: {
    severity: 'error',
    vi: 'Mã QR cần ít nhất {expected} trường ngăn cách bởi "|", nhưng chỉ có {count}.',
    en: 'The QR text needs at least {expected} "|"-separated fields but has {count}.',
  },
  QR_TERMINATOR_MISSING: {
    severity: 'error',
    vi: 'Mã QR thẻ bảo hiểm y tế phải kết thúc bằng ký tự "$".',
    en: 'A health-insurance card QR must end with "$".',
  },
  QR_FIELD_EMPTY: {
    severity: 'error',
    vi: 'Trường bắt buộc "{field}" của mã QR bị trống.',
    en: 'The required QR field "{field}" is empty.',
  },
  QR_DATE_INVALID: {
    severity: 'error',
    vi: 'Trường "{field}" của mã QR không phải một ngày hợp lệ dạng {format}.',
    en: 'The QR field "{field}" is not a valid date of the form {format}.',
  },
  QR_SEX_INVALID: {
    severity: 'error',
    vi: 'Giới tính trong mã QR phải là {expected}.',
    en: 'The sex in the QR must be {expected}.',
  },
  QR_HEX_INVALID: {
    severity: 'error',
    vi: 'Trường "{field}" của mã QR phải là chuỗi hex (số ký tự chẵn, chỉ gồm 0–9 và a–f).',
    en: 'The QR field "{field}" must be hex (an even number of characters 0–9, a–f).',
  },
  QR_UTF8_INVALID: {
    severity: 'error',
    vi: 'Trường "{field}" của mã QR sau khi giải mã hex không phải văn bản UTF-8 hợp lệ.',
    en: 'The QR field "{field}" does not decode from hex to valid UTF-8 text.',
  },
  QR_FACILITY_INVALID: {
    severity: 'error',
    vi: 'Nơi đăng ký khám chữa bệnh ban đầu phải có dạng "PP - NNN" (mã tỉnh 2 chữ số, mã cơ sở 3 chữ số).',
    en: 'The initial-registration facility must look like "PP - NNN" (2-digit province, 3-digit facility).',
  },
  QR_CARD_NUMBER_LENGTH: {
    severity: 'error',
    vi: 'Mã thẻ bảo hiểm y tế trong mã QR phải có 15 ký tự (thẻ cũ) hoặc 10 chữ số (thẻ mới), nhận được {length} ký tự.',
    en: 'The health-insurance card number in the QR must have 15 characters (older cards) or 10 digits (newer cards); got {length}.',
  },
  QR_VALIDITY_RANGE: {
    severity: 'error',
    vi: 'Ngày hết hạn của thẻ trong mã QR đứng trước ngày bắt đầu có giá trị.',
    en: 'The card in the QR expires before its validity starts.',
  },
} as const satisfies SeverityMessageTable;

export type QrIssueCode = keyof typeof QR_MESSAGES;
