import { describe, expect, it } from 'vitest';
import { encodeCbor } from '../../src/cbor.js';
import { parseSign1, sigStructure, toBeSigned } from '../../src/cose/sign1.js';
import { signatureAlgorithm, verifySign1Signature } from '../../src/cose/verify-signature.js';
import { decodeCwtPayload, readCwtClaims } from '../../src/cwt/claims.js';
import { importCoseKey } from '../../src/keys/cose-key.js';
import { importJwk } from '../../src/keys/jwk.js';
import type { VerificationKey } from '../../src/keys/types.js';
import { backends, fromHex, toHex } from '../helpers.js';
import coseWg from '../vectors/cose-wg/sign1.json' with { type: 'json' };
import rfc8392 from '../vectors/rfc8392/appendix-a.json' with { type: 'json' };

function keyOf(key: (typeof coseWg)[number]['key']): VerificationKey {
  if ('x_hex' in key && key.x_hex) return { kty: 'OKP', crv: 'Ed25519', x: fromHex(key.x_hex) };
  return importJwk(key);
}

/** Generic COSE semantics for the working group's vectors: alg from either header. */
async function verifyVector(v: (typeof coseWg)[number], backend: (typeof backends)[number]) {
  const sign1 = parseSign1(fromHex(v.cbor));
  const alg = signatureAlgorithm(sign1.protectedHeader.get(1) ?? sign1.unprotectedHeader.get(1));
  await verifySign1Signature(sign1, alg, keyOf(v.key), backend, fromHex(v.external ?? ''));
  return sign1;
}

// Why each failing vector fails, as this stack reports it.
const expectedFailure: Record<string, string> = {
  'sign-fail-01: Wrong CBOR Tag': 'ERR_COSE_MALFORMED',
  'sign-fail-02: Change signature': 'ERR_SIGNATURE_INVALID',
  'sign-fail-03: Change Sign Algorithm (-999)': 'ERR_ALG_NOT_ALLOWED',
  'sign-fail-04: Change Sign Algorithm ("unknown")': 'ERR_ALG_NOT_ALLOWED',
  'sign-fail-06: Add protected attribute': 'ERR_SIGNATURE_INVALID',
  'sign-fail-07: Remove protected attribute': 'ERR_SIGNATURE_INVALID',
};

describe.each(backends)('COSE WG Sign1 examples ($name)', (backend) => {
  const passing = coseWg.filter((v) => v.pass);
  const failing = coseWg.filter((v) => !v.pass);

  it.each(passing)('$title verifies', async (v) => {
    const sign1 = await verifyVector(v, backend);
    expect(new TextDecoder().decode(sign1.payload)).toBe(v.plaintext);
    if (v.toBeSign_hex) {
      expect(toHex(toBeSigned(sign1, fromHex(v.external ?? ''))).toUpperCase()).toBe(v.toBeSign_hex);
    }
  });

  it.each(failing)('$title fails with its code', async (v) => {
    await expect(verifyVector(v, backend)).rejects.toMatchObject({ code: expectedFailure[v.title] });
  });
});

describe.each(backends)('RFC 8392 Appendix A.3 signed CWT ($name)', (backend) => {
  it('verifies with the key of A.2.3 and reads the claims of A.1', async () => {
    const key = importCoseKey(fromHex(rfc8392.cose_key_hex));
    expect(toHex((key as { x: Uint8Array }).x)).toBe(rfc8392.key.x_hex);
    const sign1 = parseSign1(fromHex(rfc8392.signed_cwt_hex));
    expect(sign1.tagged).toBe(true);
    expect(toHex(sign1.unprotectedHeader.get(4) as Uint8Array)).toBe(rfc8392.key.kid_hex);
    await verifySign1Signature(sign1, signatureAlgorithm(sign1.protectedHeader.get(1)), key, backend);
    const claims = readCwtClaims(decodeCwtPayload(sign1.payload), ['iss', 'iat', 'exp']);
    expect(claims).toEqual({
      iss: rfc8392.claims.iss,
      sub: rfc8392.claims.sub,
      exp: rfc8392.claims.exp,
      nbf: rfc8392.claims.nbf,
      iat: rfc8392.claims.iat,
      cti: fromHex(rfc8392.claims.cti_hex),
    });
  });

  it('fails when one payload byte changes', async () => {
    const bytes = fromHex(rfc8392.signed_cwt_hex);
    bytes[30]! ^= 1;
    const sign1 = parseSign1(bytes);
    await expect(
      verifySign1Signature(
        sign1,
        signatureAlgorithm(-7),
        importCoseKey(fromHex(rfc8392.cose_key_hex)),
        backend,
      ),
    ).rejects.toMatchObject({ code: 'ERR_SIGNATURE_INVALID' });
  });
});

describe('parseSign1 structure', () => {
  const ok = fromHex(coseWg[1]!.cbor);
  it('accepts the CWT tag 61 around tag 18 and rejects other shapes', () => {
    expect(parseSign1(Uint8Array.of(0xd8, 0x3d, ...ok)).tagged).toBe(true);
    const bad: [string, string][] = [
      ['not an array', 'd2a0'],
      ['three elements', 'd283404040'],
      ['a detached (nil) payload', `d28443a10126a0f65840${'00'.repeat(64)}`],
      ['an unprotected header that is not a map', 'd2844043a1012640' + '40'],
      ['a protected header that is not a map', 'd28441' + '01' + 'a0' + '40' + '40'],
      ['a label in both headers', 'd28443a10126a10126' + '40' + '40'],
      ['a non-integer header label', 'd28440a1f93e000140' + '40'],
    ];
    for (const [why, hex] of bad) {
      expect(() => parseSign1(fromHex(hex)), why).toThrow(
        expect.objectContaining({ code: 'ERR_COSE_MALFORMED' }),
      );
    }
  });
});

describe('sigStructure', () => {
  it.each([0, 1, 23, 24, 255, 256, 65_535, 65_536])(
    'equals the CBOR encoding of the array for a %i-byte payload',
    (n) => {
      const protectedBytes = Uint8Array.of(0xa1, 0x01, 0x26);
      const payload = Uint8Array.from({ length: n }, (_, i) => i & 0xff);
      const aad = Uint8Array.from({ length: n % 30 }, (_, i) => 255 - i);
      expect(sigStructure(protectedBytes, payload, aad)).toEqual(
        encodeCbor(['Signature1', protectedBytes, aad, payload]),
      );
    },
  );
});
