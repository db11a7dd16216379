import type { Card } from '@ansinh/core';
import { nobleBackend } from '../src/noble.js';
import { signerFromJwk } from '../src/sign/signer.js';
import { webCryptoBackend } from '../src/webcrypto.js';

export const backends = [webCryptoBackend, nobleBackend] as const;

export const healthCard: Card = {
  schemaVersion: 1,
  type: 'health-insurance',
  personalId: '001085012345',
  name: 'Nguyễn Thị Minh Khai',
  dateOfBirth: '1985-03-14',
  sex: 'female',
  socialInsuranceNumber: '0112345678',
  healthInsurance: {
    cardNumber: 'DN4010112345678',
    validFrom: '2025-01-01',
    validTo: '2025-12-31',
    facility: '01013',
  },
  programs: ['social-insurance', 'health-insurance'],
};

export const socialCard: Card = {
  schemaVersion: 1,
  type: 'social-security',
  personalId: '079190001234',
  name: 'Trần Văn Bình',
  dateOfBirth: '1990-07-02',
  sex: 'male',
  socialInsuranceNumber: '7912345678',
  programs: ['social-assistance'],
};

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
