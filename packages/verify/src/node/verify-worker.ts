/**
 * A batch worker of `@ansinh/verify/node`: its own verifier on node:crypto, checking each chunk
 * of texts synchronously, card after card, with nothing in between but the reply. Started by
 * `worker-pool.ts`; never imported.
 */

import { parentPort, workerData } from 'node:worker_threads';
import { createVerifier } from '../verify.js';
import { nodeCryptoBackend } from './node-crypto.js';
import type { ChunkRequest, VerifierUpdate, WorkerData, WorkerMessage } from './worker-protocol.js';

const port = parentPort;
if (!port) throw new Error('verify-worker runs as a worker thread');
const { options, clockSent, tag } = workerData as WorkerData;

// With a caller's clock function, each chunk carries the time the main thread read from it.
let chunkTime = Number.NaN;
const verifier = createVerifier({
  ...options,
  crypto: nodeCryptoBackend,
  ...(clockSent ? { now: () => new Date(chunkTime) } : {}),
});

const post = (message: WorkerMessage) => port.postMessage(message);

function applyUpdate({ kind, bytes }: VerifierUpdate) {
  return kind === 'trustList' ? verifier.updateTrustList(bytes) : verifier.addStatusList(bytes);
}

async function verifyChunk({ id, claims, index, updates, now, texts }: ChunkRequest): Promise<void> {
  for (const update of updates) await applyUpdate(update);
  if (Atomics.compareExchange(new Int32Array(claims), index, 0, tag) !== 0) return; // taken elsewhere
  if (now !== undefined) chunkTime = now;
  const results = new Array(texts.length);
  for (let i = 0; i < texts.length; i++) results[i] = await verifier.verify(texts[i]);
  post({ type: 'results', id, results });
}

// Chunks are handled one after the other, in the order sent: updates apply before later chunks.
// Anything thrown here is a bug; it ends the worker and the main thread verifies its chunks.
let queue = verifier.ready().then(() => post({ type: 'ready' }));
port.on('message', (request: ChunkRequest) => {
  queue = queue.then(() => verifyChunk(request));
});
