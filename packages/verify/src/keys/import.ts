import { VerifyError } from '../errors.js';
import { isCertificateText, parseCertificate } from '../x509/certificate.js';
import { importCoseKey } from './cose-key.js';
import { importJwk } from './jwk.js';
import { importSpkiPem } from './spki.js';
import type { VerificationKey } from './types.js';

/**
 * A public key in any form the verifier takes: a JWK object, a COSE_Key (CBOR bytes or decoded
 * `Map`), PEM text of a SubjectPublicKeyInfo, an X.509 certificate (PEM or base64 DER text), or
 * an already imported {@link VerificationKey}.
 */
export type KeyInput = VerificationKey | JsonWebKey | Uint8Array | ReadonlyMap<unknown, unknown> | string;

function isVerificationKey(input: object): input is VerificationKey {
  const k = input as Record<string, unknown>;
  const coordinate = (v: unknown) => v instanceof Uint8Array && v.length === 32;
  if (k.kty === 'EC') return k.crv === 'P-256' && coordinate(k.x) && coordinate(k.y);
  if (k.kty === 'RSA') return k.n instanceof Uint8Array && k.e instanceof Uint8Array;
  return k.kty === 'OKP' && k.crv === 'Ed25519' && coordinate(k.x);
}

/**
 * Imports a public key from any {@link KeyInput} form. Throws `VerifyError` `ERR_KEY_INVALID`
 * when the input is none of them.
 *
 * @example
 * const key = importPublicKey(await readFile('root.pem', 'utf8'));
 */
export function importPublicKey(input: KeyInput): VerificationKey {
  if (typeof input === 'string') {
    if (input.includes('-----BEGIN PUBLIC KEY-----')) return importSpkiPem(input);
    // An X.509 certificate, PEM or bare base64 DER (how EU DCC trust data ships DSCs).
    if (isCertificateText(input)) return parseCertificate(input).publicKey;
    throw new VerifyError('ERR_KEY_INVALID', 'key');
  }
  if (input instanceof Uint8Array || input instanceof Map) return importCoseKey(input);
  if (typeof input === 'object' && input !== null) {
    return isVerificationKey(input) ? input : importJwk(input);
  }
  throw new VerifyError('ERR_KEY_INVALID', 'key');
}
