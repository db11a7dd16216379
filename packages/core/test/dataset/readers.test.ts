import { describe, expect, it } from 'vitest';
import { MAX_RECORD_BYTES } from '../../src/dataset/reader.js';
import { linesOf, runOn, timeless, utf8 } from './helpers.js';

const rec = (name: string) => JSON.stringify({ name });

function concat(...parts: (string | Uint8Array)[]): Uint8Array {
  const arrays = parts.map((p) => (typeof p === 'string' ? utf8(p) : p));
  const out = new Uint8Array(arrays.reduce((n, a) => n + a.length, 0));
  let at = 0;
  for (const a of arrays) {
    out.set(a, at);
    at += a.length;
  }
  return out;
}

describe('NDJSON reader', () => {
  it('reads one record per line, with or without a final newline and with CRLF', async () => {
    for (const text of [`${rec('a')}\n${rec('b')}\n`, `${rec('a')}\r\n${rec('b')}`]) {
      const r = await runOn(text, 'ndjson');
      expect(r).toMatchObject({ records: 2, valid: 2, invalid: 0, ok: true, issues: {} });
    }
  });

  it('passes over blank lines but keeps line numbers of the file', async () => {
    const r = await runOn(`${rec('a')}\n\n   \n{"name":""}\n`, 'ndjson');
    expect(r).toMatchObject({ records: 2, valid: 1, invalid: 1, issues: { NAME_REQUIRED: 1 } });
    expect(linesOf(r, 'NAME_REQUIRED')).toEqual([4]);
  });

  it('counts a malformed line as an invalid record with its line and column', async () => {
    const r = await runOn(`${rec('a')}\n{"name": "b"\n${rec('c')}\nnot json\n`, 'ndjson');
    expect(r).toMatchObject({ records: 4, valid: 2, invalid: 2, ok: false });
    expect(r.issues).toEqual({ DATASET_MALFORMED_JSON: 2 });
    expect(linesOf(r, 'DATASET_MALFORMED_JSON')).toEqual([2, 4]);
    expect(r.examples.DATASET_MALFORMED_JSON![0]!.message).toMatch(
      /^Line 2 is not valid JSON \(error at character 13/,
    );
  });

  it('never quotes the malformed text (it may hold a personal ID)', async () => {
    const r = await runOn('{"personalId": "001090000123" oops}\n', 'ndjson');
    expect(r.issues).toEqual({ DATASET_MALFORMED_JSON: 1 });
    expect(JSON.stringify(r)).not.toContain('001090000123');
  });

  it('reports invalid UTF-8 on its line and reads the others', async () => {
    const bad = concat('{"name":"', new Uint8Array([0xc3, 0x28]), '"}\n');
    const overlong = concat('{"name":"', new Uint8Array([0xe0, 0x80, 0xaf]), '"}\n'); // overlong "/"
    const r = await runOn(concat(`${rec('Nguyễn')}\n`, bad, overlong, `${rec('ok')}\n`), 'ndjson');
    expect(r).toMatchObject({ records: 4, valid: 2, invalid: 2, issues: { DATASET_INVALID_UTF8: 2 } });
    expect(linesOf(r, 'DATASET_INVALID_UTF8')).toEqual([2, 3]);
  });

  it('accepts a BOM at the start of the file only', async () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf]);
    expect(await runOn(concat(bom, `${rec('a')}\n`), 'ndjson')).toMatchObject({ records: 1, valid: 1 });
    const r = await runOn(concat(`${rec('a')}\n`, bom, `${rec('b')}\n`), 'ndjson');
    expect(r).toMatchObject({ records: 2, valid: 1, invalid: 1, issues: { DATASET_MALFORMED_JSON: 1 } });
  });

  it('reports a line over 1 MiB without buffering it, in one chunk or many', async () => {
    const huge = `{"name":"${'x'.repeat(MAX_RECORD_BYTES)}"}`;
    const text = `${rec('a')}\n${huge}\n${rec('c')}\n`;
    for (const cuts of [[], [100, 5000, 600_000, 1_048_000]]) {
      const r = await runOn(text, 'ndjson', {}, cuts);
      expect(r).toMatchObject({ records: 3, valid: 2, invalid: 1, issues: { DATASET_LINE_TOO_LONG: 1 } });
      expect(linesOf(r, 'DATASET_LINE_TOO_LONG')).toEqual([2]);
    }
    const exact = `{"name":"${'y'.repeat(MAX_RECORD_BYTES - 11)}"}`; // exactly the limit
    expect(utf8(exact).length).toBe(MAX_RECORD_BYTES);
    for (const cuts of [[], [7, 500_000]]) {
      expect(await runOn(`${exact}\n`, 'ndjson', {}, cuts)).toMatchObject({ records: 1, valid: 1 });
      const over = await runOn(`${exact} \n`, 'ndjson', {}, cuts);
      expect(over).toMatchObject({ records: 1, invalid: 1, issues: { DATASET_LINE_TOO_LONG: 1 } });
    }
  });

  it('reads big chunks (many decode spans, a line longer than a span) like small ones', async () => {
    const lines = Array.from({ length: 3000 }, (_, i) =>
      i === 1500
        ? `{"name":"${'w'.repeat(100_000)}"}`
        : i % 700 === 0
          ? '{"name": broken'
          : rec(`Nguyễn ${i}`),
    );
    const text = `${lines.join('\n')}\n`;
    const whole = await runOn(text, 'ndjson');
    expect(whole).toMatchObject({ records: 3000, valid: 2995, invalid: 5 });
    expect(linesOf(whole, 'DATASET_MALFORMED_JSON')).toEqual([1, 701, 1401, 2101, 2801]);
    const small = await runOn(
      text,
      'ndjson',
      {},
      Array.from({ length: 100 }, (_, i) => i * 3001),
    );
    expect(timeless(small)).toEqual(timeless(whole));
  });

  it('reports an oversized last line without newline', async () => {
    const r = await runOn(`${rec('a')}\n{"name":"${'z'.repeat(MAX_RECORD_BYTES)}`, 'ndjson', {}, [20]);
    expect(r).toMatchObject({ records: 2, valid: 1, invalid: 1, issues: { DATASET_LINE_TOO_LONG: 1 } });
  });

  it('reports an empty file (and a file of blank lines) as DATASET_EMPTY, not ok', async () => {
    for (const text of ['', '\n\n  \n']) {
      const r = await runOn(text, 'ndjson');
      expect(r).toMatchObject({ records: 0, valid: 0, invalid: 0, ok: false, issues: { DATASET_EMPTY: 1 } });
    }
  });
});

