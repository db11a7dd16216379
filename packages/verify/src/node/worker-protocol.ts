import type { CertificateInput } from '../hc1/document-signers.js';
import type { KeyInput } from '../keys/import.js';
import type { VerifierOptions, VerifyResult } from '../verify.js';

/**
 * The verifier options a worker is created with: everything but the backend (always node:crypto
 * there) and a clock function (which cannot cross threads). Keys and certificates are in forms
 * structured clone keeps intact.
 */
export interface WorkerOptions
  extends Omit<VerifierOptions, 'crypto' | 'now' | 'keys' | 'roots' | 'certificates'> {
  readonly keys?: readonly KeyInput[];
  readonly roots?: readonly KeyInput[];
  readonly certificates?: readonly CertificateInput[];
  /** A fixed instant, as the caller gave it. */
  readonly now?: Date;
}

/** What a worker starts from (`workerData`). */
export interface WorkerSetup {
  readonly options: WorkerOptions;
  /** The main thread reads the caller's clock function and sends the time with each chunk. */
  readonly clockSent: boolean;
}

/** A worker's `workerData`: the setup, and the tag it claims chunks with (1, 2, …). */
export interface WorkerData extends WorkerSetup {
  readonly tag: number;
}

/** A change made to the main verifier after creation, replayed in the same order in each worker. */
export interface VerifierUpdate {
  readonly kind: 'trustList' | 'statusList';
  readonly bytes: Uint8Array;
}

/**
 * Main thread to every worker: apply `updates`, then, if this worker is the first to claim the
 * chunk (`claims[index]` from 0 to its `tag`, atomically), verify `texts` at `now` (when the
 * clock is sent) and answer; otherwise skip it. Every worker is offered every chunk, so the one
 * free first takes it, without waiting for the main thread.
 */
export interface ChunkRequest {
  readonly id: number;
  readonly claims: SharedArrayBuffer;
  readonly index: number;
  readonly updates: readonly VerifierUpdate[];
  readonly now?: number;
  readonly texts: readonly string[];
}

/** Worker to main thread: `ready` once its verifier has loaded, then one reply per chunk it claimed. */
export type WorkerMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'results'; readonly id: number; readonly results: VerifyResult[] };
