import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase45, encodeBase45 } from '../src/base45.js';
import vectors from './vectors/rfc9285/examples.json' with { type: 'json' };

const utf8 = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array) => new TextDecoder().decode(b);

describe('base45 (RFC 9285)', () => {
  it.each(vectors.encode)('encodes $text as $base45', ({ text: t, base45 }) => {
    expect(encodeBase45(utf8(t))).toBe(base45);
    expect(text(decodeBase45(base45))).toBe(t);
  });

  it.each(vectors.decode)('decodes $base45 to $text', ({ base45, text: t }) => {
    expect(text(decodeBase45(base45))).toBe(t);
  });

  it.each(vectors.invalid)('rejects $base45 with ERR_BASE45 ($why)', ({ base45 }) => {
    expect(() => decodeBase45(base45)).toThrow(
      expect.objectContaining({ code: 'ERR_BASE45', stage: 'decode' }),
    );
  });

  it('rejects characters outside the alphabet, lowercase, a dangling character and pairs above 255', () => {
    for (const bad of ['QED8WEX', 'qed8wex0', 'AB#', 'Ễ12', ':;', 'ZZ']) {
      expect(() => decodeBase45(bad), bad).toThrow(expect.objectContaining({ code: 'ERR_BASE45' }));
    }
  });

  it('decodes the empty string to no bytes', () => {
    expect(decodeBase45('')).toEqual(new Uint8Array(0));
  });

  it('round-trips any bytes (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const encoded = encodeBase45(bytes);
        expect(encoded.length).toBe(Math.floor(bytes.length / 2) * 3 + (bytes.length % 2) * 2);
        expect(decodeBase45(encoded)).toEqual(bytes);
      }),
    );
  });
});
