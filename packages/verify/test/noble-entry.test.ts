import { afterEach, describe, expect, it, vi } from 'vitest';
import * as defaultEntry from '../src/index.js';
import * as nobleEntry from '../src/noble-entry.js';
import { EXPIRES, healthCard, ISSUED, keyPair, NOW } from './helpers.js';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('@ansinh/verify/noble on a runtime without WebCrypto', () => {
  it.each(['ES256', 'EdDSA'] as const)('signs and verifies %s with crypto.subtle gone', async (alg) => {
    const { privateJwk, publicJwk } = await keyPair(alg);
    // React Native's shape: getRandomValues (polyfilled; noble blinds secret-key arithmetic with
    // random values when signing) but no SubtleCrypto.
    const getRandomValues = crypto.getRandomValues.bind(crypto);
    vi.stubGlobal('crypto', { getRandomValues });
    expect(globalThis.crypto.subtle).toBeUndefined();

    const signer = await nobleEntry.signerFromJwk(privateJwk);
    const text = await nobleEntry.issueCard(healthCard, { signer, iss: 'VSS', iat: ISSUED, exp: EXPIRES });
    // Verifying needs no randomness at all.
    vi.stubGlobal('crypto', undefined);
    const r = await nobleEntry.createVerifier({ keys: [publicJwk], now: NOW }).verify(text);
    expect(r).toMatchObject({ valid: true, card: healthCard });

    // The default entry says so instead of failing obscurely.
    const webcrypto = await defaultEntry.createVerifier({ keys: [publicJwk], now: NOW }).verify(text);
    expect(webcrypto).toMatchObject({ valid: false, error: { code: 'ERR_UNSUPPORTED' } });
    await expect(defaultEntry.signerFromJwk(privateJwk)).rejects.toMatchObject({ code: 'ERR_UNSUPPORTED' });
  });

  it.each(['ES256', 'EdDSA'] as const)(
    'generates %s keys with only getRandomValues, and they sign and verify',
    async (alg) => {
      const getRandomValues = crypto.getRandomValues.bind(crypto);
      vi.stubGlobal('crypto', { getRandomValues });
      const key = await nobleEntry.generateSigningKey(alg);
      expect(key.publicJwk).toMatchObject({ alg, kid: expect.stringMatching(/^[0-9a-f]{16}$/) });
      expect(key.privateJwk.kid).toBe(key.publicJwk.kid);
      // The kid is ansinh's thumbprint of the public key, as for WebCrypto-generated keys.
      const kid = nobleEntry.kidFromPublicKey(nobleEntry.importJwk(key.publicJwk));
      expect(Buffer.from(kid).toString('hex')).toBe(key.publicJwk.kid);
      const signer = await nobleEntry.signerFromJwk(key.privateJwk);
      const text = await nobleEntry.issueCard(healthCard, { signer, iss: 'VSS', iat: ISSUED, exp: EXPIRES });
      const r = await nobleEntry.createVerifier({ keys: [key.publicJwk], now: NOW }).verify(text);
      expect(r).toMatchObject({ valid: true, kid: key.publicJwk.kid });
      await expect(defaultEntry.generateSigningKey(alg)).rejects.toMatchObject({ code: 'ERR_UNSUPPORTED' });
    },
  );

  it('exports the whole default surface plus nobleBackend', () => {
    for (const name of Object.keys(defaultEntry)) expect(nobleEntry, name).toHaveProperty(name);
    expect(nobleEntry.nobleBackend.name).toBe('noble');
  });
});
