import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rng, seedWords } from '../../src/generate/prng.js';
import {
  createRecordValidator,
  generateLabelledRecords,
  generateRecord,
  generateRecords,
  isProgramKind,
  parsePersonalId,
  RECORD_KINDS,
  SOCIAL_ASSISTANCE_GROUPS,
} from '../../src/index.js';

function fnv(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

const take = <T>(items: Iterable<T>): T[] => [...items];

describe('the PRNG', () => {
  it('yields a fixed sequence for a seed (integer arithmetic only, so on every platform)', () => {
    const r = new Rng(seedWords(42), 1, 2, 3);
    expect([r.next(), r.next(), r.next(), r.next()]).toEqual([2805320315, 2230746038, 548728721, 857738296]);
    const s = new Rng(seedWords('ansinh'), 0, 0, 0);
    expect([s.next(), s.next()]).toEqual([3184705532, 22979381]);
    // Seeds above 2^32 keep their high bits.
    expect(seedWords(2 ** 40 + 5)).toEqual([3423425485, 1910037400]);
    expect(seedWords(2 ** 40 + 5)).not.toEqual(seedWords(5));
  });

  it('draws integers within bounds and roughly uniformly', () => {
    const r = new Rng(seedWords(7), 0, 0, 0);
    const counts = new Array(10).fill(0);
    for (let i = 0; i < 100_000; i++) counts[r.int(0, 9)]++;
    for (const c of counts) {
      expect(c).toBeGreaterThan(9_500);
      expect(c).toBeLessThan(10_500);
    }
  });
});

describe('generateRecords', () => {
  // Golden digests of the first 50 records of each kind for seed 1 with planted mistakes: any change
  // to the generator's output (or a platform difference) shows here. Update them deliberately.
  const GOLDEN: Record<string, string> = {
    person: '779a1f34',
    address: '84b19437',
    household: '65d21e1d',
    'social-assistance': '2e5f7ec1',
    'poverty-reduction': 'a107944e',
    'meritorious-services': '656bd626',
    'unemployment-insurance': '7a8513bf',
    'social-insurance': '184841ec',
    'health-insurance': 'c9b04470',
    children: '50980d59',
    'vocational-training': '54c7abae',
    employment: '4618277f',
    card: '52f4476c',
    'payment-order': 'e559dcb7',
    envelope: 'a9b443f8',
  };

  it.each(RECORD_KINDS)('%s: the same seed gives the same records (golden digest)', (kind) => {
    const records = take(generateRecords(kind, { seed: 1, count: 50, errorRate: 0.2 }));
    expect(fnv(JSON.stringify(records))).toBe(GOLDEN[kind]);
    expect(take(generateRecords(kind, { seed: 1, count: 50, errorRate: 0.2 }))).toEqual(records);
    expect(take(generateRecords(kind, { seed: 2, count: 50, errorRate: 0.2 }))).not.toEqual(records);
  });

  it.each(RECORD_KINDS)('%s: generateRecord(i) and slices with `start` equal the stream', (kind) => {
    const all = take(generateRecords(kind, { seed: 'slice', count: 30, errorRate: 0.3 }));
    expect(generateRecord(kind, 'slice', 17, { errorRate: 0.3 })).toEqual(all[17]);
    expect(take(generateRecords(kind, { seed: 'slice', count: 10, start: 20, errorRate: 0.3 }))).toEqual(
      all.slice(20),
    );
  });

  it('is lazy: a billion records cost nothing until iterated', () => {
    const iterator = generateRecords('person', { seed: 1, count: 1_000_000_000 })[Symbol.iterator]();
    const first = iterator.next();
    expect(first.done).toBe(false);
    expect(iterator.next().done).toBe(false);
  });

  it('rejects unknown kinds and bad options with typed errors', () => {
    expect(() => generateRecords('nope' as never, { seed: 1, count: 1 })).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_KIND' }),
    );
    for (const options of [
      { count: -1 },
      { count: 1.5 },
      { count: 1, errorRate: 2 },
      { count: 1, start: -3 },
    ]) {
      expect(() => generateRecords('person', { seed: 1, ...options })).toThrow(
        expect.objectContaining({ code: 'INVALID_OPTION' }),
      );
    }
  });

  it('plants mistakes in about errorRate of the records, and only then', () => {
    const labelled = take(
      generateLabelledRecords('social-assistance', { seed: 3, count: 4000, errorRate: 0.1 }),
    );
    const planted = labelled.filter((r) => r.planted !== undefined).length;
    expect(planted).toBeGreaterThan(320);
    expect(planted).toBeLessThan(480);
    expect(
      take(generateLabelledRecords('social-assistance', { seed: 3, count: 500 })).every((r) => !r.planted),
    ).toBe(true);
  });
});

