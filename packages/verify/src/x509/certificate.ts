import { sha256 } from '@noble/hashes/sha2.js';
import { VerifyError } from '../errors.js';
import type { VerificationKey } from '../keys/types.js';
import { equalBytes, fromBase64, toHex } from '../lib/bytes.js';
import {
  childrenOf,
  contentOf,
  DerError,
  type DerNode,
  decodeBitStringBytes,
  decodeNamedBits,
  decodeOid,
  decodeTime,
  decodeUnsignedInteger,
  expectTag,
  readRoot,
  TAG,
} from './der.js';

/**
 * What ansinh reads from an X.509 certificate: enough to use it as a pinned signing key
 * (the EU DCC "document signer certificate" model), not a path-validation engine. The
 * certificate's own signature is not checked: a DSC is trusted because it was configured, the
 * way a trust list entry is.
 */
export interface Certificate {
  /** The DER bytes, exactly as given. */
  readonly der: Uint8Array;
  /** First 8 bytes of SHA-256 over the DER: the EU DCC key identifier. */
  readonly kid: Uint8Array;
  /** Serial number, hex. */
  readonly serialNumber: string;
  /** Issuer and subject names, readable (`CN=AT DSC 1, C=AT`), for messages and logs. */
  readonly issuer: string;
  readonly subject: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** The DER SubjectPublicKeyInfo, as WebCrypto's `importKey('spki', …)` takes it. */
  readonly spki: Uint8Array;
  /** The certified key, in the verifier's key shape (EC P-256, RSA or Ed25519). */
  readonly publicKey: VerificationKey;
  /** Whether key usage allows signatures; `undefined` when the certificate has no key-usage extension. */
  readonly digitalSignature?: boolean;
  /** Extended key usage OIDs; `undefined` when the extension is absent (an empty list is possible). */
  readonly extendedKeyUsage?: readonly string[];
}

const OID = {
  ecPublicKey: '1.2.840.10045.2.1',
  p256: '1.2.840.10045.3.1.7',
  rsaEncryption: '1.2.840.113549.1.1.1',
  ed25519: '1.3.101.112',
  keyUsage: '2.5.29.15',
  extKeyUsage: '2.5.29.37',
  basicConstraints: '2.5.29.19',
} as const;

// Extensions that may be marked critical without ansinh failing the certificate: the ones it
// reads, plus basic constraints, which says nothing about using the key to verify.
const UNDERSTOOD_CRITICAL = new Set<string>([OID.keyUsage, OID.extKeyUsage, OID.basicConstraints]);

const NAME_LABELS: Readonly<Record<string, string>> = {
  '2.5.4.3': 'CN',
  '2.5.4.5': 'serialNumber',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.97': 'organizationIdentifier',
};

const MIN_RSA_BITS = 2048;
// Far above any deployed DSC; bounds the cost of importing a hostile key.
const MAX_RSA_BITS = 8192;

const utf8Decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Parses a DER X.509 certificate strictly.
 *
 * @param input DER bytes, PEM text (`-----BEGIN CERTIFICATE-----`), or base64 DER text
 *   (the form EU DCC test data and trust lists use).
 * @returns the parts ansinh needs to verify with the certificate's key.
 * @throws VerifyError `ERR_CERTIFICATE_INVALID` (stage `key`) when the input is not a
 *   well-formed certificate, or carries an unsupported key or an unknown critical extension.
 *
 * @example
 * const cert = parseCertificate(pemText);
 * cert.publicKey.kty; // 'EC'
 * toHex(cert.kid);    // 'd919375fc1e7b6b2'
 */
export function parseCertificate(input: Uint8Array | string): Certificate {
  const der = typeof input === 'string' ? certificateBytes(input) : input;
  try {
    return parseDer(der);
  } catch (err) {
    if (err instanceof DerError) throw invalid(err.message, err);
    throw err;
  }
}

