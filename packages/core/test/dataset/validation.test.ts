import { describe, expect, it } from 'vitest';
import { formatReport } from '../../src/dataset/format-report.js';
import { MAX_COMPLETENESS_FIELDS, maskIdentifiers } from '../../src/dataset/report.js';
import { runValidation } from '../../src/dataset/validation.js';
import { iterate, linesOf, nameRequired, runOn, utf8 } from './helpers.js';

const person = (fields: Record<string, unknown>) => JSON.stringify({ name: 'An', ...fields });
const ndjson = (...lines: string[]) => `${lines.join('\n')}\n`;

describe('cross-record rules', () => {
  it('charges a repeated personal ID to the later record, per programme', async () => {
    const r = await runOn(
      ndjson(
        person({ personalId: '001090000123', provinceCode: '01' }),
        person({ personalId: '001090000124', provinceCode: '01' }),
        person({ personalId: '001090000123', provinceCode: '01' }),
        person({ personalId: '001090000123', provinceCode: '01' }),
      ),
      'ndjson',
    );
    expect(r).toMatchObject({ records: 4, valid: 2, invalid: 2, issues: { DUPLICATE_PERSONAL_ID: 2 } });
    expect(linesOf(r, 'DUPLICATE_PERSONAL_ID')).toEqual([3, 4]);
    const example = r.examples.DUPLICATE_PERSONAL_ID![0]!;
    expect(example.path).toEqual(['personalId']);
    expect(example.message).toBe(
      'Personal ID 001******123 already appeared earlier in the programme "test".',
    );
  });

  it('tells a person enrolled in another province from a plain duplicate', async () => {
    const r = await runOn(
      ndjson(
        person({ personalId: '079190000001', provinceCode: '79' }),
        person({ personalId: '079190000001', provinceCode: '01' }),
        person({ personalId: '079190000001', provinceCode: '79' }),
        person({ personalId: '079190000001' }), // province unknown: a duplicate, not a second province
      ),
      'ndjson',
    );
    expect(r.issues).toEqual({ ENROLLED_IN_TWO_PROVINCES: 1, DUPLICATE_PERSONAL_ID: 2 });
    expect(linesOf(r, 'ENROLLED_IN_TWO_PROVINCES')).toEqual([2]);
    expect(r.examples.ENROLLED_IN_TWO_PROVINCES![0]!.message).toBe(
      'The person with ID 079******001 is already enrolled in province 79 and again in province 01 in the programme "test".',
    );
    expect(r).toMatchObject({ valid: 1, invalid: 3 });
  });

  it('applies to records invalid for other reasons and ignores IDs that are not 12 digits', async () => {
    const r = await runOn(
      ndjson(
        person({ name: '', personalId: '001090000123' }),
        person({ name: '', personalId: '001090000123' }),
        person({ personalId: '00109000012' }),
        person({ personalId: '00109000012' }),
      ),
      'ndjson',
    );
    expect(r.issues).toEqual({ NAME_REQUIRED: 2, DUPLICATE_PERSONAL_ID: 1 });
    expect(r).toMatchObject({ records: 4, valid: 2, invalid: 2 });
  });

  it('reports households without head at their first line, making that record invalid', async () => {
    const r = await runOn(
      ndjson(
        person({ personalId: '001090000001', householdId: 'A', relationToHead: 'spouse' }),
        person({ personalId: '001090000002', householdId: 'B', relationToHead: 'head' }),
        person({ personalId: '001090000003', householdId: 'C', relationToHead: 'child' }),
        person({ personalId: '001090000004', householdId: 'A', relationToHead: 'head' }),
        person({ personalId: '001090000005', householdId: 'C', relationToHead: 'child' }),
        person({ name: '', personalId: '001090000006', householdId: 'D' }),
        person({ personalId: '001090000007' }),
      ),
      'ndjson',
    );
    expect(r.issues).toEqual({ NAME_REQUIRED: 1, HOUSEHOLD_WITHOUT_HEAD: 2 });
    expect(linesOf(r, 'HOUSEHOLD_WITHOUT_HEAD')).toEqual([3, 6]);
    expect(r.examples.HOUSEHOLD_WITHOUT_HEAD![0]!.path).toEqual(['householdId']);
    // Line 3 was valid and becomes invalid; line 6 was already invalid.
    expect(r).toMatchObject({ records: 7, valid: 5, invalid: 2, ok: false });
  });

  it('keeps the first households of the file as examples, however they hash', async () => {
    const lines = Array.from({ length: 40 }, (_, i) =>
      person({ householdId: `H${i}`, relationToHead: 'child' }),
    );
    const r = await runOn(ndjson(...lines), 'ndjson', { maxExamples: 3 });
    expect(r.issues.HOUSEHOLD_WITHOUT_HEAD).toBe(40);
    expect(linesOf(r, 'HOUSEHOLD_WITHOUT_HEAD')).toEqual([1, 2, 3]);
    expect(r).toMatchObject({ valid: 0, invalid: 40 });
  });

  it('does not apply to kinds without cross-record rules (programme 0)', async () => {
    const line = person({ personalId: '001090000123', householdId: 'A' });
    const r = await runOn(ndjson(line, line), 'ndjson', { programme: 0 });
    expect(r).toMatchObject({ valid: 2, invalid: 0, issues: {} });
  });
});

