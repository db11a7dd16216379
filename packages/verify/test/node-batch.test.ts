// verifyMany of @ansinh/verify/node on worker threads: the same results as verify one by one,
// whatever the texts, options, updates and clock, and when workers fail.
import { spawnSync } from 'node:child_process';
import { createPublicKey } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CryptoBackend } from '../src/crypto-backend.js';
import { exportCoseKey } from '../src/keys/cose-key.js';
import { importJwk } from '../src/keys/jwk.js';
import { type BatchTuning, DEFAULT_BATCH_TUNING, withWorkerBatches } from '../src/node/batch-verifier.js';
import * as nodeEntry from '../src/node/index.js';
import { nodeCryptoBackend } from '../src/node/node-crypto.js';
import type { WorkerMessage } from '../src/node/worker-protocol.js';
import { createStatusList, setStatus, signStatusList } from '../src/status/status-list.js';
import { createTrustList } from '../src/trust/trust-list.js';
import {
  createVerifier as baseCreateVerifier,
  type VerifierOptions,
  type VerifyResult,
} from '../src/verify.js';
import { parseCertificate } from '../src/x509/certificate.js';
import { makeDcc, makeDsc } from './hc1/build-dcc.js';
import {
  EXPIRES,
  healthCard,
  ISSUED,
  NOW,
  replaceInText,
  signerPair,
  socialCard,
  unwrap,
} from './helpers.js';
import { pem } from './x509/der-builder.js';

const URI = 'https://bhxh.example/sl/1';
const OTHER_URI = 'https://bhxh.example/sl/other';
const seconds = (iso: string) => Date.parse(iso) / 1000;

/**
 * A verifier whose batches go to workers, with a record of them: each worker's `ready` and the
 * chunks they answered. `start()` spawns the workers with an empty batch and waits until they are
 * ready, so that a test's batch runs on them rather than on the main thread while they load.
 */
function watched(options: VerifierOptions, tuning: Partial<BatchTuning> = {}) {
  const workers: Worker[] = [];
  const ready: Promise<unknown>[] = [];
  const exits: Promise<number>[] = [];
  const record = { answered: 0, updates: [] as string[][] };
  const full: BatchTuning = {
    ...DEFAULT_BATCH_TUNING,
    workers: 1,
    // Every chunk to the workers, so that a test sees them at work (the default has this thread
    // verify its share too: createVerifier's tests below).
    mainVerifies: false,
    chunkSize: 8,
    minBatch: 8,
    ...tuning,
    onSpawn(worker) {
      workers.push(worker);
      ready.push(
        new Promise((resolve) =>
          worker.on('message', (m: WorkerMessage | { type: 'updates'; kinds: string[] }) => {
            if (m.type === 'ready') resolve(undefined);
            else if (m.type === 'results') record.answered++;
            else if (m.kinds.length > 0) record.updates.push(m.kinds);
          }),
        ),
      );
      exits.push(new Promise((resolve) => worker.on('exit', resolve)));
    },
  };
  const verifier = withWorkerBatches(
    baseCreateVerifier({ ...options, crypto: nodeCryptoBackend }),
    options,
    full,
  );
  return {
    verifier,
    workers,
    exits,
    record,
    /** Spawns the workers (a batch with no text for them) and waits until they are ready. */
    async start() {
      await verifier.verifyMany(new Array(full.minBatch).fill(0));
      await Promise.all(ready);
    },
  };
}

async function oneByOne(
  verifier: { verify(text: unknown): Promise<VerifyResult> },
  texts: readonly unknown[],
) {
  const results: VerifyResult[] = [];
  for (const text of texts) results.push(await verifier.verify(text));
  return results;
}

const outcome = (r: VerifyResult) =>
  r.valid ? `valid ${'status' in r ? r.status : r.profile}` : r.error.code;

let world: Awaited<ReturnType<typeof makeWorld>>;
beforeAll(async () => {
  world = await makeWorld();
});

