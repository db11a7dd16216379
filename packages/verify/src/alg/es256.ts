import type { VerifyErrorCode } from '../errors.js';

/** Order n of the P-256 group. */
export const P256_N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;

function toBigInt(bytes: Uint8Array): bigint {
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  return n;
}

/**
 * Checks an ES256 signature's shape before any curve arithmetic: exactly 64 bytes r‖s (never
 * DER), with 0 < r < n and 0 < s < n. High-S values are accepted, as COSE does not forbid them.
 */
export function checkEs256Signature(signature: Uint8Array): VerifyErrorCode | undefined {
  if (signature.length !== 64) return 'ERR_SIGNATURE_FORMAT';
  const r = toBigInt(signature.subarray(0, 32));
  const s = toBigInt(signature.subarray(32));
  if (r === 0n || s === 0n || r >= P256_N || s >= P256_N) return 'ERR_SIGNATURE_RANGE';
  return undefined;
}
