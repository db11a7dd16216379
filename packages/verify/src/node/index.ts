/**
 * @ansinh/verify/node: the same API on node:crypto, for servers and the CLI. One verification
 * runs synchronously on OpenSSL, skipping the thread-pool round trip Node's WebCrypto makes for
 * every call (the default entry is ~1.6× slower per card on Node; docs/benchmarks.md);
 * `verifyMany` spreads a batch over the thread pool. Same answers as WebCrypto, which is the
 * same OpenSSL underneath. Node only: browsers and edge runtimes use the default entry.
 *
 * @packageDocumentation
 */

import type { Signer } from '../sign/signer.js';
import { signerFromJwk as baseSignerFromJwk } from '../sign/signer.js';
import {
  createVerifier as baseCreateVerifier,
  type Verifier,
  type VerifierOptions,
  type VerifyResult,
} from '../verify.js';
import { nodeCryptoBackend } from './node-crypto.js';

export * from '../index.js';
export { nodeCryptoBackend } from './node-crypto.js';

/** {@link baseCreateVerifier | createVerifier} on node:crypto unless `crypto` says otherwise. */
export function createVerifier(options: VerifierOptions = {}): Verifier {
  return baseCreateVerifier({ crypto: nodeCryptoBackend, ...options });
}

/** {@link baseCreateVerifier | verifyCard} on node:crypto. */
export function verifyCard(text: unknown, options: VerifierOptions = {}): Promise<VerifyResult> {
  return createVerifier(options).verify(text);
}

/** A software signer from a private JWK, signing with node:crypto. */
export function signerFromJwk(
  privateJwk: JsonWebKey,
  options: Parameters<typeof baseSignerFromJwk>[1] = {},
): Promise<Signer> {
  return baseSignerFromJwk(privateJwk, { crypto: nodeCryptoBackend, ...options });
}
