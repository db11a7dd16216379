import type { VerifyErrorCode } from '../errors.js';

/** Checks an Ed25519 signature's shape: exactly 64 bytes (R ‖ S). */
export function checkEddsaSignature(signature: Uint8Array): VerifyErrorCode | undefined {
  return signature.length === 64 ? undefined : 'ERR_SIGNATURE_FORMAT';
}