describe('CSV reader', () => {
  it('reads the header and builds nested objects from dotted columns, empty cells absent', async () => {
    const seen: unknown[] = [];
    const r = await runOn('name,address.provinceCode,address.ward,note\nAn,01,,x\n', 'csv', {
      validate: (data) => {
        seen.push(data);
        return { ok: true, value: data };
      },
    });
    expect(r).toMatchObject({ records: 1, valid: 1 });
    expect(seen).toEqual([{ name: 'An', address: { provinceCode: '01' }, note: 'x' }]);
    expect(r.completeness).toEqual({ name: 1, address: 1, 'address.provinceCode': 1, note: 1 });
  });

  it('maps header names to field paths and converts cells per column', async () => {
    const seen: unknown[] = [];
    await runOn('Họ tên,Tỉnh,Số tiền\nBình,79,1500000\n', 'csv', {
      mapping: { 'Họ tên': 'name', Tỉnh: 'address.provinceCode', 'Số tiền': 'amount' },
      converterFor: (path) => (path[0] === 'amount' ? Number : (cell) => cell),
      validate: (data) => {
        seen.push(data);
        return { ok: true, value: data };
      },
    });
    expect(seen).toEqual([{ name: 'Bình', address: { provinceCode: '79' }, amount: 1500000 }]);
  });

  it('unquotes RFC 4180 fields: commas, doubled quotes, line breaks; line numbers of record starts', async () => {
    const seen: unknown[] = [];
    const text = 'name,note\r\n"Lê, Văn ""Tám""","line one\r\nline two"\r\nHoa,\r\n,empty name\r\n';
    const r = await runOn(text, 'csv', {
      validate: (data) => {
        seen.push(data);
        return { ok: true, value: data };
      },
    });
    expect(seen).toEqual([
      { name: 'Lê, Văn "Tám"', note: 'line one\r\nline two' },
      { name: 'Hoa' },
      { note: 'empty name' },
    ]);
    expect(r.records).toBe(3);
  });

  it('reports missing and extra columns with their line numbers', async () => {
    const text = 'name,a,b\nAn,1,2\nBa,1\nCa,1,2,3\n"Da\nDa",1\nEm,1,2\n';
    const r = await runOn(text, 'csv');
    expect(r).toMatchObject({ records: 5, valid: 2, invalid: 3 });
    expect(r.issues).toEqual({ DATASET_CSV_MISSING_COLUMNS: 2, DATASET_CSV_EXTRA_COLUMNS: 1 });
    expect(linesOf(r, 'DATASET_CSV_MISSING_COLUMNS')).toEqual([3, 5]);
    expect(linesOf(r, 'DATASET_CSV_EXTRA_COLUMNS')).toEqual([4]);
    expect(r.examples.DATASET_CSV_EXTRA_COLUMNS![0]!.message).toBe(
      'CSV line 4 has 4 columns, more than the 3 of the header row.',
    );
  });

  it('reports misplaced and unclosed quotes as malformed rows', async () => {
    const r = await runOn('name,b\nAn,x"y\n"Ba"z,1\nCa,1\n"Da,1\n', 'csv');
    expect(r).toMatchObject({ records: 4, valid: 1, invalid: 3, issues: { DATASET_MALFORMED_CSV: 3 } });
    expect(linesOf(r, 'DATASET_MALFORMED_CSV')).toEqual([2, 3, 5]);
  });

  it('accepts UTF-8 with and without BOM, rejects invalid UTF-8 on its line', async () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf]);
    const withBom = await runOn(concat(bom, '"name"\nPhạm\n'), 'csv', {}, [1, 2]);
    expect(withBom).toMatchObject({ records: 1, valid: 1 });
    const bad = await runOn(concat('name\nA\n', new Uint8Array([0xff]), '\nB\n'), 'csv');
    expect(bad).toMatchObject({ records: 3, valid: 2, invalid: 1, issues: { DATASET_INVALID_UTF8: 1 } });
    expect(linesOf(bad, 'DATASET_INVALID_UTF8')).toEqual([3]);
  });

  it('treats a header-only file as empty and flags duplicate header names', async () => {
    expect((await runOn('name,a\n', 'csv')).issues).toEqual({ DATASET_EMPTY: 1 });
    const dup = await runOn('name,name\nA,B\n', 'csv');
    expect(dup.issues).toMatchObject({ DATASET_CSV_DUPLICATE_COLUMN: 1 });
    expect(dup.ok).toBe(false);
  });

  it('reports a row over 1 MiB as too long and reads on', async () => {
    const text = `name\nA\n"${'q'.repeat(MAX_RECORD_BYTES)}"\nB\n`;
    const r = await runOn(text, 'csv', {}, [9, 300_000]);
    expect(r).toMatchObject({ records: 3, valid: 2, invalid: 1, issues: { DATASET_LINE_TOO_LONG: 1 } });
    expect(linesOf(r, 'DATASET_LINE_TOO_LONG')).toEqual([3]);
  });

  it('does not let a header reach Object.prototype', async () => {
    const seen: unknown[] = [];
    await runOn('__proto__.polluted,name\nyes,A\n', 'csv', {
      validate: (data) => {
        seen.push(data);
        return { ok: true, value: data };
      },
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.hasOwn(seen[0] as object, '__proto__')).toBe(true);
  });
});

