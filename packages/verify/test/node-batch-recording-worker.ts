// A batch worker that also reports the updates each chunk request brings (a message the pool
// ignores), so a test can see what a worker started late replays.
import { parentPort } from 'node:worker_threads';
import type { ChunkRequest } from '../src/node/worker-protocol.js';

parentPort?.on('message', (request: ChunkRequest) => {
  parentPort?.postMessage({ type: 'updates', kinds: request.updates.map((u) => u.kind) });
});
await import('../src/node/verify-worker.js');
