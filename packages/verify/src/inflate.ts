import { Inflate, inflateSync, zlibSync } from 'fflate';
import { VerifyError } from './errors.js';

/** Largest inflated payload a verifier accepts. */
export const MAX_INFLATED_BYTES = 64 * 1024;

// One output buffer for every call, one byte larger than the limit: fflate writes into a
// caller's buffer without growing it, so a stream that fills the extra byte is too large and
// no more memory than this is ever taken. Calls are synchronous, so sharing it is safe.
const out = new Uint8Array(MAX_INFLATED_BYTES + 1);

function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  // 5552 is the largest run before b can overflow 2^32 (zlib's NMAX).
  for (let i = 0; i < bytes.length; ) {
    const end = Math.min(i + 5552, bytes.length);
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

/** Inflates into the shared buffer: no allocation beyond it, whatever the input claims. */
function inflateSmall(data: Uint8Array): Uint8Array {
  let inflated: Uint8Array;
  try {
    inflated = inflateSync(data.subarray(2, -4), { out });
  } catch (cause) {
    // A stored block longer than the buffer makes fflate's copy throw a RangeError.
    if (cause instanceof RangeError) throw new VerifyError('ERR_INFLATE_TOO_LARGE', 'decode', { cause });
    throw new VerifyError('ERR_INFLATE', 'decode', { cause });
  }
  if (inflated.length > MAX_INFLATED_BYTES) throw new VerifyError('ERR_INFLATE_TOO_LARGE', 'decode');
  return inflated.slice();
}

// Input fed to the streaming inflater at a time: deflate expands at most ~1032×, so one push
// produces at most ~1 MiB before the running total is checked against the limit.
const STREAM_INPUT_CHUNK = 1024;

/** Inflates larger documents (status lists) in steps, stopping as soon as the limit is passed. */
function inflateLarge(data: Uint8Array, maxBytes: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > maxBytes) throw new VerifyError('ERR_INFLATE_TOO_LARGE', 'decode');
    chunks.push(chunk);
  });
  const body = data.subarray(2, -4);
  try {
    for (let i = 0; i < body.length; i += STREAM_INPUT_CHUNK) {
      inflater.push(body.subarray(i, i + STREAM_INPUT_CHUNK), i + STREAM_INPUT_CHUNK >= body.length);
    }
  } catch (cause) {
    if ((cause as VerifyError).code === 'ERR_INFLATE_TOO_LARGE') throw cause;
    throw new VerifyError('ERR_INFLATE', 'decode', { cause });
  }
  const result = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    result.set(c, offset);
    offset += c.length;
  }
  return result;
}

/**
 * Inflates zlib data (RFC 1950) of at most `maxBytes` (default 64 KiB, the QR limit). Refuses
 * larger output before taking the memory (`ERR_INFLATE_TOO_LARGE`); corrupt streams, preset
 * dictionaries and a wrong Adler-32 checksum throw `ERR_INFLATE`. Returns a fresh copy.
 *
 * @example
 * inflateZlib(deflateZlib(bytes)); // equal to bytes
 */
export function inflateZlib(data: Uint8Array, maxBytes: number = MAX_INFLATED_BYTES): Uint8Array {
  checkZlibHeader(data);
  const inflated = maxBytes <= MAX_INFLATED_BYTES ? inflateSmall(data) : inflateLarge(data, maxBytes);
  if (inflated.length > maxBytes) throw new VerifyError('ERR_INFLATE_TOO_LARGE', 'decode');
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
