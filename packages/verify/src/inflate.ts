import { zlibSync } from 'fflate';
import { VerifyError } from './errors.js';
import { type InflateOutput, inflateRaw } from './lib/inflate-raw.js';

/** Largest inflated payload a verifier accepts. */
export const MAX_INFLATED_BYTES = 64 * 1024;

// One output buffer for every QR payload: the inflater writes into it and refuses to go past
// the limit, so no more memory than this is ever taken. Calls are synchronous: sharing is safe.
const out = new Uint8Array(MAX_INFLATED_BYTES);

function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  // 5552 is the largest run before b can overflow 2^32 (zlib's NMAX); JS numbers hold far more,
  // so the sums are reduced only once per run.
  for (let i = 0; i < bytes.length; ) {
    const end = Math.min(i + 5552, bytes.length);
    // Four bytes per step: a grows by their sum, b by 4a plus their weighted sum, which is what
    // four single steps add, with a shorter chain of dependent additions.
    for (; i + 4 <= end; i += 4) {
      const x0 = bytes[i] as number;
      const x1 = bytes[i + 1] as number;
      const x2 = bytes[i + 2] as number;
      const x3 = bytes[i + 3] as number;
      b += 4 * a + 4 * x0 + 3 * x1 + 2 * x2 + x3;
      a += x0 + x1 + x2 + x3;
    }
    for (; i < end; i++) {
      a += bytes[i] as number;
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}

function checkZlibHeader(data: Uint8Array): void {
  const cmf = data[0] ?? 0;
  const flg = data[1] ?? 0;
  // CM 8 (deflate), window ≤ 32 KiB, header checksum, no preset dictionary (FDICT).
  if (data.length < 7 || (cmf & 15) !== 8 || cmf >> 4 > 7 || ((cmf << 8) | flg) % 31 !== 0 || flg & 32) {
    throw new VerifyError('ERR_INFLATE', 'decode');
  }
}

function checkAdler32(data: Uint8Array, inflated: Uint8Array): void {
  const t = data.length - 4;
  const expected =
    (((data[t] as number) << 24) |
      ((data[t + 1] as number) << 16) |
      ((data[t + 2] as number) << 8) |
      (data[t + 3] as number)) >>>
    0;
  if (adler32(inflated) !== expected) throw new VerifyError('ERR_INFLATE', 'decode');
}

/**
 * Inflates zlib data (RFC 1950) of at most `maxBytes` (default 64 KiB, the QR limit). Refuses
 * larger output before taking the memory (`ERR_INFLATE_TOO_LARGE`). Throws `ERR_INFLATE` for a
 * bad header or preset dictionary, a stream RFC 1951 does not allow, a stored block whose NLEN
 * is not ~LEN, bytes between the final block and the checksum, non-zero padding bits, and a
 * wrong Adler-32: one credential, one encoding. Returns a fresh copy.
 *
 * @example
 * inflateZlib(deflateZlib(bytes)); // equal to bytes
 */
export function inflateZlib(data: Uint8Array, maxBytes: number = MAX_INFLATED_BYTES): Uint8Array {
  return inflateZlibInto(data, maxBytes, false);
}

/**
 * `inflateZlib`; with `shared`, a QR payload is returned as a view of the buffer every call
 * writes, valid only until the next call (for a caller that is done with it before returning).
 */
export function inflateZlibInto(data: Uint8Array, maxBytes: number, shared: boolean): Uint8Array {
  checkZlibHeader(data);
  // QR payloads inflate into the shared buffer; larger limits (status lists) grow a buffer of
  // their own, never past the limit.
  const small = maxBytes <= MAX_INFLATED_BYTES;
  const target: InflateOutput = small
    ? { buffer: out, limit: maxBytes, growable: false }
    : { buffer: new Uint8Array(MAX_INFLATED_BYTES), limit: maxBytes, growable: true };
  const length = inflateRaw(data, 2, data.length - 4, target);
  const inflated = small && !shared ? target.buffer.slice(0, length) : target.buffer.subarray(0, length);
  checkAdler32(data, inflated);
  return inflated;
}

/**
 * Compresses with zlib at the highest level (deterministic: the same input gives the same bytes).
 *
 * @example
 * const z = deflateZlib(coseBytes);
 */
export function deflateZlib(data: Uint8Array): Uint8Array {
  return zlibSync(data, { level: 9 });
}
