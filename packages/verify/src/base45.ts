import { VerifyError } from './errors.js';

// RFC 9285: 45 characters, every 2 bytes become 3 characters (least significant first).
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
const INDEX = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) INDEX[ALPHABET.charCodeAt(i)] = i;

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
  const rest = text.length % 3;
  if (rest === 1) throw new VerifyError('ERR_BASE45', 'decode');
  const out = new Uint8Array(((text.length - rest) / 3) * 2 + (rest === 2 ? 1 : 0));
  // One check per group (no per-digit call): every code below 128, then every index not -1.
  let o = 0;
  let i = 0;
  for (; i + 2 < text.length; i += 3) {
    const ca = text.charCodeAt(i);
    const cb = text.charCodeAt(i + 1);
    const cc = text.charCodeAt(i + 2);
    if ((ca | cb | cc) >= 128) throw new VerifyError('ERR_BASE45', 'decode');
    const a = INDEX[ca] as number;
    const b = INDEX[cb] as number;
    const c = INDEX[cc] as number;
    if ((a | b | c) < 0) throw new VerifyError('ERR_BASE45', 'decode');
    const n = a + b * 45 + c * 2025;
    if (n > 0xffff) throw new VerifyError('ERR_BASE45', 'decode');
    out[o++] = n >> 8;
    out[o++] = n & 0xff;
  }
  if (rest === 2) {
    const ca = text.charCodeAt(i);
    const cb = text.charCodeAt(i + 1);
    if ((ca | cb) >= 128) throw new VerifyError('ERR_BASE45', 'decode');
    const a = INDEX[ca] as number;
    const b = INDEX[cb] as number;
    if ((a | b) < 0) throw new VerifyError('ERR_BASE45', 'decode');
    const n = a + b * 45;
    if (n > 0xff) throw new VerifyError('ERR_BASE45', 'decode');
    out[o] = n;
  }
  return out;
}
