// The independent Python verifier (python/verify_card.py, written from docs/wire-format.md alone)
// must give every golden vector the result the vectors file expects, and the doc's codes for
// tampered texts. Needs Debian's /usr/bin/python3 with python3-cryptography: skipped without
// them, but failing instead when ANSINH_REQUIRE_PYTHON=1 (CI sets it).
import { execFile, spawnSync } from 'node:child_process';
import { createPrivateKey, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { constants, deflateSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nodeCryptoBackend } from '../../src/node/node-crypto.js';
import { createVerifier } from '../../src/verify.js';
import { type Jwk, randomInputs, statusListRuns, targetedInputs } from './differential.js';

const python = process.env.ANSINH_PYTHON ?? '/usr/bin/python3';
const pythonRequired = process.env.ANSINH_REQUIRE_PYTHON === '1';
const probe = spawnSync(python, ['-c', 'import cryptography'], { encoding: 'utf8' });
const pythonAvailable = probe.status === 0;
const missing = pythonAvailable
  ? ''
  : `${python} with the cryptography module is missing (apt-get install python3 python3-cryptography): ${probe.error?.message ?? probe.stderr}`;

const script = fileURLToPath(new URL('./python/verify_card.py', import.meta.url));
const vectorsPath = fileURLToPath(new URL('../vectors/ansinh/vectors.json', import.meta.url));

interface Credential {
  name: string;
  signingKey: string;
  kid: string;
  card: unknown;
  qr: string;
  expect: string;
  hex: Record<string, string>;
}
const vectors = JSON.parse(readFileSync(vectorsPath, 'utf8')) as {
  verifyAt: string;
  trustList: string;
  statusList: string;
  keys: Record<string, { private: Jwk; public: object }>;
  credentials: Credential[];
};

interface PyResult {
  name: string;
  valid: boolean;
  code: string | null;
  stage: string | null;
  detail: string | null;
  kid: string | null;
  issuer: string | null;
  status: string | null;
  card: unknown;
  stages: Record<string, string> | null;
}

interface Request {
  at?: string;
  texts?: { name: string; qr: string }[];
  onlyTexts?: boolean;
  trustList?: string | null;
  statusLists?: string[];
  requireStatus?: boolean;
  inflate?: string[];
  runs?: {
    name: string;
    statusLists: string[];
    requireStatus?: boolean;
    texts: { name: string; qr: string }[];
  }[];
}

/** Runs the Python verifier on one request; one result per verified text. */
function runPython(request: Request): Promise<PyResult[]> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      python,
      [script],
      { timeout: 30_000, maxBuffer: 64 << 20 },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`${error.message}\n${stderr}`));
        resolve(
          stdout
            .split('\n')
            .filter((line) => line !== '')
            .map((line) => JSON.parse(line) as PyResult),
        );
      },
    );
    child.stdin?.end(JSON.stringify({ vectors: vectorsPath, ...request }));
  });
}

async function runOne(qr: string, request: Request = {}): Promise<PyResult> {
  const [result] = await runPython({ ...request, onlyTexts: true, texts: [{ name: 't', qr }] });
  return result!;
}

// Building tampered credentials from the vectors' public test keys, independently of the
// TypeScript library: hex CBOR framing, node:crypto signatures, node:zlib, a base45 encoder.
const B45 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

function base45(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    let n = bytes[i]! * 256 + bytes[i + 1]!;
    for (let k = 0; k < 3; k++, n = Math.floor(n / 45)) out += B45[n % 45];
  }
  if (bytes.length % 2) {
    const n = bytes[bytes.length - 1]!;
    out += B45[n % 45]! + B45[Math.floor(n / 45)]!;
  }
  return out;
}

function unbase45(text: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; i += 3) {
    const [a, b, c] = [...text.slice(i, i + 3)].map((ch) => B45.indexOf(ch));
    if (c === undefined) out.push(a! + b! * 45);
    else {
      const n = a! + b! * 45 + c * 2025;
      out.push(n >> 8, n & 0xff);
    }
  }
  return Uint8Array.from(out);
}

function bstr(hex: string): string {
  const n = hex.length / 2;
  const head =
    n < 24
      ? (0x40 + n).toString(16)
      : n < 256
        ? `58${n.toString(16).padStart(2, '0')}`
        : `59${n.toString(16).padStart(4, '0')}`;
  return head + hex;
}