/**
 * The EU DCC key identifier of a certificate: the first 8 bytes of SHA-256 over its DER.
 *
 * @example
 * toHex(kidFromCertificate(derBytes)); // 'd919375fc1e7b6b2'
 */
export function kidFromCertificate(der: Uint8Array): Uint8Array {
  return sha256(der).subarray(0, 8);
}

/**
 * Whether a key given as text is a certificate (PEM, or bare base64 DER as EU DCC trust data
 * ships DSCs) rather than another key form.
 *
 * @example
 * isCertificateText(readFileSync('dsc.pem', 'utf8')); // true
 */
export function isCertificateText(input: unknown): input is string {
  return (
    typeof input === 'string' &&
    (input.includes('-----BEGIN CERTIFICATE-----') || /^[A-Za-z0-9+/=\s]+$/.test(input))
  );
}

/**
 * The DER bytes of a certificate given as PEM or as bare base64.
 *
 * @throws VerifyError `ERR_CERTIFICATE_INVALID` when the text is neither.
 */
export function certificateBytes(text: string): Uint8Array {
  const pem = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/.exec(text);
  let body: string;
  if (pem) {
    body = pem[1]!;
  } else {
    if (text.includes('-----BEGIN')) throw invalid('PEM block is not a CERTIFICATE');
    body = text;
  }
  body = body.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body)) throw invalid('not PEM or base64');
  try {
    return fromBase64(body);
  } catch (err) {
    throw invalid('not PEM or base64', err);
  }
}

function invalid(detail: string, cause?: unknown): VerifyError {
  return new VerifyError('ERR_CERTIFICATE_INVALID', 'key', { detail, cause });
}

function parseDer(der: Uint8Array): Certificate {
  const root = expectTag(readRoot(der), TAG.SEQUENCE, 'a certificate sequence');
  const [tbs, outerAlg, signature, ...extra] = childrenOf(der, root);
  if (extra.length > 0) throw new DerError('extra fields in the certificate');
  expectTag(tbs, TAG.SEQUENCE, 'the to-be-signed sequence');
  expectTag(outerAlg, TAG.SEQUENCE, 'the signature algorithm');
  expectTag(signature, TAG.BIT_STRING, 'the signature');

  const fields = childrenOf(der, tbs!);
  let i = 0;
  let version = 0; // v1 when the [0] field is absent
  if (fields[0]?.tag === 0xa0) {
    const [versionInt, ...rest] = childrenOf(der, fields[0]);
    if (rest.length > 0) throw new DerError('malformed version');
    const v = decodeUnsignedInteger(der, versionInt!);
    // DER omits a DEFAULT value, so an explicit v1 (0) is not DER.
    if (v.length !== 1 || v[0]! < 1 || v[0]! > 2) throw new DerError('unsupported certificate version');
    version = v[0]!;
    i++;
  }
  const serial = expectTag(fields[i++], TAG.INTEGER, 'the serial number');
  const innerAlg = expectTag(fields[i++], TAG.SEQUENCE, 'the signature algorithm');
  // RFC 5280 §4.1.1.2: the two algorithm fields must be identical.
  if (!equalBytes(der.subarray(innerAlg.start, innerAlg.end), der.subarray(outerAlg!.start, outerAlg!.end))) {
    throw new DerError('signature algorithm fields differ');
  }
  const issuer = readName(der, expectTag(fields[i++], TAG.SEQUENCE, 'the issuer name'));
  const validity = expectTag(fields[i++], TAG.SEQUENCE, 'the validity');
  const subject = readName(der, expectTag(fields[i++], TAG.SEQUENCE, 'the subject name'));
  const spkiNode = expectTag(fields[i++], TAG.SEQUENCE, 'the subject public key info');

  const times = childrenOf(der, validity);
  if (times.length !== 2) throw new DerError('malformed validity');
  const notBefore = decodeTime(der, times[0]!);
  const notAfter = decodeTime(der, times[1]!);
  if (notAfter.getTime() < notBefore.getTime()) throw new DerError('validity ends before it starts');

  // Unique identifiers ([1], [2]) are v2+ relics; skip them, then the v3 extensions.
  if (fields[i]?.tag === 0x81 && version >= 1) i++;
  if (fields[i]?.tag === 0x82 && version >= 1) i++;
  let digitalSignature: boolean | undefined;
  let extendedKeyUsage: string[] | undefined;
  if (fields[i]?.tag === 0xa3) {
    if (version !== 2) throw new DerError('extensions in a certificate older than v3');
    const parsed = readExtensions(der, fields[i]!);
    digitalSignature = parsed.digitalSignature;
    extendedKeyUsage = parsed.extendedKeyUsage;
    i++;
  }
  if (i !== fields.length) throw new DerError('unexpected fields in the to-be-signed part');

  const spki = der.subarray(spkiNode.start, spkiNode.end);
  return {
    der,
    kid: kidFromCertificate(der),
    serialNumber: toHex(contentOf(der, serial)),
    issuer,
    subject,
    notBefore,
    notAfter,
    spki,
    publicKey: readSubjectPublicKeyInfo(der, spkiNode),
    ...(digitalSignature === undefined ? {} : { digitalSignature }),
    ...(extendedKeyUsage === undefined ? {} : { extendedKeyUsage }),
  };
}

