import { Decoder } from 'cbor-x';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CborTag, decodeCbor, encodeCbor } from '../src/cbor.js';
import { fromHex, toHex } from './helpers.js';

// RFC 8949 Appendix A: values whose preferred encoding is also the deterministic one.
const appendixA: [unknown, string][] = [
  [0, '00'],
  [1, '01'],
  [10, '0a'],
  [23, '17'],
  [24, '1818'],
  [25, '1819'],
  [100, '1864'],
  [1000, '1903e8'],
  [1000000, '1a000f4240'],
  [1000000000000, '1b000000e8d4a51000'],
  [18446744073709551615n, '1bffffffffffffffff'],
  [-1, '20'],
  [-10, '29'],
  [-100, '3863'],
  [-1000, '3903e7'],
  [-18446744073709551616n, '3bffffffffffffffff'],
  [false, 'f4'],
  [true, 'f5'],
  [null, 'f6'],
  [undefined, 'f7'],
  [new Uint8Array([]), '40'],
  [new Uint8Array([1, 2, 3, 4]), '4401020304'],
  ['', '60'],
  ['a', '6161'],
  ['IETF', '6449455446'],
  ['"\\', '62225c'],
  ['\u00fc', '62c3bc'],
  ['\u6c34', '63e6b0b4'],
  ['\u{10151}', '64f0908591'],
  [[], '80'],
  [[1, 2, 3], '83010203'],
  [[1, [2, 3], [4, 5]], '8301820203820405'],
  [Array.from({ length: 25 }, (_, i) => i + 1), '98190102030405060708090a0b0c0d0e0f101112131415161718181819'],
  [new Map(), 'a0'],
  [
    new Map([
      [1, 2],
      [3, 4],
    ]),
    'a201020304',
  ],
  [
    new Map<unknown, unknown>([
      ['a', 1],
      ['b', [2, 3]],
    ]),
    'a26161016162820203',
  ],
  [['a', new Map([['b', 'c']])], '826161a161626163'],
  [new CborTag(32, 'http://www.example.com'), 'd82076687474703a2f2f7777772e6578616d706c652e636f6d'],
];

