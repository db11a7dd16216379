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
