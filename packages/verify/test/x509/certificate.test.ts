import { generateKeyPairSync, X509Certificate } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toHex } from '../../src/lib/bytes.js';
import { certificateBytes, kidFromCertificate, parseCertificate } from '../../src/x509/certificate.js';
import {
  bits,
  buildCertificate,
  buildCertificateParts,
  EKU,
  explicit,
  extension,
  int,
  oid,
  pem,
  seq,
  sha256Kid,
  tlv,
} from './der-builder.js';

const vectorDir = join(import.meta.dirname, '../vectors/dcc');
const vectors = readdirSync(vectorDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({
    file: f,
    cert: JSON.parse(readFileSync(join(vectorDir, f), 'utf8')).TESTCTX.CERTIFICATE as string,
  }));

const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (err) {
    return (err as { code?: string }).code ?? `threw ${(err as Error).name}`;
  }
};

describe('parseCertificate on the EU DCC test-data DSCs', () => {
  it.each(vectors)('$file: fields agree with node:crypto', ({ cert }) => {
    const parsed = parseCertificate(cert);
    const der = Buffer.from(cert, 'base64');
    const node = new X509Certificate(der);
    expect(toHex(parsed.kid)).toBe(sha256Kid(der));
    expect(parsed.notBefore.getTime()).toBe(new Date(node.validFrom).getTime());
    expect(parsed.notAfter.getTime()).toBe(new Date(node.validTo).getTime());
    expect(parsed.serialNumber.replace(/^00/, '')).toBe(node.serialNumber.toLowerCase());
    expect(Buffer.from(parsed.spki)).toEqual(node.publicKey.export({ type: 'spki', format: 'der' }));
    const jwk = node.publicKey.export({ format: 'jwk' });
    if (parsed.publicKey.kty === 'EC') {
      expect(jwk.kty).toBe('EC');
      expect(Buffer.from(parsed.publicKey.x).toString('base64url')).toBe(jwk.x);
      expect(Buffer.from(parsed.publicKey.y).toString('base64url')).toBe(jwk.y);
    } else if (parsed.publicKey.kty === 'RSA') {
      expect(Buffer.from(parsed.publicKey.n).toString('base64url')).toBe(jwk.n);
      expect(Buffer.from(parsed.publicKey.e).toString('base64url')).toBe(jwk.e);
    } else {
      throw new Error('the test data holds EC and RSA keys only');
    }
    // node lists extended key usages as `keyUsage` (undefined when the extension is absent).
    expect(parsed.extendedKeyUsage).toEqual(node.keyUsage);
  });

  it('reads the real Austrian DSC exactly', () => {
    const at = vectors.find((v) => v.file === 'AT-1.json')!;
    const c = parseCertificate(at.cert);
    expect(toHex(c.kid)).toBe('d919375fc1e7b6b2');
    expect(c.subject).toBe('CN=AT DSC 1, C=AT, O=BMSGPK, serialNumber=1');
    expect(c.issuer).toBe('CN=AT DGC CSCA 1, C=AT, O=BMSGPK');
    expect(c.notBefore.toISOString()).toBe('2021-05-05T12:41:06.000Z');
    expect(c.notAfter.toISOString()).toBe('2023-05-05T12:41:06.000Z');
    expect(c.digitalSignature).toBe(true);
    expect(c.extendedKeyUsage).toBeUndefined();
  });

  it('reads the German DSC: RSA-PSS-signed by its CA, UTF-8 locality, critical key usage', () => {
    const c = parseCertificate(vectors.find((v) => v.file === 'DE-1.json')!.cert);
    expect(c.publicKey.kty).toBe('EC');
    expect(c.subject).toContain('L=Köln');
    expect(toHex(c.kid)).toBe('0c4b15512be91401');
  });

  it('reads the RSA 2048 and 3072 DSCs with their sizes, and the empty EKU list of CO15', () => {
    const size = (f: string) => {
      const k = parseCertificate(vectors.find((v) => v.file === f)!.cert).publicKey;
      return k.kty === 'RSA' ? k.n.length * 8 : 0;
    };
    expect(size('common-CO1.json')).toBe(2048);
    expect(size('common-CO2.json')).toBe(3072);
    expect(
      parseCertificate(vectors.find((v) => v.file === 'common-CO15.json')!.cert).extendedKeyUsage,
    ).toEqual([]);
  });
});