describe('JSON array reader', () => {
  it('reads the elements of a top-level array, one at a time, with their line numbers', async () => {
    const text = `[\n  ${rec('a')},\n  {"name": ""},\n  ${rec('c')}\n]\n`;
    const r = await runOn(text, 'json');
    expect(r).toMatchObject({ records: 3, valid: 2, invalid: 1, ok: false });
    expect(linesOf(r, 'NAME_REQUIRED')).toEqual([3]);
  });

  it('handles strings with brackets, escaped quotes and backslashes inside elements', async () => {
    const r = await runOn('[{"name":"a]}\\"\\\\"},{"name":"{["}]', 'json', {}, [5, 12, 13]);
    expect(r).toMatchObject({ records: 2, valid: 2, ok: true });
  });

  it('counts non-object elements as records (and lets the validator reject them)', async () => {
    const r = await runOn('[1, "x", null, true, {"name":"a"}, -2.5e3]', 'json');
    expect(r).toMatchObject({ records: 6, valid: 1, invalid: 5, issues: { NOT_AN_OBJECT: 5 } });
  });

  it('reports a top-level value that is not an array as one invalid record', async () => {
    for (const text of ['{"name":"a"}', '\n\n  "records"', 'null']) {
      const r = await runOn(text, 'json');
      expect(r).toMatchObject({ records: 1, valid: 0, invalid: 1, ok: false });
      expect(Object.keys(r.issues)).toEqual(['DATASET_NOT_AN_ARRAY']);
    }
    const r = await runOn('\n\n {"name":"a"}', 'json');
    expect(linesOf(r, 'DATASET_NOT_AN_ARRAY')).toEqual([3]);
  });

  it('reports a truncated array: inside an element (invalid record) or after one (file issue)', async () => {
    const inside = await runOn(`[${rec('a')},\n{"name": "b`, 'json');
    expect(inside).toMatchObject({ records: 2, valid: 1, invalid: 1, ok: false });
    expect(inside.issues).toEqual({ DATASET_TRUNCATED_JSON: 1 });
    expect(linesOf(inside, 'DATASET_TRUNCATED_JSON')).toEqual([2]);

    const after = await runOn(`[${rec('a')},\n${rec('b')}`, 'json');
    expect(after).toMatchObject({ records: 2, valid: 2, invalid: 0, ok: false });
    expect(after.issues).toEqual({ DATASET_TRUNCATED_JSON: 1 });

    const bare = await runOn('[1, 2', 'json');
    expect(bare).toMatchObject({
      records: 2,
      invalid: 2,
      issues: { DATASET_TRUNCATED_JSON: 1, NOT_AN_OBJECT: 2 },
    });

    expect((await runOn('[', 'json')).issues).toEqual({ DATASET_TRUNCATED_JSON: 1, DATASET_EMPTY: 1 });
  });

  it('isolates a malformed element and reads on', async () => {
    const r = await runOn(`[${rec('a')},\n{"name": tru},\n{"name": "c"]\n, ${rec('d')}]`, 'json');
    expect(r).toMatchObject({ records: 4, valid: 2, invalid: 2, issues: { DATASET_MALFORMED_JSON: 2 } });
    expect(linesOf(r, 'DATASET_MALFORMED_JSON')).toEqual([2, 3]);
  });

  it('flags missing commas, trailing commas and trailing data as file issues', async () => {
    const r = await runOn(`[${rec('a')} ${rec('b')},]\n[]`, 'json');
    expect(r).toMatchObject({ records: 2, valid: 2, invalid: 0, ok: false });
    expect(r.issues).toEqual({ DATASET_MALFORMED_JSON: 2, DATASET_TRAILING_DATA: 1 });
    expect(linesOf(r, 'DATASET_TRAILING_DATA')).toEqual([2]);
  });

  it('reports an empty array and an empty file as DATASET_EMPTY', async () => {
    for (const text of ['[]', ' [ \n ] \n', '']) {
      expect((await runOn(text, 'json')).issues).toEqual({ DATASET_EMPTY: 1 });
    }
  });

  it('reports an element over 1 MiB and reads the next', async () => {
    const text = `[${rec('a')},\n{"name":"${'x'.repeat(MAX_RECORD_BYTES)}"},\n${rec('c')}]`;
    for (const cuts of [[], [30, 70_000, 1_048_590]]) {
      const r = await runOn(text, 'json', {}, cuts);
      expect(r).toMatchObject({ records: 3, valid: 2, invalid: 1, issues: { DATASET_LINE_TOO_LONG: 1 } });
      expect(linesOf(r, 'DATASET_LINE_TOO_LONG')).toEqual([2]);
    }
  });

  it('reports invalid UTF-8 inside an element', async () => {
    const r = await runOn(
      concat(`[${rec('a')},\n{"name":"`, new Uint8Array([0xed, 0xa0, 0x80]), '"}]'),
      'json',
    );
    expect(r).toMatchObject({ records: 2, valid: 1, invalid: 1, issues: { DATASET_INVALID_UTF8: 1 } });
    expect(linesOf(r, 'DATASET_INVALID_UTF8')).toEqual([2]);
  });
});