/** A QR text of the given CWT payload, signed by one of the vectors' Ed25519 keys. */
function issue(
  payloadHex: string,
  keyName = 'vssEdDSA',
  headers?: { protected: string; unprotected: string },
): string {
  const kid = vectors.credentials.find((c) => c.signingKey === keyName)!.kid;
  const prot = headers?.protected ?? `a201270448${kid}`;
  const unprot = headers?.unprotected ?? 'a0';
  const sigStructure = `846a5369676e617475726531${bstr(prot)}40${bstr(payloadHex)}`;
  const key = createPrivateKey({ key: { ...vectors.keys[keyName]!.private }, format: 'jwk' });
  const signature = sign(null, Buffer.from(sigStructure, 'hex'), key).toString('hex');
  return cose(`d284${bstr(prot)}${unprot}${bstr(payloadHex)}${bstr(signature)}`);
}

function cose(coseHex: string): string {
  return `AS1:${base45(deflateSync(Buffer.from(coseHex, 'hex'), { level: 9 }))}`;
}

const byName = (name: string) => vectors.credentials.find((c) => c.name === name)!;
const verifyAt = Date.parse(vectors.verifyAt) / 1000;
const iso = (seconds: number) => new Date(seconds * 1000).toISOString();
const uint32 = (n: number) => `1a${n.toString(16).padStart(8, '0')}`;