describe('certificate input forms', () => {
  const der = buildCertificate({ publicKey: ec.publicKey, signingKey: ec.privateKey });

  it('accepts DER bytes, PEM and bare base64 alike', () => {
    const fromDer = parseCertificate(der);
    expect(parseCertificate(pem(der))).toEqual(fromDer);
    expect(parseCertificate(Buffer.from(der).toString('base64'))).toEqual(fromDer);
    expect(parseCertificate(`some preamble\n${pem(der)}trailer`)).toEqual(fromDer);
    expect(kidFromCertificate(der)).toEqual(fromDer.kid);
    expect(certificateBytes(pem(der))).toEqual(der);
  });

  it.each([
    ['a PEM public key', '-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----'],
    ['JSON', '{"kty":"EC"}'],
    ['empty text', ''],
    ['base64 of garbage', 'AAAA'],
  ])('refuses %s with ERR_CERTIFICATE_INVALID', (_label, text) => {
    expect(codeOf(() => parseCertificate(text))).toBe('ERR_CERTIFICATE_INVALID');
  });
});

describe('certificates built by the test DER builder', () => {
  it('are valid for node:crypto (the builder itself is right)', () => {
    const der = buildCertificate({
      publicKey: rsa.publicKey,
      signingKey: ec.privateKey,
      extendedKeyUsage: [EKU.test],
    });
    const node = new X509Certificate(der);
    expect(node.verify(ec.publicKey)).toBe(true);
    expect(node.keyUsage).toEqual([EKU.test]);
  });

  it('EC P-256, RSA and Ed25519 keys come out as the right kind', () => {
    const ed = generateKeyPairSync('ed25519');
    const kinds = [ec, rsa, ed].map(
      (k) =>
        parseCertificate(buildCertificate({ publicKey: k.publicKey, signingKey: ec.privateKey })).publicKey
          .kty,
    );
    expect(kinds).toEqual(['EC', 'RSA', 'OKP']);
  });

  it('reads key usage and extended key usage', () => {
    const c = parseCertificate(
      buildCertificate({
        publicKey: ec.publicKey,
        signingKey: ec.privateKey,
        digitalSignature: false,
        extendedKeyUsage: [EKU.vaccination, EKU.recoveryAlt],
      }),
    );
    expect(c.digitalSignature).toBe(false);
    expect(c.extendedKeyUsage).toEqual([EKU.vaccination, EKU.recoveryAlt]);
  });

  it('reads dates after 2049 as GeneralizedTime', () => {
    const c = parseCertificate(
      buildCertificate({
        publicKey: ec.publicKey,
        signingKey: ec.privateKey,
        notAfter: new Date('2051-02-03T04:05:06Z'),
      }),
    );
    expect(c.notAfter.toISOString()).toBe('2051-02-03T04:05:06.000Z');
  });
});

