// Fuzzes the verifier: mutated ansinh and HC1 QR texts (text, base45, COSE-byte, COSE-tree and
// re-signed claim mutations) through the same verify() a hospital app calls, counting results
// by code and reporting every uncaught exception, every ERR_INTERNAL (an exception the verifier
// caught but did not expect), every input over the time budget, and hangs (a worker that makes
// no progress is killed by a watchdog and its input reported).
//
//   node --conditions=source --import tsx packages/verify/test/fuzz/fuzz-verify.ts \
//     [--count 1000000] [--workers 2] [--seed 1] [--budget-ms 500] [--hang-ms 10000]
//     [--backend webcrypto|node]   (the signature backend: default entry, or @ansinh/verify/node)
//     [--self-test-hang N]   (input N never finishes: checks that the watchdog reports it)
//
// Exit status 0 when there are no findings, 1 otherwise. The vitest suite runs a short version
// (test/fuzz/fuzz.test.ts) through `runFuzzRange`.
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { buildFuzzTarget, type FuzzTarget, makeFuzzDsc } from './corpus.js';
import { fuzzInput, layersOf, type SeedLayers } from './mutate.js';

export interface Finding {
  readonly index: number;
  readonly seed: string;
  readonly level: string;
  readonly text: string;
  readonly detail: string;
}

export interface FuzzReport {
  total: number;
  valid: number;
  byCode: Record<string, number>;
  byLevel: Record<string, number>;
  throws: Finding[];
  internal: Finding[];
  overBudget: Finding[];
  hangs: Finding[];
  /** Inputs over budget once but fast when re-run: machine stalls, not findings. */
  stalls: number;
  /** Slowest input, counting an over-budget input at its fastest re-run. */
  maxMs: number;
  elapsedMs: number;
}

export const emptyReport = (): FuzzReport => ({
  total: 0,
  valid: 0,
  byCode: {},
  byLevel: {},
  throws: [],
  internal: [],
  overBudget: [],
  hangs: [],
  stalls: 0,
  maxMs: 0,
  elapsedMs: 0,
});

const MAX_KEPT = 20;
/** How long a worker may take to load before its first input. */
const STARTUP_MS = 180_000;
const keep = (list: Finding[], f: Finding) => {
  if (list.length < MAX_KEPT) list.push(f);
};

/**
 * Runs inputs `start` to `end - 1` of run `runSeed` through the target. `progress[slot]` is set
 * to each index before it runs, for a watchdog in another thread.
 */
export async function runFuzzRange(
  target: FuzzTarget,
  layers: readonly SeedLayers[],
  options: {
    runSeed: number;
    start: number;
    end: number;
    budgetMs: number;
    progress?: Int32Array;
    slot?: number;
    /** Self-test of the watchdog: input number `hangAt` never finishes. */
    hangAt?: number;
  },
): Promise<FuzzReport> {
  const report = emptyReport();
  const began = performance.now();
  for (let index = options.start; index < options.end; index++) {
    if (options.progress) Atomics.store(options.progress, options.slot ?? 0, index);
    const input = fuzzInput(layers, options.runSeed, index);
    const finding = (detail: string): Finding => ({
      index,
      seed: input.seed,
      level: input.level,
      text: input.text,
      detail,
    });
    report.total++;
    report.byLevel[input.level] = (report.byLevel[input.level] ?? 0) + 1;
    const t0 = performance.now();
    if (index === options.hangAt) await new Promise(() => {});
    try {
      const result = await target.verify(input.text);
      const code = result.valid ? 'valid' : (result.error?.code ?? 'no code');
      if (result.valid) report.valid++;
      report.byCode[code] = (report.byCode[code] ?? 0) + 1;
      if (code === 'ERR_INTERNAL' || code === 'no code') keep(report.internal, finding(code));
    } catch (error) {
      keep(report.throws, finding(String((error as Error)?.stack ?? error)));
    }
    const ms = performance.now() - t0;
    if (ms > options.budgetMs) {
      // A slow input is slow every time; a machine stall (GC, a busy shared CPU) is not. Re-run
      // it: only an input still over budget at its fastest of three is a finding.
      let best = Number.POSITIVE_INFINITY;
      for (let k = 0; k < 3; k++) {
        const t = performance.now();
        await target.verify(input.text).catch(() => undefined);
        best = Math.min(best, performance.now() - t);
      }
      if (best > options.budgetMs)
        keep(report.overBudget, finding(`${ms.toFixed(1)} ms, then ${best.toFixed(1)} ms at best`));
      else report.stalls++;
      if (best > report.maxMs) report.maxMs = best;
    } else if (ms > report.maxMs) {
      report.maxMs = ms;
    }
  }
  report.elapsedMs = performance.now() - began;
  return report;
}

