import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { createRecordValidator, generateRecords, RECORD_KINDS, RECORD_SCHEMAS } from '../../src/index.js';
import { isIsoDate, isPlainName, isPlainText } from '../../src/schemas/text.js';
import { fastPath } from '../../src/validate/fast-path.js';

// The fast path may only say "valid" when zod agrees AND zod's output equals the input: the
// validator then returns the input itself. These tests hold it to that against zod's own parser.

function mutate(
  record: Record<string, unknown>,
  edits: readonly [number, unknown, boolean][],
): Record<string, unknown> {
  const copy = structuredClone(record);
  for (const [pick, value, nested] of edits) {
    let target: Record<string, unknown> = copy;
    if (nested) {
      const objects = Object.values(copy).filter(
        (v): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v),
      );
      if (objects.length > 0) target = objects[pick % objects.length]!;
    }
    const keys = Object.keys(target);
    const key = keys.length === 0 ? 'x' : keys[pick % keys.length]!;
    if (value === undefined) delete target[key];
    else target[key] = value;
  }
  return copy;
}

// Values near the edges of the schemas: right type wrong content, NFD text, boundary numbers.
const nearMiss = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(
    '',
    ' ',
    'Nguyễn Văn A'.normalize('NFD'),
    'Nguyễn Văn A',
    '2024-02-29',
    '2023-02-29',
    '1899-12-31',
    '01',
    '03',
    '79',
    'male',
    'x'.repeat(81),
    '079185001234',
    0.5,
    1.5,
    1e21,
    -1,
    500000,
    true,
    null,
    [],
    {},
  ),
  fc.constant(undefined),
);

describe('fast path', () => {
  it('exists for every record kind', () => {
    for (const kind of RECORD_KINDS)
      expect(fastPath(RECORD_SCHEMAS[kind] as z.core.$ZodType), kind).toBeTypeOf('function');
  });

  it.each(RECORD_KINDS)(
    '%s: accepts generated records, and only what zod accepts unchanged (property)',
    (kind) => {
      const schema = RECORD_SCHEMAS[kind] as z.ZodType;
      const fast = fastPath(schema)!;
      const validate = createRecordValidator(kind);
      const records = [...generateRecords(kind, { seed: 13, count: 20 })].map((r) =>
        JSON.parse(JSON.stringify(r)),
      );
      for (const record of records) expect(fast(record)).toBe(true);
      fc.assert(
        fc.property(
          fc.nat({ max: records.length - 1 }),
          fc.array(fc.tuple(fc.nat(), nearMiss, fc.boolean()), { minLength: 1, maxLength: 3 }),
          (i, edits) => {
            const value = mutate(records[i]!, edits);
            // The validator agrees with zod (a card also may not carry keys its schema would strip).
            const zodOk = schema.safeParse(value).success;
            const validated = validate(value);
            if (kind !== 'card' || validated.ok) expect(validated.ok).toBe(zodOk);
            if (fast(value)) {
              const parsed = schema.safeParse(value);
              expect(parsed.success).toBe(true);
              expect(parsed.data).toEqual(value);
            }
          },
        ),
        { numRuns: 300 },
      );
    },
  );

  it('isIsoDate accepts exactly what the z.iso.date() pattern accepts', () => {
    const pattern = z.core.regexes.date;
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 12 }),
          fc
            .tuple(
              fc.integer({ min: 0, max: 9999 }),
              fc.integer({ min: 0, max: 13 }),
              fc.integer({ min: 0, max: 32 }),
            )
            .map(
              ([y, m, d]) =>
                `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
            ),
        ),
        (text) => {
          expect(isIsoDate(text)).toBe(pattern.test(text));
        },
      ),
      { numRuns: 5000 },
    );
    for (const [text, ok] of [
      ['2000-02-29', true],
      ['1900-02-29', false],
      ['2024-02-29', true],
      ['2023-02-29', false],
      ['0000-02-29', true],
      ['2023-04-31', false],
      ['2023-12-31', true],
    ] as const) {
      expect(isIsoDate(text), text).toBe(ok);
      expect(pattern.test(text), text).toBe(ok);
    }
  });

  it('single-pass text checks imply the field checks they stand for', () => {
    const text = z.string().min(1).max(20);
    fc.assert(
      fc.property(fc.string({ maxLength: 25, unit: 'binary' }), (s) => {
        if (isPlainText(s, 20)) {
          expect(text.safeParse(s).success).toBe(true);
          expect(s.normalize('NFC')).toBe(s);
          expect(s.trim()).toBe(s);
        }
        if (isPlainName(s, 20)) {
          expect(isPlainText(s, 20)).toBe(true);
          expect(/\d|\s\s/.test(s)).toBe(false);
        }
      }),
      { numRuns: 5000 },
    );
  });
});