async function makeWorld() {
  const root = await signerPair('EdDSA');
  const vss = await signerPair('ES256');
  const moh = await signerPair('EdDSA');
  const stranger = await signerPair('ES256');
  const entry = (key: JsonWebKey, issuer: string) => ({
    key,
    issuer,
    validFrom: new Date('2024-01-01'),
    validTo: new Date('2028-01-01'),
    usage: ['social-security', 'health-insurance'],
  });
  const trustList = (seq: number, keys = [entry(vss.publicJwk, 'VSS'), entry(moh.publicJwk, 'MOH')]) =>
    createTrustList({ iss: 'ROOT', iat: ISSUED, exp: new Date('2028-01-01'), seq, keys }, root.signer);
  const statusList = (revoked: number[], iat: Date) => {
    const list = createStatusList(64);
    for (const idx of revoked) setStatus(list, idx, 'revoked');
    return signStatusList(list, { uri: URI, iss: 'VSS', iat, exp: new Date('2027-01-01') }, vss.signer);
  };
  const card = (signer = vss.signer, idx = 1, more: { exp?: Date; uri?: string; iss?: string } = {}) =>
    nodeEntry.issueCard(idx % 2 ? healthCard : socialCard, {
      signer,
      iss: more.iss ?? 'VSS',
      iat: ISSUED,
      exp: more.exp ?? EXPIRES,
      cti: Uint8Array.of(idx),
      status: { idx, uri: more.uri ?? URI },
    });
  const valid = await card();
  const signature = unwrap(valid).signature.slice();
  signature[10]! ^= 1;
  const es = makeDsc('ES256');
  const ps = makeDsc('PS256');
  const dcc = (dsc = es, exp = seconds('2027-01-01')) => makeDcc({ dsc, iat: seconds('2025-06-01'), exp });
  const texts = [
    valid,
    await card(vss.signer, 7), // revoked by the first status list
    await card(vss.signer, 2), // revoked by the second
    await card(moh.signer, 3, { iss: 'MOH' }),
    await card(vss.signer, 4, { exp: new Date('2025-06-01') }), // expired at NOW
    await card(vss.signer, 5, { uri: OTHER_URI }), // a status list nobody holds
    await card(stranger.signer, 6), // unknown key
    replaceInText(valid, { signature }), // forged
    `${valid.slice(0, 10)}a${valid.slice(11)}`, // not base45
    'not a card',
    '',
    `AS1:${'A'.repeat(5000)}`, // too long
    dcc(),
    dcc(ps),
    dcc(es, seconds('2025-12-01')), // expired DCC
    dcc(makeDsc('ES256')), // DSC not given
    42,
    null,
    undefined,
    { text: valid },
    [valid],
    () => valid,
    Symbol('text'),
  ];
  return {
    root,
    vss,
    moh,
    stranger,
    es,
    ps,
    texts,
    trustList,
    statusList,
    entry,
    firstStatus: await statusList([7], ISSUED),
    secondStatus: await statusList([7, 2], new Date('2025-02-01')),
  };
}

/** The texts repeated and shuffled into a batch of `n`, so every kind lands in several chunks. */
const batchOf = (texts: readonly unknown[], n: number) =>
  Array.from({ length: n }, (_, i) => texts[(i * 7) % texts.length]);

/** How many chunks the strings of a batch make (the rest is answered on the main thread). */
const chunksOf = (batch: readonly unknown[], size: number) =>
  Math.ceil(batch.filter((t) => typeof t === 'string' && t.length <= 4296).length / size);

