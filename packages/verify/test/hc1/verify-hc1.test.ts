// EU-DCC-shaped credentials built here with test DSCs: each hc1 rule, one at a time.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeBase45 } from '../../src/base45.js';
import { CborTag } from '../../src/cbor.js';
import { dccTypesAllowed } from '../../src/hc1/document-signers.js';
import {
  createHc1Verifier,
  type Hc1VerifierOptions,
  type Hc1VerifyResult,
  verifyHc1,
} from '../../src/hc1/verify-hc1.js';
import { deflateZlib } from '../../src/inflate.js';
import { nobleBackend } from '../../src/noble.js';
import { createVerifier } from '../../src/verify.js';
import { parseCertificate } from '../../src/x509/certificate.js';
import { EKU, pem } from '../x509/der-builder.js';
import {
  dccCose,
  EXPIRES,
  hc1Text,
  ISSUED,
  makeDcc,
  makeDsc,
  type TestDsc,
  VACCINATION,
} from './build-dcc.js';

const NOW = new Date((ISSUED + 86_400) * 1000);
const es = makeDsc('ES256');
const ps = makeDsc('PS256');

const outcome = (r: Hc1VerifyResult) => (r.valid ? 'valid' : r.error.code);
const check = (text: string, dscs: TestDsc[] = [es, ps], options: Partial<Hc1VerifierOptions> = {}) =>
  verifyHc1(text, { certificates: dscs.map((d) => d.der), now: NOW, ...options }).then(outcome);

const TEST = {
  ver: '1.3.0',
  nam: { fn: 'Trần', fnt: 'TRAN', gn: 'Thị Bình', gnt: 'THI<BINH' },
  dob: '1985-05-05',
  t: [
    {
      tg: '840539006',
      tt: 'LP6464-4',
      sc: '2025-01-14T08:00:00Z',
      tr: '260415000',
      tc: 'Test centre',
      co: 'AT',
      is: 'MoH',
      ci: 'URN:UVCI:01:AT:T1',
    },
  ],
};
const RECOVERY = {
  ver: '1.3.0',
  nam: { fnt: 'LE' },
  dob: '1970',
  r: [
    {
      tg: '840539006',
      fr: '2024-12-01',
      co: 'AT',
      is: 'MoH',
      df: '2024-12-11',
      du: '2025-05-30',
      ci: 'URN:UVCI:01:AT:R1',
    },
  ],
};

