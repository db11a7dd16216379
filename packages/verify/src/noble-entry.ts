/**
 * @ansinh/verify/noble: the same API on @noble/curves (pure JavaScript) for runtimes without
 * WebCrypto (React Native/Hermes, old engines). Verifiers and signers made here default to the
 * noble backend; `nobleBackend` can also be passed to the default entry's functions.
 *
 * @packageDocumentation
 */

import { entryDefaults } from './entry-defaults.js';
import { generateSigningKeyNoble, nobleBackend } from './noble.js';

export * from './index.js';
export { nobleBackend } from './noble.js';

/** A new ES256 or EdDSA signing key, generated with @noble (needs only `crypto.getRandomValues`). */
export const generateSigningKey = generateSigningKeyNoble;

/**
 * `createVerifier`, `verifyCard` and `signerFromJwk` on the noble backend unless `crypto` says
 * otherwise (noble signs ECDSA deterministically, RFC 6979).
 */
export const { createVerifier, verifyCard, signerFromJwk } = entryDefaults(nobleBackend);
