/**
 * @ansinh/verify/noble: the same API on @noble/curves (pure JavaScript) for runtimes without
 * WebCrypto (React Native/Hermes, old engines). Verifiers and signers made here default to the
 * noble backend; `nobleBackend` can also be passed to the default entry's functions.
 *
 * @packageDocumentation
 */

import { generateSigningKeyNoble, nobleBackend } from './noble.js';
import type { Signer } from './sign/signer.js';
import { signerFromJwk as baseSignerFromJwk } from './sign/signer.js';
import {
  createVerifier as baseCreateVerifier,
  type Verifier,
  type VerifierOptions,
  type VerifyResult,
} from './verify.js';

export * from './index.js';
export { nobleBackend } from './noble.js';

/** A new ES256 or EdDSA signing key, generated with @noble (needs only `crypto.getRandomValues`). */
export const generateSigningKey = generateSigningKeyNoble;

/** {@link baseCreateVerifier | createVerifier} on the noble backend unless `crypto` says otherwise. */
export function createVerifier(options: VerifierOptions = {}): Verifier {
  return baseCreateVerifier({ crypto: nobleBackend, ...options });
}

/** {@link baseCreateVerifier | verifyCard} on the noble backend. */
export function verifyCard(text: unknown, options: VerifierOptions = {}): Promise<VerifyResult> {
  return createVerifier(options).verify(text);
}

/** A software signer from a private JWK, signing with noble (deterministic ECDSA, RFC 6979). */
export function signerFromJwk(
  privateJwk: JsonWebKey,
  options: Parameters<typeof baseSignerFromJwk>[1] = {},
): Promise<Signer> {
  return baseSignerFromJwk(privateJwk, { crypto: nobleBackend, ...options });
}
