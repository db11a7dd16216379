import { describe, expect, it } from 'vitest';
import {
  csvColumns,
  csvField,
  csvLine,
  generateRecords,
  RECORD_KINDS,
  recordCells,
} from '../../src/index.js';

describe('CSV form of records', () => {
  it('flattens nested objects into dotted columns and merges address schemes', () => {
    const names = csvColumns('person').map((c) => c.name);
    expect(names.slice(0, 5)).toEqual(['schemaVersion', 'personalId', 'fullName', 'dateOfBirth', 'sex']);
    for (const field of [
      'scheme',
      'provinceCode',
      'districtCode',
      'communeCode',
      'street',
      'effectiveDate',
    ]) {
      expect(names).toContain(`address.${field}`);
    }
    expect(csvColumns('household').find((c) => c.name === 'members')?.type).toBe('json');
    expect(csvColumns('poverty-reduction').find((c) => c.name === 'deprivations')?.type).toBe('json');
  });

  it.each(RECORD_KINDS)('%s: every field of every generated record has a column', (kind) => {
    const columns = csvColumns(kind);
    for (const record of generateRecords(kind, { seed: 3, count: 200 })) {
      const { cells, uncovered } = recordCells(columns, record);
      expect(uncovered).toEqual([]);
      expect(cells).toHaveLength(columns.length);
    }
  });

  it('writes absent fields as empty cells, lists as JSON, numbers as JSON, and quotes per RFC 4180', () => {
    const columns = csvColumns('poverty-reduction');
    const record = [...generateRecords('poverty-reduction', { seed: 1, count: 20 })].find(
      (r) => (r.address as { scheme: string }).scheme === '2025',
    )!;
    const { cells } = recordCells(columns, record);
    const cell = (name: string) => cells[columns.findIndex((c) => c.name === name)];
    expect(cell('address.districtCode')).toBe('');
    expect(cell('address.scheme')).toBe('2025');
    expect(JSON.parse(cell('deprivations')!)).toEqual(record.deprivations);
    expect(cell('classificationYear')).toBe(String(record.classificationYear));
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvLine(['Nguyễn Văn A', '01', ''])).toBe('Nguyễn Văn A,01,');
  });

  it('reports values no column holds instead of dropping them', () => {
    const record = { ...[...generateRecords('person', { seed: 1, count: 1 })][0]!, ghiChu: 'x' };
    expect(recordCells(csvColumns('person'), record).uncovered).toEqual(['ghiChu']);
  });
});