describe('@ansinh/verify/node verifyMany on worker threads', () => {
  it('gives the results of verify one by one, in input order, for every kind of text and key form', async () => {
    const { vss, moh, es, ps, texts, firstStatus } = world;
    const vssKey = importJwk(vss.publicJwk);
    const mohPem = createPublicKey({ key: moh.publicJwk as import('node:crypto').JsonWebKey, format: 'jwk' })
      .export({ type: 'spki', format: 'pem' })
      .toString();
    const options: VerifierOptions = {
      // A verification key object, a COSE_Key (bytes) and PEM SPKI; a DSC as a key.
      keys: [vssKey, exportCoseKey(vssKey), mohPem, pem(ps.der)],
      // DSCs as DER bytes and parsed.
      certificates: [es.der, parseCertificate(ps.der)],
      statusLists: [firstStatus],
      now: NOW,
      skewSeconds: 60,
      lang: 'en',
    };
    const w = watched(options, { workers: 2 });
    await w.start();
    const batch = batchOf(texts, 150);
    const many = await w.verifier.verifyMany(batch);
    const expected = await oneByOne(w.verifier, batch);
    expect(many).toEqual(expected);
    // Every chunk went to a worker, and the batch holds every kind of outcome.
    expect(w.record.answered).toBe(chunksOf(batch, 8));
    expect(new Set(expected.map(outcome))).toEqual(
      new Set([
        'valid valid',
        'ERR_REVOKED',
        'ERR_STATUS_LIST_ISSUER',
        'valid unchecked',
        'ERR_CREDENTIAL_EXPIRED',
        'ERR_KID_UNKNOWN',
        'ERR_SIGNATURE_INVALID',
        'ERR_BASE45',
        'ERR_PREFIX',
        'ERR_TOO_LONG',
        'valid hc1',
        'ERR_INPUT_TYPE',
      ]),
    );
  });

  it('shares a batch between the workers and the main thread, as by default', async () => {
    const { texts, vss, moh, firstStatus } = world;
    const w = watched(
      { keys: [vss.publicJwk, moh.publicJwk], statusLists: [firstStatus], now: NOW },
      { mainVerifies: true },
    );
    await w.start();
    const batch = batchOf(texts, 80);
    const many = await w.verifier.verifyMany(batch);
    expect(many).toEqual(await oneByOne(w.verifier, batch));
    // The main thread claims the first chunk before any worker can.
    expect(w.record.answered).toBeLessThan(chunksOf(batch, 8));
  });

  it('keeps batches running at the same time apart', async () => {
    const { texts, vss, moh, firstStatus } = world;
    const w = watched(
      { keys: [vss.publicJwk, moh.publicJwk], statusLists: [firstStatus], now: NOW },
      { workers: 2, mainVerifies: true },
    );
    await w.start();
    const a = batchOf(texts, 70);
    const b = batchOf([...texts].reverse(), 50);
    const [manyA, manyB] = await Promise.all([w.verifier.verifyMany(a), w.verifier.verifyMany(b)]);
    expect(manyA).toEqual(await oneByOne(w.verifier, a));
    expect(manyB).toEqual(await oneByOne(w.verifier, b));
  });

  it('uses the roots, trust list, seq floor and required status, and every later update', async () => {
    const { root, trustList, firstStatus, secondStatus, texts, entry, vss } = world;
    const options: VerifierOptions = {
      roots: [root.publicJwk],
      trustList: await trustList(2),
      minTrustListSeq: 2,
      statusLists: [firstStatus],
      requireStatus: true,
      now: () => NOW,
    };
    const w = watched(options);
    await w.start();
    const batch = batchOf(texts, 60);
    const before = await w.verifier.verifyMany(batch);
    expect(before).toEqual(await oneByOne(w.verifier, batch));
    expect(before.map(outcome)).toContain('ERR_STATUS_UNAVAILABLE');

    // A newer status list, a trust list without MOH, and a rollback the verifier refuses.
    expect(await w.verifier.addStatusList(secondStatus)).toBeUndefined();
    expect(
      await w.verifier.updateTrustList(await trustList(3, [entry(vss.publicJwk, 'VSS')])),
    ).toBeUndefined();
    expect(await w.verifier.updateTrustList(await trustList(1))).toMatchObject({
      code: 'ERR_TRUST_LIST_ROLLBACK',
    });
    expect(w.verifier.trustListSeq).toBe(3);
    const after = await w.verifier.verifyMany(batch);
    expect(after).toEqual(await oneByOne(w.verifier, batch));
    // The updates changed the answers: card 2 is now revoked, MOH's card has no key (before, it
    // pointed at VSS's status list).
    const changed = batch.flatMap((_, i) =>
      outcome(before[i]!) === outcome(after[i]!) ? [] : [`${outcome(before[i]!)} -> ${outcome(after[i]!)}`],
    );
    expect(new Set(changed)).toEqual(
      new Set(['valid valid -> ERR_REVOKED', 'ERR_STATUS_LIST_ISSUER -> ERR_KID_UNKNOWN']),
    );
  });

  it('sends updates made before the workers exist to the workers started later', async () => {
    const { trustList, root, secondStatus, texts } = world;
    const w = watched({ roots: [root.publicJwk], now: NOW });
    // No trust list at creation: the first one arrives as an update, then a status list.
    expect(await w.verifier.updateTrustList(await trustList(1))).toBeUndefined();
    expect(await w.verifier.addStatusList(secondStatus)).toBeUndefined();
    await w.start();
    const batch = batchOf(texts, 40);
    const many = await w.verifier.verifyMany(batch);
    expect(many).toEqual(await oneByOne(w.verifier, batch));
    expect(many.map(outcome)).toContain('ERR_REVOKED');
    expect(w.record.answered).toBe(chunksOf(batch, 8));
  });

  it('reads a clock function on the main thread for each chunk and checks the chunk at that time', async () => {
    const { texts, firstStatus, vss, moh, es } = world;
    let time = NOW.getTime();
    let reads = 0;
    const w = watched({
      keys: [vss.publicJwk, moh.publicJwk],
      certificates: [es.der],
      statusLists: [firstStatus],
      now: () => {
        reads++;
        return new Date(time);
      },
    });
    await w.start();
    const batch = batchOf(texts, 40);
    reads = 0;
    const atNow = await w.verifier.verifyMany(batch);
    expect(reads).toBe(chunksOf(batch, 8));
    time = Date.parse('2031-01-01'); // past every card's exp
    const later = await w.verifier.verifyMany(batch);
    expect(later).toEqual(await oneByOne(w.verifier, batch));
    expect(later.filter((r) => r.valid)).toEqual([]);
    time = NOW.getTime();
    expect(atNow).toEqual(await oneByOne(w.verifier, batch));
  });

  it('verifies a chunk on the main thread when the clock function throws, as verify does', async () => {
    const { texts, vss } = world;
    const w = watched({
      keys: [vss.publicJwk],
      now: () => {
        throw new Error('no clock');
      },
    });
    await w.start();
    const batch = batchOf(texts, 30);
    const many = await w.verifier.verifyMany(batch);
    expect(many).toEqual(await oneByOne(w.verifier, batch));
    expect(many.map(outcome)).toContain('ERR_INTERNAL');
    expect(w.record.answered).toBe(0);
  });
});

