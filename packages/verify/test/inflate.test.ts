import fc from 'fast-check';
import { deflateSync, zlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { deflateZlib, inflateZlib, MAX_INFLATED_BYTES } from '../src/inflate.js';

/** A zlib stream around raw deflate data, with the Adler-32 of `content`. */
function zlibAround(deflated: Uint8Array, adler: number): Uint8Array {
  const out = new Uint8Array(deflated.length + 6);
  out.set([0x78, 0xda]);
  out.set(deflated, 2);
  new DataView(out.buffer).setUint32(out.length - 4, adler);
  return out;
}

describe('inflateZlib', () => {
  it('round-trips any bytes up to 64 KiB (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        expect(inflateZlib(deflateZlib(bytes))).toEqual(bytes);
      }),
    );
  });

  it('reads zlib from another compressor (node:zlib)', async () => {
    const { deflateSync: nodeDeflate } = await import('node:zlib');
    const text = new TextEncoder().encode('Bảo hiểm xã hội Việt Nam '.repeat(100));
    expect(inflateZlib(new Uint8Array(nodeDeflate(text)))).toEqual(text);
  });

  it('checks Adler-32 as zlib computes it, at the lengths where its sums are reduced', async () => {
    const { deflateSync: nodeDeflate } = await import('node:zlib');
    // 5552 bytes is zlib's run between reductions; 0xff bytes give the largest sums.
    for (const length of [0, 1, 3, 4, 5, 7, 8, 5551, 5552, 5553, 5556, 11104, 11105, MAX_INFLATED_BYTES]) {
      for (const bytes of [
        new Uint8Array(length).fill(0xff),
        Uint8Array.from({ length }, (_, i) => (i * 2654435761) >>> 24),
      ]) {
        const stream = new Uint8Array(nodeDeflate(bytes, { level: 0 })); // stored: Adler from node
        expect(inflateZlib(stream), `length ${length}`).toEqual(bytes);
        stream[stream.length - 1]! ^= 1;
        expect(() => inflateZlib(stream)).toThrow(expect.objectContaining({ code: 'ERR_INFLATE' }));
      }
    }
  });

  it('accepts exactly 64 KiB and refuses one byte more (ERR_INFLATE_TOO_LARGE)', () => {
    const limit = new Uint8Array(MAX_INFLATED_BYTES).fill(7);
    expect(inflateZlib(zlibSync(limit)).length).toBe(MAX_INFLATED_BYTES);
    const over = new Uint8Array(MAX_INFLATED_BYTES + 1).fill(7);
    expect(() => inflateZlib(zlibSync(over))).toThrow(
      expect.objectContaining({ code: 'ERR_INFLATE_TOO_LARGE' }),
    );
  });

  it('refuses a zip bomb (16 MiB of zeros in ~16 KiB) without taking the memory', () => {
    const zeros = new Uint8Array(16 * 1024 * 1024);
    const bomb = zlibSync(zeros, { level: 9 });
    expect(bomb.length).toBeLessThan(20_000);
    const before = process.memoryUsage().arrayBuffers;
    expect(() => inflateZlib(bomb)).toThrow(
      expect.objectContaining({ code: 'ERR_INFLATE_TOO_LARGE', stage: 'decode' }),
    );
    // The 16 MiB were never allocated (allow 1 MiB of unrelated noise).
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(1024 * 1024);
  });

  it('refuses an oversized stored block (ERR_INFLATE_TOO_LARGE)', () => {
    // Level 0 writes stored (uncompressed) blocks, which fflate copies in one go.
    const data = new Uint8Array(MAX_INFLATED_BYTES + 10);
    data.set(crypto.getRandomValues(new Uint8Array(65536)));
    expect(() => inflateZlib(zlibSync(data, { level: 0 }))).toThrow(
      expect.objectContaining({ code: 'ERR_INFLATE_TOO_LARGE' }),
    );
  });

  it('checks the Adler-32 checksum that fflate skips (ERR_INFLATE)', () => {
    const content = new TextEncoder().encode('hello hello hello');
    const good = zlibSync(content);
    expect(inflateZlib(good)).toEqual(content);
    const bad = good.slice();
    bad[bad.length - 1]! ^= 1;
    expect(() => inflateZlib(bad)).toThrow(expect.objectContaining({ code: 'ERR_INFLATE' }));
    expect(() => inflateZlib(zlibAround(deflateSync(content), 0x12345678))).toThrow(
      expect.objectContaining({ code: 'ERR_INFLATE' }),
    );
  });

  it('refuses a bad header, a preset dictionary, truncation and garbage (ERR_INFLATE)', () => {
    const good = zlibSync(new TextEncoder().encode('ansinh'));
    const cases = [
      Uint8Array.of(0x78),
      Uint8Array.of(0x79, 0x9c, 1, 2, 3, 4, 5), // CM 9
      Uint8Array.of(0x78, 0x9d, 1, 2, 3, 4, 5), // header checksum
      Uint8Array.of(0x78, 0xbb, 0, 0, 0, 1, 0, 0, 0, 1), // FDICT
      good.subarray(0, good.length - 5),
      Uint8Array.of(0x78, 0x9c, 0xff, 0xff, 0xff, 0, 0, 0, 0),
    ];
    for (const bytes of cases) {
      expect(() => inflateZlib(bytes)).toThrow(expect.objectContaining({ code: 'ERR_INFLATE' }));
    }
  });

  it('inflates larger documents up to a caller limit, stopping as soon as it is passed', () => {
    const twoMiB = new Uint8Array(2 * 1024 * 1024).fill(1);
    // Buffer.equals: vitest's deep equality walks typed arrays element by element, far too slowly here.
    expect(Buffer.from(inflateZlib(zlibSync(twoMiB), 4 * 1024 * 1024)).equals(twoMiB)).toBe(true);
    expect(() => inflateZlib(zlibSync(twoMiB), 1024 * 1024)).toThrow(
      expect.objectContaining({ code: 'ERR_INFLATE_TOO_LARGE' }),
    );
  });

  it('is deterministic when compressing', () => {
    const bytes = new TextEncoder().encode('Nguyễn Thị Minh Khai');
    expect(deflateZlib(bytes)).toEqual(deflateZlib(bytes.slice()));
  });
});

