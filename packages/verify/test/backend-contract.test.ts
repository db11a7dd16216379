import { describe, expect, it } from 'vitest';
import { CborTag, encodeCbor, head } from '../src/cbor.js';
import type { CryptoBackend } from '../src/crypto-backend.js';
import { createVerifier, issueCard, signerFromJwk } from '../src/index.js';
import { nobleBackend } from '../src/noble.js';
import { nodeCryptoBackend } from '../src/node/node-crypto.js';
import { EXPIRES, healthCard, ISSUED, keyPair, NOW, replaceInText, socialCard, unwrap } from './helpers.js';

// What a caller's backend or clock can do wrong, and what the verifier must do about it: never
// report another card, never accept on a non-`true` answer, never throw.

async function twoCards() {
  const { privateJwk, publicJwk } = await keyPair('ES256');
  const signer = await signerFromJwk(privateJwk, { crypto: nodeCryptoBackend });
  const issue = (card: typeof healthCard) =>
    issueCard(card, { signer, iss: 'VSS', iat: ISSUED, exp: EXPIRES });
  const health = await issue(healthCard);
  const social = await issue(socialCard);
  const signature = unwrap(health).signature.slice();
  signature[20]! ^= 0x40;
  return { publicJwk, health, social, forged: replaceInText(health, { signature }) };
}

describe('a caller’s clock and backend', () => {
  it('cannot make a verifier report another card by verifying from inside its clock', async () => {
    const { publicJwk, health, social } = await twoCards();
    const other = createVerifier({ keys: [publicJwk], now: NOW, crypto: nodeCryptoBackend });
    let nested = 0;
    const clock = () => {
      // Re-enters a verifier, which decodes another card into the buffers shared by
      // synchronous checks, while the outer check is under way.
      if (nested++ % 2 === 0) void other.verify(social);
      return NOW;
    };
    for (const crypto of [nodeCryptoBackend, nobleBackend]) {
      const verifier = createVerifier({ keys: [publicJwk], now: clock, crypto });
      expect(await verifier.verify(health)).toMatchObject({ valid: true, card: healthCard });
      expect(await verifier.verify(social)).toMatchObject({ valid: true, card: socialCard });
    }
  });

  it('cannot make a verifier report another card by verifying from inside its own verifyNow', async () => {
    const { publicJwk, health, social } = await twoCards();
    const other = createVerifier({ keys: [publicJwk], now: NOW, crypto: nodeCryptoBackend });
    const reentering: CryptoBackend = {
      ...nodeCryptoBackend,
      verifyNow(alg, key, data, signature) {
        void other.verify(social); // overwrites every buffer a built-in backend would share
        return nodeCryptoBackend.verifyNow!(alg, key, data, signature);
      },
    };
    const verifier = createVerifier({ keys: [publicJwk], now: NOW, crypto: reentering });
    expect(await verifier.verify(health)).toMatchObject({ valid: true, card: healthCard });
  });

  it('replacing verify on a copy of a built-in backend takes effect for single cards too', async () => {
    const { publicJwk, health } = await twoCards();
    let calls = 0;
    const refusing: CryptoBackend = {
      ...nodeCryptoBackend,
      async verify() {
        calls++;
        return false;
      },
    };
    const verifier = createVerifier({ keys: [publicJwk], now: NOW, crypto: refusing });
    expect(await verifier.verify(health)).toMatchObject({
      valid: false,
      error: { code: 'ERR_SIGNATURE_INVALID' },
    });
    expect(await verifier.verifyMany([health])).toMatchObject([{ valid: false }]);
    expect(calls).toBe(2);
  });

  it('only `true` is a valid signature: promises and other truthy answers fail closed', async () => {
    const { publicJwk, forged } = await twoCards();
    const answers: CryptoBackend[] = [
      // An `async verifyNow` returns a promise, which is truthy.
      { ...nodeCryptoBackend, verifyNow: (async () => true) as unknown as CryptoBackend['verifyNow'] },
      { ...nodeCryptoBackend, verifyNow: (() => 1) as unknown as CryptoBackend['verifyNow'] },
      {
        name: 'webcrypto',
        importSigningKey: nodeCryptoBackend.importSigningKey,
        verify: (async () => 'yes') as unknown as CryptoBackend['verify'],
      },
    ];
    for (const crypto of answers) {
      const verifier = createVerifier({ keys: [publicJwk], now: NOW, crypto });
      expect(await verifier.verify(forged)).toMatchObject({
        valid: false,
        error: { code: 'ERR_SIGNATURE_INVALID' },
      });
      expect(await verifier.verifyMany([forged])).toMatchObject([{ valid: false }]);
    }
  });

  it('an exception whose own properties throw becomes ERR_INTERNAL, on both paths', async () => {
    const { publicJwk, health } = await twoCards();
    const hostile = () => {
      const e = new Error('hostile');
      Object.defineProperty(e, 'code', {
        get() {
          throw new Error('no code for you');
        },
      });
      return e;
    };
    // One throws from verifyNow (single cards), the other from verify (single cards and batches).
    const backends: CryptoBackend[] = [
      {
        ...nodeCryptoBackend,
        verifyNow() {
          throw hostile();
        },
        async verify() {
          throw hostile();
        },
      },
      {
        name: 'webcrypto',
        importSigningKey: nodeCryptoBackend.importSigningKey,
        async verify() {
          throw hostile();
        },
      },
    ];
    for (const crypto of backends) {
      const verifier = createVerifier({ keys: [publicJwk], now: NOW, crypto });
      await expect(verifier.verify(health)).resolves.toMatchObject({
        valid: false,
        error: { code: 'ERR_INTERNAL' },
      });
      await expect(verifier.verifyMany([health, 'not a card'])).resolves.toMatchObject([
        { valid: false, error: { code: 'ERR_INTERNAL' } },
        { valid: false, error: { code: 'ERR_PREFIX' } },
      ]);
    }
  });

  it('a clock that gives no valid time fails the card (ERR_CLOCK) instead of passing every time check', async () => {
    const { publicJwk, health } = await twoCards();
    for (const now of [new Date('not a date'), () => new Date(Number.NaN)]) {
      const verifier = createVerifier({ keys: [publicJwk], now, crypto: nodeCryptoBackend });
      expect(await verifier.verify(health)).toMatchObject({
        valid: false,
        error: { code: 'ERR_CLOCK', stage: 'time' },
      });
    }
  });
});

describe('CBOR heads', () => {
  it('refuse what is not a non-negative integer instead of writing a wrong head', () => {
    for (const n of [Number.NaN, -1, 1.5, Number.POSITIVE_INFINITY, -1n]) {
      expect(() => head(0, n), String(n)).toThrow(RangeError);
    }
    expect(() => encodeCbor(new CborTag(-1, 0))).toThrow(RangeError);
    expect(() => encodeCbor(new CborTag(Number.NaN, 0))).toThrow(RangeError);
    expect(head(0, 2 ** 32)).toEqual(Uint8Array.of(0x1b, 0, 0, 0, 1, 0, 0, 0, 0));
  });
});
