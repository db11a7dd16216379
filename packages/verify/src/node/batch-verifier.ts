import type { VerifyErrorInfo } from '../errors.js';
import type { CertificateInput } from '../hc1/document-signers.js';
import { importPublicKey, type KeyInput } from '../keys/import.js';
import { MAX_QR_TEXT_LENGTH } from '../profile.js';
import type { Verifier, VerifierOptions, VerifyResult } from '../verify.js';
import { createUpdateLog } from './update-log.js';
import { createWorkerPool, DEFAULT_POOL_TUNING, type PoolTuning, type WorkerPool } from './worker-pool.js';
import type { VerifierUpdate, WorkerOptions, WorkerSetup } from './worker-protocol.js';

/** How batches are spread. */
export interface BatchTuning extends PoolTuning {
  /** Batches smaller than this stay on this thread: a worker round trip would cost more. */
  readonly minBatch: number;
}

// Measured on 2 cores, warm: from 512 texts a batch on the workers is as fast as the thread-pool
// verifyMany (both ~1.8× one by one); below, the thread pool is faster.
export const DEFAULT_BATCH_TUNING: BatchTuning = { ...DEFAULT_POOL_TUNING, minBatch: 512 };

// Parsed keys become the verifier's plain key shape and parsed certificates their DER bytes, so
// that nothing depends on what structured clone keeps of a caller's objects.
const cloneableKey = (input: KeyInput): KeyInput =>
  typeof input === 'string' ? input : importPublicKey(input);
const cloneableCertificate = (input: CertificateInput): CertificateInput =>
  typeof input === 'string' || input instanceof Uint8Array ? input : input.der;

/** The options a worker's verifier is created with; undefined when they cannot be sent. */
function workerSetup(options: VerifierOptions): WorkerSetup | undefined {
  const { now } = options;
  if (now !== undefined && !(now instanceof Date) && typeof now !== 'function') return undefined;
  const sent: { -readonly [K in keyof WorkerOptions]: WorkerOptions[K] } = {};
  if (options.keys) sent.keys = options.keys.map(cloneableKey);
  if (options.roots) sent.roots = options.roots.map(cloneableKey);
  if (options.certificates) sent.certificates = options.certificates.map(cloneableCertificate);
  if (options.trustList !== undefined) sent.trustList = options.trustList;
  if (options.minTrustListSeq !== undefined) sent.minTrustListSeq = options.minTrustListSeq;
  if (options.statusLists) sent.statusLists = options.statusLists;
  if (options.requireStatus !== undefined) sent.requireStatus = options.requireStatus;
  if (options.skewSeconds !== undefined) sent.skewSeconds = options.skewSeconds;
  if (options.lang !== undefined) sent.lang = options.lang;
  // A Date is read for each chunk too: the caller may move it (setTime) between batches.
  return { options: sent, clockSent: now !== undefined };
}

/**
 * `base` with a `verifyMany` that spreads large batches over worker threads, each verifying its
 * chunks with a verifier of its own created from the same options, and replaying every
 * `updateTrustList`/`addStatusList` made here, in order, before its next chunk. `base` stays the
 * one answering those calls and `trustListSeq`. Results are the ones `base.verify` gives, text
 * by text.
 *
 * @example
 * const verifier = withWorkerBatches(baseCreateVerifier({ ...options, crypto: nodeCryptoBackend }), options);
 */
export function withWorkerBatches(
  base: Verifier,
  options: VerifierOptions,
  tuning: BatchTuning = DEFAULT_BATCH_TUNING,
): Verifier {
  let setup = workerSetup(options);
  const log = createUpdateLog();
  // Updates reach `base` one at a time, in call order, as they reach each worker.
  let updating: Promise<unknown> = Promise.resolve();
  let pool: WorkerPool | undefined;

  function update(kind: VerifierUpdate['kind'], bytes: Uint8Array): Promise<VerifyErrorInfo | undefined> {
    // Anything but bytes (a type error) is left to `base` alone, and batches stay on this thread
    // from then on.
    const entry = bytes instanceof Uint8Array ? log.append(kind, bytes) : undefined;
    if (!entry) setup = undefined;
    const result = updating.then(async () => {
      await base.ready();
      const heldTrustList = base.trustListSeq !== undefined;
      const problem = await (kind === 'trustList' ? base.updateTrustList(bytes) : base.addStatusList(bytes));
      if (entry) log.settle(entry, problem, heldTrustList);
      return problem;
    });
    updating = result.catch(() => undefined);
    return result;
  }

  const readClock = () => {
    const now = options.now;
    return (typeof now === 'function' ? now() : (now as Date)).getTime();
  };

  return {
    verify: (text) => base.verify(text),
    async verifyMany(texts, manyOptions) {
      const items = [...texts];
      if (setup === undefined || tuning.workers < 1 || items.length < tuning.minBatch)
        return base.verifyMany(items, manyOptions);
      await updating; // this thread holds every update asked for before the batch
      const workerSetup = setup;
      pool ??= createWorkerPool(
        { setup: workerSetup, updates: log, readClock, verifyHere: (text) => base.verify(text) },
        tuning,
      );
      if (!pool.available) return base.verifyMany(items, manyOptions);
      // Texts no worker needs to see (not a string, too long) get their answer here at once.
      const results: VerifyResult[] = new Array(items.length);
      const sentAt: number[] = [];
      const sent: string[] = [];
      for (let i = 0; i < items.length; i++) {
        const item = items[i];
        if (typeof item === 'string' && item.length <= MAX_QR_TEXT_LENGTH) {
          sentAt.push(i);
          sent.push(item);
        } else {
          results[i] = await base.verify(item);
        }
      }
      const verified = await pool.verify(sent);
      for (let k = 0; k < sentAt.length; k++) results[sentAt[k]!] = verified[k]!;
      return results;
    },
    updateTrustList: (bytes) => update('trustList', bytes),
    addStatusList: (bytes) => update('statusList', bytes),
    ready: () => base.ready(),
    get trustListSeq() {
      return base.trustListSeq;
    },
  };
}
