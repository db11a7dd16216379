// A batch worker that dies (exit code 1) on a chunk holding the text DIE, after claiming it, as
// a worker that crashes mid-chunk: the main thread must verify that chunk. The real worker
// starts after this listener, so it never sees the chunk.
import { parentPort, workerData } from 'node:worker_threads';
import type { ChunkRequest, WorkerData } from '../src/node/worker-protocol.js';

parentPort?.on('message', (request: ChunkRequest) => {
  if (!request.texts.includes('DIE')) return;
  Atomics.compareExchange(new Int32Array(request.claims), request.index, 0, (workerData as WorkerData).tag);
  process.exit(1);
});
await import('../src/node/verify-worker.js');
