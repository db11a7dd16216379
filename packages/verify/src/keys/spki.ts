import { VerifyError } from '../errors.js';
import { fromBase64 } from '../lib/bytes.js';
import { readSubjectPublicKeyInfo } from '../x509/certificate.js';
import { expectTag, readRoot, TAG } from '../x509/der.js';
import type { VerificationKey } from './types.js';

/** The DER bytes inside a PEM block with the given label (first block found). */
export function pemToDer(pem: string, label: string): Uint8Array | undefined {
  const m = new RegExp(`-----BEGIN ${label}-----([\\s\\S]*?)-----END ${label}-----`).exec(pem);
  if (!m) return undefined;
  try {
    return fromBase64((m[1] as string).replace(/\s+/g, ''));
  } catch (cause) {
    throw new VerifyError('ERR_KEY_INVALID', 'key', { cause });
  }
}

/**
 * Reads a DER SubjectPublicKeyInfo (RFC 5280): EC P-256 (uncompressed point) or Ed25519, with
 * the same strict DER reader as certificates. Throws `VerifyError` `ERR_KEY_INVALID` otherwise
 * (RSA keys too: ansinh credentials are never RSA-signed; EU DCC RSA keys come in certificates).
 */
export function importSpkiDer(der: Uint8Array): VerificationKey {
  let key: VerificationKey;
  try {
    key = readSubjectPublicKeyInfo(der, expectTag(readRoot(der), TAG.SEQUENCE, 'a SubjectPublicKeyInfo'));
  } catch (cause) {
    throw new VerifyError('ERR_KEY_INVALID', 'key', { cause });
  }
  if (key.kty === 'RSA') throw new VerifyError('ERR_KEY_INVALID', 'key');
  return key;
}

/**
 * Reads a PEM `PUBLIC KEY` block (SubjectPublicKeyInfo): EC P-256 or Ed25519.
 *
 * @example
 * importSpkiPem('-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE…\n-----END PUBLIC KEY-----');
 */
export function importSpkiPem(pem: string): VerificationKey {
  const der = pemToDer(pem, 'PUBLIC KEY');
  if (!der) throw new VerifyError('ERR_KEY_INVALID', 'key');
  return importSpkiDer(der);
}
