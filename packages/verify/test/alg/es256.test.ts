import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkEs256Signature, P256_N } from '../../src/alg/es256.js';

const toBigInt = (bytes: Uint8Array) => bytes.reduce((n, b) => (n << 8n) | BigInt(b), 0n);
const toBytes = (n: bigint) =>
  Uint8Array.from({ length: 32 }, (_, i) => Number((n >> BigInt(8 * (31 - i))) & 0xffn));

/** The rule as written in the spec, with BigInt arithmetic: 0 < r < n and 0 < s < n. */
function reference(signature: Uint8Array) {
  if (signature.length !== 64) return 'ERR_SIGNATURE_FORMAT';
  const r = toBigInt(signature.subarray(0, 32));
  const s = toBigInt(signature.subarray(32));
  return r === 0n || s === 0n || r >= P256_N || s >= P256_N ? 'ERR_SIGNATURE_RANGE' : undefined;
}

// Scalars near the edges of the range, where a byte comparison could go wrong.
const edge = fc.constantFrom(
  0n,
  1n,
  P256_N - 1n,
  P256_N,
  P256_N + 1n,
  2n ** 256n - 1n,
  P256_N >> 8n,
  P256_N - 2n ** 128n,
);
const scalar = fc.oneof(
  edge,
  fc.bigInt({ min: 0n, max: 2n ** 256n - 1n }),
  fc.bigInt({ min: P256_N - 2n ** 40n, max: 2n ** 256n - 1n }),
);

describe('checkEs256Signature', () => {
  it('agrees with the BigInt range rule on scalars around 0 and n', () => {
    fc.assert(
      fc.property(scalar, scalar, (r, s) => {
        const signature = new Uint8Array(64);
        signature.set(toBytes(r), 0);
        signature.set(toBytes(s), 32);
        expect(checkEs256Signature(signature)).toBe(reference(signature));
      }),
      { numRuns: 2000 },
    );
  });

  it('rejects r = n and s = 0, accepts n - 1', () => {
    const sig = (r: bigint, s: bigint) => Uint8Array.from([...toBytes(r), ...toBytes(s)]);
    expect(checkEs256Signature(sig(P256_N, 1n))).toBe('ERR_SIGNATURE_RANGE');
    expect(checkEs256Signature(sig(1n, 0n))).toBe('ERR_SIGNATURE_RANGE');
    expect(checkEs256Signature(sig(P256_N - 1n, P256_N - 1n))).toBeUndefined();
    expect(checkEs256Signature(new Uint8Array(63))).toBe('ERR_SIGNATURE_FORMAT');
  });
});
