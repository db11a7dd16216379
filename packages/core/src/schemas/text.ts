import { nfc } from '../i18n.js';

/**
 * NFC of `text`, skipping `String.prototype.normalize` when the text is certainly NFC already.
 *
 * Code points below U+0300 are all NFC-stable starters, and so are the precomposed Vietnamese
 * letters of U+1EA0–U+1EFF; none of them composes with a following starter. A string made only of
 * those (every Vietnamese name typed on a usual keyboard) is therefore NFC as it stands. Anything
 * else (a combining mark, another script) goes through the real normaliser. This keeps the
 * validation hot path free of ICU calls for ordinary data.
 */
export function toNfc(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x300 && (c < 0x1ea0 || c > 0x1eff)) return nfc(text);
  }
  return text;
}

/**
 * Whether `text` is acceptable as a person's name: no digits, no control characters, no leading,
 * trailing or doubled spaces. Apostrophes, hyphens and dots stay allowed (names such as
 * "H'Hen Niê" or "Y-Moan"). Plain loop: runs on every record.
 */
export function isPersonName(text: string): boolean {
  const n = text.length;
  if (n === 0 || text.charCodeAt(0) === 32 || text.charCodeAt(n - 1) === 32) return false;
  let previous = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 || (c >= 0x7f && c <= 0x9f) || (c >= 48 && c <= 57)) return false;
    if (c === 32 && previous === 32) return false;
    previous = c;
  }
  return true;
}

/** Whether `text` has no control characters and no leading or trailing space (free-text fields). */
export function isCleanText(text: string): boolean {
  const n = text.length;
  if (n === 0 || text.charCodeAt(0) === 32 || text.charCodeAt(n - 1) === 32) return false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 || (c >= 0x7f && c <= 0x9f)) return false;
  }
  return true;
}

/** Whether `text[from, to)` are all ASCII digits. No allocation. */
export function digitsAt(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Whether `text` is exactly `length` ASCII digits. */
export function isDigits(text: string, length: number): boolean {
  return text.length === length && digitsAt(text, 0, length);
}

/** Whether `c` is a UTF-16 unit of a code point that keeps a string NFC as it stands (see {@link toNfc}). */
function isNfcSafe(c: number): boolean {
  return c < 0x300 || (c >= 0x1ea0 && c <= 0x1eff);
}

/**
 * One pass that implies every check of a free-text field: 1…`max` characters, already NFC, no
 * control characters or edge spaces. False when unsure (a combining mark, a long string): the
 * caller then runs the full checks.
 */
export function isPlainText(text: string, max: number): boolean {
  const n = text.length;
  if (n === 0 || n > max || text.charCodeAt(0) === 32 || text.charCodeAt(n - 1) === 32) return false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 || (c >= 0x7f && c <= 0x9f) || !isNfcSafe(c)) return false;
  }
  return true;
}

/** Like {@link isPlainText} for a person's name: also no digits and no doubled spaces. */
export function isPlainName(text: string, max: number): boolean {
  const n = text.length;
  if (n === 0 || n > max || text.charCodeAt(0) === 32 || text.charCodeAt(n - 1) === 32) return false;
  let previous = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 || (c >= 0x7f && c <= 0x9f) || (c >= 48 && c <= 57) || !isNfcSafe(c)) return false;
    if (c === 32 && previous === 32) return false;
    previous = c;
  }
  return true;
}

const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Whether `text` is a real calendar date `YYYY-MM-DD` (Gregorian leap years, years 0000–9999):
 * exactly what zod's `z.iso.date()` pattern accepts, as a loop instead of a regular expression.
 */
export function isIsoDate(text: string): boolean {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  if (!digitsAt(text, 0, 4) || !digitsAt(text, 5, 7) || !digitsAt(text, 8, 10)) return false;
  const month = (text.charCodeAt(5) - 48) * 10 + (text.charCodeAt(6) - 48);
  const day = (text.charCodeAt(8) - 48) * 10 + (text.charCodeAt(9) - 48);
  if (month < 1 || month > 12 || day < 1) return false;
  if (day <= (DAYS_IN_MONTH[month] as number)) return true;
  if (month !== 2 || day !== 29) return false;
  const yy = (text.charCodeAt(2) - 48) * 10 + (text.charCodeAt(3) - 48);
  const cc = (text.charCodeAt(0) - 48) * 10 + (text.charCodeAt(1) - 48);
  return yy === 0 ? cc % 4 === 0 : yy % 4 === 0;
}