describe('realism', () => {
  it('writes Vietnamese names in NFC with diacritics, and IDs consistent with birth date, sex and province', () => {
    let withDiacritics = 0;
    for (const r of generateRecords('person', { seed: 11, count: 2000 })) {
      const name = r.fullName as string;
      expect(name).toBe(name.normalize('NFC'));
      expect(name.split(' ').length).toBeGreaterThanOrEqual(3);
      if (/[^\u0000-\u007f]/.test(name)) withDiacritics++;
      const id = parsePersonalId(r.personalId as string, {
        dateOfBirth: r.dateOfBirth as string,
        sex: r.sex as 'male' | 'female',
      });
      expect(id.ok).toBe(true);
      expect(id.ok && id.value.placeKind).toBe('province');
    }
    expect(withDiacritics).toBeGreaterThan(1800);
  });

  it('gives every record of a stream its own personal ID and social insurance number', () => {
    const ids = new Set<string>();
    const si = new Set<string>();
    let n = 0;
    for (const r of generateRecords('health-insurance', { seed: 5, count: 20_000 })) {
      ids.add(r.personalId as string);
      si.add(r.socialInsuranceNumber as string);
      n++;
    }
    expect(ids.size).toBe(n);
    expect(si.size).toBe(n);
  });

  it('pays social assistance as 500,000 VND × the coefficient of the group', () => {
    const coefficient = new Map(
      SOCIAL_ASSISTANCE_GROUPS.map((g) => [g.code as string, g.coefficient as number]),
    );
    for (const r of generateRecords('social-assistance', { seed: 8, count: 1000 })) {
      expect(r.baseLevel).toBe(500_000);
      expect(r.monthlyAmount).toBe(500_000 * (r.coefficient as number));
      const base = coefficient.get(r.beneficiaryGroup as string)!;
      expect(r.coefficient).toBe(
        r.dependentChildren === undefined ? base : base * (r.dependentChildren as number),
      );
    }
  });

  it('builds households with exactly one head, in household records and in poverty lists', () => {
    for (const r of generateRecords('household', { seed: 4, count: 500 })) {
      const members = r.members as { relationToHead: string }[];
      expect(members.filter((m) => m.relationToHead === 'head')).toHaveLength(1);
    }
    const heads = new Map<string, number>();
    for (const r of generateRecords('poverty-reduction', { seed: 4, count: 4000 })) {
      const id = r.householdId as string;
      heads.set(id, (heads.get(id) ?? 0) + (r.relationToHead === 'head' ? 1 : 0));
    }
    expect(heads.size).toBeGreaterThan(1000);
    expect(heads.size).toBeLessThan(4000);
    for (const count of heads.values()) expect(count).toBe(1);
  });
});

describe('property: every generated record is valid when no mistake is planted', () => {
  const validators = new Map(RECORD_KINDS.map((k) => [k, createRecordValidator(k, { lang: 'en' })]));
  it.each(RECORD_KINDS)('%s, many seeds', (kind) => {
    const validate = validators.get(kind)!;
    fc.assert(
      fc.property(fc.oneof(fc.nat(), fc.string()), fc.nat({ max: 5_000_000 }), (seed, start) => {
        for (const record of generateRecords(kind, { seed, count: 12, start })) {
          const r = validate(record);
          if (!r.ok) throw new Error(`${kind} seed ${String(seed)}: ${JSON.stringify(r.issues)}`);
          // Programme records carry the fields the dataset rules read.
          if (isProgramKind(kind)) {
            expect(typeof record.personalId).toBe('string');
            expect(typeof record.provinceCode).toBe('string');
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
