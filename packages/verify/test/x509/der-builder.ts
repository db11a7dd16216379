// Test-only DER writer and X.509 certificate builder: makes document signer certificates (DSCs)
// for tests without any certificate tooling. Signed with node:crypto so that node's own
// X509Certificate can check them, which is how the builder itself is tested.
import { createHash, type KeyObject, sign } from 'node:crypto';

export const tlv = (tag: number, content: Uint8Array): Uint8Array => {
  const n = content.length;
  let header: number[];
  if (n < 0x80) header = [tag, n];
  else if (n < 0x100) header = [tag, 0x81, n];
  else if (n < 0x10000) header = [tag, 0x82, n >> 8, n & 0xff];
  else header = [tag, 0x83, n >> 16, (n >> 8) & 0xff, n & 0xff];
  return Uint8Array.from([...header, ...content]);
};

const cat = (...parts: Uint8Array[]): Uint8Array => Uint8Array.from(parts.flatMap((p) => [...p]));

export const seq = (...parts: Uint8Array[]): Uint8Array => tlv(0x30, cat(...parts));
export const set = (...parts: Uint8Array[]): Uint8Array => tlv(0x31, cat(...parts));
export const explicit = (n: number, inner: Uint8Array): Uint8Array => tlv(0xa0 + n, inner);
export const octets = (bytes: Uint8Array): Uint8Array => tlv(0x04, bytes);
export const bits = (bytes: Uint8Array, unused = 0): Uint8Array =>
  tlv(0x03, cat(Uint8Array.of(unused), bytes));
export const nul = (): Uint8Array => Uint8Array.of(0x05, 0x00);
export const bool = (value: boolean): Uint8Array => Uint8Array.of(0x01, 0x01, value ? 0xff : 0x00);
export const utf8 = (text: string): Uint8Array => tlv(0x0c, new TextEncoder().encode(text));
export const printable = (text: string): Uint8Array => tlv(0x13, new TextEncoder().encode(text));

export const int = (value: bigint): Uint8Array => {
  let hex = value.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  let bytes: Uint8Array = Uint8Array.from(Buffer.from(hex, 'hex'));
  if (bytes[0]! & 0x80) bytes = cat(Uint8Array.of(0), bytes);
  return tlv(0x02, bytes);
};

export const oid = (dotted: string): Uint8Array => {
  const arcs = dotted.split('.').map(Number);
  const out = [arcs[0]! * 40 + arcs[1]!];
  for (const arc of arcs.slice(2)) {
    const chunk = [arc & 0x7f];
    for (let v = Math.floor(arc / 128); v > 0; v = Math.floor(v / 128)) chunk.unshift((v & 0x7f) | 0x80);
    out.push(...chunk);
  }
  return tlv(0x06, Uint8Array.from(out));
};

const two = (n: number) => String(n).padStart(2, '0');
export const utcTime = (d: Date): Uint8Array =>
  tlv(
    0x17,
    new TextEncoder().encode(
      `${two(d.getUTCFullYear() % 100)}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}${two(d.getUTCHours())}${two(d.getUTCMinutes())}${two(d.getUTCSeconds())}Z`,
    ),
  );
export const generalizedTime = (d: Date): Uint8Array =>
  tlv(
    0x18,
    new TextEncoder().encode(
      `${d.getUTCFullYear()}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}${two(d.getUTCHours())}${two(d.getUTCMinutes())}${two(d.getUTCSeconds())}Z`,
    ),
  );
const time = (d: Date) => (d.getUTCFullYear() < 2050 ? utcTime(d) : generalizedTime(d));

export const name = (cn: string, country = 'VN'): Uint8Array =>
  seq(set(seq(oid('2.5.4.6'), printable(country))), set(seq(oid('2.5.4.3'), utf8(cn))));

export const EKU = {
  test: '1.3.6.1.4.1.1847.2021.1.1',
  vaccination: '1.3.6.1.4.1.1847.2021.1.2',
  recovery: '1.3.6.1.4.1.1847.2021.1.3',
  testAlt: '1.3.6.1.4.1.0.1847.2021.1.1',
  vaccinationAlt: '1.3.6.1.4.1.0.1847.2021.1.2',
  recoveryAlt: '1.3.6.1.4.1.0.1847.2021.1.3',
} as const;

export interface CertificateOptions {
  /** The key the certificate certifies. */
  publicKey: KeyObject;
  /** The key that signs it (the public key's own private key for self-signed). */
  signingKey: KeyObject;
  subject?: string;
  issuer?: string;
  serial?: bigint;
  notBefore?: Date;
  notAfter?: Date;
  /** Extended key usage OIDs; omit for no extension, `[]` for an empty one. */
  extendedKeyUsage?: readonly string[];
  /** Key usage digitalSignature bit; omit for no key-usage extension. */
  digitalSignature?: boolean;
  /** Extra raw Extension SEQUENCEs appended after the others. */
  extraExtensions?: readonly Uint8Array[];
}

export const extension = (id: string, value: Uint8Array, critical = false): Uint8Array =>
  critical ? seq(oid(id), bool(true), octets(value)) : seq(oid(id), octets(value));

/** The to-be-signed part, its algorithm identifier and the signature over it. */
export function buildCertificateParts(o: CertificateOptions): {
  tbs: Uint8Array;
  alg: Uint8Array;
  der: Uint8Array;
} {
  const signType = o.signingKey.asymmetricKeyType;
  const alg =
    signType === 'ec'
      ? seq(oid('1.2.840.10045.4.3.2'))
      : signType === 'ed25519'
        ? seq(oid('1.3.101.112'))
        : seq(oid('1.2.840.113549.1.1.11'), nul());
  const exts: Uint8Array[] = [];
  if (o.digitalSignature !== undefined) {
    // digitalSignature is bit 0; keyEncipherment (bit 2) stands in for "something else".
    exts.push(
      extension(
        '2.5.29.15',
        o.digitalSignature ? bits(Uint8Array.of(0x80), 7) : bits(Uint8Array.of(0x20), 5),
        true,
      ),
    );
  }
  if (o.extendedKeyUsage) exts.push(extension('2.5.29.37', seq(...o.extendedKeyUsage.map(oid))));
  exts.push(...(o.extraExtensions ?? []));
  const spki = new Uint8Array(o.publicKey.export({ type: 'spki', format: 'der' }));
  const tbs = seq(
    explicit(0, int(2n)),
    int(o.serial ?? 0x1234_5678n),
    alg,
    name(o.issuer ?? o.subject ?? 'ansinh test DSC'),
    seq(
      time(o.notBefore ?? new Date('2024-01-01T00:00:00Z')),
      time(o.notAfter ?? new Date('2030-01-01T00:00:00Z')),
    ),
    name(o.subject ?? 'ansinh test DSC'),
    spki,
    ...(exts.length ? [explicit(3, seq(...exts))] : []),
  );
  const signature = sign(signType === 'ed25519' ? null : 'sha256', tbs, o.signingKey);
  return { tbs, alg, der: seq(tbs, alg, bits(new Uint8Array(signature))) };
}

/** A DER certificate. */
export const buildCertificate = (o: CertificateOptions): Uint8Array => buildCertificateParts(o).der;

export const pem = (der: Uint8Array): string =>
  `-----BEGIN CERTIFICATE-----\n${Buffer.from(der)
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')
    .trim()}\n-----END CERTIFICATE-----\n`;

export const sha256Kid = (der: Uint8Array): string =>
  createHash('sha256').update(der).digest().subarray(0, 8).toString('hex');
