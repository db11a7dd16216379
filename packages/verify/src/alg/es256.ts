import type { VerifyErrorCode } from '../errors.js';

/** Order n of the P-256 group. */
export const P256_N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;

// n as 32 big-endian bytes: the range checks compare bytes, as BigInt conversion of r and s
// cost more than the rest of the signature's shape checks together.
const N_BYTES = Uint8Array.from({ length: 32 }, (_, i) => Number((P256_N >> BigInt(8 * (31 - i))) & 0xffn));

/** Whether the 32 big-endian bytes of `signature` at `at` hold a value in 1..n-1. */
function inScalarRange(signature: Uint8Array, at: number): boolean {
  let zero = true;
  for (let i = 0; i < 32; i++) {
    if (signature[at + i] !== 0) {
      zero = false;
      break;
    }
  }
  if (zero) return false;
  for (let i = 0; i < 32; i++) {
    const b = signature[at + i] as number;
    const n = N_BYTES[i] as number;
    if (b !== n) return b < n;
  }
  return false; // equal to n
}

/**
 * Checks an ES256 signature's shape before any curve arithmetic: exactly 64 bytes r‖s (never
 * DER), with 0 < r < n and 0 < s < n. High-S values are accepted, as COSE does not forbid them.
 */
export function checkEs256Signature(signature: Uint8Array): VerifyErrorCode | undefined {
  if (signature.length !== 64) return 'ERR_SIGNATURE_FORMAT';
  if (!inScalarRange(signature, 0) || !inScalarRange(signature, 32)) return 'ERR_SIGNATURE_RANGE';
  return undefined;
}