/**
 * The key of a DER SubjectPublicKeyInfo item (RFC 5280 §4.1.2.7): EC P-256 (uncompressed point),
 * RSA (2048–8192 bits) or Ed25519, read strictly. Throws `DerError` for anything else. Shared by
 * certificates and PEM `PUBLIC KEY` blocks, so both go through one strict DER reader.
 */
export function readSubjectPublicKeyInfo(der: Uint8Array, spki: DerNode): VerificationKey {
  const [algorithm, keyBits, ...extra] = childrenOf(der, spki);
  if (extra.length > 0) throw new DerError('malformed subject public key info');
  const [algOid, params, ...moreParams] = childrenOf(
    der,
    expectTag(algorithm, TAG.SEQUENCE, 'a key algorithm'),
  );
  if (moreParams.length > 0) throw new DerError('malformed key algorithm');
  const alg = decodeOid(der, algOid!);
  const key = decodeBitStringBytes(der, keyBits!);

  if (alg === OID.ecPublicKey) {
    if (!params || decodeOid(der, params) !== OID.p256)
      throw new DerError('unsupported elliptic curve (P-256 only)');
    // Uncompressed point only: every DSC uses it, and it needs no point decompression here.
    if (key.length !== 65 || key[0] !== 0x04) throw new DerError('P-256 key is not an uncompressed point');
    return { kty: 'EC', crv: 'P-256', x: key.slice(1, 33), y: key.slice(33, 65) };
  }
  if (alg === OID.rsaEncryption) {
    if (!params || params.tag !== TAG.NULL || params.end !== params.contentStart) {
      throw new DerError('RSA key parameters must be NULL');
    }
    const inner = readRoot(key);
    const [n, e, ...rest] = childrenOf(key, expectTag(inner, TAG.SEQUENCE, 'an RSA public key'));
    if (rest.length > 0) throw new DerError('malformed RSA public key');
    const modulus = decodeUnsignedInteger(key, n!);
    const exponent = decodeUnsignedInteger(key, e!);
    const bits = modulus.length * 8 - Math.clz32(modulus[0]!) + 24;
    if (bits < MIN_RSA_BITS || bits > MAX_RSA_BITS) throw new DerError(`RSA modulus of ${bits} bits`);
    if (
      exponent.length > 4 ||
      !(exponent[exponent.length - 1]! & 1) ||
      (exponent.length === 1 && exponent[0]! < 3)
    ) {
      throw new DerError('unusable RSA public exponent');
    }
    return { kty: 'RSA', n: modulus.slice(), e: exponent.slice() };
  }
  if (alg === OID.ed25519) {
    if (params) throw new DerError('Ed25519 key must have no parameters');
    if (key.length !== 32) throw new DerError('Ed25519 key is not 32 bytes');
    return { kty: 'OKP', crv: 'Ed25519', x: key.slice() };
  }
  throw new DerError(`unsupported key algorithm ${alg}`);
}

