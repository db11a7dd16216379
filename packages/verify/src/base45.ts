import { VerifyError } from './errors.js';

// RFC 9285: 45 characters, every 2 bytes become 3 characters (least significant first).
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
// Index of each character code; the others hold a value that makes any group containing them
// negative: -2^17 outweighs the largest contribution of the other two digits (44·45 + 44·2025),
// and three of them, times 1 + 45 + 2025, stay within 32 bits for the sign test.
const INVALID = -(1 << 17);
const INDEX = new Int32Array(256).fill(INVALID);
for (let i = 0; i < ALPHABET.length; i++) INDEX[ALPHABET.charCodeAt(i)] = i;

// The characters are first copied out as bytes (TextEncoder.encodeInto: native, a copy for
// ASCII), as reading bytes costs half of reading the string a character at a time. Texts up
// to the QR limit reuse this buffer.
const encoder = new TextEncoder();
const charScratch = new Uint8Array(4296);

/** The characters of `text` from `start` as bytes; `ERR_BASE45` when one is not ASCII. */
function asciiBytes(text: string, start: number): Uint8Array {
  const length = text.length - start;
  const chars = length <= charScratch.length ? charScratch : new Uint8Array(length);
  const { read, written } = encoder.encodeInto(start === 0 ? text : text.slice(start), chars);
  // Anything outside ASCII takes more than one byte, so the counts part.
  if (read !== length || written !== length) throw new VerifyError('ERR_BASE45', 'decode');
  return chars;
}

/**
 * Encodes bytes as base45 (RFC 9285).
 *
 * @example
 * encodeBase45(new TextEncoder().encode('AB')); // 'BB8'
 */
export function encodeBase45(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    let n = (bytes[i] as number) * 256 + (bytes[i + 1] as number);
    const c = n % 45;
    n = (n - c) / 45;
    const d = n % 45;
    const e = (n - d) / 45;
    out += ALPHABET[c]! + ALPHABET[d]! + ALPHABET[e]!;
  }
  if (bytes.length % 2 === 1) {
    const n = bytes[bytes.length - 1] as number;
    out += ALPHABET[n % 45]! + ALPHABET[Math.floor(n / 45)]!;
  }
  return out;
}

/**
 * Decodes base45 (RFC 9285) strictly: a character outside the alphabet, a dangling single
 * character, or a group whose value exceeds its byte range throws `VerifyError` `ERR_BASE45`.
 *
 * @example
 * decodeBase45('QED8WEX0'); // bytes of 'ietf!'
 */
export function decodeBase45(text: string): Uint8Array {
  return decodeBase45From(text, 0);
}

/** Bytes `decodeBase45` gives for `length` characters (a dangling character is checked apart). */
const decodedLength = (length: number) => Math.floor(length / 3) * 2 + (length % 3 === 2 ? 1 : 0);

/**
 * `decodeBase45` of `text` from `start` (past a prefix), into `into` when it is large enough
 * (a scratch buffer: the result is then a view of it), else into a new array.
 */
export function decodeBase45From(text: string, start: number, into?: Uint8Array): Uint8Array {
  const rest = (text.length - start) % 3;
  if (rest === 1) throw new VerifyError('ERR_BASE45', 'decode');
  const length = decodedLength(text.length - start);
  const out = into && into.length >= length ? into.subarray(0, length) : new Uint8Array(length);
  const chars = asciiBytes(text, start);
  // No branch per group: every group's value and range go into `bad`, whose sign bit is set
  // when a character is outside the alphabet or a value does not fit its bytes.
  let bad = 0;
  let o = 0;
  let i = 0;
  for (const end = text.length - start - 2; i < end; i += 3) {
    const n =
      (INDEX[chars[i] as number] as number) +
      (INDEX[chars[i + 1] as number] as number) * 45 +
      (INDEX[chars[i + 2] as number] as number) * 2025;
    bad |= n | (0xffff - n);
    out[o++] = n >> 8;
    out[o++] = n;
  }
  if (rest === 2) {
    const n = (INDEX[chars[i] as number] as number) + (INDEX[chars[i + 1] as number] as number) * 45;
    bad |= n | (0xff - n);
    out[o] = n;
  }
  if (bad < 0) throw new VerifyError('ERR_BASE45', 'decode');
  return out;
}
