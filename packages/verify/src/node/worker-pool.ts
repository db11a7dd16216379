import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { VerifyResult } from '../verify.js';
import type { UpdateLog } from './update-log.js';
import type { ChunkRequest, WorkerData, WorkerMessage, WorkerSetup } from './worker-protocol.js';

/** How a pool spreads batches. */
export interface PoolTuning {
  /** Worker threads; default one less than `os.availableParallelism()`. */
  readonly workers: number;
  /** Most texts per chunk: a batch is cut in chunks that shrink towards `minChunkSize`. */
  readonly chunkSize: number;
  /** Fewest texts per chunk (but the last). */
  readonly minChunkSize: number;
  /** Chunks offered ahead per worker, so that none waits for the main thread. */
  readonly chunksAhead: number;
  /** Whether the main thread verifies chunks too, besides dispatching. */
  readonly mainVerifies: boolean;
  /** Idle time after which the workers are stopped, in ms. */
  readonly idleMs: number;
  /** The worker script; default `verify-worker` next to this module. */
  readonly workerUrl?: URL;
  /** Called with each worker started (tests use it to watch or stop workers). */
  readonly onSpawn?: (worker: Worker) => void;
}

export const DEFAULT_POOL_TUNING: PoolTuning = {
  // One core is this thread's, which verifies its share between dispatching: on 2 cores, one
  // worker and this thread spent 100–107 µs of CPU a card, two workers and a thread that only
  // dispatches ~138 µs (three threads on two cores, this one woken for every answer).
  workers: availableParallelism() - 1,
  chunkSize: 32,
  minChunkSize: 8,
  chunksAhead: 3,
  mainVerifies: true,
  idleMs: 30_000,
};

/** What the pool needs from the verifier it serves. */
export interface PoolHost {
  readonly setup: WorkerSetup;
  /** The updates to replay; a worker is sent the ones after the last it was sent. */
  readonly updates: Pick<UpdateLog, 'since' | 'lastSeq'>;
  /** The caller's clock in ms, read for each chunk when `setup.clockSent`; may throw. */
  readonly readClock: () => number;
  /** Verifies one text on this thread: for chunks no worker can take. */
  readonly verifyHere: (text: string) => Promise<VerifyResult>;
}

/** The claim tag of this thread; workers have 1, 2, … */
const HERE = -1;

interface Batch {
  readonly chunks: readonly Chunk[];
  /** Who claimed each chunk (0: nobody yet), shared with the workers. */
  readonly claims: Int32Array;
  readonly results: VerifyResult[];
  /** Chunks offered to the workers so far (in order), and chunks answered. */
  offered: number;
  done: number;
  /** Wakes the batch's loop when a chunk completes or a worker comes or goes. */
  wake?: () => void;
}

interface Chunk {
  readonly id: number;
  readonly batch: Batch;
  readonly index: number;
  readonly start: number;
  readonly texts: readonly string[];
  done: boolean;
}

interface Slot {
  readonly worker: Worker;
  readonly tag: number;
  ready: boolean;
  /** Number of the last update this worker was sent. */
  seen: number;
}

// The worker script sits next to this module in every form it runs from: `src/node/*.ts` from
// sources, `dist/*.js` (ESM) and `dist/*.cjs` (CJS, where tsup's shim gives `import.meta.url`).
function defaultWorkerUrl(): URL {
  const here = new URL(import.meta.url);
  const extension = here.pathname.slice(here.pathname.lastIndexOf('.'));
  return new URL(`./verify-worker${extension}`, here);
}

