/**
 * @ansinh/verify/node: the same API on node:crypto, for servers and the CLI. One verification
 * runs synchronously on OpenSSL, skipping the thread-pool round trip Node's WebCrypto makes for
 * every call (the default entry is ~1.5× slower per card on Node; docs/benchmarks.md);
 * `verifyMany` spreads a batch over the thread pool. Same answers as WebCrypto, which is the
 * same OpenSSL underneath. Node only: browsers and edge runtimes use the default entry.
 *
 * @packageDocumentation
 */

import { entryDefaults } from '../entry-defaults.js';
import { nodeCryptoBackend } from './node-crypto.js';

export * from '../index.js';
export { nodeCryptoBackend } from './node-crypto.js';

/** `createVerifier`, `verifyCard` and `signerFromJwk` on node:crypto unless `crypto` says otherwise. */
export const { createVerifier, verifyCard, signerFromJwk } = entryDefaults(nodeCryptoBackend);