describe('CBOR decode', () => {
  it.each(appendixA)('decodes RFC 8949 example %#', (value, hex) => {
    expect(decodeCbor(fromHex(hex))).toEqual(value);
  });

  it('decodes floats, indefinite lengths and non-preferred integer encodings (RFC 8949 Appendix A)', () => {
    expect(decodeCbor(fromHex('f93c00'))).toBe(1);
    expect(decodeCbor(fromHex('f97bff'))).toBe(65504);
    expect(decodeCbor(fromHex('f90001'))).toBe(2 ** -24);
    expect(decodeCbor(fromHex('fa47c35000'))).toBe(100000);
    expect(decodeCbor(fromHex('fb3ff199999999999a'))).toBe(1.1);
    expect(decodeCbor(fromHex('5f42010243030405ff'))).toEqual(new Uint8Array([1, 2, 3, 4, 5]));
    expect(decodeCbor(fromHex('7f657374726561646d696e67ff'))).toBe('streaming');
    expect(decodeCbor(fromHex('9f018202039f0405ffff'))).toEqual([1, [2, 3], [4, 5]]);
    expect(decodeCbor(fromHex('bf61610161629f0203ffff'))).toEqual(
      new Map<unknown, unknown>([
        ['a', 1],
        ['b', [2, 3]],
      ]),
    );
    expect(decodeCbor(fromHex('1800'))).toBe(0);
  });

  it('reads 8-byte integers as numbers up to 2^53 - 1 and exactly as bigints beyond', () => {
    expect(decodeCbor(fromHex('1b001fffffffffffff'))).toBe(Number.MAX_SAFE_INTEGER);
    expect(decodeCbor(fromHex('1b0020000000000000'))).toBe(2n ** 53n);
    expect(decodeCbor(fromHex('1b8000000000000001'))).toBe(2n ** 63n + 1n);
    expect(decodeCbor(fromHex('1a80000001'))).toBe(2 ** 31 + 1);
    expect(decodeCbor(fromHex('3b001ffffffffffffe'))).toBe(-Number.MAX_SAFE_INTEGER);
    expect(decodeCbor(fromHex('3b001fffffffffffff'))).toBe(-(2n ** 53n));
  });

  it("keeps keys apart that differ in type or value: text \"1\", integer 1, bytes h'01', bytes h'02'", () => {
    const map = decodeCbor(fromHex('a4 6131 0a 01 0b 4101 0c 4102 0d'.replace(/ /g, ''))) as Map<
      unknown,
      unknown
    >;
    expect([...map.values()]).toEqual([10, 11, 12, 13]);
  });

  const fails: [string, string, string][] = [
    ['duplicate integer keys', 'a2010201 03', 'ERR_CBOR_DUPLICATE_KEY'],
    ['duplicate keys encoded differently (1 and 0x1801)', 'a201021801 03', 'ERR_CBOR_DUPLICATE_KEY'],
    ['duplicate text keys', 'a2616101616102', 'ERR_CBOR_DUPLICATE_KEY'],
    // 1 and 1.0 are distinct CBOR values, but one JS Map cannot hold both: refused, not one dropped.
    ['an integer key and an equal float key (1 and 1.0)', 'a20101f93c0002', 'ERR_CBOR_DUPLICATE_KEY'],
    ['duplicate byte-string keys, one in chunks', 'a24201020a5f410141 02ff0b', 'ERR_CBOR_DUPLICATE_KEY'],
    ['duplicate array keys', 'a2820102 0a820102 0b', 'ERR_CBOR_DUPLICATE_KEY'],
    ['a trailing byte', '0100', 'ERR_CBOR_TRAILING'],
    ['a truncated array', '830102', 'ERR_CBOR'],
    ['a byte string longer than the input', '5a00010000', 'ERR_CBOR'],
    ['an array count beyond the input', '9b00000000ffffffff00', 'ERR_CBOR'],
    ['reserved additional information 28', '1c', 'ERR_CBOR'],
    ['an indefinite-length integer', '1f', 'ERR_CBOR'],
    ['a lone break', 'ff', 'ERR_CBOR'],
    ['an unassigned simple value', 'f0', 'ERR_CBOR'],
    ['invalid UTF-8 in a text string', '62c328', 'ERR_CBOR'],
    ['a text chunk inside an indefinite byte string', '5f6161ff', 'ERR_CBOR'],
    ['a map missing its last value', 'a2010203', 'ERR_CBOR'],
    ['an empty input', '', 'ERR_CBOR'],
  ];
  it.each(fails)('rejects %s', (_why, hex, code) => {
    expect(() => decodeCbor(fromHex(hex.replace(/ /g, '')))).toThrow(expect.objectContaining({ code }));
  });

  it('accepts nesting of 16 containers and refuses 17 (ERR_CBOR_DEPTH)', () => {
    expect(decodeCbor(fromHex(`${'81'.repeat(15)}80`))).toBeDefined();
    expect(() => decodeCbor(fromHex(`${'81'.repeat(16)}80`))).toThrow(
      expect.objectContaining({ code: 'ERR_CBOR_DEPTH' }),
    );
    expect(() => decodeCbor(fromHex(`${'a101'.repeat(16)}a0`))).toThrow(
      expect.objectContaining({ code: 'ERR_CBOR_DEPTH' }),
    );
    expect(() => decodeCbor(fromHex(`${'c1'.repeat(16)}80`))).toThrow(
      expect.objectContaining({ code: 'ERR_CBOR_DEPTH' }),
    );
    // 100,000 levels: refused at level 17 without recursing further.
    expect(() => decodeCbor(new Uint8Array(100_000).fill(0x81))).toThrow(
      expect.objectContaining({ code: 'ERR_CBOR_DEPTH' }),
    );
  });

  it('does not interpret tags (no Date for tag 1, no constructor call for tag 27)', () => {
    expect(decodeCbor(fromHex('c11a514b67b0'))).toEqual(new CborTag(1, 1363896240));
    expect(decodeCbor(fromHex('d81b82665265674578706261 2b'.replace(' ', '')))).toEqual(
      new CborTag(27, ['RegExp', 'a+']),
    );
  });

  it('reads short ASCII text right however often strings share a slot of the text cache', () => {
    // Thousands of distinct short strings over 128 slots: every slot is shared many times, and
    // strings of equal length and hash must still come back as themselves.
    const texts = Array.from({ length: 4000 }, (_, i) => `k${(i * 7919).toString(36)}`);
    texts.push('Aa', 'BB', 'AaAa', 'BBBB', 'AaBB', 'BBAa'); // equal Java-style hashes
    for (let round = 0; round < 2; round++) {
      for (const t of texts) expect(decodeCbor(encodeCbor(t))).toBe(t);
    }
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'grapheme-ascii', maxLength: 48 }), { maxLength: 20 }),
        (list) => {
          expect(decodeCbor(encodeCbor(list))).toEqual(list);
          expect(decodeCbor(encodeCbor(list.slice().reverse()))).toEqual(list.slice().reverse());
        },
      ),
    );
  });

  it('never throws anything but a coded VerifyError on arbitrary bytes (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        try {
          decodeCbor(bytes);
        } catch (e) {
          expect((e as { code: string }).code).toMatch(/^ERR_CBOR/);
        }
      }),
      { numRuns: 5000 },
    );
  });
});

