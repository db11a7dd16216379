/** Helpers shared by the QR parsers: dates, hex-encoded UTF-8 text. */

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function digitsAt(text: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

function isoDate(year: number, month: number, day: number): string | undefined {
  if (year < 1 || month < 1 || month > 12 || day < 1) return undefined;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number);
  if (day > days) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** `ddmmyyyy` (citizen-ID QR) to `YYYY-MM-DD`; undefined unless it is a real calendar date. */
export function dateFromDdmmyyyy(text: string): string | undefined {
  if (text.length !== 8) return undefined;
  return isoDate(digitsAt(text, 4, 4), digitsAt(text, 2, 2), digitsAt(text, 0, 2));
}

/** `dd/mm/yyyy` (health-insurance QR) to `YYYY-MM-DD`; undefined unless it is a real calendar date. */
export function dateFromSlashed(text: string): string | undefined {
  if (text.length !== 10 || text[2] !== '/' || text[5] !== '/') return undefined;
  return isoDate(digitsAt(text, 6, 4), digitsAt(text, 3, 2), digitsAt(text, 0, 2));
}

// One decoder for all calls. `fatal` makes malformed UTF-8 an error instead of U+FFFD, so a
// damaged scan is reported rather than shown as a plausible-looking wrong name.
const UTF8 = new TextDecoder('utf-8', { fatal: true });

function nibble(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/** Decoded text, or why decoding failed: not hex, or hex of bytes that are not UTF-8. */
export type HexText = { readonly text: string } | { readonly error: 'hex' | 'utf8' };

/** Decodes hex-encoded UTF-8 (lower case on real cards; upper case accepted) to NFC text. */
export function textFromHex(hex: string): HexText {
  if (hex.length % 2 !== 0) return { error: 'hex' };
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) {
    const hi = nibble(hex.charCodeAt(2 * i));
    const lo = nibble(hex.charCodeAt(2 * i + 1));
    if (hi < 0 || lo < 0) return { error: 'hex' };
    bytes[i] = hi * 16 + lo;
  }
  try {
    return { text: UTF8.decode(bytes).normalize('NFC') };
  } catch {
    return { error: 'utf8' };
  }
}
