import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  exportJsonSchemas,
  generateRecords,
  HI_NUMBER_MESSAGES,
  LEGACY_ID_MESSAGES,
  PERSONAL_ID_MESSAGES,
  RECORD_KINDS,
  SI_NUMBER_MESSAGES,
  VALIDATION_ERRORS,
  VALIDATION_MESSAGES,
  VALIDATION_TERMS,
  validateRecord,
} from '../../src/index.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

const TABLES = {
  VALIDATION_MESSAGES,
  VALIDATION_ERRORS,
  VALIDATION_TERMS,
} as const;

describe('message tables', () => {
  it.each(Object.entries(TABLES))(
    '%s: every entry has NFC Vietnamese and English text with the same placeholders',
    (_, table) => {
      for (const [code, entry] of Object.entries(table)) {
        expect(entry.vi.length, code).toBeGreaterThan(0);
        expect(entry.en.length, code).toBeGreaterThan(0);
        expect(entry.vi, code).toBe(entry.vi.normalize('NFC'));
        expect(placeholders(entry.vi), code).toEqual(placeholders(entry.en));
        if (table !== VALIDATION_TERMS) expect(code).toMatch(/^[A-Z][A-Z0-9_]+$/);
      }
    },
  );

  it('says in Vietnamese something other than the English text', () => {
    const same = Object.entries(VALIDATION_MESSAGES).filter(([, e]) => (e.vi as string) === e.en);
    expect(same).toEqual([]);
  });
});

// Every code validation can emit must have a message in one of the tables.
const KNOWN_CODES = new Set([
  ...Object.keys(VALIDATION_MESSAGES),
  ...Object.keys(PERSONAL_ID_MESSAGES),
  ...Object.keys(SI_NUMBER_MESSAGES),
  ...Object.keys(HI_NUMBER_MESSAGES),
  ...Object.keys(LEGACY_ID_MESSAGES),
]);

describe('codes emitted by validation', () => {
  it('are all in a message table, for planted mistakes of every kind', () => {
    for (const kind of RECORD_KINDS) {
      for (const record of generateRecords(kind, { seed: 9, count: 400, errorRate: 1 })) {
        for (const lang of ['vi', 'en'] as const) {
          const r = validateRecord(kind, record, { lang });
          const issues = r.ok ? r.warnings : r.issues;
          for (const issue of issues) {
            expect(KNOWN_CODES.has(issue.code), issue.code).toBe(true);
            expect(issue.message).not.toMatch(/\{\w+\}/);
            expect(issue.message).toBe(issue.message.normalize('NFC'));
          }
        }
      }
    }
  });

  it('are all in a message table for records with random fields replaced by random JSON (property)', () => {
    const samples = RECORD_KINDS.map(
      (kind) => [kind, [...generateRecords(kind, { seed: 4, count: 5 })]] as const,
    );
    fc.assert(
      fc.property(
        fc.nat({ max: samples.length - 1 }),
        fc.nat({ max: 4 }),
        fc.array(fc.tuple(fc.nat(), fc.jsonValue()), { minLength: 1, maxLength: 4 }),
        (k, i, edits) => {
          const [kind, records] = samples[k]!;
          const record = structuredClone(records[i]!) as Record<string, unknown>;
          const keys = Object.keys(record);
          for (const [pick, value] of edits) record[keys[pick % keys.length]!] = value;
          const r = validateRecord(kind, record, { lang: 'en' });
          for (const issue of r.ok ? r.warnings : r.issues)
            expect(KNOWN_CODES.has(issue.code), issue.code).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('include every code the exported JSON Schemas list under x-ansinh-rules', () => {
    for (const [file, text] of exportJsonSchemas()) {
      const rules = (JSON.parse(text) as { 'x-ansinh-rules'?: string[] })['x-ansinh-rules'] ?? [];
      for (const code of rules) expect(KNOWN_CODES.has(code), `${file}: ${code}`).toBe(true);
    }
  });
});
