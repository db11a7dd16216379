import { VerifyError } from '../errors.js';
import { toHex } from '../lib/bytes.js';
import { importJwk } from './jwk.js';
import { kidFromPublicKey } from './thumbprint.js';
import type { SignatureAlgorithmName } from './types.js';

/** A new signing key as JWKs, each with `alg` and ansinh's hex `kid`. */
export interface GeneratedKey {
  readonly privateJwk: JsonWebKey & { kid: string; alg: string };
  readonly publicJwk: JsonWebKey & { kid: string; alg: string };
}

/**
 * Generates an issuer or root key with the runtime's WebCrypto: ES256 (P-256) or EdDSA (Ed25519).
 *
 * @example
 * const { privateJwk, publicJwk } = await generateSigningKey('EdDSA');
 */
export async function generateSigningKey(alg: 'ES256' | 'EdDSA'): Promise<GeneratedKey> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new VerifyError('ERR_UNSUPPORTED', 'key');
  const params = alg === 'ES256' ? { name: 'ECDSA', namedCurve: 'P-256' } : { name: 'Ed25519' };
  const pair = (await subtle.generateKey(params, true, ['sign', 'verify'])) as CryptoKeyPair;
  return generatedKey(alg, await subtle.exportKey('jwk', pair.privateKey));
}

/** The {@link GeneratedKey} of a private JWK (EC P-256 or OKP Ed25519 with `d`). */
export function generatedKey(alg: SignatureAlgorithmName, { kty, crv, x, y, d }: JsonWebKey): GeneratedKey {
  const publicJwk = { kty, crv, x, ...(y === undefined ? {} : { y }) };
  const kid = toHex(kidFromPublicKey(importJwk(publicJwk)));
  return { privateJwk: { ...publicJwk, d, alg, kid }, publicJwk: { ...publicJwk, alg, kid } };
}
