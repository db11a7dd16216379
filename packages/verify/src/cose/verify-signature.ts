import { checkEddsaSignature } from '../alg/eddsa.js';
import { checkEs256Signature } from '../alg/es256.js';
import type { CryptoBackend } from '../crypto-backend.js';
import { VerifyError, type VerifyErrorCode } from '../errors.js';
import type { SignatureAlgorithmName, VerificationKey } from '../keys/types.js';
import { COSE_ALG, type Sign1, toBeSigned, toBeSignedNow } from './sign1.js';

/** What the verifier knows about each COSE algorithm it accepts. */
export interface SignatureAlgorithm {
  readonly name: SignatureAlgorithmName;
  /** Whether `key` is of the type this algorithm signs with. */
  keyMatches(key: VerificationKey): boolean;
  /** Shape checks before any arithmetic; the error code, or undefined when the shape is right. */
  checkSignature(signature: Uint8Array): VerifyErrorCode | undefined;
}

/** Accepted algorithms by COSE identifier. */
export const SIGNATURE_ALGORITHMS: ReadonlyMap<number, SignatureAlgorithm> = new Map<
  number,
  SignatureAlgorithm
>([
  [
    COSE_ALG.ES256,
    {
      name: 'ES256',
      keyMatches: (k) => k.kty === 'EC' && k.crv === 'P-256',
      checkSignature: checkEs256Signature,
    },
  ],
  [
    COSE_ALG.EdDSA,
    {
      name: 'EdDSA',
      keyMatches: (k) => k.kty === 'OKP' && k.crv === 'Ed25519',
      checkSignature: checkEddsaSignature,
    },
  ],
]);

/** The algorithm for a COSE `alg` value, or `ERR_ALG_NOT_ALLOWED`. */
export function signatureAlgorithm(alg: unknown): SignatureAlgorithm {
  const found = typeof alg === 'number' ? SIGNATURE_ALGORITHMS.get(alg) : undefined;
  if (!found) throw new VerifyError('ERR_ALG_NOT_ALLOWED', 'cose');
  return found;
}

/**
 * The checks before any arithmetic: algorithm against key type (`ERR_KEY_ALG_MISMATCH`) and
 * signature shape (`ERR_SIGNATURE_FORMAT`, `ERR_SIGNATURE_RANGE`).
 */
function checkSignatureShape(sign1: Sign1, alg: SignatureAlgorithm, key: VerificationKey): void {
  if (!alg.keyMatches(key)) throw new VerifyError('ERR_KEY_ALG_MISMATCH', 'key');
  const shape = alg.checkSignature(sign1.signature);
  if (shape) throw new VerifyError(shape, 'signature');
}

/**
 * Verifies a COSE_Sign1 signature with one key: algorithm against key type
 * (`ERR_KEY_ALG_MISMATCH`), signature shape (`ERR_SIGNATURE_FORMAT`, `ERR_SIGNATURE_RANGE`),
 * then the signature over the Sig_structure built from the original protected bytes
 * (`ERR_SIGNATURE_INVALID`). Resolves when valid; rejects with a `VerifyError` otherwise.
 *
 * @example
 * await verifySign1Signature(sign1, signatureAlgorithm(-7), key, webCryptoBackend);
 */
export async function verifySign1Signature(
  sign1: Sign1,
  alg: SignatureAlgorithm,
  key: VerificationKey,
  backend: CryptoBackend,
  externalAad?: Uint8Array,
  options?: { readonly concurrent?: boolean },
): Promise<void> {
  checkSignatureShape(sign1, alg, key);
  const ok = await backend.verify(alg.name, key, toBeSigned(sign1, externalAad), sign1.signature, options);
  // Only `true` is a valid signature: a backend answering anything else (a promise from an
  // `async verifyNow`, a truthy object) fails closed.
  if (ok !== true) throw new VerifyError('ERR_SIGNATURE_INVALID', 'signature');
}

/**
 * The first of `candidates` (keys sharing the message's kid) whose key verifies the signature;
 * rejects with the last candidate's error when none does. Callers filter the candidates first.
 *
 * @example
 * const signer = await firstVerifyingCandidate(sign1, alg, trusted, (t) => t.key, backend, false);
 */
export async function firstVerifyingCandidate<T>(
  sign1: Sign1,
  alg: SignatureAlgorithm,
  candidates: readonly T[],
  keyOf: (candidate: T) => VerificationKey,
  backend: CryptoBackend,
  concurrent: boolean,
): Promise<T> {
  let lastError: unknown;
  for (const candidate of candidates) {
    try {
      await verifySign1Signature(sign1, alg, keyOf(candidate), backend, undefined, { concurrent });
      return candidate;
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

/**
 * `firstVerifyingCandidate` on the calling thread, for a backend with `verifyNow`: returns the
 * candidate or throws the last candidate's error. `reuseBuffer`: the Sig_structure goes into the
 * buffer shared by synchronous checks (only for a backend that cannot re-enter a verifier).
 */
export function firstVerifyingCandidateNow<T>(
  sign1: Sign1,
  alg: SignatureAlgorithm,
  candidates: readonly T[],
  keyOf: (candidate: T) => VerificationKey,
  verifyNow: NonNullable<CryptoBackend['verifyNow']>,
  reuseBuffer: boolean,
): T {
  let lastError: unknown;
  for (const candidate of candidates) {
    try {
      const key = keyOf(candidate);
      checkSignatureShape(sign1, alg, key);
      const data = reuseBuffer ? toBeSignedNow(sign1) : toBeSigned(sign1);
      if (verifyNow(alg.name, key, data, sign1.signature) === true) return candidate;
      lastError = new VerifyError('ERR_SIGNATURE_INVALID', 'signature');
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}
