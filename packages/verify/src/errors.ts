import { type Bilingual, type Lang, localize } from '@ansinh/core';

/** Where in the pipeline a verification failed, in pipeline order. */
export type VerifyStage =
  | 'input'
  | 'decode'
  | 'cose'
  | 'key'
  | 'signature'
  | 'trust'
  | 'claims'
  | 'time'
  | 'status';

/**
 * Every way a credential, trust list or status list can fail, with its message. Codes are
 * stable: consumers `switch (error.code)`.
 */
export const VERIFY_MESSAGES = {
  ERR_INPUT_TYPE: { vi: 'Dữ liệu đầu vào không phải là chuỗi văn bản', en: 'The input is not a text string' },
  ERR_TOO_LONG: {
    vi: 'Chuỗi QR dài hơn 4.296 ký tự (giới hạn của mã QR)',
    en: 'The QR text is longer than 4,296 characters (the QR code limit)',
  },
  ERR_PREFIX: {
    vi: 'Không nhận ra loại mã (thiếu tiền tố AS1: hoặc HC1:)',
    en: 'Unknown credential type (no AS1: or HC1: prefix)',
  },
  ERR_BASE45: { vi: 'Mã base45 không hợp lệ', en: 'Invalid base45 encoding' },
  ERR_INFLATE: { vi: 'Dữ liệu nén zlib bị hỏng', en: 'Corrupt zlib data' },
  ERR_INFLATE_TOO_LARGE: {
    vi: 'Dữ liệu giải nén vượt quá 64 KiB (từ chối trước khi cấp bộ nhớ)',
    en: 'The inflated data exceeds 64 KiB (refused before allocating)',
  },
  ERR_CBOR: { vi: 'Dữ liệu CBOR không hợp lệ', en: 'Malformed CBOR' },
  ERR_CBOR_DEPTH: { vi: 'CBOR lồng nhau quá 16 cấp', en: 'CBOR nested deeper than 16 levels' },
  ERR_CBOR_DUPLICATE_KEY: { vi: 'Khóa bị lặp trong một bảng CBOR', en: 'Duplicate key in a CBOR map' },
  ERR_CBOR_TRAILING: { vi: 'Có dữ liệu thừa sau mục CBOR', en: 'Bytes trail the CBOR item' },
  ERR_COSE_MALFORMED: { vi: 'Cấu trúc COSE_Sign1 không hợp lệ', en: 'Malformed COSE_Sign1 structure' },
  ERR_COSE_CRIT: {
    vi: 'Tiêu đề COSE yêu cầu một tham số không được hỗ trợ (crit)',
    en: 'The COSE header marks an unsupported parameter as critical (crit)',
  },
  ERR_COSE_TYPE: { vi: 'Loại tài liệu COSE (typ) không đúng', en: 'Wrong COSE content type (typ)' },
  ERR_ALG_MISSING: {
    vi: 'Thiếu thuật toán (alg) trong tiêu đề được bảo vệ',
    en: 'No algorithm (alg) in the protected header',
  },
  ERR_ALG_UNPROTECTED: {
    vi: 'Thuật toán (alg) chỉ nằm trong tiêu đề không được bảo vệ',
    en: 'The algorithm (alg) is only in the unprotected header',
  },
  ERR_ALG_NOT_ALLOWED: {
    vi: 'Thuật toán chữ ký không được chấp nhận',
    en: 'Signature algorithm not allowed',
  },
  ERR_KID_MISSING: {
    vi: 'Thiếu mã khóa (kid) trong tiêu đề được bảo vệ',
    en: 'No key identifier (kid) in the protected header',
  },
  ERR_KID_UNKNOWN: { vi: 'Không tìm thấy khóa của đơn vị phát hành (kid)', en: 'Unknown signing key (kid)' },
  ERR_KID_OTHER_ISSUER: {
    vi: 'Khóa ký thuộc về đơn vị phát hành khác với đơn vị ghi trên thẻ',
    en: 'The signing key belongs to another issuer than the one the card names',
  },
  ERR_KEY_INVALID: { vi: 'Khóa công khai không hợp lệ', en: 'Invalid public key' },
  ERR_CERTIFICATE_INVALID: {
    vi: 'Chứng thư số X.509 không hợp lệ: {detail}',
    en: 'Invalid X.509 certificate: {detail}',
  },
  ERR_KEY_ALG_MISMATCH: {
    vi: 'Thuật toán chữ ký không khớp với loại khóa',
    en: 'The signature algorithm does not match the key type',
  },
  ERR_KEY_VALIDITY: {
    vi: 'Khóa ký không còn hiệu lực vào thời điểm phát hành thẻ',
    en: 'The signing key was not valid when the card was issued',
  },
  ERR_KEY_USAGE: {
    vi: 'Khóa ký không được phép ký loại thẻ này',
    en: 'The signing key is not allowed to sign this card type',
  },
  ERR_SIGNATURE_FORMAT: {
    vi: 'Chữ ký có độ dài sai',
    en: 'The signature has the wrong length',
  },
  ERR_SIGNATURE_RANGE: {
    vi: 'Chữ ký ECDSA có r hoặc s ngoài khoảng (0, n)',
    en: 'The ECDSA signature has r or s outside (0, n)',
  },
  ERR_SIGNATURE_INVALID: { vi: 'Chữ ký không hợp lệ', en: 'Invalid signature' },
  ERR_UNSUPPORTED: {
    vi: 'Môi trường chạy không hỗ trợ thuật toán này',
    en: 'This runtime does not support the algorithm',
  },
  ERR_CLAIMS_MALFORMED: {
    vi: 'Các trường CWT (iss, iat, exp…) thiếu hoặc sai kiểu',
    en: 'The CWT claims (iss, iat, exp…) are missing or mistyped',
  },
  ERR_PAYLOAD_SCHEMA: { vi: 'Thông tin thẻ không hợp lệ: {detail}', en: 'Invalid card claims: {detail}' },
  ERR_CREDENTIAL_EXPIRED: { vi: 'Thẻ đã hết hạn', en: 'The card has expired' },
  ERR_CREDENTIAL_NOT_YET_VALID: { vi: 'Thẻ chưa có hiệu lực', en: 'The card is not valid yet' },
  ERR_REVOKED: { vi: 'Thẻ đã bị thu hồi', en: 'The card has been revoked' },
  ERR_SUSPENDED: { vi: 'Thẻ đang bị tạm khóa', en: 'The card is suspended' },
  ERR_STATUS_UNKNOWN: {
    vi: 'Danh sách trạng thái ghi một giá trị không xác định cho thẻ',
    en: 'The status list holds an unknown value for the card',
  },
  ERR_STATUS_UNAVAILABLE: {
    vi: 'Không có danh sách trạng thái để kiểm tra thẻ',
    en: 'No status list is available to check the card',
  },
  ERR_STATUS_INDEX: {
    vi: 'Chỉ số trạng thái của thẻ nằm ngoài danh sách',
    en: "The card's status index is outside the status list",
  },
  ERR_STATUS_LIST_INVALID: { vi: 'Danh sách trạng thái không hợp lệ', en: 'Invalid status list' },
  ERR_STATUS_LIST_ISSUER: {
    vi: 'Danh sách trạng thái do đơn vị khác ký',
    en: 'The status list is signed by another issuer',
  },
  ERR_STATUS_LIST_EXPIRED: { vi: 'Danh sách trạng thái đã hết hạn', en: 'The status list has expired' },
  ERR_STATUS_LIST_OUTDATED: {
    vi: 'Danh sách trạng thái cũ hơn bản đang giữ (iat sớm hơn)',
    en: 'The status list is older than the one held (earlier iat)',
  },
  ERR_TRUST_LIST_INVALID: { vi: 'Danh sách tin cậy không hợp lệ', en: 'Invalid trust list' },
  ERR_TRUST_LIST_EXPIRED: { vi: 'Danh sách tin cậy đã hết hạn', en: 'The trust list has expired' },
  ERR_TRUST_LIST_ROLLBACK: {
    vi: 'Danh sách tin cậy cũ hơn bản đang giữ (seq thấp hơn)',
    en: 'The trust list is older than the one held (lower seq)',
  },
  ERR_CLOCK: {
    vi: 'Đồng hồ của thiết bị xác thực không cho thời gian hợp lệ',
    en: "The verifier's clock gave no valid time",
  },
  ERR_INTERNAL: {
    vi: 'Lỗi nội bộ khi xác thực (vui lòng báo lỗi)',
    en: 'Internal error while verifying (please report it)',
  },
} as const satisfies Readonly<Record<string, Bilingual>>;

