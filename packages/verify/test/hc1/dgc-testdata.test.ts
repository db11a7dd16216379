// The EU's own DCC test data (eu-digital-green-certificates/dgc-testdata): real QR texts with
// the DSC that signed them, each verified at its validation clock.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBase45 } from '../../src/base45.js';
import { createHc1Verifier, type Hc1VerifyResult, verifyHc1 } from '../../src/hc1/verify-hc1.js';
import { inflateZlib } from '../../src/inflate.js';
import { fromHex, toHex } from '../../src/lib/bytes.js';
import { nodeCryptoBackend } from '../../src/node/node-crypto.js';
import { hc1Text } from './build-dcc.js';
import { EXPECTED } from './dgc-expected.js';

interface Vector {
  file: string;
  SOURCE: string;
  JSON?: unknown;
  COSE?: string;
  PREFIX: string;
  TESTCTX: { CERTIFICATE: string; VALIDATIONCLOCK: string; DESCRIPTION: string };
  EXPECTEDRESULTS: Record<string, boolean>;
}

const dir = join(import.meta.dirname, '../vectors/dcc');
const vectors: Vector[] = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((file) => ({ file, ...JSON.parse(readFileSync(join(dir, file), 'utf8')) }));
const byFile = (file: string) => vectors.find((v) => v.file === file)!;

const outcome = (r: Hc1VerifyResult) => (r.valid ? 'valid' : r.error.code);
const verifyVector = (v: Vector, at: Date = new Date(v.TESTCTX.VALIDATIONCLOCK)) =>
  verifyHc1(v.PREFIX, { certificates: [v.TESTCTX.CERTIFICATE], now: at, skewSeconds: 0 });