describe('strict DEFLATE decoding', () => {
  const content = new TextEncoder().encode('AS1 credential payload '.repeat(20));

  it('inflates what node:zlib writes at every level and strategy (property)', async () => {
    const zlib = await import('node:zlib');
    const strategies = [
      zlib.constants.Z_DEFAULT_STRATEGY,
      zlib.constants.Z_FILTERED,
      zlib.constants.Z_HUFFMAN_ONLY,
      zlib.constants.Z_RLE,
      zlib.constants.Z_FIXED,
    ];
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 3000 }),
          fc.string({ maxLength: 2000 }).map((s) => new TextEncoder().encode(s)),
        ),
        fc.integer({ min: 0, max: 9 }),
        fc.constantFrom(...strategies),
        (bytes, level, strategy) => {
          const z = new Uint8Array(zlib.deflateSync(bytes, { level, strategy }));
          expect(Buffer.from(inflateZlib(z)).equals(Buffer.from(bytes))).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('refuses a stored block whose NLEN is not the complement of LEN', () => {
    const z = zlibSync(content, { level: 0 }); // 78 01 | 01 LEN NLEN | data | adler
    expect(z[2]).toBe(1);
    expect(inflateZlib(z)).toEqual(content);
    const bad = z.slice();
    bad[5]! ^= 0x10;
    expect(() => inflateZlib(bad)).toThrow(expect.objectContaining({ code: 'ERR_INFLATE' }));
  });

  it('refuses bytes between the final block and the checksum, and non-zero padding bits', () => {
    const z = zlibSync(content, { level: 9 });
    const extra = new Uint8Array(z.length + 2);
    extra.set(z.subarray(0, -4));
    extra.set(z.subarray(-4), z.length - 2);
    expect(() => inflateZlib(extra)).toThrow(expect.objectContaining({ code: 'ERR_INFLATE' }));
    const stored = zlibSync(content, { level: 0 });
    const padded = stored.slice();
    padded[2] = 0x01 | 0x80; // BFINAL, stored, then a non-zero padding bit
    expect(() => inflateZlib(padded)).toThrow(expect.objectContaining({ code: 'ERR_INFLATE' }));
    // The last byte of a compressed stream: flipping its unused high bit.
    let found = false;
    for (let bit = 7; bit >= 1 && !found; bit--) {
      const last = z.slice();
      last[last.length - 5]! ^= 1 << bit;
      try {
        inflateZlib(last);
      } catch (e) {
        expect((e as { code: string }).code).toBe('ERR_INFLATE');
        found = true;
      }
    }
    expect(found).toBe(true);
  });

  it('refuses reserved block type 3, a distance before the start and a missing end code', () => {
    const cases = [
      Uint8Array.of(0x78, 0x9c, 0x07, 0, 0, 0, 0, 1), // BFINAL + type 3
      // fixed block: literal 'a' then a match of length 3 at distance 2 (only 1 byte written)
      Uint8Array.of(0x78, 0x9c, 0x4b, 0x04, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00),
      Uint8Array.of(0x78, 0x9c, 0x4b, 0x04), // truncated: no end-of-block
    ];
    for (const bytes of cases) {
      expect(() => inflateZlib(bytes)).toThrow(expect.objectContaining({ code: 'ERR_INFLATE' }));
    }
  });
});
