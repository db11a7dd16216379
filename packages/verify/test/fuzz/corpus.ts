// The fuzzer's seeds and the verifier under test. Keys are derived from fixed strings and
// re-signing uses deterministic signatures (RFC 6979 ECDSA, Ed25519), so a run is reproducible:
// input N of run seed S is the same text every time.
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ed25519 } from '@noble/curves/ed25519.js';
import { p256 } from '@noble/curves/nist.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { encodeBase45 } from '../../src/base45.js';
import { encodeCbor } from '../../src/cbor.js';
import { encodeSign1, sigStructure } from '../../src/cose/sign1.js';
import type { CryptoBackend } from '../../src/crypto-backend.js';
import type { StatusReference } from '../../src/cwt/claims.js';
import { deflateZlib } from '../../src/inflate.js';
import { issueCard } from '../../src/issue-card.js';
import { importJwk } from '../../src/keys/jwk.js';
import { kidFromPublicKey } from '../../src/keys/thumbprint.js';
import { nodeCryptoBackend } from '../../src/node/node-crypto.js';
import type { Signer } from '../../src/sign/signer.js';
import { createStatusList, setStatus, signStatusList } from '../../src/status/status-list.js';
import { createVerifier } from '../../src/verify.js';
import { webCryptoBackend } from '../../src/webcrypto.js';

/** The signature backends a fuzz run can target, by the name `--backend` takes. */
export const FUZZ_BACKENDS: Readonly<Record<string, CryptoBackend>> = {
  webcrypto: webCryptoBackend,
  node: nodeCryptoBackend,
};

import { VACCINATION } from '../hc1/build-dcc.js';
import { healthCard, socialCard } from '../helpers.js';
import { buildCertificate, sha256Kid } from '../x509/der-builder.js';
import type { FuzzSeed } from './mutate.js';

const b64u = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
const label = (text: string) => sha256(new TextEncoder().encode(text));

// Fixed test keys (never used outside tests): scalars from hashed labels.
const P256_SECRET = label('ansinh fuzz P-256 issuer');
const ED25519_SECRET = label('ansinh fuzz Ed25519 issuer');
const DSC_SECRET = label('ansinh fuzz DSC P-256');

const p256Jwk = (secret: Uint8Array) => {
  const point = p256.getPublicKey(secret, false);
  return {
    kty: 'EC',
    crv: 'P-256',
    x: b64u(point.subarray(1, 33)),
    y: b64u(point.subarray(33)),
    d: b64u(secret),
  };
};
const ed25519Jwk = (secret: Uint8Array) => ({
  kty: 'OKP',
  crv: 'Ed25519',
  x: b64u(ed25519.getPublicKey(secret)),
  d: b64u(secret),
});
const publicPart = ({ d: _d, ...jwk }: Record<string, string>) => jwk;

export const FUZZ_NOW = new Date('2025-06-01T00:00:00Z');
const ISSUED = Date.UTC(2025, 0, 1) / 1000;
const EXPIRES = Date.UTC(2030, 0, 1) / 1000;

const signWith = (alg: 'ES256' | 'EdDSA', secret: Uint8Array) => (data: Uint8Array) =>
  alg === 'ES256' ? p256.sign(data, secret, { prehash: true }) : ed25519.sign(data, secret);

function fuzzSigner(alg: 'ES256' | 'EdDSA', secret: Uint8Array): Signer {
  const jwk = alg === 'ES256' ? p256Jwk(secret) : ed25519Jwk(secret);
  const sign = signWith(alg, secret);
  return { alg, kid: kidFromPublicKey(importJwk(jwk)), sign: async (data) => sign(data) };
}

// The ES256 card points at entry 3 (valid) of a 2-bit status list whose entries 1 and 2 are
// revoked and suspended, so re-signed claim mutations of its status index reach every outcome.
const STATUS_URI = 'https://bhxh.example/sl/fuzz';

async function statusListToken(): Promise<Uint8Array> {
  const list = createStatusList(64, 2);
  setStatus(list, 1, 'revoked');
  setStatus(list, 2, 'suspended');
  return signStatusList(
    list,
    { uri: STATUS_URI, iss: 'VSS', iat: ISSUED, exp: EXPIRES },
    fuzzSigner('ES256', P256_SECRET),
  );
}

