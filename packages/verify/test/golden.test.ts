import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildVectors } from '../scripts/ansinh-vectors.js';
import { createVerifier } from '../src/verify.js';
import { backends, fromHex } from './helpers.js';
import vectors from './vectors/ansinh/vectors.json' with { type: 'json' };

describe('ansinh golden vectors', async () => {
  const rebuilt = await buildVectors();

  it('rebuilds the trust list, status list and EdDSA credentials byte for byte', () => {
    expect(rebuilt.trustList).toBe(vectors.trustList);
    expect(rebuilt.statusList).toBe(vectors.statusList);
    for (const fresh of rebuilt.credentials.filter((c) => c.alg === 'EdDSA')) {
      expect(fresh).toEqual(vectors.credentials.find((c) => c.name === fresh.name));
    }
  });

  it('rebuilds every stage but the signature of the ES256 credentials', () => {
    for (const fresh of rebuilt.credentials.filter((c) => c.alg === 'ES256')) {
      const stored = vectors.credentials.find((c) => c.name === fresh.name)!;
      expect(fresh.hex.cwtPayload).toBe(stored.hex.cwtPayload);
      expect(fresh.hex.sigStructure).toBe(stored.hex.sigStructure);
      expect(fresh.kid).toBe(stored.kid);
    }
  });

  describe.each(backends)('verify with the trust list and status list ($name)', (backend) => {
    const verifier = createVerifier({
      roots: [vectors.keys.root.public],
      trustList: fromHex(vectors.trustList),
      statusLists: [fromHex(vectors.statusList)],
      now: new Date(vectors.verifyAt),
      crypto: backend,
      lang: 'en',
    });

    it.each(vectors.credentials)('$name → $expect', async (c) => {
      expect(await verifier.ready()).toEqual([]);
      const r = await verifier.verify(c.qr);
      if (c.expect === 'valid') {
        expect(r).toMatchObject({ valid: true, card: c.card, kid: c.kid, issuer: 'VSS' });
        expect(r.valid && r.claims).toMatchObject(c.claims);
      } else {
        expect(r).toMatchObject({ valid: false, error: { code: c.expect }, kid: c.kid });
      }
    });
  });

  it('docs/wire-format.md quotes the worked example as the vectors hold it', () => {
    const doc = readFileSync(new URL('../../../docs/wire-format.md', import.meta.url), 'utf8').replace(
      /\s+/g,
      '',
    );
    const example = vectors.credentials.find((c) => c.name === 'health-insurance-eddsa-status')!;
    for (const [stage, hex] of Object.entries(example.hex)) expect(doc, stage).toContain(hex);
    expect(doc).toContain(example.qr.replace(/\s+/g, ''));
  });
});
