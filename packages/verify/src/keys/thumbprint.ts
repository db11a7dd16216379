import { sha256 } from '@noble/hashes/sha2.js';
import { toBase64Url, utf8 } from '../lib/bytes.js';
import type { VerificationKey } from './types.js';

/**
 * The RFC 7638 JWK thumbprint (SHA-256) of a public key: the required members in lexicographic
 * order, no whitespace.
 *
 * @example
 * toBase64Url(jwkThumbprint(importJwk(jwk))); // the JWK's RFC 7638 thumbprint
 */
export function jwkThumbprint(key: VerificationKey): Uint8Array {
  const json =
    key.kty === 'EC'
      ? `{"crv":"${key.crv}","kty":"EC","x":"${toBase64Url(key.x)}","y":"${toBase64Url(key.y)}"}`
      : key.kty === 'RSA'
        ? `{"e":"${toBase64Url(key.e)}","kty":"RSA","n":"${toBase64Url(key.n)}"}`
        : `{"crv":"${key.crv}","kty":"OKP","x":"${toBase64Url(key.x)}"}`;
  return sha256(utf8(json));
}

/**
 * The 8-byte key identifier ansinh puts in the COSE protected header: the first 8 bytes of the
 * key's RFC 7638 JWK thumbprint.
 *
 * @example
 * toHex(kidFromPublicKey(importJwk(publicJwk))); // e.g. '3b1f0c2a9d8e7f60'
 */
export function kidFromPublicKey(key: VerificationKey): Uint8Array {
  return jwkThumbprint(key).slice(0, 8);
}