async function cardSeed(
  name: string,
  alg: 'ES256' | 'EdDSA',
  secret: Uint8Array,
  card = healthCard,
  status?: StatusReference,
): Promise<FuzzSeed> {
  const text = await issueCard(card, {
    signer: fuzzSigner(alg, secret),
    iss: 'VSS',
    iat: ISSUED,
    exp: EXPIRES,
    ...(status ? { status } : {}),
  });
  return { name, text, resign: signWith(alg, secret) };
}

/**
 * A DSC certificate for the fixed fuzz key. Its own ECDSA signature is randomised, so a run
 * makes it once and hands the same bytes to every worker.
 */
export function makeFuzzDsc(): Uint8Array {
  const privateKey = createPrivateKey({ key: p256Jwk(DSC_SECRET), format: 'jwk' });
  return buildCertificate({
    publicKey: createPublicKey(privateKey),
    signingKey: privateKey,
    subject: 'Fuzz DSC',
  });
}

function dscSeed(der: Uint8Array): FuzzSeed {
  const kid = Uint8Array.from(Buffer.from(sha256Kid(der), 'hex'));
  const protectedBytes = encodeCbor(
    new Map<number, unknown>([
      [1, -7],
      [4, kid],
    ]),
  );
  const toCbor = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(toCbor)
      : v && typeof v === 'object'
        ? new Map(Object.entries(v).map(([k, x]) => [k, toCbor(x)]))
        : v;
  const payload = encodeCbor(
    new Map<number, unknown>([
      [1, 'VN'],
      [4, EXPIRES],
      [6, ISSUED],
      [-260, new Map([[1, toCbor(VACCINATION)]])],
    ]),
  );
  const sign = signWith('ES256', DSC_SECRET);
  const cose = encodeSign1({
    protectedBytes,
    payload,
    signature: sign(sigStructure(protectedBytes, payload)),
  });
  return { name: 'hc1-es256-test-dsc', text: `HC1:${encodeBase45(deflateZlib(cose))}`, resign: sign };
}

interface DgcVector {
  PREFIX: string;
  TESTCTX: { CERTIFICATE: string };
}
const dgc = (file: string): DgcVector =>
  JSON.parse(readFileSync(join(import.meta.dirname, '../vectors/dcc', file), 'utf8')) as DgcVector;

export interface FuzzTarget {
  readonly seeds: readonly FuzzSeed[];
  /** The verifier under test; must never reject. */
  verify(text: string): Promise<{ valid: boolean; error?: { code: string } }>;
}

/**
 * The seeds (ansinh ES256 and EdDSA cards; hc1 DCCs: a test DSC's ES256, the real Austrian ES256
 * and the EU PS256 vector) and a verifier that holds all their keys.
 */
export async function buildFuzzTarget(
  dscDer: Uint8Array = makeFuzzDsc(),
  backend = 'webcrypto',
): Promise<FuzzTarget> {
  const crypto = FUZZ_BACKENDS[backend];
  if (!crypto)
    throw new Error(`unknown backend ${backend}: expected ${Object.keys(FUZZ_BACKENDS).join(', ')}`);
  const at = dgc('AT-1.json');
  const co1 = dgc('common-CO1.json');
  const seeds: FuzzSeed[] = [
    await cardSeed('ansinh-es256-health', 'ES256', P256_SECRET, healthCard, { idx: 3, uri: STATUS_URI }),
    await cardSeed('ansinh-eddsa-social', 'EdDSA', ED25519_SECRET, socialCard),
    dscSeed(dscDer),
    { name: 'hc1-at-real-es256', text: at.PREFIX },
    { name: 'hc1-eu-ps256', text: co1.PREFIX },
  ];
  // One verifier for both profiles, as an app holds it. The real vectors were valid in 2021; at
  // the fuzz clock they end as ERR_CREDENTIAL_EXPIRED, after every check before it ran.
  const verifier = createVerifier({
    keys: [publicPart(p256Jwk(P256_SECRET)), publicPart(ed25519Jwk(ED25519_SECRET))],
    certificates: [dscDer, at.TESTCTX.CERTIFICATE, co1.TESTCTX.CERTIFICATE],
    statusLists: [await statusListToken()],
    now: FUZZ_NOW,
    crypto,
  });
  return { seeds, verify: (text) => verifier.verify(text) };
}
