import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HouseholdIndex } from '../../src/dataset/household-index.js';
import { NEW_ID, PersonalIdIndex, personalIdToNumber } from '../../src/dataset/id-index.js';

describe('personalIdToNumber', () => {
  it('reads exactly 12 ASCII digits, leading zeros included', () => {
    expect(personalIdToNumber('001090000123')).toBe(1_090_000_123);
    expect(personalIdToNumber('999999999999')).toBe(999_999_999_999);
    expect(personalIdToNumber('000000000000')).toBe(0);
    for (const bad of [
      '00109000012',
      '0010900001234',
      '00109000012a',
      '００１０９０００１２３',
      12,
      null,
      undefined,
    ]) {
      expect(personalIdToNumber(bad)).toBe(-1);
    }
  });
});

describe('PersonalIdIndex', () => {
  it('returns NEW_ID the first time and the first province afterwards', () => {
    const index = new PersonalIdIndex();
    expect(index.add(1_090_000_123, 1, 2)).toBe(NEW_ID);
    expect(index.add(1_090_000_123, 1, 80)).toBe(2);
    expect(index.add(1_090_000_123, 1, 2)).toBe(2);
    expect(index.add(1_090_000_123, 2, 80)).toBe(NEW_ID); // another programme
    expect(index.add(0, 1, 0)).toBe(NEW_ID); // ID 000000000000, unknown province
    expect(index.add(0, 1, 5)).toBe(0);
    expect(index.add(999_999_999_999, 15, 100)).toBe(NEW_ID); // the largest values of every field
    expect(index.add(999_999_999_999, 15, 1)).toBe(100);
    expect(index.size).toBe(4);
  });

  it('agrees with a Map oracle, through many growths', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1 }),
        fc.array(
          fc.tuple(
            // Few distinct IDs so repeats are frequent, plus the whole range.
            fc.oneof(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 999_999_999_999 })),
            fc.integer({ min: 1, max: 15 }),
            fc.integer({ min: 0, max: 100 }),
          ),
          { minLength: 1500, maxLength: 2500 },
        ),
        (shardBits, entries) => {
          // One or two shards of 512 slots: growth (in place) starts after ~410 keys per shard.
          const index = new PersonalIdIndex(shardBits);
          const oracle = new Map<string, number>();
          const disagreements: unknown[] = [];
          for (const [id, programme, province] of entries) {
            const key = `${id}/${programme}`;
            const expected = oracle.get(key) ?? NEW_ID;
            const got = index.add(id, programme, province);
            if (got !== expected) disagreements.push({ id, programme, province, got, expected });
            if (expected === NEW_ID) oracle.set(key, province);
          }
          expect(disagreements).toEqual([]);
          expect(index.size).toBe(oracle.size);
          expect(index.byteLength).toBeGreaterThan((1 << shardBits) * 512 * 8); // it grew
        },
      ),
      { numRuns: 50 },
    );
  });

  it('holds 300,000 sequential IDs exactly and stays within 16 bytes per ID once past its first pages', () => {
    const index = new PersonalIdIndex();
    const base = 79_195_000_000; // "079195…": sequential serials of one province and year
    let wrong = 0;
    for (let i = 0; i < 300_000; i++) if (index.add(base + i, 1, 80) !== NEW_ID) wrong++;
    for (let i = 0; i < 300_000; i += 7) if (index.add(base + i, 1, 2) !== 80) wrong++;
    expect(wrong).toBe(0);
    expect(index.add(base + 300_000, 1, 80)).toBe(NEW_ID);
    expect(index.size).toBe(300_001);
    expect(index.byteLength / index.size).toBeLessThanOrEqual(16);
    expect(index.byteLength / index.size).toBeGreaterThanOrEqual(10);
  });
});

describe('HouseholdIndex', () => {
  const headless = (index: HouseholdIndex) => {
    const found: [number, boolean][] = [];
    index.withoutHead((line, valid) => found.push([line, valid]));
    return found.sort((a, b) => a[0] - b[0]);
  };

  it('reports each household without head once, with its first line and first-record validity', () => {
    const index = new HouseholdIndex();
    index.add('HH1', 1, false, true);
    index.add('HH2', 2, false, false);
    index.add('HH1', 3, true, true); // HH1 gets its head later: fine
    index.add('HH2', 4, false, true);
    index.add('HH3', 5, true, true);
    index.add('HH4', 6, false, true);
    expect(headless(index)).toEqual([
      [2, false],
      [6, true],
    ]);
  });

  it('agrees with a Map oracle, through many growths', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1 }),
        fc.array(
          fc.tuple(
            fc.oneof(
              fc.integer({ min: 0, max: 3000 }).map((n) => `HGD-01-${n}`),
              fc.string({ unit: 'grapheme' }),
            ),
            fc.boolean(),
            fc.boolean(),
          ),
          { minLength: 1500, maxLength: 2500 },
        ),
        (shardBits, entries) => {
          // One or two shards of 512 slots, so the in-place growth runs several times.
          const index = new HouseholdIndex(shardBits);
          const oracle = new Map<string, { line: number; head: boolean; valid: boolean }>();
          entries.forEach(([id, isHead, valid], i) => {
            index.add(id, i + 1, isHead, valid);
            const known = oracle.get(id);
            if (known) known.head ||= isHead;
            else oracle.set(id, { line: i + 1, head: isHead, valid });
          });
          const expected = [...oracle.values()]
            .filter((h) => !h.head)
            .map((h): [number, boolean] => [h.line, h.valid])
            .sort((a, b) => a[0] - b[0]);
          expect(headless(index)).toEqual(expected);
        },
      ),
      { numRuns: 50 },
    );
  });
});
