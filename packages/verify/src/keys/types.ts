/**
 * A public key the verifier can check signatures with, as raw coordinates. Every import path
 * (JWK, COSE_Key, PEM SPKI, X.509) produces one of these, so signature code sees one shape.
 */
export type VerificationKey =
  | { readonly kty: 'EC'; readonly crv: 'P-256'; readonly x: Uint8Array; readonly y: Uint8Array }
  | { readonly kty: 'OKP'; readonly crv: 'Ed25519'; readonly x: Uint8Array }
  | RsaVerificationKey;

/** An RSA public key (modulus and exponent, big-endian, no leading zeros): EU DCC signers' PS256. */
export interface RsaVerificationKey {
  readonly kty: 'RSA';
  readonly n: Uint8Array;
  readonly e: Uint8Array;
}

/** Names of the signature algorithms, as in JOSE/COSE registries. PS256 verifies EU DCCs only. */
export type SignatureAlgorithmName = 'ES256' | 'EdDSA' | 'PS256';
