import { VerifyError } from '../errors.js';
import { fromBase64, toBase64Url, toHex } from '../lib/bytes.js';
import { kidFromPublicKey } from './thumbprint.js';
import type { SignatureAlgorithmName, VerificationKey } from './types.js';

function coordinate(value: unknown, length: number): Uint8Array {
  if (typeof value !== 'string' || !/^[A-Za-z0-9_-]*$/.test(value))
    throw new VerifyError('ERR_KEY_INVALID', 'key');
  const bytes = fromBase64(value);
  if (bytes.length !== length) throw new VerifyError('ERR_KEY_INVALID', 'key');
  return bytes;
}

/**
 * Reads the public part of a JWK (EC P-256 or OKP Ed25519; a private JWK's `d` is ignored).
 * Throws `VerifyError` `ERR_KEY_INVALID` for anything else.
 *
 * @example
 * const key = importJwk(JSON.parse(await readFile('issuer.jwk.pub', 'utf8')));
 */
export function importJwk(jwk: unknown): VerificationKey {
  if (typeof jwk !== 'object' || jwk === null) throw new VerifyError('ERR_KEY_INVALID', 'key');
  const j = jwk as Record<string, unknown>;
  if (j.kty === 'EC' && j.crv === 'P-256') {
    return { kty: 'EC', crv: 'P-256', x: coordinate(j.x, 32), y: coordinate(j.y, 32) };
  }
  if (j.kty === 'OKP' && j.crv === 'Ed25519') return { kty: 'OKP', crv: 'Ed25519', x: coordinate(j.x, 32) };
  throw new VerifyError('ERR_KEY_INVALID', 'key');
}

/**
 * The public JWK of a key, with `alg` and ansinh's hex `kid`.
 *
 * @example
 * exportJwk(importSpkiPem(pem)); // { kty: 'EC', crv: 'P-256', x, y, alg: 'ES256', kid: '…' }
 */
export function exportJwk(key: VerificationKey): JsonWebKey & { kid: string } {
  const kid = toHex(kidFromPublicKey(key));
  if (key.kty === 'EC') {
    return { kty: 'EC', crv: 'P-256', x: toBase64Url(key.x), y: toBase64Url(key.y), alg: 'ES256', kid };
  }
  if (key.kty === 'RSA')
    return { kty: 'RSA', n: toBase64Url(key.n), e: toBase64Url(key.e), alg: 'PS256', kid };
  return { kty: 'OKP', crv: 'Ed25519', x: toBase64Url(key.x), alg: 'EdDSA', kid };
}

/** The signature algorithm a key type signs with. */
export function algorithmForKey(key: VerificationKey): SignatureAlgorithmName {
  return key.kty === 'EC' ? 'ES256' : key.kty === 'RSA' ? 'PS256' : 'EdDSA';
}
