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

    const calls: ('now' | 'pool' | 'here')[] = [];
    const recording: CryptoBackend = {
      ...nodeEntry.nodeCryptoBackend,
      verify(alg, key, data, signature, options) {
        calls.push(options?.concurrent === true ? 'pool' : 'here');
        return nodeEntry.nodeCryptoBackend.verify(alg, key, data, signature, options);
      },
      verifyNow(alg, key, data, signature) {
        calls.push('now');
        return nodeEntry.nodeCryptoBackend.verifyNow!(alg, key, data, signature);
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
    // One at a time, each card is checked synchronously; a batch sends its checks to the pool.
    expect(oneByOneCalls).toEqual(['now', 'now', 'now']);
    expect(calls).toEqual(['pool', 'pool', 'pool']);

    // A larger batch, with more checks in flight than the pool has threads: every result still
    // lands in its input's place.
    const big = Array.from({ length: 60 }, (_, i) => texts[i % texts.length]);
    const results = await verifier.verifyMany(big, { concurrency: 16 });
    expect(results).toEqual(big.map((_, i) => one[i % texts.length]));
  });

  it('keeps each result apart from the buffers the next card is decoded into', async () => {
    // One card at a time decodes into shared buffers; nothing in a result may point into them.
    const { privateJwk, publicJwk } = await keyPair('ES256');
    const signer = await nodeEntry.signerFromJwk(privateJwk);
    const issue = (card: typeof healthCard, cti: number) =>
      nodeEntry.issueCard(card, {
        signer,
        iss: 'VSS',
        iat: ISSUED,
        exp: EXPIRES,
        cti: new Uint8Array(8).fill(cti),
        status: { idx: cti, uri: 'https://bhxh.example/sl/1' },
      });
    const first = await issue(healthCard, 1);
    const second = await issue(socialCard, 2);
    const verifier = nodeEntry.createVerifier({ keys: [publicJwk], now: NOW });
    const a = await verifier.verify(first);
    const snapshot = structuredClone(a);
    await verifier.verify(second);
    await verifier.verify(`${second.slice(0, -3)}000`); // a broken text decoded over the same buffers
    expect(a).toEqual(snapshot);
    expect(a).toMatchObject({ valid: true, card: healthCard, claims: { status: { idx: 1 } } });
    if (!a.valid || a.profile !== 'ansinh') throw new Error('expected a valid card');
    // cti is a copy of its own, not a window on the decoded bytes.
    expect(a.claims.cti).toEqual(new Uint8Array(8).fill(1));
    expect(a.claims.cti?.buffer.byteLength).toBe(8);
  });
});