describe('dgc-testdata vectors', () => {
  it('the table covers every committed vector', () => {
    expect(vectors.map((v) => v.file).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(vectors.filter((v) => v.COSE && v.PREFIX.startsWith('HC1:') && EXPECTED[v.file] !== 'ERR_INFLATE'))(
    '$file: PREFIX base45-decodes and inflates to COSE (the copy is intact)',
    (v) => {
      expect(toHex(inflateZlib(decodeBase45(v.PREFIX.slice(4))))).toBe(v.COSE);
    },
  );

  it.each(vectors)('$file ($TESTCTX.DESCRIPTION)', async (v) => {
    const result = await verifyVector(v);
    expect(outcome(result)).toBe(EXPECTED[v.file]);
    // Whatever EXPECTEDRESULTS says must fail does fail; files that expect only successes verify.
    const expectations = Object.values(v.EXPECTEDRESULTS);
    if (expectations.includes(false)) expect(result.valid).toBe(false);
    else expect(result.valid).toBe(true);
  });

  it.each(vectors)(
    '$file: node:crypto (@ansinh/verify/node) gives the same result as WebCrypto',
    async (v) => {
      const options = {
        certificates: [v.TESTCTX.CERTIFICATE],
        now: new Date(v.TESTCTX.VALIDATIONCLOCK),
        skewSeconds: 0,
      };
      const viaNode = await verifyHc1(v.PREFIX, { ...options, crypto: nodeCryptoBackend });
      expect(viaNode).toEqual(await verifyHc1(v.PREFIX, options));
    },
  );

  it.each(['AT-1.json', 'DE-1.json'])('%s: the verified payload equals the published JSON', async (file) => {
    const v = byFile(file);
    const r = await verifyVector(v);
    if (!r.valid) throw new Error(r.error.code);
    expect(r.claims.dcc).toEqual(v.JSON);
    expect(r.type).toBe('vaccination');
    expect(r.issuer).toBe(file.slice(0, 2));
    expect(r.profile).toBe('hc1');
  });

  it('reports the DSC that signed and its kid', async () => {
    const r = await verifyVector(byFile('AT-1.json'));
    expect(r).toMatchObject({
      valid: true,
      kid: 'd919375fc1e7b6b2',
      signer: { subject: 'CN=AT DSC 1, C=AT, O=BMSGPK, serialNumber=1' },
    });
  });
});

describe('real DCCs: tampered, expired, wrong DSC', () => {
  const cases = [
    ['AT-1.json', 'ES256'],
    ['common-CO1.json', 'PS256'],
  ] as const;

  it.each(cases)('%s (%s): a flipped payload byte fails the signature', async (file) => {
    const v = byFile(file);
    const cose = fromHex(v.COSE!);
    // Change one letter of the holder's name: the CBOR stays well formed, the signature breaks.
    const at = toHex(cose).indexOf(toHex(new TextEncoder().encode('Gabriele'))) / 2;
    expect(at).toBeGreaterThan(0);
    const tampered = cose.slice();
    tampered[at + 1] = (tampered[at + 1] as number) ^ 0x01; // 'Gabriele' → 'G`briele'
    const r = await verifyHc1(hc1Text(tampered), {
      certificates: [v.TESTCTX.CERTIFICATE],
      now: new Date(v.TESTCTX.VALIDATIONCLOCK),
    });
    expect(outcome(r)).toBe('ERR_SIGNATURE_INVALID');
    expect(r.valid ? undefined : r.error.stage).toBe('signature');
  });

  it.each(cases)(
    '%s (%s): verified after exp is ERR_CREDENTIAL_EXPIRED, with the verified claims',
    async (file) => {
      const v = byFile(file);
      const first = await verifyVector(v);
      if (!first.valid) throw new Error(first.error.code);
      const r = await verifyVector(v, new Date((first.claims.exp + 1) * 1000));
      expect(outcome(r)).toBe('ERR_CREDENTIAL_EXPIRED');
      expect(r.valid ? undefined : r.claims?.dcc).toEqual(first.claims.dcc);
      // exp is exclusive: at exp exactly the DCC is already expired (RFC 8392), a second before it is not.
      expect(outcome(await verifyVector(v, new Date(first.claims.exp * 1000)))).toBe(
        'ERR_CREDENTIAL_EXPIRED',
      );
      expect(outcome(await verifyVector(v, new Date((first.claims.exp - 1) * 1000)))).toBe('valid');
    },
  );

  it.each(cases)('%s (%s): verified before iat is ERR_CREDENTIAL_NOT_YET_VALID', async (file) => {
    const v = byFile(file);
    const first = await verifyVector(v);
    if (!first.valid) throw new Error(first.error.code);
    expect(outcome(await verifyVector(v, new Date((first.claims.iat - 3600) * 1000)))).toBe(
      'ERR_CREDENTIAL_NOT_YET_VALID',
    );
  });

  it('a DCC checked against another DSC is ERR_KID_UNKNOWN', async () => {
    const at = byFile('AT-1.json');
    const r = await verifyHc1(at.PREFIX, {
      certificates: [byFile('DE-1.json').TESTCTX.CERTIFICATE],
      now: new Date(at.TESTCTX.VALIDATIONCLOCK),
    });
    expect(outcome(r)).toBe('ERR_KID_UNKNOWN');
  });

  it('several DSCs behind one kid are each tried: a wrong key first, then the right one', async () => {
    const at = byFile('AT-1.json');
    const { parseCertificate } = await import('../../src/x509/certificate.js');
    const right = parseCertificate(at.TESTCTX.CERTIFICATE);
    // Another P-256 DSC made to collide on the 8-byte kid.
    const impostor = { ...parseCertificate(byFile('common-CO3.json').TESTCTX.CERTIFICATE), kid: right.kid };
    const now = new Date(at.TESTCTX.VALIDATIONCLOCK);
    expect(outcome(await verifyHc1(at.PREFIX, { certificates: [impostor], now }))).toBe(
      'ERR_SIGNATURE_INVALID',
    );
    const both = await verifyHc1(at.PREFIX, { certificates: [impostor, right], now });
    expect(both.valid && both.signer.subject).toBe(right.subject);
    // An RSA DSC under the same kid cannot even be tried for ES256.
    const rsa = { ...parseCertificate(byFile('common-CO1.json').TESTCTX.CERTIFICATE), kid: right.kid };
    expect(outcome(await verifyHc1(at.PREFIX, { certificates: [rsa], now }))).toBe('ERR_KEY_ALG_MISMATCH');
  });

  it('one verifier holding every DSC verifies every valid vector (DSCs indexed by kid)', async () => {
    const verifier = (at: string) =>
      createHc1Verifier({
        certificates: vectors.map((v) => v.TESTCTX.CERTIFICATE),
        now: new Date(at),
        skewSeconds: 0,
      });
    for (const v of vectors.filter((x) => EXPECTED[x.file] === 'valid')) {
      expect(outcome(await verifier(v.TESTCTX.VALIDATIONCLOCK).verify(v.PREFIX)), v.file).toBe('valid');
    }
  });
});
