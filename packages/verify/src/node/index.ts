/**
 * @ansinh/verify/node: the same API on node:crypto, for servers and the CLI. One verification
 * runs synchronously on OpenSSL, skipping the thread-pool round trip Node's WebCrypto makes for
 * every call (the default entry is ~1.6× slower per card on Node; docs/benchmarks.md);
 * `verifyMany` spreads a large batch over worker threads. Same answers as WebCrypto, which is
 * the same OpenSSL underneath. Node only: browsers and edge runtimes use the default entry.
 *
 * @packageDocumentation
 */

import { entryDefaults } from '../entry-defaults.js';
import { createVerifier as baseCreateVerifier, type Verifier, type VerifierOptions } from '../verify.js';
import { withWorkerBatches } from './batch-verifier.js';
import { nodeCryptoBackend } from './node-crypto.js';

export * from '../index.js';
export { nodeCryptoBackend } from './node-crypto.js';

/** `verifyCard` and `signerFromJwk` on node:crypto unless `crypto` says otherwise. */
export const { verifyCard, signerFromJwk } = entryDefaults(nodeCryptoBackend);

/**
 * `createVerifier` on node:crypto, whose `verifyMany` spreads a batch of 512 texts or more over
 * worker threads (one per core but one) and the calling thread, each checking whole cards with
 * its own verifier built from the same options; smaller batches overlap their signature checks
 * on libuv's thread pool. Either way the results are the ones `verify` gives text by text, in
 * input order. The workers start with the first large batch, never keep the process alive, and
 * stop after 30 s without a batch; a worker that fails leaves its texts to the calling thread.
 * `updateTrustList` and `addStatusList` reach every worker before its next chunk of texts.
 *
 * A clock function (`now: () => Date`) cannot cross to a worker: the calling thread reads it once
 * for each chunk of up to 32 texts it hands out, and the whole chunk is checked at that time.
 * With a `crypto` backend other than node:crypto, `verifyMany` stays on the calling thread.
 *
 * @example
 * const verifier = createVerifier({ roots: [rootJwk], trustList, statusLists });
 * const results = await verifier.verifyMany(texts); // ~1.8× the one-by-one rate on 2 cores
 */
export function createVerifier(options: VerifierOptions = {}): Verifier {
  const crypto = options.crypto ?? nodeCryptoBackend;
  const base = baseCreateVerifier({ ...options, crypto });
  return crypto === nodeCryptoBackend ? withWorkerBatches(base, options) : base;
}