/** From TypeScript sources, a worker loads them through tsx with the repository's `source` condition. */
function execArgvFor(url: URL): string[] {
  if (!url.pathname.endsWith('.ts')) return [];
  return ['--conditions=source', '--import', new URL('./tsx-register.mjs', import.meta.url).href];
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Worker threads that verify the chunks of batches, each with its own verifier, started on the
 * first batch, `unref()`ed between batches and stopped after `idleMs` without one. Every worker
 * is offered every chunk and the first free one claims it, so a worker slowed by other load
 * takes fewer. A worker that dies leaves the chunks it claimed to this thread; one that fails
 * before it is ready turns the pool off (`available` false), so later batches stay here.
 *
 * @example
 * const pool = createWorkerPool(host);
 * const results = await pool.verify(texts); // in input order
 */
export function createWorkerPool(host: PoolHost, tuning: PoolTuning = DEFAULT_POOL_TUNING) {
  const workerUrl = tuning.workerUrl ?? defaultWorkerUrl();
  const execArgv = execArgvFor(workerUrl);
  let slots: Slot[] = [];
  /** Tags of workers that died: chunks they claimed and did not answer are verified here. */
  const lostTags = new Set<number>();
  let available = true;
  let nextTag = 1;
  let nextId = 0;
  const chunksById = new Map<number, Chunk>();
  const batches = new Set<Batch>();
  let idleTimer: ReturnType<typeof setTimeout> | undefined;

  // Guided self-scheduling: large chunks first, then smaller ones as the batch runs out, so
  // that the threads verifying finish together.
  const threads = tuning.workers + (tuning.mainVerifies ? 1 : 0);
  const chunkSize = (remaining: number) =>
    Math.min(tuning.chunkSize, Math.max(tuning.minChunkSize, Math.ceil(remaining / (2 * threads))));

  const wakeAll = () => {
    for (const batch of batches) batch.wake?.();
  };

  function complete(chunk: Chunk, results: readonly VerifyResult[]) {
    const { batch } = chunk;
    chunk.done = true;
    chunksById.delete(chunk.id);
    for (let i = 0; i < results.length; i++) batch.results[chunk.start + i] = results[i]!;
    batch.done++;
    offer(batch);
    batch.wake?.();
  }

  /** Offers the next chunks of `batch` to every worker, up to `chunksAhead` per worker in flight. */
  function offer(batch: Batch) {
    while (
      batch.offered < batch.chunks.length &&
      batch.offered - batch.done < tuning.chunksAhead * slots.length
    ) {
      const chunk = batch.chunks[batch.offered++]!;
      let now: number | undefined;
      try {
        if (host.setup.clockSent) now = host.readClock();
      } catch {
        // The caller's clock throws: this thread verifies the chunk, and reports it as verify would.
        Atomics.store(batch.claims, chunk.index, HERE);
        batch.wake?.();
        continue;
      }
      for (const slot of slots) {
        const request: ChunkRequest = {
          id: chunk.id,
          claims: batch.claims.buffer as SharedArrayBuffer,
          index: chunk.index,
          updates: host.updates.since(slot.seen),
          texts: chunk.texts,
          ...(now === undefined ? {} : { now }),
        };
        slot.seen = host.updates.lastSeq;
        slot.worker.postMessage(request);
      }
    }
  }

  function lost(slot: Slot) {
    if (!slots.includes(slot)) return; // already handled, or stopped on purpose
    slots = slots.filter((s) => s !== slot);
    lostTags.add(slot.tag);
    // Before it was ready, it is the script or the options that fail: every worker would.
    if (!slot.ready) available = false;
    wakeAll();
  }

  function spawn(): void {
    let worker: Worker;
    const tag = nextTag++;
    try {
      const workerData: WorkerData = { ...host.setup, tag };
      worker = new Worker(workerUrl, { workerData, execArgv });
    } catch {
      available = false; // e.g. an option structured clone refuses
      return;
    }
    const slot: Slot = { worker, tag, ready: false, seen: 0 };
    slots.push(slot);
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'ready') {
        slot.ready = true;
        wakeAll();
        idleFromNow();
        return;
      }
      const chunk = chunksById.get(message.id);
      if (chunk && !chunk.done) complete(chunk, message.results);
    });
    worker.on('error', () => lost(slot));
    worker.on('exit', () => lost(slot));
    tuning.onSpawn?.(worker);
  }

  /**
   * The next chunk this thread verifies for `batch`, claimed for it: one a dead worker left, one
   * the clock kept here, or, while no worker is ready (or `mainVerifies`), the first unclaimed.
   */
  function claimHere(batch: Batch): Chunk | undefined {
    const helping = tuning.mainVerifies || !slots.some((s) => s.ready);
    for (const chunk of batch.chunks) {
      if (chunk.done) continue;
      const claim = Atomics.load(batch.claims, chunk.index);
      if (claim === HERE) return chunk; // kept here when the clock threw
      if (lostTags.has(claim)) {
        Atomics.store(batch.claims, chunk.index, HERE);
        return chunk;
      }
      if (claim === 0 && helping && Atomics.compareExchange(batch.claims, chunk.index, 0, HERE) === 0) {
        return chunk;
      }
    }
    return undefined;
  }

  async function verifyHere(chunk: Chunk) {
    const results: VerifyResult[] = [];
    for (const text of chunk.texts) results.push(await host.verifyHere(text));
    if (!chunk.done) complete(chunk, results);
  }

  function startBatch() {
    clearTimeout(idleTimer);
    while (available && slots.length < tuning.workers) spawn();
    for (const slot of slots) slot.worker.ref(); // an awaited batch keeps the process alive
  }

  function endBatch() {
    if (batches.size > 0) return;
    for (const slot of slots) slot.worker.unref();
    idleFromNow();
  }

  // Idle means no batch and no worker still starting: a worker is not stopped while it loads.
  function idleFromNow() {
    clearTimeout(idleTimer);
    if (batches.size > 0 || slots.some((s) => !s.ready)) return;
    idleTimer = setTimeout(stop, tuning.idleMs);
    idleTimer.unref();
  }

  function stop() {
    const stopping = slots;
    slots = [];
    for (const slot of stopping) void slot.worker.terminate();
  }

  function cut(texts: readonly string[]): Batch {
    const sizes: number[] = [];
    for (let start = 0; start < texts.length; start += sizes.at(-1)!)
      sizes.push(chunkSize(texts.length - start));
    const chunks: Chunk[] = [];
    const batch: Batch = {
      chunks,
      claims: new Int32Array(new SharedArrayBuffer(4 * sizes.length)),
      results: new Array(texts.length),
      offered: 0,
      done: 0,
    };
    let start = 0;
    for (const size of sizes) {
      const chunk: Chunk = {
        id: nextId++,
        batch,
        index: chunks.length,
        start,
        texts: texts.slice(start, start + size),
        done: false,
      };
      chunks.push(chunk);
      chunksById.set(chunk.id, chunk);
      start += size;
    }
    return batch;
  }

  return {
    /** False once a worker failed to start: the caller verifies batches itself. */
    get available() {
      return available;
    },

    /** Verifies `texts` on the workers (and here when they cannot); results in input order. */
    async verify(texts: readonly string[]): Promise<VerifyResult[]> {
      const batch = cut(texts);
      batches.add(batch);
      try {
        startBatch();
        offer(batch);
        while (batch.done < batch.chunks.length) {
          const chunk = claimHere(batch);
          if (chunk) {
            await verifyHere(chunk);
            await nextTurn(); // let the workers' answers in
          } else {
            await new Promise<void>((resolve) => {
              batch.wake = resolve;
            });
            batch.wake = undefined;
          }
        }
      } finally {
        batches.delete(batch);
        for (const chunk of batch.chunks) chunksById.delete(chunk.id);
        endBatch();
      }
      return batch.results;
    },
  };
}

export type WorkerPool = ReturnType<typeof createWorkerPool>;