describe('hc1: signatures and headers', () => {
  it('verifies an ES256 and a PS256 DCC signed by test DSCs', async () => {
    const r = await verifyHc1(makeDcc({ dsc: es }), { certificates: [es.der], now: NOW });
    expect(r).toMatchObject({
      valid: true,
      profile: 'hc1',
      type: 'vaccination',
      issuer: 'VN',
      claims: { iat: ISSUED, exp: EXPIRES },
    });
    expect(r.valid && r.claims.dcc).toEqual(VACCINATION);
    expect(await check(makeDcc({ dsc: ps }))).toBe('valid');
  });

  it('takes the kid from the unprotected header when the protected one has none', async () => {
    expect(await check(makeDcc({ dsc: es, kidIn: 'unprotected' }))).toBe('valid');
    expect(await check(makeDcc({ dsc: ps, kidIn: 'unprotected', algIn: 'unprotected' }))).toBe('valid');
  });

  it('accepts COSE_Sign1 untagged as well as tagged (18)', async () => {
    const cose = dccCose({ dsc: es });
    expect(cose[0]).toBe(0xd2);
    expect(await check(hc1Text(cose.subarray(1)))).toBe('valid');
  });

  it('never falls back from a wrong protected kid, and fails with no kid at all', async () => {
    expect(await check(makeDcc({ dsc: es, kidValue: Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8) }))).toBe(
      'ERR_KID_UNKNOWN',
    );
    expect(await check(makeDcc({ dsc: es, kidIn: 'none' }))).toBe('ERR_KID_MISSING');
  });

  it('a protected kid or alg of the wrong type is malformed, never a reason to read the unprotected one', async () => {
    const protectedNullKid = makeDcc({ dsc: es, kidIn: 'unprotected', extraProtected: [[4, null]] });
    expect(await check(protectedNullKid)).toBe('ERR_COSE_MALFORMED');
    const protectedTextKid = makeDcc({ dsc: es, kidIn: 'unprotected', extraProtected: [[4, 'kid']] });
    expect(await check(protectedTextKid)).toBe('ERR_COSE_MALFORMED');
    const protectedNullAlg = makeDcc({ dsc: es, algIn: 'unprotected', extraProtected: [[1, null]] });
    expect(await check(protectedNullAlg)).toBe('ERR_ALG_NOT_ALLOWED');
  });

  it('refuses algorithms outside ES256/PS256, and the ones the options leave out', async () => {
    expect(await check(makeDcc({ dsc: es, algValue: -8 }))).toBe('ERR_ALG_NOT_ALLOWED');
    expect(await check(makeDcc({ dsc: ps }), [ps], { algorithms: ['ES256'] })).toBe('ERR_ALG_NOT_ALLOWED');
    expect(await check(makeDcc({ dsc: es }), [es], { algorithms: ['ES256'] })).toBe('valid');
  });

  it('refuses an algorithm that does not match the DSC key type', async () => {
    // An ES256 header over a DSC holding an RSA key: not even tried.
    expect(await check(makeDcc({ dsc: ps, algValue: -7 }), [ps])).toBe('ERR_KEY_ALG_MISMATCH');
    expect(await check(makeDcc({ dsc: es, algValue: -37 }), [es])).toBe('ERR_KEY_ALG_MISMATCH');
  });

  it('refuses a critical header it does not understand', async () => {
    expect(
      await check(
        makeDcc({
          dsc: es,
          extraProtected: [
            [2, [99]],
            [99, 'x'],
          ],
        }),
      ),
    ).toBe('ERR_COSE_CRIT');
  });

  it('PS256 on a runtime without WebCrypto (the noble backend) is ERR_UNSUPPORTED; ES256 still works', async () => {
    expect(await check(makeDcc({ dsc: ps }), [ps], { crypto: nobleBackend })).toBe('ERR_UNSUPPORTED');
    expect(await check(makeDcc({ dsc: es }), [es], { crypto: nobleBackend })).toBe('valid');
  });
});

describe('hc1: the DSC limits', () => {
  it('a DSC restricted to tests cannot sign a vaccination, but can sign a test', async () => {
    const testOnly = makeDsc('ES256', { extendedKeyUsage: [EKU.test] });
    expect(await check(makeDcc({ dsc: testOnly }), [testOnly])).toBe('ERR_KEY_USAGE');
    expect(await check(makeDcc({ dsc: testOnly, dcc: TEST }), [testOnly])).toBe('valid');
  });

  it('reads both OID arcs, and lets a DSC without DCC usages sign every type', async () => {
    const recoveryAlt = makeDsc('ES256', { extendedKeyUsage: [EKU.recoveryAlt] });
    expect(await check(makeDcc({ dsc: recoveryAlt, dcc: RECOVERY }), [recoveryAlt])).toBe('valid');
    expect(await check(makeDcc({ dsc: recoveryAlt }), [recoveryAlt])).toBe('ERR_KEY_USAGE');
    const serverAuthOnly = makeDsc('ES256', { extendedKeyUsage: ['1.3.6.1.5.5.7.3.1'] });
    for (const dcc of [VACCINATION, TEST, RECOVERY]) {
      expect(await check(makeDcc({ dsc: serverAuthOnly, dcc }), [serverAuthOnly])).toBe('valid');
    }
    expect(
      [
        ...dccTypesAllowed(
          parseCertificate(makeDsc('ES256', { extendedKeyUsage: [EKU.vaccination, EKU.test] }).der),
        ),
      ].sort(),
    ).toEqual(['test', 'vaccination']);
  });

  it('a DSC whose key usage excludes digital signatures signs nothing', async () => {
    const noSign = makeDsc('ES256', { digitalSignature: false });
    expect(await check(makeDcc({ dsc: noSign }), [noSign])).toBe('ERR_KEY_USAGE');
  });

  it('the DSC must be valid when the DCC was issued (iat), whatever the clock says', async () => {
    const later = makeDsc('ES256', { notBefore: new Date((ISSUED + 10) * 1000) });
    const earlier = makeDsc('ES256', { notAfter: new Date((ISSUED - 10) * 1000) });
    expect(await check(makeDcc({ dsc: later }), [later])).toBe('ERR_KEY_VALIDITY');
    expect(await check(makeDcc({ dsc: earlier }), [earlier])).toBe('ERR_KEY_VALIDITY');
  });

  it('an unusable DSC fails at creation with ERR_CERTIFICATE_INVALID', () => {
    expect(() => createHc1Verifier({ certificates: ['not a certificate'] })).toThrow(
      expect.objectContaining({ code: 'ERR_CERTIFICATE_INVALID' }),
    );
  });
});

