import { toHex } from '../lib/bytes.js';
import { type Certificate, parseCertificate } from '../x509/certificate.js';

/** The three kinds of EU Digital COVID Certificate, named by their payload arrays `v`, `t`, `r`. */
export type DccType = 'vaccination' | 'test' | 'recovery';

/**
 * Extended key usage OIDs of the hcert specification: a DSC carrying any of them may sign only
 * the types they name. Each exists under two arcs because early national CAs used
 * `1.3.6.1.4.1.0.1847…`, and verifiers accept both.
 */
export const DCC_KEY_USAGE: Readonly<Record<string, DccType>> = {
  '1.3.6.1.4.1.1847.2021.1.1': 'test',
  '1.3.6.1.4.1.1847.2021.1.2': 'vaccination',
  '1.3.6.1.4.1.1847.2021.1.3': 'recovery',
  '1.3.6.1.4.1.0.1847.2021.1.1': 'test',
  '1.3.6.1.4.1.0.1847.2021.1.2': 'vaccination',
  '1.3.6.1.4.1.0.1847.2021.1.3': 'recovery',
};

/** A DSC in any form the hc1 verifier takes: parsed, DER bytes, PEM or base64 DER text. */
export type CertificateInput = Certificate | Uint8Array | string;

/**
 * The DCC types a DSC may sign: those its extended key usage names, or all of them when it
 * names none (no extension, an empty one, or only unrelated usages).
 *
 * @example
 * dccTypesAllowed(parseCertificate(pem)); // Set { 'vaccination' }
 */
export function dccTypesAllowed(certificate: Certificate): ReadonlySet<DccType> {
  let allowed = allowedCache.get(certificate);
  if (!allowed) {
    const named = (certificate.extendedKeyUsage ?? []).flatMap((oid) => DCC_KEY_USAGE[oid] ?? []);
    allowed = new Set<DccType>(named.length > 0 ? named : ['vaccination', 'test', 'recovery']);
    allowedCache.set(certificate, allowed);
  }
  return allowed;
}

// Read once per certificate: verification asks for every DCC it checks.
const allowedCache = new WeakMap<Certificate, ReadonlySet<DccType>>();

/**
 * DSCs indexed by kid (hex of the first 8 bytes of SHA-256 over the DER). Several DSCs may share
 * a kid: 8 bytes collide across the thousands of DSCs of the EU gateway, so the lookup returns
 * every candidate and the verifier tries each.
 *
 * @throws VerifyError `ERR_CERTIFICATE_INVALID` for an input that is not a usable certificate.
 */
export function indexDocumentSigners(inputs: readonly CertificateInput[]): Map<string, Certificate[]> {
  const index = new Map<string, Certificate[]>();
  for (const input of inputs) {
    const certificate = isCertificate(input) ? input : parseCertificate(input);
    const kid = toHex(certificate.kid);
    const list = index.get(kid);
    if (list) list.push(certificate);
    else index.set(kid, [certificate]);
  }
  return index;
}

function isCertificate(input: CertificateInput): input is Certificate {
  return typeof input === 'object' && !(input instanceof Uint8Array) && input.der instanceof Uint8Array;
}