describe('strictness: each malformed certificate is refused with ERR_CERTIFICATE_INVALID', () => {
  const base = { publicKey: ec.publicKey, signingKey: ec.privateKey };
  const good = buildCertificate(base);
  const { tbs, alg } = buildCertificateParts(base);
  const sig = bits(Uint8Array.of(1, 2, 3));
  const withTbs = (t: Uint8Array) => seq(t, alg, sig);
  // Rebuilds the to-be-signed sequence with one field swapped.
  const tbsFields = (replace: (fields: Uint8Array[]) => Uint8Array[]) => {
    const fields: Uint8Array[] = [];
    let at = tbs[1]! & 0x80 ? 2 + (tbs[1]! & 0x7f) : 2;
    while (at < tbs.length) {
      const len =
        tbs[at + 1]! & 0x80
          ? Number.parseInt(
              Buffer.from(tbs.subarray(at + 2, at + 2 + (tbs[at + 1]! & 0x7f))).toString('hex'),
              16,
            )
          : tbs[at + 1]!;
      const head = tbs[at + 1]! & 0x80 ? 2 + (tbs[at + 1]! & 0x7f) : 2;
      fields.push(tbs.slice(at, at + head + len));
      at += head + len;
    }
    return withTbs(seq(...replace(fields)));
  };

  const cases: [string, Uint8Array, string][] = [
    ['truncated', good.subarray(0, good.length - 1), 'item longer than its container'],
    ['a trailing byte', Uint8Array.from([...good, 0]), 'bytes trailing the outer item'],
    [
      'an indefinite length',
      Uint8Array.from([0x30, 0x80, ...good.subarray(4), 0, 0]),
      'indefinite or oversized length',
    ],
    [
      'a long-form length that fits the short form',
      Uint8Array.from([0x30, 0x81, 0x05, 0x02, 0x01, 0x01, 0x05, 0x00]),
      'shortest form',
    ],
    ['a fourth top-level field', seq(tbs, alg, sig, Uint8Array.of(5, 0)), 'extra fields'],
    [
      'differing inner and outer signature algorithms',
      seq(tbs, seq(oid('1.2.840.10045.4.3.3')), sig),
      'signature algorithm fields differ',
    ],
    [
      'an explicit v1 version (DER omits defaults)',
      tbsFields((f) => [explicit(0, int(0n)), ...f.slice(1)]),
      'unsupported certificate version',
    ],
    ['version 4', tbsFields((f) => [explicit(0, int(3n)), ...f.slice(1)]), 'unsupported certificate version'],
    [
      'validity ending before it starts',
      tbsFields((f) => [
        ...f.slice(0, 4),
        seq(f[4]!.subarray(2 + 15), f[4]!.subarray(2, 2 + 15)),
        ...f.slice(5),
      ]),
      'validity ends before it starts',
    ],
    [
      'a UTCTime without seconds',
      tbsFields((f) => [
        ...f.slice(0, 4),
        seq(tlv(0x17, new TextEncoder().encode('2401010000Z')), f[4]!.subarray(2 + 15)),
        ...f.slice(5),
      ]),
      'the form RFC 5280 requires',
    ],
    [
      'a UTCTime of 30 February',
      tbsFields((f) => [
        ...f.slice(0, 4),
        seq(tlv(0x17, new TextEncoder().encode('240230000000Z')), f[4]!.subarray(2 + 15)),
        ...f.slice(5),
      ]),
      'time field out of range',
    ],
    [
      'an unknown critical extension',
      buildCertificate({ ...base, extraExtensions: [extension('1.2.3.4', Uint8Array.of(5, 0), true)] }),
      'unsupported critical extension 1.2.3.4',
    ],
    [
      'the same extension twice',
      buildCertificate({
        ...base,
        extendedKeyUsage: [EKU.test],
        extraExtensions: [extension('2.5.29.37', seq(oid(EKU.test)))],
      }),
      'appears twice',
    ],
    [
      'a P-384 key',
      buildCertificate({ ...base, publicKey: generateKeyPairSync('ec', { namedCurve: 'P-384' }).publicKey }),
      'P-256 only',
    ],
    [
      'an RSA 1024 key',
      buildCertificate({ ...base, publicKey: generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey }),
      'RSA modulus of 1024 bits',
    ],
    [
      'an X25519 key',
      buildCertificate({ ...base, publicKey: generateKeyPairSync('x25519').publicKey }),
      'unsupported key algorithm 1.3.101.110',
    ],
  ];

  it.each(cases)('%s', (_label, der, detail) => {
    expect(codeOf(() => parseCertificate(der))).toBe('ERR_CERTIFICATE_INVALID');
    expect(() => parseCertificate(der)).toThrow(detail);
  });

  it('any byte flip, truncation or insertion gives a certificate or ERR_CERTIFICATE_INVALID, never another throw', () => {
    const seeds = [good, ...vectors.slice(0, 4).map((v) => new Uint8Array(Buffer.from(v.cert, 'base64')))];
    fc.assert(
      fc.property(
        fc.constantFrom(...seeds),
        fc.nat(),
        fc.integer({ min: 0, max: 255 }),
        fc.constantFrom('flip', 'truncate', 'insert'),
        (der, pos, byte, op) => {
          const at = pos % der.length;
          const mutated =
            op === 'flip'
              ? Uint8Array.from(der, (b, i) => (i === at ? b ^ (byte || 1) : b))
              : op === 'truncate'
                ? der.slice(0, at)
                : Uint8Array.from([...der.subarray(0, at), byte, ...der.subarray(at)]);
          const code = codeOf(() => parseCertificate(mutated));
          expect([undefined, 'ERR_CERTIFICATE_INVALID']).toContain(code);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
