import { describe, expect, it } from 'vitest';
import { decodeCbor, encodeCbor } from '../src/cbor.js';
import { issueCard } from '../src/issue-card.js';
import { createVerifier, verifyCard } from '../src/verify.js';
import {
  type Alg,
  at,
  backends,
  cardPayload,
  EXPIRES,
  healthCard,
  ISSUED,
  NOW,
  signerPair,
  signRaw,
  socialCard,
  unwrap,
} from './helpers.js';

const algs: Alg[] = ['ES256', 'EdDSA'];

describe.each(algs)('issue and verify with %s', (alg) => {
  it.each(backends)('round-trips a card on $name with its claims, issuer and kid', async (backend) => {
    const { signer, publicJwk } = await signerPair(alg);
    const text = await issueCard(healthCard, {
      signer,
      iss: 'VSS',
      iat: ISSUED,
      exp: EXPIRES,
      cti: Uint8Array.of(1, 2),
    });
    expect(text).toMatch(/^AS1:[0-9A-Z $%*+\-./:]+$/);
    const r = await createVerifier({ keys: [publicJwk], now: NOW, crypto: backend }).verify(text);
    expect(r).toEqual({
      valid: true,
      profile: 'ansinh',
      card: healthCard,
      claims: { iss: 'VSS', iat: at('2025-01-01'), exp: at('2030-01-01'), cti: Uint8Array.of(1, 2) },
      issuer: 'VSS',
      kid: Buffer.from(signer.kid).toString('hex'),
      status: 'valid',
    });
  });

  it('puts alg and an 8-byte thumbprint kid in the protected header, nothing in the unprotected one', async () => {
    const { signer } = await signerPair(alg);
    const sign1 = unwrap(await issueCard(socialCard, { signer, iss: 'VSS', exp: EXPIRES }));
    expect([...sign1.protectedHeader]).toEqual([
      [1, alg === 'ES256' ? -7 : -8],
      [4, signer.kid],
    ]);
    expect(sign1.unprotectedHeader.size).toBe(0);
    expect(sign1.tagged).toBe(true);
    expect(sign1.signature.length).toBe(64);
  });
});