function merge(into: FuzzReport, from: FuzzReport): void {
  into.total += from.total;
  into.valid += from.valid;
  for (const [k, v] of Object.entries(from.byCode)) into.byCode[k] = (into.byCode[k] ?? 0) + v;
  for (const [k, v] of Object.entries(from.byLevel)) into.byLevel[k] = (into.byLevel[k] ?? 0) + v;
  for (const f of from.throws) keep(into.throws, f);
  for (const f of from.internal) keep(into.internal, f);
  for (const f of from.overBudget) keep(into.overBudget, f);
  for (const f of from.hangs) keep(into.hangs, f);
  into.stalls += from.stalls;
  into.maxMs = Math.max(into.maxMs, from.maxMs);
}

interface WorkerJob {
  readonly dscDer: Uint8Array;
  readonly backend: string;
  readonly runSeed: number;
  readonly start: number;
  readonly end: number;
  readonly budgetMs: number;
  readonly progress: Int32Array;
  readonly slot: number;
  readonly hangAt?: number;
}

async function workerMain(job: WorkerJob): Promise<void> {
  const target = await buildFuzzTarget(job.dscDer, job.backend);
  const layers = target.seeds.map(layersOf);
  const report = await runFuzzRange(target, layers, job);
  parentPort!.postMessage(report);
}

