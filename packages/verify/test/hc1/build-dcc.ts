// Test-only issuer of EU-DCC-shaped HC1 credentials, signed with node:crypto by test DSCs that
// the DER builder makes: the hcert layout (claim -260 → 1 → DCC payload) built from the public
// specification, so every rule of the hc1 verifier can be exercised with a known key.
import { constants, createHash, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { encodeBase45 } from '../../src/base45.js';
import { encodeCbor } from '../../src/cbor.js';
import { encodeSign1, sigStructure } from '../../src/cose/sign1.js';
import { deflateZlib } from '../../src/inflate.js';
import { buildCertificate, type CertificateOptions } from '../x509/der-builder.js';

export interface TestDsc {
  readonly der: Uint8Array;
  readonly kid: Uint8Array;
  readonly privateKey: KeyObject;
  readonly alg: 'ES256' | 'PS256';
}

/** A DSC for ES256 (P-256) or PS256 (RSA 2048), self-signed, valid 2024–2030 by default. */
export function makeDsc(
  alg: 'ES256' | 'PS256',
  options: Partial<Omit<CertificateOptions, 'publicKey' | 'signingKey'>> = {},
): TestDsc {
  const pair =
    alg === 'ES256'
      ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
      : generateKeyPairSync('rsa', { modulusLength: 2048 });
  const der = buildCertificate({
    publicKey: pair.publicKey,
    signingKey: pair.privateKey,
    subject: `Test DSC ${alg}`,
    ...options,
  });
  return {
    der,
    kid: new Uint8Array(createHash('sha256').update(der).digest().subarray(0, 8)),
    privateKey: pair.privateKey,
    alg,
  };
}

export const VACCINATION = {
  ver: '1.3.0',
  nam: { fn: 'Nguyễn', fnt: 'NGUYEN', gn: 'Văn An', gnt: 'VAN<AN' },
  dob: '1990-01-02',
  v: [
    {
      tg: '840539006',
      vp: '1119349007',
      mp: 'EU/1/20/1528',
      ma: 'ORG-100030215',
      dn: 2,
      sd: 2,
      dt: '2021-06-01',
      co: 'AT',
      is: 'Ministry of Health, Austria',
      ci: 'URN:UVCI:01:AT:TEST0000000000000000000000#0',
    },
  ],
};

const toCbor = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(toCbor);
  if (value && typeof value === 'object' && !(value instanceof Uint8Array) && !(value instanceof Map)) {
    return new Map(Object.entries(value).map(([k, v]) => [k, toCbor(v)]));
  }
  return value;
};

export interface DccOptions {
  dsc: TestDsc;
  /** The DCC payload (plain object); default a vaccination. */
  dcc?: unknown;
  iss?: string;
  /** Seconds since the epoch. */
  iat?: number;
  exp?: number;
  /** Replace the whole claims map (overrides dcc/iss/iat/exp). */
  claims?: Map<number, unknown>;
  /** Where alg and kid go; default both protected. */
  kidIn?: 'protected' | 'unprotected' | 'none';
  algIn?: 'protected' | 'unprotected';
  /** COSE alg value to write; default the DSC's. */
  algValue?: number;
  kidValue?: Uint8Array;
  extraProtected?: [number, unknown][];
}

export const ISSUED = Date.UTC(2025, 0, 15) / 1000;
export const EXPIRES = Date.UTC(2026, 0, 15) / 1000;

/** The COSE_Sign1 bytes of a DCC. */
export function dccCose(o: DccOptions): Uint8Array {
  const claims =
    o.claims ??
    new Map<number, unknown>([
      [1, o.iss ?? 'VN'],
      [4, o.exp ?? EXPIRES],
      [6, o.iat ?? ISSUED],
      [-260, new Map([[1, toCbor(o.dcc ?? VACCINATION)]])],
    ]);
  const alg = o.algValue ?? (o.dsc.alg === 'ES256' ? -7 : -37);
  const kid = o.kidValue ?? o.dsc.kid;
  const protectedMap = new Map<number, unknown>(o.extraProtected ?? []);
  const unprotectedMap = new Map<number, unknown>();
  (o.algIn === 'unprotected' ? unprotectedMap : protectedMap).set(1, alg);
  if (o.kidIn !== 'none') (o.kidIn === 'unprotected' ? unprotectedMap : protectedMap).set(4, kid);
  const protectedBytes = protectedMap.size ? encodeCbor(protectedMap) : new Uint8Array(0);
  const payload = encodeCbor(claims);
  const toBeSigned = sigStructure(protectedBytes, payload);
  const signature =
    o.dsc.alg === 'ES256'
      ? sign('sha256', toBeSigned, { key: o.dsc.privateKey, dsaEncoding: 'ieee-p1363' })
      : sign('sha256', toBeSigned, {
          key: o.dsc.privateKey,
          padding: constants.RSA_PKCS1_PSS_PADDING,
          saltLength: 32,
        });
  return encodeSign1({
    protectedBytes,
    unprotectedHeader: unprotectedMap,
    payload,
    signature: new Uint8Array(signature),
  });
}

/** The `HC1:` QR text of COSE bytes. */
export const hc1Text = (cose: Uint8Array): string => `HC1:${encodeBase45(deflateZlib(cose))}`;

/** The `HC1:` QR text of a DCC. */
export const makeDcc = (o: DccOptions): string => hc1Text(dccCose(o));