describe('CBOR deterministic encode', () => {
  it.each(appendixA)('encodes RFC 8949 example %#', (value, hex) => {
    expect(toHex(encodeCbor(value))).toBe(hex);
  });

  it('sorts map keys by their encoded bytes (RFC 8949 §4.2.1)', () => {
    const map = new Map<unknown, unknown>([
      [-65537, 0],
      ['a', 0],
      [65535, 0],
      [-1, 0],
      [10, 0],
      [100, 0],
    ]);
    expect(toHex(encodeCbor(map))).toBe(
      'a6' + '0a00' + '186400' + '19ffff00' + '2000' + '3a0001000000' + '616100',
    );
  });

  it('refuses floats, unsafe integers, duplicate keys and unsupported types', () => {
    expect(() => encodeCbor(1.5)).toThrow(TypeError);
    expect(() => encodeCbor(2 ** 53)).toThrow(TypeError);
    expect(() => encodeCbor(2n ** 64n)).toThrow(RangeError);
    expect(() => encodeCbor(Symbol('x'))).toThrow(TypeError);
  });

  const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
    item: fc.oneof(
      { depthSize: 'small' },
      fc.maxSafeInteger(),
      fc.bigInt({ min: -(2n ** 64n), max: 2n ** 64n - 1n }).filter((b) => b < -(2n ** 53n) || b > 2n ** 53n),
      fc.string(),
      fc.uint8Array({ maxLength: 40 }),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie('item'), { maxLength: 4 }),
      fc
        .uniqueArray(fc.tuple(fc.oneof(fc.integer(), fc.string()), tie('item')), {
          maxLength: 4,
          selector: ([k]) => (typeof k === 'number' ? `i${k}` : `s${k}`),
        })
        .map((entries) => new Map(entries)),
    ),
  })).item;

  it('round-trips, is a fixed point, and agrees with cbor-x on the decoded value (property)', () => {
    fc.assert(
      fc.property(value, (v) => {
        const bytes = encodeCbor(v);
        const back = decodeCbor(bytes, { maxDepth: 64 });
        expect(back).toEqual(v);
        expect(encodeCbor(back)).toEqual(bytes);
        // An independent decoder reads the same value (its maps come back as Map with this option).
        const other = cborX.decode(bytes.slice()); // a copy: cbor-x caches a DataView on its input
        expect(encodeCbor(normalise(other))).toEqual(bytes);
      }),
      { numRuns: 1000 },
    );
  });
});

const cborX = new Decoder({ mapsAsObjects: false, useRecords: false });

/** cbor-x returns Buffers for byte strings in Node and plain objects for string-keyed maps. */
function normalise(v: unknown): unknown {
  if (v instanceof Uint8Array) return new Uint8Array(v);
  if (Array.isArray(v)) return v.map(normalise);
  if (v instanceof Map) return new Map([...v].map(([k, x]) => [k, normalise(x)]));
  if (typeof v === 'number' && !Number.isSafeInteger(v)) return BigInt(v);
  if (typeof v === 'bigint' && v >= -(2n ** 53n) && v <= 2n ** 53n) return Number(v);
  if (v && typeof v === 'object') return new Map(Object.entries(v).map(([k, x]) => [k, normalise(x)]));
  return v;
}