/** Runs one range in a worker, restarting after the input a hang or a worker crash stopped at. */
async function supervise(
  job: Omit<WorkerJob, 'progress' | 'slot'>,
  hangMs: number,
  layers: readonly SeedLayers[],
): Promise<FuzzReport> {
  const total = emptyReport();
  let start = job.start;
  while (start < job.end) {
    const progress = new Int32Array(new SharedArrayBuffer(4));
    // -1 until the worker reaches its first input: loading tsx and building the corpus take
    // seconds on a busy machine, and are not an input's time.
    progress[0] = -1;
    // Workers do not inherit the tsx loader that `--import tsx` gave this thread: the worker
    // loads it itself, then this file (whose worker branch runs the job).
    const bootstrap = `import('tsx/esm/api').then(({ tsImport }) => tsImport(${JSON.stringify(import.meta.url)}, ${JSON.stringify(import.meta.url)}))`;
    const worker = new Worker(bootstrap, { eval: true, workerData: { ...job, start, progress, slot: 0 } });
    const outcome = await new Promise<{ report?: FuzzReport; stoppedAt?: number; why?: string }>(
      (resolve) => {
        let last = -1;
        let lastChange = Date.now();
        const timer = setInterval(() => {
          const now = Atomics.load(progress, 0);
          if (now === -1) {
            if (Date.now() - lastChange > STARTUP_MS) {
              clearInterval(timer);
              void worker.terminate();
              resolve({ stoppedAt: -1, why: `worker did not start within ${STARTUP_MS} ms` });
            }
          } else if (now !== last) {
            last = now;
            lastChange = Date.now();
          } else if (Date.now() - lastChange > hangMs) {
            clearInterval(timer);
            void worker.terminate();
            resolve({ stoppedAt: now, why: `no progress for ${hangMs} ms` });
          }
        }, 250);
        worker.once('message', (report: FuzzReport) => {
          clearInterval(timer);
          resolve({ report });
        });
        worker.once('error', (error) => {
          clearInterval(timer);
          resolve({ stoppedAt: Atomics.load(progress, 0), why: `worker crashed: ${error.stack ?? error}` });
        });
      },
    );
    if (outcome.report) {
      merge(total, outcome.report);
      break;
    }
    const index = outcome.stoppedAt!;
    // A worker that fails before its first input would fail again: stop instead of looping.
    if (index === -1) throw new Error(`fuzz worker cannot start: ${outcome.why}`);
    const input = fuzzInput(layers, job.runSeed, index);
    keep(total.hangs, {
      index,
      seed: input.seed,
      level: input.level,
      text: input.text,
      detail: outcome.why!,
    });
    total.total += index - start + 1;
    start = index + 1;
  }
  return total;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '1000000' },
      workers: { type: 'string', default: '2' },
      seed: { type: 'string', default: '1' },
      'budget-ms': { type: 'string', default: '500' },
      'hang-ms': { type: 'string', default: '10000' },
      'self-test-hang': { type: 'string' },
      backend: { type: 'string', default: 'webcrypto' },
    },
    strict: true,
  });
  const count = Number(values.count);
  const workers = Math.max(1, Number(values.workers));
  const runSeed = Number(values.seed);
  const budgetMs = Number(values['budget-ms']);
  const hangMs = Number(values['hang-ms']);
  const dscDer = makeFuzzDsc();
  const backend = values.backend;
  const target = await buildFuzzTarget(dscDer, backend);
  const layers = target.seeds.map(layersOf);

  const began = performance.now();
  const per = Math.ceil(count / workers);
  const reports = await Promise.all(
    Array.from({ length: workers }, (_, w) =>
      supervise(
        {
          dscDer,
          backend,
          runSeed,
          start: w * per,
          end: Math.min(count, (w + 1) * per),
          budgetMs,
          ...(values['self-test-hang'] === undefined ? {} : { hangAt: Number(values['self-test-hang']) }),
        },
        hangMs,
        layers,
      ),
    ),
  );
  const report = emptyReport();
  for (const r of reports) merge(report, r);
  report.elapsedMs = performance.now() - began;

  const findings =
    report.throws.length + report.internal.length + report.overBudget.length + report.hangs.length;
  const lines = [
    `fuzzed ${report.total.toLocaleString('en')} inputs (seeds: ${target.seeds.map((s) => s.name).join(', ')}; run seed ${runSeed}; backend ${backend})`,
    `in ${(report.elapsedMs / 1000).toFixed(1)} s with ${workers} worker(s): ${Math.round(report.total / (report.elapsedMs / 1000)).toLocaleString('en')} inputs/s; slowest input ${report.maxMs.toFixed(1)} ms`,
    `by mutation level: ${JSON.stringify(report.byLevel)}`,
    `results by code: ${JSON.stringify(Object.fromEntries(Object.entries(report.byCode).sort((a, b) => b[1] - a[1])))}`,
    `uncaught exceptions: ${report.throws.length}`,
    `ERR_INTERNAL results: ${report.internal.length}`,
    `over the ${budgetMs} ms budget: ${report.overBudget.length} (and ${report.stalls} machine stalls: over once, fast when re-run)`,
    `hangs / worker crashes: ${report.hangs.length}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  for (const [name, list] of Object.entries({
    throws: report.throws,
    internal: report.internal,
    overBudget: report.overBudget,
    hangs: report.hangs,
  })) {
    for (const f of list)
      process.stdout.write(
        `\n[${name}] input ${f.index} (${f.seed}, ${f.level}): ${f.detail}\n  ${f.text}\n`,
      );
  }
  process.exitCode = findings === 0 ? 0 : 1;
}

if (!isMainThread && workerData) {
  void workerMain(workerData as WorkerJob);
} else if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  void main();
}