describe.skipIf(!pythonAvailable && !pythonRequired)(
  `independent Python verifier${missing ? ` (${missing})` : ''}`,
  () => {
    it('has Python and its cryptography module', () => {
      expect(pythonAvailable, missing).toBe(true);
    });

    it('gives every golden vector the expected result, the same stages and the same card', async () => {
      const results = await runPython({});
      expect(results.map((r) => r.name)).toEqual(vectors.credentials.map((c) => c.name));
      for (const [i, c] of vectors.credentials.entries()) {
        const r = results[i]!;
        expect({ name: r.name, result: r.valid ? 'valid' : r.code }).toEqual({
          name: c.name,
          result: c.expect,
        });
        expect(r.kid).toBe(c.kid);
        for (const [stage, hex] of Object.entries(r.stages ?? {}))
          expect(hex, `${c.name} ${stage}`).toBe(c.hex[stage]);
        // A card comes back once the signature and card map check out, also with a time or status failure.
        if (c.expect === 'valid' || c.expect === 'ERR_REVOKED' || c.expect === 'ERR_SUSPENDED')
          expect(r.card).toEqual(c.card);
        else expect(r.card).toBeNull();
      }
    });

    it('inflates what node:zlib deflates, at every level and strategy (stored, fixed and dynamic blocks)', async () => {
      const strategies = [
        constants.Z_DEFAULT_STRATEGY,
        constants.Z_FIXED,
        constants.Z_HUFFMAN_ONLY,
        constants.Z_RLE,
      ];
      const inputs = fc.sample(
        fc.oneof(
          fc.uint8Array({ maxLength: 3000, size: 'max' }),
          fc
            .array(fc.constantFrom(...'ansinh thẻ BHXH 0123'), { maxLength: 4000, size: 'max' })
            .map((a) => Buffer.from(a.join(''))),
        ),
        { numRuns: 200, seed: 4 },
      );
      const streams = inputs.map((input, i) =>
        deflateSync(input, { level: i % 10, strategy: strategies[i % strategies.length]! }),
      );
      const blockTypes = new Set(streams.map((z) => (z[2]! >> 1) & 3));
      expect(blockTypes).toEqual(new Set([0, 1, 2]));
      const results = (await runPython({
        onlyTexts: true,
        inflate: streams.map((z) => z.toString('hex')),
      })) as unknown as {
        inflated: string | null;
        code: string | null;
      }[];
      expect(results.map((r) => r.inflated)).toEqual(
        inputs.map((input) => Buffer.from(input).toString('hex')),
      );
    });

    it('caps inflation at 65,536 bytes and refuses non-zero padding bits', async () => {
      const zeros = (n: number) => deflateSync(Buffer.alloc(n), { level: 9 }).toString('hex');
      const stored = byName('social-security-eddsa').hex.zlib!;
      expect(stored.slice(4, 6)).toBe('01'); // final stored block: 3 header bits, then 5 padding bits
      const padded = `${stored.slice(0, 4)}09${stored.slice(6)}`;
      const results = (await runPython({
        onlyTexts: true,
        inflate: [zeros(65536), zeros(65537), padded],
      })) as unknown as {
        inflated: string | null;
        code: string | null;
      }[];
      expect(results.map((r) => r.code)).toEqual([null, 'ERR_INFLATE_TOO_LARGE', 'ERR_INFLATE']);
    });

    it('rejects every one-character change of the example text (section 2.2 step 4)', async () => {
      const qr = byName('health-insurance-eddsa-status').qr;
      const texts: { name: string; qr: string }[] = [];
      for (let i = 4; i < qr.length; i++) {
        const other = B45[(B45.indexOf(qr[i]!) + 1 + (i % 44)) % 45]!;
        texts.push({ name: String(i), qr: qr.slice(0, i) + other + qr.slice(i + 1) });
      }
      const results = await runPython({ onlyTexts: true, texts });
      expect(results).toHaveLength(texts.length);
      expect(results.filter((r) => r.valid).map((r) => r.name)).toEqual([]);
      const codes = new Set(results.map((r) => r.code));
      for (const code of codes) expect(['ERR_BASE45', 'ERR_INFLATE', 'ERR_PREFIX']).toContain(code);
    });

    it('a changed character in the signature area fails the Adler-32 (ERR_INFLATE); re-framed, the signature', async () => {
      const c = byName('social-security-eddsa');
      const bytes = unbase45(c.qr.slice(4));
      const sigStart = bytes.length - 4 - 64; // zlib: stored COSE, signature last, then the Adler-32
      const pos = 4 + Math.floor((sigStart + 20) / 2) * 3; // first character of a base45 group inside the signature
      const original = B45.indexOf(c.qr[pos]!);
      const changed = c.qr.slice(0, pos) + B45[original === 0 ? 1 : original - 1] + c.qr.slice(pos + 1);
      expect(await runOne(changed)).toMatchObject({ valid: false, code: 'ERR_INFLATE', stage: 'decode' });

      const coseHex = c.hex.coseSign1!;
      const flipped =
        coseHex.slice(0, -2) + (Number.parseInt(coseHex.slice(-2), 16) ^ 1).toString(16).padStart(2, '0');
      expect(await runOne(cose(flipped))).toMatchObject({
        valid: false,
        code: 'ERR_SIGNATURE_INVALID',
        card: null,
      });
    });

    it('a duplicated claim fails as ERR_CBOR_DUPLICATE_KEY even when signed; re-ordered claims are not refused', async () => {
      const payload = byName('social-security-eddsa').hex.cwtPayload!;
      expect(payload.startsWith('a40163565353')).toBe(true);
      const duplicated = `a5${payload.slice(2)}0163565353`;
      expect(await runOne(issue(duplicated))).toMatchObject({ valid: false, code: 'ERR_CBOR_DUPLICATE_KEY' });
      // The doc asks issuers for deterministic order but verifiers only for strict decoding.
      const reordered = `a4${payload.slice(12)}0163565353`;
      expect(await runOne(issue(reordered))).toMatchObject({
        valid: true,
        card: byName('social-security-eddsa').card,
      });
    });

    it('alg only in the unprotected header: ERR_ALG_UNPROTECTED', async () => {
      const c = byName('social-security-eddsa');
      const qr = issue(c.hex.cwtPayload!, 'vssEdDSA', { protected: `a10448${c.kid}`, unprotected: 'a10127' });
      expect(await runOne(qr)).toMatchObject({ valid: false, code: 'ERR_ALG_UNPROTECTED', stage: 'cose' });
    });

    it('applies the clock: exp with its skew, iat in the future, trust-list and status-list expiry', async () => {
      const c = byName('social-security-eddsa');
      const exp = verifyAt + 100;
      const qr = issue(c.hex.cwtPayload!.replace(`04${uint32(1893456000)}`, `04${uint32(exp)}`));
      // Expired at now − 300 s ≥ exp: genuine, so the card is still returned.
      expect(await runOne(qr, { at: iso(exp + 300) })).toMatchObject({
        valid: false,
        code: 'ERR_CREDENTIAL_EXPIRED',
        stage: 'time',
        card: c.card,
      });
      expect(await runOne(qr, { at: iso(exp + 299) })).toMatchObject({ valid: true });
      expect(await runOne(c.qr, { at: '2024-12-31T00:00:00Z' })).toMatchObject({
        code: 'ERR_CREDENTIAL_NOT_YET_VALID',
      });
      // The trust list (exp 2027-01-01) expires before the cards (2030-01-01).
      const late = await runPython({ at: '2027-06-01T00:00:00Z' });
      expect(new Set(late.map((r) => r.code))).toEqual(new Set(['ERR_TRUST_LIST_EXPIRED']));
      // The status list expires 2026-12-01: cards pointing at it fail, the others stay valid.
      const afterList = await runPython({ at: '2026-12-02T00:00:00Z' });
      expect(afterList.find((r) => r.name === 'health-insurance-eddsa-status')).toMatchObject({
        code: 'ERR_STATUS_LIST_EXPIRED',
      });
      expect(afterList.find((r) => r.name === 'social-security-eddsa')).toMatchObject({ valid: true });
    });

    it('status: unchecked without a list, ERR_STATUS_UNAVAILABLE when required; no trust list: ERR_KID_UNKNOWN', async () => {
      const qr = byName('revoked').qr;
      expect(await runOne(qr, { statusLists: [] })).toMatchObject({ valid: true, status: 'unchecked' });
      expect(await runOne(qr, { statusLists: [], requireStatus: true })).toMatchObject({
        code: 'ERR_STATUS_UNAVAILABLE',
      });
      expect(await runOne(qr, { trustList: null, statusLists: [] })).toMatchObject({
        code: 'ERR_KID_UNKNOWN',
      });
    });

    it('agrees with the TypeScript verifier on 2,400 seeded mutations and every targeted input', async () => {
      // HC1 texts (the EU DCC profile) are out of scope: the Python verifier reads AS1 texts only.
      const random = randomInputs(vectors, 2400, 20261123).filter((t) => !t.qr.startsWith('HC1:'));
      expect(random.length).toBeGreaterThan(2300);
      const texts = [...random, ...targetedInputs(vectors)];
      // Configured like the Python side's defaults: the vectors' root, trust list, status list and clock.
      const verifier = createVerifier({
        roots: [vectors.keys.root!.public as JsonWebKey],
        trustList: Buffer.from(vectors.trustList, 'hex'),
        statusLists: [Buffer.from(vectors.statusList, 'hex')],
        now: new Date(vectors.verifyAt),
        crypto: nodeCryptoBackend,
        lang: 'en',
      });
      expect(await verifier.ready()).toEqual([]);
      const py = await runPython({ onlyTexts: true, texts });
      expect(py).toHaveLength(texts.length);
      const outcome = (valid: boolean, code: string | null | undefined) => (valid ? 'valid' : String(code));
      const disagreements: string[] = [];
      const counts = new Map<string, number>();
      for (const [i, t] of texts.entries()) {
        const ts = await verifier.verify(t.qr);
        const tsOutcome = outcome(ts.valid, ts.valid ? null : ts.error.code);
        const pyOutcome = outcome(py[i]!.valid, py[i]!.code);
        counts.set(tsOutcome, (counts.get(tsOutcome) ?? 0) + 1);
        if (tsOutcome !== pyOutcome) disagreements.push(`${t.name}: ts ${tsOutcome}, python ${pyOutcome}`);
      }
      expect(disagreements).toEqual([]);
      // The inputs reach past the signature: valid cards, claim, card, time and status failures.
      for (const code of [
        'valid',
        'ERR_SIGNATURE_INVALID',
        'ERR_CLAIMS_MALFORMED',
        'ERR_PAYLOAD_SCHEMA',
        'ERR_REVOKED',
      ])
        expect(counts.get(code) ?? 0, code).toBeGreaterThan(0);
    }, 60_000);

    it('agrees with the TypeScript verifier on which status lists load and what they make of each card', async () => {
      const runs = statusListRuns(vectors);
      const texts = vectors.credentials.map((c) => ({ name: c.name, qr: c.qr }));
      const lines = await runPython({ onlyTexts: true, runs: runs.map((r) => ({ ...r, texts })) });
      expect(lines).toHaveLength(runs.length * (texts.length + 1));
      const disagreements: string[] = [];
      const outcomes = new Set<string>();
      for (const [r, run] of runs.entries()) {
        const verifier = createVerifier({
          roots: [vectors.keys.root!.public as JsonWebKey],
          trustList: Buffer.from(vectors.trustList, 'hex'),
          statusLists: run.statusLists.map((hex) => Buffer.from(hex, 'hex')),
          requireStatus: run.requireStatus ?? false,
          now: new Date(vectors.verifyAt),
          crypto: nodeCryptoBackend,
        });
        const base = r * (texts.length + 1);
        const tsProblems = (await verifier.ready()).map((p) => p.code);
        const pyProblems = (lines[base] as unknown as { problems: string[] }).problems;
        if (tsProblems.join() !== pyProblems.join())
          disagreements.push(`${run.name}: loading: ts [${tsProblems}], python [${pyProblems}]`);
        for (const [i, t] of texts.entries()) {
          const ts = await verifier.verify(t.qr);
          const py = lines[base + 1 + i]!;
          const tsOutcome = ts.valid ? `valid ${'status' in ts ? ts.status : ''}` : ts.error.code;
          const pyOutcome = py.valid
            ? `valid ${py.status === 'none' ? 'valid' : py.status}`
            : String(py.code);
          outcomes.add(tsOutcome);
          if (tsOutcome !== pyOutcome)
            disagreements.push(`${run.name}/${t.name}: ts ${tsOutcome}, python ${pyOutcome}`);
        }
      }
      expect(disagreements).toEqual([]);
      for (const code of [
        'valid unchecked',
        'ERR_STATUS_LIST_INVALID',
        'ERR_STATUS_LIST_ISSUER',
        'ERR_STATUS_LIST_EXPIRED',
        'ERR_STATUS_INDEX',
        'ERR_STATUS_UNKNOWN',
        'ERR_STATUS_UNAVAILABLE',
      ])
        expect(outcomes, code).toContain(code);
    });
  },
);