describe('worker failures', () => {
  // It exits on a chunk holding this text.
  const dyingWorker = new URL('./node-batch-dying-worker.ts', import.meta.url);
  const DIE = 'DIE';

  it('verifies the chunks of a worker that dies mid-batch on the main thread, then starts another', async () => {
    const { texts, vss, firstStatus } = world;
    const options = { keys: [vss.publicJwk], statusLists: [firstStatus], now: NOW };
    const w = watched(options, { workerUrl: dyingWorker, chunkSize: 4 });
    await w.start();
    const batch = batchOf(texts, 40);
    batch[13] = DIE; // fourth chunk: chunks 4 and 5 are with the worker when it dies
    const many = await w.verifier.verifyMany(batch);
    expect(await w.exits[0]).toBe(1);
    expect(many).toEqual(await oneByOne(w.verifier, batch));
    expect(w.record.answered).toBeLessThan(chunksOf(batch, 4));

    // The next batch gets a new worker.
    const next = batchOf(texts, 40);
    expect(await w.verifier.verifyMany(next)).toEqual(await oneByOne(w.verifier, next));
    expect(w.workers).toHaveLength(2);
  });

  it('verifies on the main thread when a worker is terminated during a batch', async () => {
    const { texts, vss } = world;
    const w = watched({ keys: [vss.publicJwk], now: NOW }, { workers: 2 });
    await w.start();
    const batch = batchOf(texts, 80);
    const pending = w.verifier.verifyMany(batch);
    await w.workers[0]!.terminate(); // with chunks offered to it
    const many = await pending;
    expect(await w.exits[0]).toBe(1);
    expect(many).toEqual(await oneByOne(w.verifier, batch));
  });

  it('stays on the main thread when the workers cannot start', async () => {
    const { texts, vss } = world;
    const w = watched(
      { keys: [vss.publicJwk], now: NOW },
      { workerUrl: new URL('./node-batch-failing-worker.ts', import.meta.url) },
    );
    const batch = batchOf(texts, 40);
    expect(await w.verifier.verifyMany(batch)).toEqual(await oneByOne(w.verifier, batch));
    expect(await w.exits[0]).toBe(1);
    // Once a worker failed to start, batches no longer try.
    expect(await w.verifier.verifyMany(batch)).toEqual(await oneByOne(w.verifier, batch));
    expect(w.workers).toHaveLength(1);
  });
});

