import type { CryptoBackend } from './crypto-backend.js';
import { signerFromJwk as baseSignerFromJwk, type Signer } from './sign/signer.js';
import {
  createVerifier as baseCreateVerifier,
  type Verifier,
  type VerifierOptions,
  type VerifyResult,
} from './verify.js';

/** The functions whose default backend an entry point (`/noble`, `/node`) changes. */
export interface EntryDefaults {
  /** `createVerifier` on the entry's backend unless `crypto` says otherwise. */
  createVerifier(options?: VerifierOptions): Verifier;
  /** `verifyCard` on the entry's backend: a one-off verifier. */
  verifyCard(text: unknown, options?: VerifierOptions): Promise<VerifyResult>;
  /** A software signer from a private JWK, signing on the entry's backend. */
  signerFromJwk(privateJwk: JsonWebKey, options?: { crypto?: CryptoBackend }): Promise<Signer>;
}

/**
 * `createVerifier`, `verifyCard` and `signerFromJwk` defaulting to `backend`, for an entry point
 * that exports the default surface with another backend.
 *
 * @example
 * export const { createVerifier, verifyCard, signerFromJwk } = entryDefaults(nobleBackend);
 */
export function entryDefaults(backend: CryptoBackend): EntryDefaults {
  const createVerifier = (options: VerifierOptions = {}) =>
    baseCreateVerifier({ crypto: backend, ...options });
  return {
    createVerifier,
    verifyCard: (text, options) => createVerifier(options).verify(text),
    signerFromJwk: (privateJwk, options = {}) =>
      baseSignerFromJwk(privateJwk, { crypto: backend, ...options }),
  };
}
