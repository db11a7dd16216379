import { deflateSync, zlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { P256_N } from '../src/alg/es256.js';
import { encodeBase45 } from '../src/base45.js';
import { encodeCbor } from '../src/cbor.js';
import { encodeSign1 } from '../src/cose/sign1.js';
import { issueCard } from '../src/issue-card.js';
import { createStatusList, setStatus, signStatusList } from '../src/status/status-list.js';
import { createTrustList } from '../src/trust/trust-list.js';
import { createVerifier, type VerifierOptions, verifyCard } from '../src/verify.js';
import {
  backends,
  cardPayload,
  EXPIRES,
  healthCard,
  ISSUED,
  NOW,
  replaceInText,
  signerPair,
  signRaw,
  socialCard,
  unwrap,
  wrap,
} from './helpers.js';

const bigToBytes = (n: bigint) => Uint8Array.from(Buffer.from(n.toString(16).padStart(64, '0'), 'hex'));
const rs = (r: bigint, s: bigint) => Uint8Array.from([...bigToBytes(r), ...bigToBytes(s)]);
const fromBytes = (b: Uint8Array) => BigInt(`0x${Buffer.from(b).toString('hex')}`);

async function es256Card() {
  const issuer = await signerPair('ES256');
  const text = await issueCard(healthCard, { signer: issuer.signer, iss: 'VSS', iat: ISSUED, exp: EXPIRES });
  return { ...issuer, text };
}

const codeOf = async (text: string, options: VerifierOptions) => {
  const r = await verifyCard(text, { now: NOW, ...options });
  return r.valid ? 'valid' : r.error.code;
};

describe.each(backends)('signature attacks ($name)', (backend) => {
  it('rejects r or s equal to 0 or ≥ n with ERR_SIGNATURE_RANGE', async () => {
    const { text, publicJwk } = await es256Card();
    const sig = unwrap(text).signature;
    const r = fromBytes(sig.subarray(0, 32));
    const s = fromBytes(sig.subarray(32));
    for (const bad of [
      rs(0n, s),
      rs(r, 0n),
      rs(P256_N, s),
      rs(r, P256_N),
      rs(P256_N + 1n, s),
      rs(2n ** 256n - 1n, s),
    ]) {
      expect(
        await codeOf(replaceInText(text, { signature: bad }), { keys: [publicJwk], crypto: backend }),
      ).toBe('ERR_SIGNATURE_RANGE');
    }
  });

  it('accepts the high-S twin of a valid signature (COSE does not require low S)', async () => {
    const { text, publicJwk } = await es256Card();
    const sig = unwrap(text).signature;
    const twin = rs(fromBytes(sig.subarray(0, 32)), P256_N - fromBytes(sig.subarray(32)));
    expect(
      await codeOf(replaceInText(text, { signature: twin }), { keys: [publicJwk], crypto: backend }),
    ).toBe('valid');
  });

  it('rejects truncated, over-long and DER signatures with ERR_SIGNATURE_FORMAT', async () => {
    for (const alg of ['ES256', 'EdDSA'] as const) {
      const { signer, publicJwk } = await signerPair(alg);
      const text = await issueCard(healthCard, { signer, iss: 'VSS', iat: ISSUED, exp: EXPIRES });
      const sig = unwrap(text).signature;
      const der = Uint8Array.from([
        0x30,
        0x44,
        0x02,
        0x20,
        ...sig.subarray(0, 32),
        0x02,
        0x20,
        ...sig.subarray(32),
      ]);
      for (const bad of [sig.subarray(0, 63), Uint8Array.from([...sig, 0]), new Uint8Array(0), der]) {
        expect(
          await codeOf(replaceInText(text, { signature: bad }), { keys: [publicJwk], crypto: backend }),
        ).toBe('ERR_SIGNATURE_FORMAT');
      }
    }
  });

  it('rejects alg only in the unprotected header with ERR_ALG_UNPROTECTED', async () => {
    const { signer, publicJwk } = await signerPair('ES256');
    const text = await signRaw(signer, new Map([[4, signer.kid]]), cardPayload(), new Map([[1, -7]]));
    expect(await codeOf(text, { keys: [publicJwk], crypto: backend })).toBe('ERR_ALG_UNPROTECTED');
  });

  it('rejects an EdDSA header over a P-256 key with ERR_KEY_ALG_MISMATCH', async () => {
    const { signer, publicJwk } = await signerPair('ES256');
    const text = await signRaw(
      signer,
      new Map<number, unknown>([
        [1, -8],
        [4, signer.kid],
      ]),
      cardPayload(),
    );
    expect(await codeOf(text, { keys: [publicJwk], crypto: backend })).toBe('ERR_KEY_ALG_MISMATCH');
  });
});

describe('header and encoding attacks', () => {
  it('rejects a missing alg, an unknown alg, kid outside the protected header and unknown crit', async () => {
    const { signer, publicJwk } = await signerPair('EdDSA');
    const payload = cardPayload();
    const cases: [Map<number, unknown>, Map<number, unknown>, string][] = [
      [new Map([[4, signer.kid]]), new Map(), 'ERR_ALG_MISSING'],
      [
        new Map<number, unknown>([
          [1, -35],
          [4, signer.kid],
        ]),
        new Map(),
        'ERR_ALG_NOT_ALLOWED',
      ],
      [new Map([[1, -8]]), new Map([[4, signer.kid]]), 'ERR_KID_MISSING'],
      [
        new Map<number, unknown>([
          [1, -8],
          [2, [99]],
          [4, signer.kid],
          [99, 1],
        ]),
        new Map(),
        'ERR_COSE_CRIT',
      ],
      [
        new Map<number, unknown>([
          [1, -8],
          [4, 'kid-as-text'],
        ]),
        new Map(),
        'ERR_COSE_MALFORMED',
      ],
    ];
    for (const [prot, unprot, code] of cases) {
      expect(await codeOf(await signRaw(signer, prot, payload, unprot), { keys: [publicJwk] })).toBe(code);
    }
  });

  it('refuses text longer than 4,296 characters before any work (ERR_TOO_LONG)', async () => {
    expect(await codeOf(`AS1:${'0'.repeat(4293)}`, {})).toBe('ERR_TOO_LONG');
    expect(await codeOf(`AS1:${'0'.repeat(4292)}`, {})).not.toBe('ERR_TOO_LONG');
  });

  it('refuses a zip bomb over 64 KiB (ERR_INFLATE_TOO_LARGE)', async () => {
    const bomb = zlibSync(new Uint8Array(1024 * 1024), { level: 9 }); // 1 MiB in ~1 KiB
    const text = `AS1:${encodeBase45(bomb)}`;
    expect(text.length).toBeLessThan(4296);
    expect(await codeOf(text, {})).toBe('ERR_INFLATE_TOO_LARGE');
  });

  it('refuses CBOR nested deeper than 16, in the envelope and in a signed payload (ERR_CBOR_DEPTH)', async () => {
    const { signer, publicJwk } = await signerPair('EdDSA');
    const text = await issueCard(socialCard, { signer, iss: 'VSS', iat: ISSUED, exp: EXPIRES });
    const s = unwrap(text);
    let deep: unknown = 0;
    for (let i = 0; i < 20; i++) deep = [deep];
    const envelope = encodeSign1({
      protectedBytes: s.protectedBytes,
      unprotectedHeader: new Map([[99, deep]]),
      payload: s.payload,
      signature: s.signature,
    });
    expect(await codeOf(wrap(envelope), { keys: [publicJwk] })).toBe('ERR_CBOR_DEPTH');
    const claims = new Map<number, unknown>([
      [1, 'VSS'],
      [4, 2e9],
      [6, 1.7e9],
      [-65537, deep],
    ]);
    const signed = await signRaw(
      signer,
      new Map<number, unknown>([
        [1, -8],
        [4, signer.kid],
      ]),
      encodeCbor(claims),
    );
    expect(await codeOf(signed, { keys: [publicJwk] })).toBe('ERR_CBOR_DEPTH');
  });

  it('refuses duplicate keys and trailing bytes, even under a good signature', async () => {
    const { signer, publicJwk } = await signerPair('EdDSA');
    const header = new Map<number, unknown>([
      [1, -8],
      [4, signer.kid],
    ]);
    const payload = cardPayload();
    // Duplicate iss: a1-style map with one more entry repeating key 1.
    const dup = Uint8Array.from([payload[0]! + 1, ...payload.subarray(1), 0x01, 0x63, 0x4d, 0x4f, 0x48]);
    expect(await codeOf(await signRaw(signer, header, dup), { keys: [publicJwk] })).toBe(
      'ERR_CBOR_DUPLICATE_KEY',
    );
    const trailing = Uint8Array.from([...payload, 0x00]);
    expect(await codeOf(await signRaw(signer, header, trailing), { keys: [publicJwk] })).toBe(
      'ERR_CBOR_TRAILING',
    );
    const text = await signRaw(signer, header, payload);
    const cose = unwrap(text);
    const extra = encodeSign1({ ...cose, unprotectedHeader: cose.unprotectedHeader });
    expect(await codeOf(wrap(Uint8Array.from([...extra, 0xf6])), { keys: [publicJwk] })).toBe(
      'ERR_CBOR_TRAILING',
    );
  });

  it('refuses raw deflate without the zlib wrapper and a corrupt checksum (ERR_INFLATE)', async () => {
    const { text } = await es256Card();
    const cose = encodeSign1(unwrap(text));
    expect(await codeOf(`AS1:${encodeBase45(deflateSync(cose))}`, {})).toBe('ERR_INFLATE');
    const z = zlibSync(cose);
    z[z.length - 1]! ^= 0xff;
    expect(await codeOf(`AS1:${encodeBase45(z)}`, {})).toBe('ERR_INFLATE');
  });
});

describe('trust-list attacks', () => {
  async function world() {
    const root = await signerPair('EdDSA');
    const vss = await signerPair('ES256');
    const moh = await signerPair('EdDSA');
    const keys = [
      {
        key: vss.publicJwk,
        issuer: 'VSS',
        validFrom: new Date('2024-01-01'),
        validTo: new Date('2027-01-01'),
        usage: ['social-security', 'health-insurance'],
      },
      {
        key: moh.publicJwk,
        issuer: 'MOH',
        validFrom: new Date('2024-01-01'),
        validTo: new Date('2027-01-01'),
        usage: ['health-insurance'],
      },
    ];
    const list = (seq: number, exp = new Date('2028-01-01'), entries = keys) =>
      createTrustList({ iss: 'ROOT', iat: new Date('2025-01-01'), exp, seq, keys: entries }, root.signer);
    return { root, vss, moh, keys, list };
  }

  it('verifies a card through a root-signed trust list', async () => {
    const w = await world();
    const text = await issueCard(healthCard, { signer: w.vss.signer, iss: 'VSS', iat: ISSUED, exp: EXPIRES });
    const v = createVerifier({ roots: [w.root.publicJwk], trustList: await w.list(3), now: NOW });
    expect(await v.ready()).toEqual([]);
    expect(await v.verify(text)).toMatchObject({ valid: true, issuer: 'VSS' });
    expect(v.trustListSeq).toBe(3);
  });

  it('rejects a kid of another issuer (ERR_KID_OTHER_ISSUER)', async () => {
    const w = await world();
    const text = await issueCard(healthCard, { signer: w.moh.signer, iss: 'VSS', iat: ISSUED, exp: EXPIRES });
    expect(await codeOf(text, { roots: [w.root.publicJwk], trustList: await w.list(1) })).toBe(
      'ERR_KID_OTHER_ISSUER',
    );
  });

  it('rejects a key used outside its validity (ERR_KEY_VALIDITY) or usage (ERR_KEY_USAGE)', async () => {
    const w = await world();
    const trustList = await w.list(1);
    const beforeKey = await issueCard(healthCard, {
      signer: w.vss.signer,
      iss: 'VSS',
      iat: new Date('2023-06-01'),
      exp: EXPIRES,
    });
    expect(await codeOf(beforeKey, { roots: [w.root.publicJwk], trustList })).toBe('ERR_KEY_VALIDITY');
    const afterKey = await issueCard(healthCard, {
      signer: w.vss.signer,
      iss: 'VSS',
      iat: new Date('2027-02-01'),
      exp: EXPIRES,
    });
    expect(
      await codeOf(afterKey, { roots: [w.root.publicJwk], trustList, now: new Date('2027-03-01') }),
    ).toBe('ERR_KEY_VALIDITY');
    const wrongType = await issueCard(socialCard, {
      signer: w.moh.signer,
      iss: 'MOH',
      iat: ISSUED,
      exp: EXPIRES,
    });
    expect(await codeOf(wrongType, { roots: [w.root.publicJwk], trustList })).toBe('ERR_KEY_USAGE');
  });

  it('rejects a trust list older than the one held (ERR_TRUST_LIST_ROLLBACK) or expired (ERR_TRUST_LIST_EXPIRED)', async () => {
    const w = await world();
    const text = await issueCard(healthCard, { signer: w.vss.signer, iss: 'VSS', iat: ISSUED, exp: EXPIRES });
    expect(
      await codeOf(text, { roots: [w.root.publicJwk], trustList: await w.list(3), minTrustListSeq: 4 }),
    ).toBe('ERR_TRUST_LIST_ROLLBACK');
    const v = createVerifier({ roots: [w.root.publicJwk], trustList: await w.list(5), now: NOW });
    expect(await v.updateTrustList(await w.list(4))).toMatchObject({
      code: 'ERR_TRUST_LIST_ROLLBACK',
      stage: 'trust',
    });
    const sameSeqOtherKeys = await w.list(5, new Date('2027-01-01'), w.keys.slice(1));
    expect(await v.updateTrustList(sameSeqOtherKeys)).toMatchObject({ code: 'ERR_TRUST_LIST_ROLLBACK' });
    expect(v.trustListSeq).toBe(5);
    expect((await v.verify(text)).valid).toBe(true); // the held list still works
    expect(await v.updateTrustList(await w.list(6))).toBeUndefined();
    expect(v.trustListSeq).toBe(6);
    const expired = await w.list(7, new Date('2025-12-01'));
    expect(await codeOf(text, { roots: [w.root.publicJwk], trustList: expired })).toBe(
      'ERR_TRUST_LIST_EXPIRED',
    );
  });

  it('rejects a trust list not signed by a pinned root, or tampered', async () => {
    const w = await world();
    const text = await issueCard(healthCard, { signer: w.vss.signer, iss: 'VSS', iat: ISSUED, exp: EXPIRES });
    const other = await signerPair('EdDSA');
    expect(await codeOf(text, { roots: [other.publicJwk], trustList: await w.list(1) })).toBe(
      'ERR_KID_UNKNOWN',
    );
    const forged = await createTrustList(
      { iss: 'ROOT', exp: new Date('2027-01-01'), seq: 9, keys: w.keys },
      other.signer,
    );
    expect(await codeOf(text, { roots: [w.root.publicJwk], trustList: forged })).toBe('ERR_KID_UNKNOWN');
    const tampered = await w.list(1);
    tampered[tampered.length - 70]! ^= 1; // inside the payload, before the 64-byte signature
    expect(await codeOf(text, { roots: [w.root.publicJwk], trustList: tampered })).toBe(
      'ERR_SIGNATURE_INVALID',
    );
    // A card signed by the root itself is not a trust-list key.
    const byRoot = await issueCard(healthCard, {
      signer: w.root.signer,
      iss: 'VSS',
      iat: ISSUED,
      exp: EXPIRES,
    });
    expect(await codeOf(byRoot, { roots: [w.root.publicJwk], trustList: await w.list(1) })).toBe(
      'ERR_KID_UNKNOWN',
    );
  });
});

describe('status-list attacks and outcomes', () => {
  const uri = 'https://bhxh.vn/sl/1';

  async function setup() {
    const root = await signerPair('EdDSA');
    const vss = await signerPair('EdDSA');
    const moh = await signerPair('EdDSA');
    const entry = (k: JsonWebKey, issuer: string) => ({
      key: k,
      issuer,
      validFrom: new Date('2024-01-01'),
      validTo: new Date('2028-01-01'),
      usage: ['social-security', 'health-insurance'],
    });
    const trustList = await createTrustList(
      {
        iss: 'ROOT',
        exp: new Date('2028-01-01'),
        seq: 1,
        keys: [entry(vss.publicJwk, 'VSS'), entry(moh.publicJwk, 'MOH')],
      },
      root.signer,
    );
    const card = (idx: number) =>
      issueCard(healthCard, {
        signer: vss.signer,
        iss: 'VSS',
        iat: ISSUED,
        exp: EXPIRES,
        status: { idx, uri },
      });
    const list = createStatusList(1000, 2);
    setStatus(list, 7, 'revoked');
    setStatus(list, 8, 'suspended');
    setStatus(list, 9, 3);
    const options = { roots: [root.publicJwk], trustList, now: NOW };
    return { root, vss, moh, trustList, card, list, options };
  }

  it('reports valid, revoked, suspended, unknown and out-of-range entries', async () => {
    const s = await setup();
    const token = await signStatusList(
      s.list,
      { uri, iss: 'VSS', iat: ISSUED, exp: new Date('2026-06-01') },
      s.vss.signer,
    );
    const v = createVerifier({ ...s.options, statusLists: [token] });
    expect(await v.ready()).toEqual([]);
    expect(await v.verify(await s.card(1))).toMatchObject({ valid: true, status: 'valid' });
    const revoked = await v.verify(await s.card(7));
    expect(revoked).toMatchObject({
      valid: false,
      error: { code: 'ERR_REVOKED', stage: 'status' },
      card: healthCard,
    });
    expect(await v.verify(await s.card(8))).toMatchObject({ error: { code: 'ERR_SUSPENDED' } });
    expect(await v.verify(await s.card(9))).toMatchObject({ error: { code: 'ERR_STATUS_UNKNOWN' } });
    expect(await v.verify(await s.card(5000))).toMatchObject({ error: { code: 'ERR_STATUS_INDEX' } });
    const later = createVerifier({ ...s.options, statusLists: [token], now: new Date('2026-07-01') });
    expect(await later.verify(await s.card(1))).toMatchObject({ error: { code: 'ERR_STATUS_LIST_EXPIRED' } });
  });

  it('reports unchecked without a list, or fails when status is required', async () => {
    const s = await setup();
    expect(await createVerifier(s.options).verify(await s.card(7))).toMatchObject({
      valid: true,
      status: 'unchecked',
    });
    expect(await codeOf(await s.card(7), { ...s.options, requireStatus: true })).toBe(
      'ERR_STATUS_UNAVAILABLE',
    );
  });

  it('rejects a status list signed by another issuer (ERR_STATUS_LIST_ISSUER)', async () => {
    const s = await setup();
    const clean = createStatusList(1000, 2); // MOH claims every VSS card is fine
    const byMoh = await signStatusList(clean, { uri, iss: 'MOH', iat: ISSUED }, s.moh.signer);
    expect(await codeOf(await s.card(7), { ...s.options, statusLists: [byMoh] })).toBe(
      'ERR_STATUS_LIST_ISSUER',
    );
    // MOH's key writing iss 'VSS' into the list is caught when the list is loaded.
    const lying = await signStatusList(clean, { uri, iss: 'VSS', iat: ISSUED }, s.moh.signer);
    const v = createVerifier({ ...s.options, statusLists: [lying] });
    expect(await v.ready()).toMatchObject([{ code: 'ERR_STATUS_LIST_ISSUER' }]);
    expect(await v.verify(await s.card(7))).toMatchObject({ error: { code: 'ERR_STATUS_LIST_ISSUER' } });
    // With both lists held, VSS's own list decides.
    const own = await signStatusList(s.list, { uri, iss: 'VSS', iat: ISSUED }, s.vss.signer);
    expect(await codeOf(await s.card(7), { ...s.options, statusLists: [byMoh, own] })).toBe('ERR_REVOKED');
  });

  it('rejects a status list with a bad signature or an unknown signer (ERR_STATUS_LIST_INVALID)', async () => {
    const s = await setup();
    const stranger = await signerPair('EdDSA');
    const unknown = await signStatusList(s.list, { uri, iss: 'VSS', iat: ISSUED }, stranger.signer);
    const v = createVerifier({ ...s.options, statusLists: [unknown] });
    expect(await v.ready()).toMatchObject([{ code: 'ERR_STATUS_LIST_INVALID', stage: 'status' }]);
    expect(await v.verify(await s.card(7))).toMatchObject({ error: { code: 'ERR_STATUS_LIST_INVALID' } });
    const good = await signStatusList(s.list, { uri, iss: 'VSS', iat: ISSUED }, s.vss.signer);
    good[good.length - 70]! ^= 1;
    expect(await createVerifier(s.options).addStatusList(good)).toMatchObject({
      code: 'ERR_STATUS_LIST_INVALID',
    });
    expect(await createVerifier(s.options).addStatusList(s.trustList)).toMatchObject({
      code: 'ERR_STATUS_LIST_INVALID',
    });
  });

  it('an update issued in the same second takes effect; an older list is refused (ERR_STATUS_LIST_OUTDATED)', async () => {
    const s = await setup();
    const clean = createStatusList(1000, 2);
    const first = await signStatusList(clean, { uri, iss: 'VSS', iat: ISSUED }, s.vss.signer);
    const sameSecond = await signStatusList(s.list, { uri, iss: 'VSS', iat: ISSUED }, s.vss.signer);
    const v = createVerifier({ ...s.options, statusLists: [first] });
    expect(await v.verify(await s.card(7))).toMatchObject({ valid: true, status: 'valid' });
    expect(await v.addStatusList(sameSecond)).toBeUndefined();
    expect(await v.verify(await s.card(7))).toMatchObject({ error: { code: 'ERR_REVOKED' } });

    // A stale copy arriving after a newer one (a replayed or cached download) changes nothing.
    const older = await signStatusList(
      clean,
      { uri, iss: 'VSS', iat: new Date(ISSUED.getTime() - 3_600_000) },
      s.vss.signer,
    );
    expect(await v.addStatusList(older)).toMatchObject({ code: 'ERR_STATUS_LIST_OUTDATED', stage: 'status' });
    expect(await v.verify(await s.card(7))).toMatchObject({ error: { code: 'ERR_REVOKED' } });
    // Given at creation in the wrong order, the same: the newer list counts, the older is reported.
    const w = createVerifier({ ...s.options, statusLists: [sameSecond, older] });
    expect(await w.ready()).toMatchObject([{ code: 'ERR_STATUS_LIST_OUTDATED' }]);
    expect(await w.verify(await s.card(7))).toMatchObject({ error: { code: 'ERR_REVOKED' } });
  });
});
