import { describe, expect, it } from 'vitest';
import type { DatasetFormat } from '../../src/dataset/report.js';
import {
  generateLabelledRecords,
  type LabelledRecord,
  type RecordKind,
  validateDataset,
} from '../../src/index.js';
import { cut, iterate, utf8 } from './helpers.js';

const CROSS_RECORD = [
  'DUPLICATE_PERSONAL_ID',
  'ENROLLED_IN_TWO_PROVINCES',
  'HOUSEHOLD_WITHOUT_HEAD',
] as const;

/** Dotted-column CSV of `records` (the union of their leaf paths), RFC 4180 quoting. */
function toCsv(records: readonly Record<string, unknown>[]): string {
  const columns: string[] = [];
  const seen = new Set<string>();
  const leaves = (value: Record<string, unknown>, prefix: string, out: Map<string, unknown>) => {
    for (const [key, v] of Object.entries(value)) {
      if (v !== null && typeof v === 'object' && !Array.isArray(v))
        leaves(v as Record<string, unknown>, `${prefix}${key}.`, out);
      else out.set(prefix + key, v);
    }
    return out;
  };
  const rows = records.map((r) => leaves(r, '', new Map()));
  for (const row of rows)
    for (const key of row.keys())
      if (!seen.has(key)) {
        seen.add(key);
        columns.push(key);
      }
  const cell = (v: unknown) => {
    if (v === undefined) return '';
    const text = Array.isArray(v) ? JSON.stringify(v) : String(v);
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return [columns.join(','), ...rows.map((row) => columns.map((c) => cell(row.get(c))).join(','))].join(
    '\r\n',
  );
}

function serialise(records: readonly Record<string, unknown>[], format: DatasetFormat): string {
  if (format === 'csv') return toCsv(records);
  if (format === 'json') return JSON.stringify(records, null, 1);
  return records.map((r) => `${JSON.stringify(r)}\n`).join('');
}

/**
 * What the dataset validator must find in generated data: every planted cross-record mistake,
 * and nothing else across records. A household's missing head is reported at the household's
 * first line, so households are compared by their ID.
 */
async function check(
  kind: RecordKind,
  format: DatasetFormat,
  seed: number,
  count: number,
  errorRate: number,
) {
  const labelled: LabelledRecord[] = [...generateLabelledRecords(kind, { seed, count, errorRate })];
  const records = labelled.map((l) => l.record);
  const bytes = utf8(serialise(records, format));
  const report = await validateDataset(iterate(cut(bytes, [1000, 4097, 65536])), {
    kind,
    format,
    lang: 'en',
    maxExamples: count,
  });

  // Lines: one per record in NDJSON and CSV (after the header); JSON needs its own map.
  const lineOf = (index: number) => (format === 'csv' ? index + 2 : format === 'ndjson' ? index + 1 : -1);
  const indexOfLine = new Map<number, number>();
  if (format === 'json') {
    // JSON.stringify(records, null, 1) puts each element's `{` on its own line: line 2, then after
    // the previous element's lines.
    let line = 2;
    records.forEach((r, i) => {
      indexOfLine.set(line, i);
      line += JSON.stringify(r, null, 1).split('\n').length;
    });
  } else {
    for (let i = 0; i < records.length; i++) indexOfLine.set(lineOf(i), i);
  }
  const reported = (code: string) =>
    (report.examples[code] ?? []).map((e) => {
      const index = indexOfLine.get(e.line);
      expect(index, `${code} at line ${e.line}`).toBeDefined();
      return index!;
    });

  const sets = new Map<string, Set<number>>();
  const reportedSet = (code: string) => {
    let set = sets.get(code);
    if (!set) {
      set = new Set(reported(code));
      sets.set(code, set);
    }
    return set;
  };
  const planted = (code: string) => labelled.filter((l) => l.planted?.code === code).map((l) => l.index);
  for (const code of ['DUPLICATE_PERSONAL_ID', 'ENROLLED_IN_TWO_PROVINCES'] as const) {
    expect(report.issues[code] ?? 0, code).toBe(planted(code).length);
    expect(reported(code), code).toEqual(planted(code));
  }
  const householdOf = (i: number) => records[i]!.householdId as string;
  const headless = new Set(planted('HOUSEHOLD_WITHOUT_HEAD').map(householdOf));
  expect(new Set(reported('HOUSEHOLD_WITHOUT_HEAD').map(householdOf))).toEqual(headless);
  expect(report.issues.HOUSEHOLD_WITHOUT_HEAD ?? 0).toBe(headless.size);

  // Invalid records: exactly the planted record-scope mistakes, the planted duplicates and the
  // first record of each household left without head.
  const invalid = new Set<number>();
  for (const l of labelled)
    if (l.planted && l.planted.code !== 'HOUSEHOLD_WITHOUT_HEAD') invalid.add(l.index);
  for (const i of reported('HOUSEHOLD_WITHOUT_HEAD')) invalid.add(i);
  expect(report.records).toBe(count);
  expect(report.invalid).toBe(invalid.size);
  expect(report.valid + report.invalid).toBe(report.records);
  const recordScope = labelled.filter((l) => l.planted?.scope === 'record');
  const missed = recordScope.filter((l) => !reportedSet(l.planted!.code).has(l.index));
  expect(missed.map((l) => l.planted)).toEqual([]);
  return { report, planted: CROSS_RECORD.map((c) => planted(c).length) };
}

describe('cross-record rules on generated data with planted mistakes', () => {
  it.each([
    ['social-assistance', 'ndjson'],
    ['social-assistance', 'csv'],
    ['social-assistance', 'json'],
    ['health-insurance', 'ndjson'],
    ['poverty-reduction', 'ndjson'],
  ] as const)('%s as %s: finds exactly the planted ones', async (kind, format) => {
    const { planted } = await check(kind, format, 2025, 3000, 0.08);
    expect(planted.every((n) => n > 0)).toBe(true); // every rule was exercised
  });

  it('finds nothing across records in clean data', async () => {
    const { report } = await check('social-assistance', 'ndjson', 7, 3000, 0);
    for (const code of CROSS_RECORD) expect(report.issues[code]).toBeUndefined();
  });
});