describe('verification outcomes', () => {
  it('reports expiry and not-yet-valid after a good signature, with the verified card', async () => {
    const { signer, publicJwk } = await signerPair('EdDSA');
    const text = await issueCard(healthCard, { signer, iss: 'VSS', iat: ISSUED, exp: EXPIRES });
    const late = await verifyCard(text, { keys: [publicJwk], now: new Date('2030-01-01T00:05:00Z') });
    expect(late).toMatchObject({
      valid: false,
      error: { code: 'ERR_CREDENTIAL_EXPIRED', stage: 'time' },
      card: healthCard,
    });
    expect(late.valid === false && late.claims?.exp).toBe(at('2030-01-01'));
    // Within the default 300 s skew of exp: still valid.
    expect((await verifyCard(text, { keys: [publicJwk], now: new Date('2029-12-31T23:56:00Z') })).valid).toBe(
      true,
    );
    // Exactly at exp minus skew: expired (RFC 8392: expired at exp).
    const edge = await verifyCard(text, {
      keys: [publicJwk],
      now: new Date('2030-01-01T00:05:00Z'),
      skewSeconds: 300,
    });
    expect(edge.valid).toBe(false);
    const early = await verifyCard(text, { keys: [publicJwk], now: new Date('2024-12-31T23:00:00Z') });
    expect(early).toMatchObject({
      valid: false,
      error: { code: 'ERR_CREDENTIAL_NOT_YET_VALID', stage: 'time' },
    });
    const withNbf = await issueCard(healthCard, {
      signer,
      iss: 'VSS',
      iat: ISSUED,
      nbf: new Date('2025-06-01'),
      exp: EXPIRES,
    });
    expect(await verifyCard(withNbf, { keys: [publicJwk], now: new Date('2025-03-01') })).toMatchObject({
      error: { code: 'ERR_CREDENTIAL_NOT_YET_VALID' },
    });
  });

  it('gives messages in Vietnamese by default and in English on request', async () => {
    const vi = await verifyCard('XYZ');
    expect(vi).toEqual({
      valid: false,
      error: {
        code: 'ERR_PREFIX',
        stage: 'input',
        message: 'Không nhận ra loại mã (thiếu tiền tố AS1: hoặc HC1:)',
      },
    });
    const en = await verifyCard('XYZ', { lang: 'en' });
    expect(en.valid === false && en.error.message).toBe('Unknown credential type (no AS1: or HC1: prefix)');
  });

  it('fails an unknown kid, a wrong key and a changed payload with their codes', async () => {
    const a = await signerPair('ES256');
    const b = await signerPair('ES256');
    const text = await issueCard(healthCard, { signer: a.signer, iss: 'VSS', iat: ISSUED, exp: EXPIRES });
    expect(await verifyCard(text, { keys: [b.publicJwk], now: NOW })).toMatchObject({
      error: { code: 'ERR_KID_UNKNOWN', stage: 'key' },
      kid: Buffer.from(a.signer.kid).toString('hex'),
    });
    const forged = await signRaw(
      b.signer,
      new Map<number, unknown>([
        [1, -7],
        [4, a.signer.kid],
      ]),
      cardPayload(),
    );
    expect(await verifyCard(forged, { keys: [a.publicJwk], now: NOW })).toMatchObject({
      error: { code: 'ERR_SIGNATURE_INVALID', stage: 'signature' },
    });
  });

  it('reports a bad signature before anything about the payload, and returns nothing from it', async () => {
    const a = await signerPair('ES256');
    const b = await signerPair('EdDSA');
    const c = await signerPair('ES256');
    const header = new Map<number, unknown>([
      [1, -7],
      [4, a.signer.kid],
    ]);
    const badCard = encodeCbor(
      new Map<number, unknown>([
        [1, 'VSS'],
        [6, at('2025-01-01')],
        [4, at('2030-01-01')],
        [-65537, new Map([[99, 1]])],
      ]),
    );
    // Payloads that would each fail decoding (not CBOR, not a map, claims mistyped, card
    // invalid, card missing) or pass it: signed by the wrong key, all say the signature is bad.
    const payloads = [
      Uint8Array.of(0xff, 0x00),
      encodeCbor([1, 2]),
      encodeCbor(new Map([[1, 5]])),
      badCard,
      encodeCbor(new Map<number, unknown>([[1, 'VSS']])),
      cardPayload(),
    ];
    for (const payload of payloads) {
      const forged = await signRaw(c.signer, header, payload);
      for (const backend of backends) {
        const r = await verifyCard(forged, { keys: [a.publicJwk, b.publicJwk], now: NOW, crypto: backend });
        expect(r).toEqual({
          valid: false,
          profile: 'ansinh',
          kid: Buffer.from(a.signer.kid).toString('hex'),
          error: expect.objectContaining({ code: 'ERR_SIGNATURE_INVALID', stage: 'signature' }),
        });
      }
    }
  });

  it('checks the claims: iss/iat/exp required and typed, card claim present and valid', async () => {
    const { signer, publicJwk } = await signerPair('EdDSA');
    const header = new Map<number, unknown>([
      [1, -8],
      [4, signer.kid],
    ]);
    const verifyPayload = async (claims: Map<number, unknown>) =>
      verifyCard(await signRaw(signer, header, encodeCbor(claims)), {
        keys: [publicJwk],
        now: NOW,
        lang: 'en',
      });
    const base = () => unwrapClaims(cardPayload());
    const noIss = base();
    noIss.delete(1);
    expect(await verifyPayload(noIss)).toMatchObject({
      error: { code: 'ERR_CLAIMS_MALFORMED', stage: 'claims' },
    });
    expect(await verifyPayload(base().set(4, 'soon'))).toMatchObject({
      error: { code: 'ERR_CLAIMS_MALFORMED' },
    });
    const noCard = base();
    noCard.delete(-65537);
    expect(await verifyPayload(noCard)).toMatchObject({ error: { code: 'ERR_CLAIMS_MALFORMED' } });
    const badCard = base();
    (badCard.get(-65537) as Map<number, unknown>).set(2, Uint8Array.of(0x12, 0x34, 0x56)); // 6 digits, not 12
    const r = await verifyPayload(badCard);
    expect(r).toMatchObject({ error: { code: 'ERR_PAYLOAD_SCHEMA', stage: 'claims' } });
    expect(r.valid === false && r.error.message).toContain('CARD_PERSONAL_ID_INVALID');
  });

  it('never throws on inputs of the wrong type', async () => {
    const v = createVerifier();
    for (const input of [undefined, null, 42, {}, [], Uint8Array.of(1), Symbol('x')]) {
      expect(await v.verify(input)).toMatchObject({
        valid: false,
        error: { code: 'ERR_INPUT_TYPE', stage: 'input' },
      });
    }
  });

  it('verifyMany returns results in input order', async () => {
    const { signer, publicJwk } = await signerPair('ES256');
    const texts = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        i % 3 === 0
          ? Promise.resolve('bad')
          : issueCard(socialCard, { signer, iss: 'VSS', iat: ISSUED, exp: EXPIRES }),
      ),
    );
    const results = await createVerifier({ keys: [publicJwk], now: NOW }).verifyMany(texts, {
      concurrency: 4,
    });
    expect(results.map((r) => r.valid)).toEqual(texts.map((_, i) => i % 3 !== 0));
  });
});

/** The claims map inside a payload built by cardPayload (a fresh, mutable copy). */
function unwrapClaims(payload: Uint8Array): Map<number, unknown> {
  return decodeCbor(payload) as Map<number, unknown>;
}

describe('configuration mistakes', () => {
  it('throws ERR_KEY_INVALID at construction for a key or root that is not a public key', () => {
    expect(() => createVerifier({ keys: [{ kty: 'RSA' } as JsonWebKey] })).toThrow(
      expect.objectContaining({ code: 'ERR_KEY_INVALID' }),
    );
    expect(() => createVerifier({ roots: ['{not a key}'] })).toThrow(
      expect.objectContaining({ code: 'ERR_KEY_INVALID' }),
    );
  });
});
