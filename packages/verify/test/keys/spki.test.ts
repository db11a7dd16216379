import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importJwk } from '../../src/keys/jwk.js';
import { importSpkiDer, importSpkiPem } from '../../src/keys/spki.js';

const der = (key: KeyObject) => new Uint8Array(key.export({ format: 'der', type: 'spki' }));
const pem = (bytes: Uint8Array) =>
  `-----BEGIN PUBLIC KEY-----\n${Buffer.from(bytes).toString('base64')}\n-----END PUBLIC KEY-----\n`;
const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey;
const ed25519 = generateKeyPairSync('ed25519').publicKey;
const codeOf = (f: () => unknown) => {
  try {
    f();
    return 'accepted';
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
};

describe('importSpkiPem / importSpkiDer', () => {
  it.each([
    ['P-256', p256],
    ['Ed25519', ed25519],
  ])('reads a %s PUBLIC KEY as its JWK reads', (_name, key) => {
    expect(importSpkiPem(pem(der(key)))).toEqual(importJwk(key.export({ format: 'jwk' }) as JsonWebKey));
  });

  const p256Der = der(p256);
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey;
  const zeros = new Uint8Array(59);
  it.each([
    ['an RSA key (ansinh credentials are never RSA-signed)', der(rsa)],
    ['a byte after the key', Uint8Array.from([...p256Der, 0])],
    // 0x30 0x59 re-encoded as 0x30 0x81 0x59: BER allows it, DER does not.
    ['a length not in its shortest form', Uint8Array.from([0x30, 0x81, ...p256Der.subarray(1)])],
    ['a truncated key', p256Der.subarray(0, p256Der.length - 1)],
    [
      'an Ed25519 key with parameters',
      Uint8Array.from([
        0x30,
        0x2c,
        0x30,
        0x07,
        0x06,
        0x03,
        0x2b,
        0x65,
        0x70,
        0x05,
        0x00,
        ...der(ed25519).subarray(7),
      ]),
    ],
    ['zeros (not DER at all)', zeros],
  ])('refuses %s with ERR_KEY_INVALID', (_why, bytes) => {
    expect(codeOf(() => importSpkiDer(bytes))).toBe('ERR_KEY_INVALID');
  });

  it('refuses a PEM without a PUBLIC KEY block, or with bad base64', () => {
    expect(codeOf(() => importSpkiPem('-----BEGIN CERTIFICATE-----\nAA==\n-----END CERTIFICATE-----'))).toBe(
      'ERR_KEY_INVALID',
    );
    expect(codeOf(() => importSpkiPem('-----BEGIN PUBLIC KEY-----\n!!!\n-----END PUBLIC KEY-----'))).toBe(
      'ERR_KEY_INVALID',
    );
  });

  it('any byte change or truncation gives a key or ERR_KEY_INVALID, never another throw', () => {
    fc.assert(
      fc.property(
        fc.nat(p256Der.length - 1),
        fc.integer({ min: 1, max: 255 }),
        fc.nat(p256Der.length),
        (at, xor, cut) => {
          const bytes = p256Der.slice(0, cut);
          if (at < bytes.length) bytes[at]! ^= xor;
          expect(['accepted', 'ERR_KEY_INVALID']).toContain(codeOf(() => importSpkiDer(bytes)));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
