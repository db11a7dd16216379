/**
 * Golden vectors of the ansinh card format, every stage in hex, from fixed keys and fixed
 * dates. Ed25519 signatures are deterministic by definition and ES256 ones are deterministic
 * here because the noble backend signs with RFC 6979 nonces, so a rerun reproduces the file
 * byte for byte.
 *
 * Regenerate: node --conditions=source --import tsx packages/verify/scripts/ansinh-vectors.ts
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Card, encodeCardClaims } from '@ansinh/core';
import { ed25519 } from '@noble/curves/ed25519.js';
import { p256 } from '@noble/curves/nist.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { encodeBase45 } from '../src/base45.js';
import { encodeCbor } from '../src/cbor.js';
import { createSign1 } from '../src/cose/create-sign1.js';
import { parseSign1, toBeSigned } from '../src/cose/sign1.js';
import { deflateZlib } from '../src/inflate.js';
import { cardCwtClaims } from '../src/issue-card.js';
import { toBase64Url, toHex } from '../src/lib/bytes.js';
import { nobleBackend } from '../src/noble.js';
import { signerFromJwk } from '../src/sign/signer.js';
import { createStatusList, setStatus, signStatusList } from '../src/status/status-list.js';
import { createTrustList } from '../src/trust/trust-list.js';

const seed = (label: string) => sha256(new TextEncoder().encode(`ansinh golden vector key: ${label}`));

function ed25519Jwk(label: string): JsonWebKey {
  const d = seed(label);
  return { kty: 'OKP', crv: 'Ed25519', x: toBase64Url(ed25519.getPublicKey(d)), d: toBase64Url(d) };
}

function p256Jwk(label: string): JsonWebKey {
  const d = seed(label);
  const pub = p256.getPublicKey(d, false);
  return {
    kty: 'EC',
    crv: 'P-256',
    x: toBase64Url(pub.subarray(1, 33)),
    y: toBase64Url(pub.subarray(33)),
    d: toBase64Url(d),
  };
}

const publicOf = ({ d: _d, ...jwk }: JsonWebKey) => jwk;

export const GOLDEN_KEYS = {
  root: ed25519Jwk('root'),
  vssEdDSA: ed25519Jwk('VSS EdDSA'),
  vssES256: p256Jwk('VSS ES256'),
  moh: ed25519Jwk('MOH'),
};

export const STATUS_URI = 'https://bhxh.example/sl/1';

export const GOLDEN_CARDS: Record<string, Card> = {
  'health-insurance': {
    schemaVersion: 1,
    type: 'health-insurance',
    personalId: '001085012345',
    name: 'Nguyễn Thị Minh Khai',
    dateOfBirth: '1985-03-14',
    sex: 'female',
    socialInsuranceNumber: '0112345678',
    healthInsurance: {
      cardNumber: 'DN4010112345678',
      validFrom: '2025-01-01',
      validTo: '2025-12-31',
      facility: '01013',
    },
    programs: ['social-insurance', 'health-insurance'],
  },
  'social-security': {
    schemaVersion: 1,
    type: 'social-security',
    personalId: '079190001234',
    name: 'Trần Văn Bình',
    dateOfBirth: '1990-07-02',
    sex: 'male',
    socialInsuranceNumber: '7912345678',
    programs: ['social-assistance'],
  },
};

const ISSUED = new Date('2025-01-01T00:00:00Z');
const EXPIRES = new Date('2030-01-01T00:00:00Z');
/** The instant the expected results hold at. */
export const VERIFY_AT = '2026-01-01T00:00:00Z';

