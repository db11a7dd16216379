import { VerifyError } from '../errors.js';
import { equalBytes, fromBase64 } from '../lib/bytes.js';
import { readDer, readDerChildren } from './der.js';
import type { VerificationKey } from './types.js';

// DER-encoded OBJECT IDENTIFIER contents.
const OID_EC_PUBLIC_KEY = Uint8Array.of(0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01); // 1.2.840.10045.2.1
const OID_P256 = Uint8Array.of(0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07); // 1.2.840.10045.3.1.7
const OID_ED25519 = Uint8Array.of(0x2b, 0x65, 0x70); // 1.3.101.112

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
 * Reads a DER SubjectPublicKeyInfo (RFC 5280): EC P-256 (uncompressed point) or Ed25519.
 * Throws `VerifyError` `ERR_KEY_INVALID` otherwise.
 */
export function importSpkiDer(der: Uint8Array): VerificationKey {
  const fail = () => new VerifyError('ERR_KEY_INVALID', 'key');
  const spki = readDer(der);
  if (spki.tag !== 0x30 || spki.end !== der.length) throw fail();
  const [algorithm, bits] = readDerChildren(spki.contents);
  if (algorithm?.tag !== 0x30 || bits?.tag !== 0x03) throw fail();
  const [oid, params] = readDerChildren(algorithm.contents);
  if (oid?.tag !== 0x06 || bits.contents[0] !== 0) throw fail();
  const point = bits.contents.subarray(1);
  if (equalBytes(oid.contents, OID_EC_PUBLIC_KEY)) {
    if (params?.tag !== 0x06 || !equalBytes(params.contents, OID_P256)) throw fail();
    if (point.length !== 65 || point[0] !== 0x04) throw fail();
    return { kty: 'EC', crv: 'P-256', x: point.slice(1, 33), y: point.slice(33) };
  }
  if (equalBytes(oid.contents, OID_ED25519) && params === undefined && point.length === 32) {
    return { kty: 'OKP', crv: 'Ed25519', x: point.slice() };
  }
  throw fail();
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
