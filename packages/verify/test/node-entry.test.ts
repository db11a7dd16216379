import { describe, expect, it } from 'vitest';
import type { CryptoBackend } from '../src/crypto-backend.js';
import * as defaultEntry from '../src/index.js';
import * as nodeEntry from '../src/node/index.js';
import { EXPIRES, healthCard, ISSUED, keyPair, NOW, replaceInText, socialCard, unwrap } from './helpers.js';

describe('@ansinh/verify/node', () => {
  it('exports the whole default surface plus nodeCryptoBackend', () => {
    for (const name of Object.keys(defaultEntry)) expect(nodeEntry, name).toHaveProperty(name);
    expect(nodeEntry.nodeCryptoBackend.name).toBe('node');
  });

  it.each(['ES256', 'EdDSA'] as const)(
    'signs and verifies %s, and WebCrypto accepts what it signs',
    async (alg) => {
      const { privateJwk, publicJwk } = await keyPair(alg);
      const signer = await nodeEntry.signerFromJwk(privateJwk);
      const text = await nodeEntry.issueCard(healthCard, { signer, iss: 'VSS', iat: ISSUED, exp: EXPIRES });
      expect(await nodeEntry.verifyCard(text, { keys: [publicJwk], now: NOW })).toMatchObject({
        valid: true,
        card: healthCard,
      });
      expect(await defaultEntry.verifyCard(text, { keys: [publicJwk], now: NOW })).toMatchObject({
        valid: true,
      });
    },
  );

  it('refuses a private JWK of the other algorithm instead of signing with it', async () => {
    const { privateJwk } = await keyPair('EdDSA');
    await expect(nodeEntry.nodeCryptoBackend.importSigningKey('ES256', privateJwk)).rejects.toMatchObject({
      code: 'ERR_KEY_ALG_MISMATCH',
    });
  });

  it('verifies one card on the calling thread and a batch on the thread pool, with the same results', async () => {
    const es = await keyPair('ES256');
    const ed = await keyPair('EdDSA');
    const texts = [
      await nodeEntry.issueCard(healthCard, {
        signer: await nodeEntry.signerFromJwk(es.privateJwk),
        iss: 'VSS',
        iat: ISSUED,
        exp: EXPIRES,
      }),
      await nodeEntry.issueCard(socialCard, {
        signer: await nodeEntry.signerFromJwk(ed.privateJwk),
        iss: 'VSS',
        iat: ISSUED,
        exp: EXPIRES,
      }),
    ];
    // A forged copy (one signature bit flipped) and a text that never reaches the signature.
    const signature = unwrap(texts[0]!).signature.slice();
    signature[40]! ^= 1;
    texts.push(replaceInText(texts[0]!, { signature }), 'not a card');

    const calls: boolean[] = [];
    const recording: CryptoBackend = {
      ...nodeEntry.nodeCryptoBackend,
      verify(alg, key, data, signature, options) {
        calls.push(options?.concurrent === true);
        return nodeEntry.nodeCryptoBackend.verify(alg, key, data, signature, options);
      },
    };
    const verifier = nodeEntry.createVerifier({
      keys: [es.publicJwk, ed.publicJwk],
      now: NOW,
      crypto: recording,
    });
    const one: Awaited<ReturnType<typeof verifier.verify>>[] = [];
    for (const text of texts) one.push(await verifier.verify(text));
    const oneByOneCalls = calls.splice(0);
    const many = await verifier.verifyMany(texts);

    expect(many).toEqual(one);
    expect(one.map((r) => r.valid)).toEqual([true, true, false, false]);
    expect(oneByOneCalls).toEqual([false, false, false]);
    expect(calls).toEqual([true, true, true]);

    // A larger batch: some checks run on the thread pool, the rest on the calling thread, and
    // every result still lands in its input's place.
    const big = Array.from({ length: 60 }, (_, i) => texts[i % texts.length]);
    const results = await verifier.verifyMany(big, { concurrency: 16 });
    expect(results).toEqual(big.map((_, i) => one[i % texts.length]));
  });
});
