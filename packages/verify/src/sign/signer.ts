import type { CryptoBackend } from '../crypto-backend.js';
import { VerifyError } from '../errors.js';
import { importJwk } from '../keys/jwk.js';
import { kidFromPublicKey } from '../keys/thumbprint.js';
import type { SignatureAlgorithmName } from '../keys/types.js';
import { webCryptoBackend } from '../webcrypto.js';

/**
 * Whatever signs credentials: a software key, an HSM, a cloud KMS. `sign` receives the exact
 * bytes to sign (the COSE Sig_structure) and returns the raw signature: for ES256 the 64-byte
 * r‖s (IEEE P1363, not DER), for EdDSA the 64-byte Ed25519 signature.
 */
export interface Signer {
  readonly alg: SignatureAlgorithmName;
  /** 8 bytes: the first 8 bytes of the public key's RFC 7638 thumbprint. */
  readonly kid: Uint8Array;
  sign(data: Uint8Array): Promise<Uint8Array>;
}

/**
 * A software signer from a private JWK (EC P-256 → ES256, OKP Ed25519 → EdDSA). Uses WebCrypto
 * unless another backend is given.
 *
 * @example
 * const signer = await signerFromJwk(JSON.parse(await readFile('issuer.jwk', 'utf8')));
 * const qr = await issueCard(card, { signer, iss: 'VSS', exp: new Date('2030-01-01') });
 */
export async function signerFromJwk(
  privateJwk: JsonWebKey,
  options: { crypto?: CryptoBackend } = {},
): Promise<Signer> {
  const publicKey = importJwk(privateJwk);
  if (typeof privateJwk.d !== 'string') throw new VerifyError('ERR_KEY_INVALID', 'key');
  const alg: SignatureAlgorithmName = publicKey.kty === 'EC' ? 'ES256' : 'EdDSA';
  let sign: (data: Uint8Array) => Promise<Uint8Array>;
  try {
    sign = await (options.crypto ?? webCryptoBackend).importSigningKey(alg, privateJwk);
  } catch (cause) {
    if ((cause as { code?: string }).code === 'ERR_UNSUPPORTED') throw cause;
    throw new VerifyError('ERR_KEY_INVALID', 'key', { cause });
  }
  return { alg, kid: kidFromPublicKey(publicKey), sign };
}