export async function buildVectors() {
  const signerOf = (jwk: JsonWebKey) => signerFromJwk(jwk, { crypto: nobleBackend });
  const root = await signerOf(GOLDEN_KEYS.root);
  const usage = ['social-security', 'health-insurance'];
  const trustList = await createTrustList(
    {
      iss: 'ANSINH-ROOT',
      iat: new Date('2025-01-01T00:00:00Z'),
      exp: new Date('2027-01-01T00:00:00Z'),
      seq: 1,
      keys: [
        {
          key: publicOf(GOLDEN_KEYS.vssEdDSA),
          issuer: 'VSS',
          validFrom: new Date('2024-01-01T00:00:00Z'),
          validTo: new Date('2029-01-01T00:00:00Z'),
          usage,
        },
        {
          key: publicOf(GOLDEN_KEYS.vssES256),
          issuer: 'VSS',
          validFrom: new Date('2024-01-01T00:00:00Z'),
          validTo: new Date('2029-01-01T00:00:00Z'),
          usage,
        },
        {
          key: publicOf(GOLDEN_KEYS.moh),
          issuer: 'MOH',
          validFrom: new Date('2024-01-01T00:00:00Z'),
          validTo: new Date('2029-01-01T00:00:00Z'),
          usage: ['health-insurance'],
        },
      ],
    },
    root,
  );
  const list = createStatusList(16, 2);
  setStatus(list, 3, 'revoked');
  setStatus(list, 4, 'suspended');
  const statusList = await signStatusList(
    list,
    {
      uri: STATUS_URI,
      iss: 'VSS',
      iat: new Date('2025-12-01T00:00:00Z'),
      exp: new Date('2026-12-01T00:00:00Z'),
      ttl: 86400,
    },
    await signerOf(GOLDEN_KEYS.vssEdDSA),
  );

  const cases = [
    {
      name: 'health-insurance-eddsa-status',
      card: 'health-insurance',
      key: 'vssEdDSA',
      status: 0,
      expect: 'valid',
    },
    {
      name: 'health-insurance-es256-status',
      card: 'health-insurance',
      key: 'vssES256',
      status: 1,
      expect: 'valid',
    },
    { name: 'social-security-eddsa', card: 'social-security', key: 'vssEdDSA', expect: 'valid' },
    { name: 'social-security-es256', card: 'social-security', key: 'vssES256', expect: 'valid' },
    { name: 'revoked', card: 'social-security', key: 'vssEdDSA', status: 3, expect: 'ERR_REVOKED' },
    { name: 'suspended', card: 'health-insurance', key: 'vssEdDSA', status: 4, expect: 'ERR_SUSPENDED' },
    { name: 'key-of-another-issuer', card: 'health-insurance', key: 'moh', expect: 'ERR_KID_OTHER_ISSUER' },
  ] as const;

  const credentials = [];
  for (const c of cases) {
    const card = GOLDEN_CARDS[c.card] as Card;
    const jwk = GOLDEN_KEYS[c.key];
    const signer = await signerOf(jwk);
    const options = {
      iss: 'VSS',
      iat: ISSUED,
      exp: EXPIRES,
      ...('status' in c ? { status: { idx: c.status, uri: STATUS_URI } } : {}),
    };
    const cardClaims = encodeCbor(encodeCardClaims(card));
    const payload = encodeCbor(cardCwtClaims(card, options));
    const cose = await createSign1(payload, signer);
    const sign1 = parseSign1(cose);
    const zlib = deflateZlib(cose);
    const qr = `AS1:${encodeBase45(zlib)}`;
    credentials.push({
      name: c.name,
      alg: signer.alg,
      signingKey: c.key,
      kid: toHex(signer.kid),
      card,
      claims: {
        iss: options.iss,
        iat: Math.floor(ISSUED.getTime() / 1000),
        exp: Math.floor(EXPIRES.getTime() / 1000),
        ...('status' in options ? { status: options.status } : {}),
      },
      hex: {
        cardClaims: toHex(cardClaims),
        cwtPayload: toHex(payload),
        protectedHeader: toHex(sign1.protectedBytes),
        sigStructure: toHex(toBeSigned(sign1)),
        signature: toHex(sign1.signature),
        coseSign1: toHex(cose),
        zlib: toHex(zlib),
      },
      qr,
      qrLength: qr.length,
      expect: c.expect,
    });
  }
  return {
    description:
      'ansinh card credential (AS1) golden vectors; regenerate with node --conditions=source --import tsx packages/verify/scripts/ansinh-vectors.ts',
    verifyAt: VERIFY_AT,
    keys: Object.fromEntries(
      Object.entries(GOLDEN_KEYS).map(([k, v]) => [k, { private: v, public: publicOf(v) }]),
    ),
    trustList: toHex(trustList),
    statusList: toHex(statusList),
    credentials,
  };
}

export const VECTORS_FILE = fileURLToPath(new URL('../test/vectors/ansinh/vectors.json', import.meta.url));

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const vectors = await buildVectors();
  writeFileSync(VECTORS_FILE, `${JSON.stringify(vectors, null, 2)}\n`);
  for (const c of vectors.credentials) process.stdout.write(`${c.name}: ${c.qrLength} characters\n`);
  process.stdout.write(`wrote ${VECTORS_FILE}\n`);
}
