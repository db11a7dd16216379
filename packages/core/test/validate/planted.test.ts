import { describe, expect, it } from 'vitest';
import {
  createRecordValidator,
  generateLabelledRecords,
  isProgramKind,
  type LabelledRecord,
  MISTAKES,
  type MistakeCode,
  RECORD_KINDS,
} from '../../src/index.js';

// Every mistake the generator plants must be found: record-scope ones by validateRecord, with the
// code and at the path the generator reports; dataset-scope ones are valid records whose
// cross-record fault (checked here directly) the dataset validator reports.

const seen = new Set<MistakeCode>();

describe.each(RECORD_KINDS)('planted mistakes in %s', (kind) => {
  const labelled = [...generateLabelledRecords(kind, { seed: 21, count: 1500, errorRate: 0.35 })];
  const validate = createRecordValidator(kind, { lang: 'en' });

  it('reports every record-scope mistake with its code at its path, and nothing on clean records', () => {
    let planted = 0;
    for (const { index, record, planted: p } of labelled) {
      const r = validate(record);
      if (p === undefined) {
        expect(r.ok, `record ${index} has no planted mistake`).toBe(true);
        continue;
      }
      planted++;
      seen.add(p.mistake);
      if (p.scope === 'dataset') continue;
      expect(r.ok, `${p.mistake} in record ${index}`).toBe(false);
      if (!r.ok) {
        const found = r.issues.some((i) => i.code === p.code && i.path.join('.') === p.path.join('.'));
        expect(found, `${p.mistake}: ${JSON.stringify(r.issues)}`).toBe(true);
      }
    }
    expect(planted).toBeGreaterThan(400);
  });

  it.runIf(isProgramKind(kind))(
    'makes dataset-scope mistakes valid records with a cross-record fault',
    () => {
      const byIndex = new Map<number, LabelledRecord>(labelled.map((l) => [l.index, l]));
      const households = new Map<string, string[]>();
      for (const { record } of labelled) {
        if (typeof record.householdId !== 'string') continue;
        const list = households.get(record.householdId) ?? [];
        list.push(record.relationToHead as string);
        households.set(record.householdId, list);
      }
      for (const { record, planted: p } of labelled) {
        if (p?.scope !== 'dataset') continue;
        expect(validate(record).ok, `${p.mistake} leaves a valid record`).toBe(true);
        if (p.mistake === 'household-without-head') {
          expect(households.get(record.householdId as string)).not.toContain('head');
          continue;
        }
        const earlier = byIndex.get(p.relatedIndex!)!;
        expect(earlier.planted).toBeUndefined();
        expect(p.relatedIndex).toBeLessThan(p.index);
        expect(record.personalId).toBe(earlier.record.personalId);
        if (p.mistake === 'duplicate-personal-id')
          expect(record.provinceCode).toBe(earlier.record.provinceCode);
        else expect(record.provinceCode).not.toBe(earlier.record.provinceCode);
      }
    },
  );
});

describe('coverage of the planted mistakes', () => {
  it('plants every mistake of MISTAKES somewhere', () => {
    expect([...seen].sort()).toEqual((Object.keys(MISTAKES) as MistakeCode[]).sort());
  });
});