describe('worker lifetime', () => {
  it('stops idle workers, and a later batch starts new ones that replay every update', async () => {
    const { texts, vss, firstStatus, secondStatus } = world;
    const w = watched({ keys: [vss.publicJwk], statusLists: [firstStatus], now: NOW }, { idleMs: 50 });
    await w.start();
    expect(await w.exits[0]).toBe(1); // stopped (terminate() ends a worker with code 1)
    expect(await w.verifier.addStatusList(secondStatus)).toBeUndefined();
    await w.start();
    expect(w.workers).toHaveLength(2);
    const batch = batchOf(texts, 40);
    const again = await w.verifier.verifyMany(batch);
    expect(w.record.answered).toBe(chunksOf(batch, 8)); // by the new worker
    expect(again).toEqual(await oneByOne(w.verifier, batch));
    expect(again.map(outcome)).toContain('ERR_REVOKED');
  });

  it('replays to a worker started late only the updates that still matter, to the same results', async () => {
    const { root, vss, moh, trustList, statusList, entry, texts, firstStatus, secondStatus } = world;
    const w = watched(
      { roots: [root.publicJwk], trustList: await trustList(1), now: NOW },
      { workerUrl: new URL('./node-batch-recording-worker.ts', import.meta.url) },
    );
    const mohList = await signStatusList(
      createStatusList(64),
      { uri: URI, iss: 'MOH', iat: new Date('2025-03-01'), exp: new Date('2027-01-01') },
      moh.signer,
    );
    const problems = [
      await w.verifier.addStatusList(firstStatus),
      await w.verifier.addStatusList(secondStatus), // replaces the first
      await w.verifier.addStatusList(firstStatus), // older than the one held: no change
      await w.verifier.addStatusList(Uint8Array.of(1, 2, 3)), // not a list: no change
      await w.verifier.updateTrustList(await trustList(0)), // rollback: no change
      await w.verifier.updateTrustList(await trustList(2)),
      await w.verifier.updateTrustList(await trustList(3, [entry(vss.publicJwk, 'VSS')])), // replaces seq 2
      await w.verifier.addStatusList(mohList), // MOH is no longer trusted: refused
      await w.verifier.addStatusList(await statusList([7, 2, 1], new Date('2025-04-01'))), // replaces them
    ].map((p) => p?.code);
    expect(problems).toEqual([
      undefined,
      undefined,
      'ERR_STATUS_LIST_OUTDATED',
      'ERR_STATUS_LIST_INVALID',
      'ERR_TRUST_LIST_ROLLBACK',
      undefined,
      undefined,
      'ERR_STATUS_LIST_INVALID',
      undefined,
    ]);
    await w.start();
    const batch = batchOf(texts, 40);
    const many = await w.verifier.verifyMany(batch);
    expect(w.record.updates).toEqual([['trustList', 'statusList']]);
    expect(w.record.answered).toBe(chunksOf(batch, 8));
    expect(many).toEqual(await oneByOne(w.verifier, batch));
    // The last list revokes card 1; MOH's key left with trust list 3.
    expect(outcome(many[0]!)).toBe('ERR_REVOKED');
    expect(many.map(outcome)).toContain('ERR_KID_UNKNOWN');
  });

  it('keeps small batches on the main thread', async () => {
    const w = watched({ keys: [world.vss.publicJwk], now: NOW }, { minBatch: 64 });
    const batch = batchOf(world.texts, 63);
    expect(await w.verifier.verifyMany(batch)).toEqual(await oneByOne(w.verifier, batch));
    expect(w.workers).toHaveLength(0);
  });

  it('lets a script end once its batches are done, workers or not', () => {
    const script = fileURLToPath(new URL('./node-batch-exit-script.ts', import.meta.url));
    const started = Date.now();
    const child = spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', script], {
      encoding: 'utf8',
      timeout: 25_000,
    });
    expect(child.stderr).toBe('');
    expect(JSON.parse(child.stdout)).toEqual({ valid: 600, workers: availableParallelism() - 1 });
    // Far sooner than the 30 s idle stop: the workers do not hold the process.
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});

describe('createVerifier of @ansinh/verify/node', () => {
  it('spreads a large batch over workers with the default settings, with the same results', async () => {
    const { texts, vss, moh, es, firstStatus } = world;
    const verifier = nodeEntry.createVerifier({
      keys: [vss.publicJwk, moh.publicJwk],
      certificates: [es.der],
      statusLists: [firstStatus],
      now: NOW,
    });
    const batch = batchOf(texts, 600);
    expect(await verifier.verifyMany(batch)).toEqual(await oneByOne(verifier, batch));
  });

  it('keeps verifyMany on the main thread with another crypto backend', async () => {
    const calls: string[] = [];
    const recording: CryptoBackend = {
      ...nodeCryptoBackend,
      verify(alg, key, data, signature, options) {
        calls.push(options?.concurrent ? 'pool' : 'here');
        return nodeCryptoBackend.verify(alg, key, data, signature, options);
      },
    };
    const { texts, vss } = world;
    const verifier = nodeEntry.createVerifier({ keys: [vss.publicJwk], now: NOW, crypto: recording });
    const batch = batchOf(texts.slice(0, 1), 100);
    const many = await verifier.verifyMany(batch);
    expect(many.every((r) => r.valid)).toBe(true);
    expect(calls).toEqual(new Array(100).fill('pool'));
  });
});