describe('hc1: claims and payload', () => {
  it('requires iat and exp, and claim -260 → 1', async () => {
    const base = (entries: [number, unknown][]) => makeDcc({ dsc: es, claims: new Map(entries) });
    const hcert = new Map([[1, new Map([['ver', '1.3.0']])]]);
    expect(
      await check(
        base([
          [6, ISSUED],
          [-260, hcert],
        ]),
      ),
    ).toBe('ERR_CLAIMS_MALFORMED');
    expect(
      await check(
        base([
          [4, EXPIRES],
          [-260, hcert],
        ]),
      ),
    ).toBe('ERR_CLAIMS_MALFORMED');
    expect(
      await check(
        base([
          [4, EXPIRES],
          [6, ISSUED],
        ]),
      ),
    ).toBe('ERR_CLAIMS_MALFORMED');
    expect(
      await check(
        base([
          [4, EXPIRES],
          [6, ISSUED],
          [-260, new Map([[2, new Map()]])],
        ]),
      ),
    ).toBe('ERR_CLAIMS_MALFORMED');
    expect(
      await check(
        base([
          [4, 'soon'],
          [6, ISSUED],
          [-260, hcert],
        ]),
      ),
    ).toBe('ERR_CLAIMS_MALFORMED');
  });

  it.each([
    ['two certificate types', { ...VACCINATION, t: TEST.t }, 'exactly one of v, t, r'],
    ['no certificate', { ver: '1.3.0', nam: {}, dob: '1990' }, 'exactly one of v, t, r'],
    [
      'two vaccinations in one DCC',
      { ...VACCINATION, v: [VACCINATION.v[0], VACCINATION.v[0]] },
      'exactly one entry',
    ],
    ['no version', { ...VACCINATION, ver: undefined }, 'dcc.ver'],
    ['a name that is not a map', { ...VACCINATION, nam: 'X' }, 'dcc.nam'],
  ])('a DCC with %s is ERR_PAYLOAD_SCHEMA naming the problem', async (_label, dcc, detail) => {
    const r = await verifyHc1(makeDcc({ dsc: es, dcc: JSON.parse(JSON.stringify(dcc)) }), {
      certificates: [es.der],
      now: NOW,
      lang: 'en',
    });
    expect(outcome(r)).toBe('ERR_PAYLOAD_SCHEMA');
    expect(r.valid ? '' : r.error.message).toContain(detail);
  });

  it('names the path of a value that is not JSON-shaped (a tagged date, a non-text key)', async () => {
    const withTag = new Map<string, unknown>([
      ['ver', '1.3.0'],
      ['nam', new Map()],
      ['dob', '1990'],
      ['v', [new Map<string, unknown>([['dt', new CborTag(1004, '2021-06-01')]])]],
    ]);
    const numericKey = new Map<unknown, unknown>([
      ...withTag,
      ['nam', new Map([[1, 'x']])],
      ['v', [new Map([['dt', '2021-06-01']])]],
    ]);
    const detail = async (dcc: unknown) => {
      const r = await verifyHc1(makeDcc({ dsc: es, dcc }), { certificates: [es.der], now: NOW, lang: 'en' });
      return r.valid ? '' : r.error.message;
    };
    expect(await detail(withTag)).toBe('Invalid card claims: dcc.v[0].dt: tagged value');
    expect(await detail(numericKey)).toContain('dcc.nam: map key is not text');
  });

  it('keeps a "__proto__" member as data', async () => {
    const dcc = new Map<string, unknown>([
      ['ver', '1.3.0'],
      ['nam', new Map([['__proto__', 'x']])],
      ['dob', '1990'],
      ['v', [new Map([['co', 'AT']])]],
    ]);
    const r = await verifyHc1(makeDcc({ dsc: es, dcc }), { certificates: [es.der], now: NOW });
    expect(r.valid).toBe(true);
    const nam = r.valid ? (r.claims.dcc.nam as Record<string, unknown>) : {};
    expect(Object.getPrototypeOf(nam)).toBe(Object.prototype);
    expect(Object.hasOwn(nam, '__proto__')).toBe(true);
  });

  it('honours the skew on both ends', async () => {
    const text = makeDcc({ dsc: es });
    const at = (s: number) =>
      verifyHc1(text, { certificates: [es.der], now: new Date(s * 1000), skewSeconds: 60 }).then(outcome);
    expect(await at(ISSUED - 60)).toBe('valid');
    expect(await at(ISSUED - 61)).toBe('ERR_CREDENTIAL_NOT_YET_VALID');
    expect(await at(EXPIRES + 59)).toBe('valid');
    expect(await at(EXPIRES + 60)).toBe('ERR_CREDENTIAL_EXPIRED');
  });
});

