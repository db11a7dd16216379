// The short fuzz run CI does on every test run; the full one is fuzz-verify.ts (1,000,000 inputs).
import { describe, expect, it } from 'vitest';
import { buildFuzzTarget } from './corpus.js';
import { runFuzzRange } from './fuzz-verify.js';
import { LEVELS, layersOf } from './mutate.js';

const COUNT = 20_000;

describe('fuzz: mutated ansinh and HC1 texts through the verifier', () => {
  it(`${COUNT.toLocaleString('en')} inputs: no uncaught exception, no ERR_INTERNAL, none over 500 ms`, async () => {
    const target = await buildFuzzTarget();
    const layers = target.seeds.map(layersOf);
    // The unmutated seeds are what the mutations start from: the test ones must verify.
    const seedResults = await Promise.all(target.seeds.map((s) => target.verify(s.text)));
    expect(seedResults.map((r) => (r.valid ? 'valid' : r.error?.code))).toEqual([
      'valid',
      'valid',
      'valid',
      'ERR_CREDENTIAL_EXPIRED', // the real 2021 vectors, at the 2025 fuzz clock
      'ERR_CREDENTIAL_EXPIRED',
    ]);

    const report = await runFuzzRange(target, layers, {
      runSeed: 20_250_601,
      start: 0,
      end: COUNT,
      budgetMs: 500,
    });
    expect(report.throws).toEqual([]);
    expect(report.internal).toEqual([]);
    expect(report.overBudget).toEqual([]);
    expect(report.total).toBe(COUNT);
    // Every mutation level ran, and the mutations reached deep into the pipeline: failures
    // from decoding through claims and status checks behind the signature.
    expect(Object.keys(report.byLevel).sort()).toEqual([...LEVELS].sort());
    for (const code of [
      'ERR_BASE45',
      'ERR_INFLATE',
      'ERR_CBOR',
      'ERR_SIGNATURE_INVALID',
      'ERR_PAYLOAD_SCHEMA',
      'ERR_CLAIMS_MALFORMED',
      'ERR_REVOKED',
      'ERR_SUSPENDED',
      'ERR_STATUS_INDEX',
    ]) {
      expect(report.byCode[code] ?? 0, code).toBeGreaterThan(0);
    }
  }, 180_000);

  it('5,000 inputs on node:crypto (@ansinh/verify/node): no uncaught exception, no ERR_INTERNAL', async () => {
    const target = await buildFuzzTarget(undefined, 'node');
    const report = await runFuzzRange(target, target.seeds.map(layersOf), {
      runSeed: 20_261_123,
      start: 0,
      end: 5_000,
      budgetMs: 500,
    });
    expect(report.throws).toEqual([]);
    expect(report.internal).toEqual([]);
    expect(report.overBudget).toEqual([]);
    expect(report.total).toBe(5_000);
    expect(report.valid).toBeGreaterThan(0);
  }, 120_000);
});
