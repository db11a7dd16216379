import { constants, createPublicKey, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkPs256Signature, verifyPs256 } from '../../src/alg/ps256.js';
import type { RsaVerificationKey } from '../../src/keys/types.js';
import { fromHex } from '../../src/lib/bytes.js';
import { nodeCryptoBackend } from '../../src/node/node-crypto.js';

interface WycheproofCase {
  tcId: number;
  comment: string;
  msg: string;
  sig: string;
  result: 'valid' | 'invalid';
}
const wycheproof = JSON.parse(
  readFileSync(
    join(import.meta.dirname, '../vectors/wycheproof-rsa-pss/rsa_pss_2048_sha256_mgf1_32_subset.json'),
    'utf8',
  ),
) as { publicKeyDer: string; tests: WycheproofCase[] };

const rsaKey = (publicKey: KeyObject): RsaVerificationKey => {
  const jwk = publicKey.export({ format: 'jwk' });
  return {
    kty: 'RSA',
    n: new Uint8Array(Buffer.from(jwk.n!, 'base64url')),
    e: new Uint8Array(Buffer.from(jwk.e!, 'base64url')),
  };
};
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const key = rsaKey(rsa.publicKey);
const data = new TextEncoder().encode('Sig_structure bytes');
const pssSign = (bytes: Uint8Array, saltLength: number) =>
  new Uint8Array(
    sign('sha256', bytes, { key: rsa.privateKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength }),
  );

const codeOf = async (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (err: { code?: string }) => err.code,
  );

// The WebCrypto path (default entry) and node:crypto (`@ansinh/verify/node`) must agree on each case.
const implementations = [
  { name: 'WebCrypto', verify: verifyPs256 },
  {
    name: 'node:crypto',
    verify: (k: RsaVerificationKey, d: Uint8Array, s: Uint8Array) =>
      nodeCryptoBackend.verify('PS256', k, d, s),
  },
  {
    name: 'node:crypto on the thread pool',
    verify: (k: RsaVerificationKey, d: Uint8Array, s: Uint8Array) =>
      nodeCryptoBackend.verify('PS256', k, d, s, { concurrent: true }),
  },
];

describe.each(implementations)(
  'PS256 against Wycheproof (SHA-256, MGF1-SHA-256, salt 32), $name',
  ({ verify: verifyPs256 }) => {
    const wycheproofKey = rsaKey(
      createPublicKey({ key: Buffer.from(wycheproof.publicKeyDer, 'hex'), format: 'der', type: 'spki' }),
    );
    it.each(wycheproof.tests)('tcId $tcId ($comment) is $result', async (t) => {
      expect(await verifyPs256(wycheproofKey, fromHex(t.msg), fromHex(t.sig))).toBe(t.result === 'valid');
    });
  },
);

describe.each(implementations)('PS256 with node:crypto signatures, $name', ({ verify: verifyPs256 }) => {
  it('verifies a 32-byte-salt signature and rejects it over other data', async () => {
    const sig = pssSign(data, 32);
    expect(await verifyPs256(key, data, sig)).toBe(true);
    expect(await verifyPs256(key, data.subarray(1), sig)).toBe(false);
  });

  it('rejects a signature made with another salt length (PS256 fixes it at 32)', async () => {
    expect(await verifyPs256(key, data, pssSign(data, 20))).toBe(false);
  });

  it('rejects a PKCS#1 v1.5 signature by the same key', async () => {
    expect(await verifyPs256(key, data, new Uint8Array(sign('sha256', data, rsa.privateKey)))).toBe(false);
  });

  it('refuses a signature of the wrong length with ERR_SIGNATURE_FORMAT', async () => {
    const sig = pssSign(data, 32);
    expect(await codeOf(verifyPs256(key, data, sig.subarray(1)))).toBe('ERR_SIGNATURE_FORMAT');
    expect(await codeOf(verifyPs256(key, data, Uint8Array.from([0, ...sig])))).toBe('ERR_SIGNATURE_FORMAT');
  });

  it('refuses a key the runtime cannot use with ERR_KEY_INVALID, not a raw DOMException', async () => {
    const zero: RsaVerificationKey = { ...key, n: new Uint8Array(256) };
    expect(await codeOf(verifyPs256(zero, data, pssSign(data, 32)))).toBe('ERR_KEY_INVALID');
  });

  it('checkPs256Signature accepts the lengths of 2048–8192-bit keys only', () => {
    expect([255, 256, 384, 1024, 1025].map((n) => checkPs256Signature(new Uint8Array(n)))).toEqual([
      'ERR_SIGNATURE_FORMAT',
      undefined,
      undefined,
      undefined,
      'ERR_SIGNATURE_FORMAT',
    ]);
  });
});

describe('PS256 without WebCrypto (React Native/Hermes)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('reports ERR_UNSUPPORTED instead of crashing', async () => {
    vi.stubGlobal('crypto', {});
    expect(await codeOf(verifyPs256(key, data, pssSign(data, 32)))).toBe('ERR_UNSUPPORTED');
  });
});
