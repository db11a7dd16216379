import { VerifyError } from '../errors.js';
import { algorithmForKey, exportJwk, importJwk } from './jwk.js';
import type { VerificationKey } from './types.js';

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
  const { kty, crv, x, y, d } = await subtle.exportKey('jwk', pair.privateKey);
  return generatedKey(importJwk({ kty, crv, x, ...(y === undefined ? {} : { y }) }), d as string);
}

/** The {@link GeneratedKey} of a public key and its private scalar `d` (base64url). */
export function generatedKey(publicKey: VerificationKey, d: string): GeneratedKey {
  const { alg: _alg, kid, ...parts } = exportJwk(publicKey);
  const alg = algorithmForKey(publicKey);
  return { privateJwk: { ...parts, d, alg, kid }, publicJwk: { ...parts, alg, kid } };
}