function readExtensions(
  der: Uint8Array,
  wrapper: DerNode,
): { digitalSignature?: boolean; extendedKeyUsage?: string[] } {
  const [list, ...extra] = childrenOf(der, wrapper);
  if (extra.length > 0) throw new DerError('malformed extensions');
  const seen = new Set<string>();
  const out: { digitalSignature?: boolean; extendedKeyUsage?: string[] } = {};
  for (const ext of childrenOf(der, expectTag(list, TAG.SEQUENCE, 'the extension list'))) {
    const parts = childrenOf(der, expectTag(ext, TAG.SEQUENCE, 'an extension'));
    const id = decodeOid(der, parts[0]!);
    let critical = false;
    let at = 1;
    if (parts[1]?.tag === TAG.BOOLEAN) {
      const b = contentOf(der, parts[1]);
      if (b.length !== 1 || (b[0] !== 0 && b[0] !== 0xff)) throw new DerError('malformed boolean');
      critical = b[0] === 0xff;
      at = 2;
    }
    const value = expectTag(parts[at], TAG.OCTET_STRING, 'an extension value');
    if (parts.length !== at + 1) throw new DerError('malformed extension');
    // RFC 5280 §4.2: an extension must not appear twice.
    if (seen.has(id)) throw new DerError(`extension ${id} appears twice`);
    seen.add(id);
    if (critical && !UNDERSTOOD_CRITICAL.has(id)) throw new DerError(`unsupported critical extension ${id}`);

    const inner = der.subarray(value.contentStart, value.end);
    if (id === OID.keyUsage) {
      const bits = decodeNamedBits(inner, readRoot(inner));
      out.digitalSignature = bits[0] === true;
    } else if (id === OID.extKeyUsage) {
      const seq = expectTag(readRoot(inner), TAG.SEQUENCE, 'an extended key usage list');
      // An empty list breaks RFC 5280's SIZE (1..MAX), but EU DCC test data (common CO15) uses
      // it for "no usage restriction", so it is read as an empty list rather than refused.
      out.extendedKeyUsage = childrenOf(inner, seq).map((node) => decodeOid(inner, node));
    } else {
      readRoot(inner); // still must be one well-formed DER item
    }
  }
  return out;
}

function readName(der: Uint8Array, name: DerNode): string {
  const parts: string[] = [];
  for (const rdn of childrenOf(der, name)) {
    for (const atv of childrenOf(der, expectTag(rdn, TAG.SET, 'a relative distinguished name'))) {
      const [type, value, ...rest] = childrenOf(der, expectTag(atv, TAG.SEQUENCE, 'a name attribute'));
      if (!value || rest.length > 0) throw new DerError('malformed name attribute');
      const oid = decodeOid(der, type!);
      parts.push(`${NAME_LABELS[oid] ?? oid}=${nameValue(der, value)}`);
    }
  }
  return parts.join(', ');
}

function nameValue(der: Uint8Array, node: DerNode): string {
  const bytes = contentOf(der, node);
  switch (node.tag) {
    case 0x0c: // UTF8String
      try {
        return utf8Decoder.decode(bytes);
      } catch {
        throw new DerError('name is not valid UTF-8');
      }
    case 0x13: // PrintableString
    case 0x16: // IA5String
    case 0x14: // TeletexString (read as Latin-1, as most tools do)
      return String.fromCharCode(...bytes);
    case 0x1e: {
      // BMPString: UTF-16BE
      if (bytes.length % 2) throw new DerError('odd-length BMPString');
      let out = '';
      for (let j = 0; j < bytes.length; j += 2) out += String.fromCharCode(bytes[j]! * 256 + bytes[j + 1]!);
      return out;
    }
    default:
      return `#${toHex(der.subarray(node.start, node.end))}`;
  }
}
