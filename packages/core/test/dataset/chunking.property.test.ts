import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitRecord } from '../../src/dataset/csv.js';
import { runOn, timeless, utf8 } from './helpers.js';

// Pieces of text chosen to put the readers' state machines in every state at a chunk boundary:
// multi-byte characters (2, 3 and 4 bytes), escapes, quotes, CRLF, broken JSON, invalid UTF-8.
const names = fc.constantFrom(
  'An',
  'Nguyễn Thị Ánh',
  '😀 emoji',
  'a"b',
  'x\\y',
  'comma, inside',
  'line\nbreak',
  '',
);

const ndjsonLine = fc.oneof(
  names.map((name) => JSON.stringify({ name, personalId: '001090000123' })),
  names.map((name) => JSON.stringify({ name, nested: { list: [1, { deep: name }] } })),
  fc.constantFrom('{"name": "broken"', 'not json', '', '   ', '[1,2]', '{"name":"\\u00e9"}'),
);

const jsonElement = fc.oneof(
  names.map((name) => JSON.stringify({ name })),
  names.map((name) => JSON.stringify(name)),
  fc.constantFrom('{"name": tru}', '12', 'null', '{"a":[{"b":"]}"}]}'),
);

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

const csvRow = fc.oneof(
  fc.tuple(names, names).map(([a, b]) => `${csvField(a)},${csvField(b)}`),
  fc.constantFrom('only-one', 'a,b,c', '"bad"x,1', 'x"y,2', ''),
);

const eol = fc.constantFrom('\n', '\r\n');

/** A document and cut points anywhere in its bytes (including inside multi-byte characters). */
function withCuts(document: fc.Arbitrary<Uint8Array>) {
  return document.chain((bytes) =>
    fc.tuple(fc.constant(bytes), fc.array(fc.integer({ min: 1, max: Math.max(1, bytes.length - 1) }))),
  );
}

const withInvalidByte = (text: string, at: number, insert: boolean): Uint8Array => {
  const bytes = utf8(text);
  if (!insert || bytes.length === 0) return bytes;
  const i = at % bytes.length;
  const out = new Uint8Array(bytes.length + 1);
  out.set(bytes.subarray(0, i));
  out[i] = 0xff;
  out.set(bytes.subarray(i), i + 1);
  return out;
};

describe('chunk boundaries never change the report', () => {
  it('NDJSON', async () => {
    const doc = fc
      .tuple(fc.array(fc.tuple(ndjsonLine, eol)), fc.nat(), fc.boolean(), fc.boolean())
      .map(([lines, at, bad, bom]) =>
        withInvalidByte((bom ? '\uFEFF' : '') + lines.map(([l, e]) => l + e).join(''), at, bad),
      );
    await fc.assert(
      fc.asyncProperty(withCuts(doc), async ([bytes, cuts]) => {
        const whole = await runOn(bytes, 'ndjson');
        expect(timeless(await runOn(bytes, 'ndjson', {}, cuts))).toEqual(timeless(whole));
        expect(whole.records).toBe(whole.valid + whole.invalid);
      }),
      { numRuns: 300 },
    );
  });

  it('CSV', async () => {
    const doc = fc
      .tuple(fc.array(fc.tuple(csvRow, eol)), eol, fc.boolean(), fc.nat(), fc.boolean())
      .map(([rows, headerEol, bom, at, bad]) =>
        withInvalidByte(
          `${bom ? '\uFEFF' : ''}"name",note${headerEol}${rows.map(([r, e]) => r + e).join('')}`,
          at,
          bad,
        ),
      );
    await fc.assert(
      fc.asyncProperty(withCuts(doc), async ([bytes, cuts]) => {
        const whole = await runOn(bytes, 'csv');
        expect(timeless(await runOn(bytes, 'csv', {}, cuts))).toEqual(timeless(whole));
        expect(whole.records).toBe(whole.valid + whole.invalid);
      }),
      { numRuns: 300 },
    );
  });

  it('JSON arrays (whole, truncated or with an invalid byte)', async () => {
    const doc = fc
      .tuple(fc.array(jsonElement), fc.constantFrom(',', ',\n', ' ,\r\n  '), fc.nat(), fc.nat(), fc.boolean())
      .map(([elements, sep, truncateAt, at, bad]) => {
        const text = `[\n${elements.join(sep)}\n]\n`;
        const kept = truncateAt % 3 === 0 ? text.slice(0, truncateAt % (text.length + 1)) : text;
        return withInvalidByte(kept, at, bad);
      });
    await fc.assert(
      fc.asyncProperty(withCuts(doc), async ([bytes, cuts]) => {
        const whole = await runOn(bytes, 'json');
        expect(timeless(await runOn(bytes, 'json', {}, cuts))).toEqual(timeless(whole));
        expect(whole.records).toBe(whole.valid + whole.invalid);
      }),
      { numRuns: 300 },
    );
  });

  it('a JSON array of valid records reads back every element', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ minLength: 1, unit: 'grapheme' })), async (values) => {
        const text = JSON.stringify(
          values.map((name) => ({ name })),
          null,
          values.length % 2 ? 2 : 0,
        );
        const r = await runOn(text, 'json', {}, [3, 17, 40]);
        expect(r).toMatchObject({ records: values.length, valid: values.length });
      }),
    );
  });
});

describe('CSV record splitting', () => {
  it('reads back any fields written per RFC 4180', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 2 }), (fields) => {
        const out: string[] = [];
        expect(splitRecord(fields.map(csvField).join(','), out)).toBe(true);
        expect(out).toEqual(fields);
      }),
    );
  });
});
