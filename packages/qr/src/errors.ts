import { type Bilingual, type Lang, localize } from '@ansinh/core';

/** Every message a {@link QrError} can carry, by its stable code. */
export const QR_ERROR_MESSAGES = {
  ERR_QR_EMPTY: {
    vi: 'Không thể tạo mã QR từ văn bản rỗng.',
    en: 'Cannot make a QR code from empty text.',
  },
  ERR_QR_TOO_LONG: {
    vi: 'Văn bản dài {length} ký tự không vừa một mã QR ở mức sửa lỗi {ecc} (tối đa {max} ký tự chữ-số ở phiên bản 40).',
    en: 'Text of {length} characters does not fit one QR code at error-correction level {ecc} (at most {max} alphanumeric characters at version 40).',
  },
  ERR_QR_NOT_ALPHANUMERIC: {
    vi: 'Ký tự "{char}" ở vị trí {index} không thuộc bảng chữ-số của mã QR (0-9, A-Z, dấu cách, $%*+-./:); văn bản base45 (AS1:, HC1:) chỉ dùng các ký tự này.',
    en: 'Character "{char}" at position {index} is not in the QR alphanumeric set (0-9, A-Z, space, $%*+-./:); base45 texts (AS1:, HC1:) use only these characters.',
  },
  ERR_QR_CARD_INVALID: {
    vi: 'Không thể in thẻ: dữ liệu thẻ không hợp lệ ({details}).',
    en: 'Cannot print the card: the card data is invalid ({details}).',
  },
  ERR_QR_NOT_FOUND: {
    vi: 'Không tìm thấy mã QR đọc được trong ảnh.',
    en: 'No readable QR code was found in the image.',
  },
  ERR_SCANNER_NOT_READY: {
    vi: 'Bộ đọc QR (zxing-wasm) chưa có tệp WebAssembly: trong Node hãy dùng "@ansinh/qr/node"; trong trình duyệt hãy gọi setScannerWasm() với URL hoặc nội dung của zxing_reader.wasm.',
    en: 'The QR reader (zxing-wasm) has no WebAssembly file: in Node use "@ansinh/qr/node"; in a browser call setScannerWasm() with the URL or bytes of zxing_reader.wasm.',
  },
  ERR_SCANNER_LOAD: {
    vi: 'Không tải được bộ đọc QR (zxing-wasm): {details}.',
    en: 'Could not load the QR reader (zxing-wasm): {details}.',
  },
  ERR_CHROMIUM_UNAVAILABLE: {
    vi: 'Cần Chromium để vẽ thẻ thành PNG nhưng không khởi động được ({details}). Trên Debian/Ubuntu: "sudo apt-get install chromium fonts-dejavu-core", và gói npm playwright-core; hoặc đặt ANSINH_CHROMIUM=/đường/dẫn/chromium. Hoặc xuất SVG (--out thẻ.svg).',
    en: 'Rendering the card to PNG needs Chromium, which could not be started ({details}). On Debian/Ubuntu: "sudo apt-get install chromium fonts-dejavu-core", plus the npm package playwright-core; or set ANSINH_CHROMIUM=/path/to/chromium. Or write SVG instead (--out card.svg).',
  },
  ERR_IMAGE_INVALID: {
    vi: 'Dữ liệu ảnh không hợp lệ: {details}.',
    en: 'Invalid image data: {details}.',
  },
  ERR_IMAGE_FORMAT: {
    vi: 'Không đọc được ảnh: {details}. Chỉ hỗ trợ PNG và JPEG.',
    en: 'Cannot read the image: {details}. Only PNG and JPEG are supported.',
  },
} as const satisfies Record<string, Bilingual>;

/** Stable codes of {@link QrError}: switch on `err.code`. */
export type QrErrorCode = keyof typeof QR_ERROR_MESSAGES;

/**
 * The error @ansinh/qr throws for input it cannot turn into a symbol, a card or pixels.
 * `message` is English; `messages` holds both languages, filled in. Check `err.code`, not
 * `instanceof`: the ESM and CJS copies of the package are different classes.
 */
export class QrError extends Error {
  readonly code: QrErrorCode;
  readonly messages: Bilingual;
  /** The values the message was filled with (lengths, positions), for programs that react to them. */
  readonly details: Readonly<Record<string, string | number>>;

  constructor(
    code: QrErrorCode,
    details: Readonly<Record<string, string | number>> = {},
    options?: { cause?: unknown },
  ) {
    const messages = {
      vi: localize(QR_ERROR_MESSAGES[code], 'vi', details),
      en: localize(QR_ERROR_MESSAGES[code], 'en', details),
    };
    super(messages.en, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.messages = messages;
    this.details = details;
  }

  /** The message in `lang`. */
  messageIn(lang: Lang): string {
    return this.messages[lang];
  }
}
