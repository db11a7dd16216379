import type { Card } from '@ansinh/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VERIFY_MESSAGES } from '../src/errors.js';
import { issueCard } from '../src/issue-card.js';
import { nobleBackend } from '../src/noble.js';
import { nodeCryptoBackend } from '../src/node/node-crypto.js';
import { signerFromJwk } from '../src/sign/signer.js';
import { createVerifier } from '../src/verify.js';
import { EXPIRES, healthCard, ISSUED, keyPair, NOW, replaceInText, socialCard, unwrap } from './helpers.js';

const BASE45 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
const digits = (n: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
const isoDate = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const cardArb: fc.Arbitrary<Card> = fc
  .record({
    type: fc.constantFrom('social-security' as const, 'health-insurance' as const),
    personalId: digits(12),
    name: fc
      .array(fc.constantFrom('Nguyễn', 'Thị', 'Văn', 'Đặng', 'Hoàng', 'Ngọc', 'Ánh', 'Lý', 'Quỳnh'), {
        minLength: 1,
        maxLength: 5,
      })
      .map((w) => w.join(' ')),
    dateOfBirth: isoDate,
    sex: fc.constantFrom('male' as const, 'female' as const),
    si: digits(10),
    level: fc.integer({ min: 1, max: 5 }),
    period: fc.tuple(isoDate, isoDate).map(([a, b]) => (a <= b ? [a, b] : [b, a])),
    programs: fc.uniqueArray(
      fc.constantFrom('children' as const, 'employment' as const, 'social-assistance' as const),
    ),
  })
  .map((r) => ({
    schemaVersion: 1,
    type: r.type,
    personalId: r.personalId,
    name: r.name,
    dateOfBirth: r.dateOfBirth,
    sex: r.sex,
    socialInsuranceNumber: r.si,
    ...(r.type === 'health-insurance'
      ? {
          healthInsurance: {
            cardNumber: `HT${r.level}01${r.si}`,
            validFrom: r.period[0]!,
            validTo: r.period[1]!,
          },
        }
      : {}),
    programs: r.programs,
  }));

/** One edit of a QR text: replace, insert or delete a character, or cut the end. */
const mutation = fc.oneof(
  fc.record({
    kind: fc.constant('replace' as const),
    at: fc.nat(),
    char: fc.constantFrom(...BASE45, 'a', 'é', '\n'),
  }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), char: fc.constantFrom(...BASE45) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(text: string, m: Mutation): string {
  const at = m.at % (text.length + 1);
  switch (m.kind) {
    case 'replace':
      return text.slice(0, at) + m.char + text.slice(at + 1);
    case 'insert':
      return text.slice(0, at) + m.char + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + m.count);
    case 'truncate':
      return text.slice(0, at);
  }
}

describe('properties', async () => {
  const es = await keyPair('ES256');
  const ed = await keyPair('EdDSA');
  const signers = { ES256: await signerFromJwk(es.privateJwk), EdDSA: await signerFromJwk(ed.privateJwk) };
  const verifier = createVerifier({ keys: [es.publicJwk, ed.publicJwk], now: NOW });
  const nobleVerifier = createVerifier({
    keys: [es.publicJwk, ed.publicJwk],
    now: NOW,
    crypto: nobleBackend,
  });
  const nodeVerifier = createVerifier({
    keys: [es.publicJwk, ed.publicJwk],
    now: NOW,
    crypto: nodeCryptoBackend,
  });

  it('any valid card round-trips through issueCard and verify', async () => {
    await fc.assert(
      fc.asyncProperty(cardArb, fc.constantFrom('ES256' as const, 'EdDSA' as const), async (card, alg) => {
        const text = await issueCard(card, { signer: signers[alg], iss: 'VSS', iat: ISSUED, exp: EXPIRES });
        const r = await verifier.verify(text);
        expect(r).toMatchObject({ valid: true, card });
      }),
      { numRuns: 150 },
    );
  });

  it('any mutation of a valid QR text gives a typed failure, never a throw', async () => {
    const texts = [
      await issueCard(healthCard, { signer: signers.ES256, iss: 'VSS', iat: ISSUED, exp: EXPIRES }),
      await issueCard(socialCard, { signer: signers.EdDSA, iss: 'VSS', iat: ISSUED, exp: EXPIRES }),
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...texts),
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        async (text, ms) => {
          const mutated = ms.reduce(mutate, text);
          fc.pre(mutated !== text);
          const r = await verifier.verify(mutated);
          expect(r.valid).toBe(false);
          if (!r.valid) {
            expect(Object.keys(VERIFY_MESSAGES)).toContain(r.error.code);
            expect(r.error.code).not.toBe('ERR_INTERNAL');
            expect(r.error.message.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('every single-character substitution of a QR text is refused (one credential, one text)', async () => {
    const text = await issueCard(socialCard, {
      signer: signers.EdDSA,
      iss: 'VSS',
      iat: ISSUED,
      exp: EXPIRES,
    });
    let tried = 0;
    for (let i = 4; i < text.length; i++) {
      for (const c of BASE45) {
        if (c === text[i]) continue;
        const r = await verifier.verify(text.slice(0, i) + c + text.slice(i + 1));
        if (r.valid) expect.fail(`substituting ${JSON.stringify(c)} at ${i} still verifies`);
        tried++;
      }
    }
    expect(tried).toBe((text.length - 4) * 44);
  });

  it('WebCrypto, noble and node:crypto give identical results on valid, mutated and cross-signed inputs', async () => {
    const otherSigners = {
      noble: {
        ES256: await signerFromJwk(es.privateJwk, { crypto: nobleBackend }),
        EdDSA: await signerFromJwk(ed.privateJwk, { crypto: nobleBackend }),
      },
      node: {
        ES256: await signerFromJwk(es.privateJwk, { crypto: nodeCryptoBackend }),
        EdDSA: await signerFromJwk(ed.privateJwk, { crypto: nodeCryptoBackend }),
      },
    };
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('ES256' as const, 'EdDSA' as const),
        fc.constantFrom('webcrypto' as const, 'noble' as const, 'node' as const),
        fc.uint8Array({ minLength: 64, maxLength: 64 }),
        fc.nat({ max: 63 }),
        fc.constantFrom('none', 'flip', 'random') as fc.Arbitrary<'none' | 'flip' | 'random'>,
        async (alg, signedBy, randomSig, bit, how) => {
          const signer = signedBy === 'webcrypto' ? signers[alg] : otherSigners[signedBy][alg];
          let text = await issueCard(socialCard, { signer, iss: 'VSS', iat: ISSUED, exp: EXPIRES });
          const sig = unwrap(text).signature.slice();
          if (how === 'flip') sig[bit]! ^= 1 << (bit % 8);
          if (how !== 'none') text = replaceInText(text, { signature: how === 'random' ? randomSig : sig });
          const a = await verifier.verify(text);
          expect(await nobleVerifier.verify(text)).toEqual(a);
          expect(await nodeVerifier.verify(text)).toEqual(a);
          expect(await nodeVerifier.verifyMany([text])).toEqual([a]);
          if (how === 'none') expect(a.valid).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});
