import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase45, decodeBase45From, encodeBase45 } from '../src/base45.js';
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

  it('decodes past a prefix into a scratch buffer, and texts longer than a QR holds', () => {
    const bytes = Uint8Array.from({ length: 3001 }, (_, i) => (i * 151) & 255);
    const encoded = encodeBase45(bytes); // 4,502 characters: more than the reused buffers hold
    expect(decodeBase45(encoded)).toEqual(bytes);
    const scratch = new Uint8Array(4000);
    const view = decodeBase45From(`AS1:${encoded}`, 4, scratch);
    expect(view).toEqual(bytes);
    expect(view.buffer).toBe(scratch.buffer);
    // Too small a buffer is not written past: the result is a new array.
    const small = new Uint8Array(8);
    expect(decodeBase45From(`AS1:${encoded}`, 4, small).buffer).not.toBe(small.buffer);
    expect(small).toEqual(new Uint8Array(8));
    expect(() => decodeBase45From('AS1:QED8WEX0Ễ', 4)).toThrow(
      expect.objectContaining({ code: 'ERR_BASE45' }),
    );
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

  it('rejects a valid text with any one character replaced by one outside the alphabet (property)', () => {
    const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
    // Includes codes ≥ 128 whose low 7 bits name an alphabet character (U+00B0 → '0', U+0141 → 'A').
    const outside = fc
      .oneof(fc.integer({ min: 0, max: 0xffff }), fc.constantFrom(0xb0, 0x141, 0x80 + 0x3a, 0xff20))
      .map((code) => String.fromCharCode(code))
      .filter((c) => !alphabet.includes(c));
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 60 }), fc.nat(), outside, (bytes, at, bad) => {
        const encoded = encodeBase45(bytes);
        const i = at % encoded.length;
        const broken = encoded.slice(0, i) + bad + encoded.slice(i + 1);
        expect(() => decodeBase45(broken)).toThrow(expect.objectContaining({ code: 'ERR_BASE45' }));
      }),
    );
  });
});