describe('hc1: input', () => {
  it.each([
    [42, 'ERR_INPUT_TYPE'],
    ['AS1:6BF', 'ERR_PREFIX'],
    ['hc1:6BF', 'ERR_PREFIX'],
    [`HC1:${'0'.repeat(4300)}`, 'ERR_TOO_LONG'],
    ['HC1:', 'ERR_INFLATE'],
    ['HC1:ÄÖ', 'ERR_BASE45'],
  ])('%j → %s', async (text, code) => {
    expect(await verifyHc1(text, { certificates: [es.der], now: NOW }).then(outcome)).toBe(code);
  });

  it('a zip bomb is refused before the memory is taken', async () => {
    expect(await check(`HC1:${encodeBase45(deflateZlib(new Uint8Array(70_000)))}`)).toBe(
      'ERR_INFLATE_TOO_LARGE',
    );
  });

  it('any byte-level mutation of a valid DCC gives a typed failure, never a throw', async () => {
    const verifier = createHc1Verifier({ certificates: [es.der, ps.der], now: NOW });
    const cose = dccCose({ dsc: es });
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.integer({ min: 1, max: 255 }), async (pos, x) => {
        const bytes = cose.slice();
        const at = pos % bytes.length;
        bytes[at] = (bytes[at] as number) ^ x;
        const r = await verifier.verify(hc1Text(bytes));
        expect(r.valid).toBe(false);
        expect(r.valid ? '' : r.error.code).toMatch(/^ERR_/);
        expect(r.valid ? '' : r.error.code).not.toBe('ERR_INTERNAL');
      }),
      { numRuns: 500 },
    );
  });
});

describe('hc1 through createVerifier (one verifier for AS1: and HC1: texts)', () => {
  it('takes DSCs from `certificates`, and from `keys` given as certificate text', async () => {
    const text = makeDcc({ dsc: es });
    const viaCertificates = await createVerifier({ certificates: [es.der], now: NOW }).verify(text);
    expect(viaCertificates).toMatchObject({ valid: true, profile: 'hc1', type: 'vaccination' });
    const viaKeys = await createVerifier({ keys: [pem(es.der)], now: NOW }).verify(text);
    expect(viaKeys).toMatchObject({ valid: true, profile: 'hc1' });
    const none = await createVerifier({ keys: [], now: NOW }).verify(text);
    expect(none).toMatchObject({ valid: false, profile: 'hc1', error: { code: 'ERR_KID_UNKNOWN' } });
  });
});