describe('the report', () => {
  it('counts issues, keeps maxExamples per code in file order, and treats warnings as valid', async () => {
    const lines = Array.from({ length: 12 }, (_, i) => person({ name: i % 2 ? '' : 'An' }));
    const r = await runOn(ndjson(...lines), 'ndjson', { maxExamples: 2 });
    expect(r.issues).toEqual({ NAME_REQUIRED: 6 });
    expect(linesOf(r, 'NAME_REQUIRED')).toEqual([2, 4]);

    const warned = await runOn(ndjson(person({})), 'ndjson', {
      validate: () => ({
        ok: false,
        issues: [{ path: ['x'], code: 'UNCERTAIN', message: 'm', severity: 'warning' }],
      }),
    });
    expect(warned).toMatchObject({ valid: 1, invalid: 0, ok: true, issues: { UNCERTAIN: 1 } });
  });

  it('measures completeness per field, nested fields dotted, over all records', async () => {
    const r = await runOn(
      ndjson(
        JSON.stringify({ name: 'A', phone: '', address: { ward: '1', street: null }, tags: [] }),
        JSON.stringify({ name: 'B', address: {}, tags: ['x'] }),
        JSON.stringify({ name: 'C', phone: '09', address: { ward: '2', street: 'S' } }),
        'broken',
      ),
      'ndjson',
    );
    expect(r.completeness).toEqual({
      name: 0.75,
      phone: 0.25,
      address: 0.5,
      'address.ward': 0.5,
      'address.street': 0.25,
      tags: 0.25,
    });
  });

  it('counts fields whatever their order, and tracks at most 1,000 fields', async () => {
    const r = await runOn(
      ndjson(
        JSON.stringify({ a: 1, b: 2, c: { x: 1, y: 2 } }),
        JSON.stringify({ c: { y: 2 }, b: 2 }),
        JSON.stringify({ b: '', a: 1, d: 4, c: { x: 1 } }),
      ),
      'ndjson',
    );
    expect(r.completeness).toEqual({ a: 0.6667, b: 0.6667, c: 1, 'c.x': 0.6667, 'c.y': 0.6667, d: 0.3333 });

    const wide = Object.fromEntries(Array.from({ length: 1500 }, (_, i) => [`f${i}`, i]));
    const many = await runOn(ndjson(JSON.stringify(wide), JSON.stringify({ f1499: 1, f0: 0 })), 'ndjson');
    expect(Object.keys(many.completeness)).toHaveLength(MAX_COMPLETENESS_FIELDS);
    expect(many.completeness.f0).toBe(1);
    expect(many.completeness.f1499).toBeUndefined();
  });

  it('is JSON-serialisable as it is', async () => {
    const r = await runOn(ndjson(person({ personalId: '001090000123' }), 'x'), 'ndjson');
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    expect(r.bytes).toBe(utf8(ndjson(person({ personalId: '001090000123' }), 'x')).length);
    expect(r.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('masks identifiers in every example, whatever the record validator wrote', async () => {
    const r = await runOn(ndjson(person({})), 'ndjson', {
      validate: () => ({
        ok: false,
        issues: [{ path: ['personalId'], code: 'X', message: 'ID 012345678901 and SI 0123456789 bad' }],
      }),
    });
    expect(r.examples.X![0]!.message).toBe('ID 012******901 and SI 012****789 bad');
    expect(maskIdentifiers('dated 20240101, ID 001090000123.')).toBe('dated 20240101, ID 001******123.');
  });
});

describe('formatReport', () => {
  it('renders the verdict, counts, issues with examples and completeness, in vi and en', async () => {
    const r = await runOn(
      ndjson(
        person({ personalId: '001090000123' }),
        person({ personalId: '001090000123' }),
        person({ name: '' }),
        '{',
      ),
      'ndjson',
      { lang: 'vi' },
    );
    const vi = formatReport(r);
    expect(vi).toContain('Kết quả: KHÔNG ĐẠT, 3 bản ghi không hợp lệ.');
    expect(vi).toContain('Bản ghi: 4 · hợp lệ: 1 · không hợp lệ: 3');
    expect(vi).toMatch(
      /DUPLICATE_PERSONAL_ID\s+1\n {4}dòng 2 · personalId: Số định danh cá nhân 001\*{6}123 đã xuất hiện trước đó trong chương trình "test"/,
    );
    expect(vi).toMatch(/DATASET_MALFORMED_JSON\s+1\n {4}dòng 4: Dòng 4 không phải JSON hợp lệ/);
    expect(vi).toMatch(/name\s+50,0 %/);
    expect(vi).not.toContain('001090000123');

    const en = formatReport(r, 'en');
    expect(en).toContain('Result: FAILED, 3 invalid records.');
    expect(en).toMatch(/Completeness per field[^\n]*\n {2}name\s+50\.0 %/);
  });

  it('says PASSED for a clean dataset and names file problems when all records are valid', async () => {
    expect(formatReport(await runOn(ndjson(person({})), 'ndjson'), 'en')).toContain('Result: PASSED');
    const truncated = await runOn(`[${person({})}`, 'json');
    expect(formatReport(truncated, 'en')).toContain('Result: FAILED, the file itself has problems');
  });

  it('tells how many more occurrences there are beyond the examples', async () => {
    const lines = Array.from({ length: 8 }, () => person({ name: '' }));
    const text = formatReport(await runOn(ndjson(...lines), 'ndjson', { maxExamples: 2 }), 'en');
    expect(text).toContain('… and 6 more');
  });
});

describe('sources, progress and cancellation', () => {
  const body = ndjson(
    ...Array.from({ length: 2000 }, (_, i) => person({ personalId: `0010900${String(i).padStart(5, '0')}` })),
  );
  const settings = {
    kind: 'test',
    format: 'ndjson' as const,
    lang: 'en' as const,
    validate: nameRequired,
    programme: 1,
    converterFor: () => (cell: string) => cell,
    maxExamples: 5,
    progressIntervalMs: 0,
  };

  it('reads a Blob, a ReadableStream and an async iterable alike', async () => {
    const bytes = utf8(body);
    const fromBlob = await runValidation(new Blob([bytes]), settings);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 1000) controller.enqueue(bytes.slice(i, i + 1000));
        controller.close();
      },
    });
    const fromStream = await runValidation(stream, settings);
    const fromIterable = await runValidation(iterate([bytes.slice(0, 5), bytes.slice(5)]), settings);
    for (const r of [fromBlob, fromStream, fromIterable]) {
      expect(r).toMatchObject({ records: 2000, valid: 2000, invalid: 0, bytes: bytes.length });
    }
  });

  it('reads a Blob larger than one read slice exactly as the same bytes in one chunk', async () => {
    // About 2.5 MiB of Vietnamese names (multi-byte UTF-8), some malformed lines and invalid UTF-8
    // on the last line: a Blob is read in slices, and lines straddle the cuts between them.
    const lines = Array.from({ length: 40_000 }, (_, i) =>
      i % 9973 === 5
        ? '{"name": "broken'
        : person({ name: `Nguyễn Thị Ánh ${i}`, personalId: `0790${String(i).padStart(8, '0')}` }),
    );
    const text = utf8(ndjson(...lines));
    const bytes = new Uint8Array(text.length + 4);
    bytes.set(text);
    bytes.set([0x7b, 0xff, 0x7d, 0x0a], text.length); // `{\xff}`: invalid UTF-8 on the last line
    const fromBlob = await runValidation(new Blob([bytes]), settings);
    const fromChunks = await runValidation(iterate([bytes]), settings);
    expect(fromBlob.bytes).toBe(bytes.length);
    expect(fromBlob).toMatchObject({
      records: 40_001,
      invalid: 6,
      issues: { DATASET_MALFORMED_JSON: 5, DATASET_INVALID_UTF8: 1 },
    });
    expect(linesOf(fromBlob, 'DATASET_INVALID_UTF8')).toEqual([40_001]);
    expect({ ...fromBlob, durationMs: 0 }).toEqual({ ...fromChunks, durationMs: 0 });
  });

  it('reports progress with the total size of a Blob, ending with everything read', async () => {
    const seen: { records: number; bytes: number; totalBytes?: number }[] = [];
    const blob = new Blob([utf8(body)]);
    await runValidation(blob, { ...settings, onProgress: (p) => seen.push(p) });
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.at(-1)).toEqual({ records: 2000, bytes: blob.size, totalBytes: blob.size });
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.bytes).toBeGreaterThanOrEqual(seen[i - 1]!.bytes);
    const streamed: object[] = [];
    await runValidation(iterate([utf8(body)]), { ...settings, onProgress: (p) => streamed.push(p) });
    expect(streamed.at(-1)).toEqual({ records: 2000, bytes: blob.size });
  });

  it('stops when the signal aborts and cancels a ReadableStream source', async () => {
    let cancelled = false;
    let pulls = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls++;
        controller.enqueue(utf8(ndjson(person({}))));
      },
      cancel() {
        cancelled = true;
      },
    });
    const controller = new AbortController();
    const run = runValidation(stream, {
      ...settings,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.records >= 50) controller.abort(new Error('enough'));
      },
    });
    await expect(run).rejects.toThrow('enough');
    expect(cancelled).toBe(true);
    expect(pulls).toBeLessThan(1000);
  });

  it('rejects a source that yields strings with a typed error', async () => {
    const strings = (async function* () {
      yield 'text' as unknown as Uint8Array;
    })();
    await expect(runValidation(strings, settings)).rejects.toMatchObject({ code: 'DATASET_BAD_SOURCE' });
  });
});
