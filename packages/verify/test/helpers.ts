import type { Card } from '@ansinh/core';
import { GOLDEN_CARDS } from '../scripts/ansinh-vectors.js';
import { decodeBase45, encodeBase45 } from '../src/base45.js';
import { encodeCbor } from '../src/cbor.js';
import { encodeSign1, parseSign1, type Sign1, sigStructure } from '../src/cose/sign1.js';
import { deflateZlib, inflateZlib } from '../src/inflate.js';
import { cardCwtClaims } from '../src/issue-card.js';
import { nobleBackend } from '../src/noble.js';
import { nodeCryptoBackend } from '../src/node/node-crypto.js';
import { type Signer, signerFromJwk } from '../src/sign/signer.js';
import { webCryptoBackend } from '../src/webcrypto.js';

export const backends = [webCryptoBackend, nobleBackend, nodeCryptoBackend] as const;

// The golden vectors' cards: one source for the fixtures and the committed vectors.
export const healthCard: Card = GOLDEN_CARDS['health-insurance']!;
export const socialCard: Card = GOLDEN_CARDS['social-security']!;

export type Alg = 'ES256' | 'EdDSA';

/** A fresh key pair as JWKs (WebCrypto), for tests that need several issuers. */
export async function keyPair(alg: Alg): Promise<{ privateJwk: JsonWebKey; publicJwk: JsonWebKey }> {
  const params = alg === 'ES256' ? { name: 'ECDSA', namedCurve: 'P-256' } : { name: 'Ed25519' };
  const pair = (await crypto.subtle.generateKey(params, true, ['sign', 'verify'])) as CryptoKeyPair;
  const privateJwk = await crypto.subtle.exportKey('jwk', pair.privateKey);
  const { d: _d, ...publicJwk } = privateJwk;
  return { privateJwk, publicJwk };
}

export async function signerPair(alg: Alg) {
  const pair = await keyPair(alg);
  return { ...pair, signer: await signerFromJwk(pair.privateJwk) };
}

export const fromHex = (hex: string) => Uint8Array.from(Buffer.from(hex, 'hex'));
export const toHex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

/** Seconds since the epoch of an ISO date. */
export const at = (iso: string) => Math.floor(Date.parse(iso) / 1000);

/** QR text around COSE bytes. */
export const wrap = (cose: Uint8Array) => `AS1:${encodeBase45(deflateZlib(cose))}`;

/** The COSE_Sign1 inside a QR text. */
export const unwrap = (text: string): Sign1 => parseSign1(inflateZlib(decodeBase45(text.slice(4))));

/** Signs arbitrary headers and payload, for building hostile but correctly signed credentials. */
export async function signRaw(
  signer: Signer,
  protectedHeader: Map<number, unknown>,
  payload: Uint8Array,
  unprotectedHeader: Map<number, unknown> = new Map(),
): Promise<string> {
  const protectedBytes = encodeCbor(protectedHeader);
  const signature = await signer.sign(sigStructure(protectedBytes, payload));
  return wrap(encodeSign1({ protectedBytes, unprotectedHeader, payload, signature }));
}

/** Re-assembles a QR text with one part of its COSE_Sign1 replaced. */
export function replaceInText(
  text: string,
  parts: Partial<{ signature: Uint8Array; payload: Uint8Array }>,
): string {
  const s = unwrap(text);
  return wrap(
    encodeSign1({
      protectedBytes: s.protectedBytes,
      unprotectedHeader: s.unprotectedHeader,
      payload: parts.payload ?? s.payload,
      signature: parts.signature ?? s.signature,
    }),
  );
}

export const ISSUED = new Date('2025-01-01T00:00:00Z');
export const EXPIRES = new Date('2030-01-01T00:00:00Z');
export const NOW = new Date('2026-01-01T00:00:00Z');

/** The CWT claims payload of a card issued by `iss` with the test dates. */
export const cardPayload = (card = healthCard, iss = 'VSS') =>
  encodeCbor(cardCwtClaims(card, { iss, iat: ISSUED, exp: EXPIRES }));