export type VerifyErrorCode = keyof typeof VERIFY_MESSAGES;

/** A failure as the verifier reports it. */
export interface VerifyErrorInfo {
  readonly code: VerifyErrorCode;
  readonly stage: VerifyStage;
  readonly message: string;
}

/**
 * Thrown by the internal decoders and by issuing functions given bad arguments; the verifier
 * catches it and returns its code. Check `err.code`, not `instanceof` (dual-package hazard).
 */
export class VerifyError extends Error {
  readonly code: VerifyErrorCode;
  readonly stage: VerifyStage;

  constructor(code: VerifyErrorCode, stage: VerifyStage, options?: { cause?: unknown; detail?: string }) {
    super(
      localize(VERIFY_MESSAGES[code], 'en', { detail: options?.detail ?? '' }),
      options?.cause === undefined ? undefined : { cause: options.cause },
    );
    this.name = new.target.name;
    this.code = code;
    this.stage = stage;
  }
}

/**
 * The failure record for `code` at `stage`, message in `lang`.
 *
 * @example
 * errorInfo('ERR_REVOKED', 'status', 'en'); // { code: 'ERR_REVOKED', stage: 'status', message: 'The card has been revoked' }
 */
export function errorInfo(
  code: VerifyErrorCode,
  stage: VerifyStage,
  lang: Lang = 'vi',
  detail?: string,
): VerifyErrorInfo {
  return { code, stage, message: localize(VERIFY_MESSAGES[code], lang, { detail: detail ?? '' }) };
}

/** Whether `value` is a VerifyError, checked by shape so it works across package copies. */
export function isVerifyError(value: unknown): value is VerifyError {
  return (
    value instanceof Error &&
    typeof (value as VerifyError).code === 'string' &&
    (value as VerifyError).code in VERIFY_MESSAGES &&
    typeof (value as VerifyError).stage === 'string'
  );
}
