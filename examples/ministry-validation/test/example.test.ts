import { fileURLToPath } from 'node:url';
import { csvColumns, generateLabelledRecords } from '@ansinh/core';
import { describe, expect, it } from 'vitest';
import { COLUMNS } from '../src/columns.js';
import { validateExport } from '../src/validate-export.js';

const sample = fileURLToPath(new URL('../data/tro-giup-xa-hoi.csv', import.meta.url));

describe('ministry validation example', () => {
  it('maps a column onto every field of the national record', () => {
    const mapped = new Set(Object.values(COLUMNS));
    expect(
      csvColumns('social-assistance')
        .filter((c) => !mapped.has(c.name as never))
        .map((c) => c.name),
    ).toEqual([]);
  });

  it('reads every row of the Vietnamese-headed export and flags exactly the planted mistakes', async () => {
    const report = await validateExport(sample, 'en');
    expect(report.records).toBe(200);
    expect(report.valid + report.invalid).toBe(200);
    // An unknown extra field cannot survive an export with fixed columns; every other mistake must be found.
    const planted = [
      ...generateLabelledRecords('social-assistance', { seed: 2026, count: 200, errorRate: 0.05 }),
    ].filter((r) => r.planted !== undefined && r.planted.mistake !== 'unknown-field').length;
    expect(planted).toBeGreaterThan(0);
    expect(report.invalid).toBe(planted);
    expect(report.issues.DATASET_CSV_MISSING_COLUMNS ?? 0).toBe(0);
  });
});
