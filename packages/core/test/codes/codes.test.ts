import { describe, expect, it } from 'vitest';
import {
  codeLabel,
  ETHNIC_GROUPS,
  HI_BENEFICIARY_GROUPS,
  HI_BENEFIT_LEVELS,
  hiGroupUsualLevel,
  ISSUING_AGENCIES,
  isAgencyCode,
  isEthnicCode,
  isHiGroupCode,
  isProgramCode,
  isProvinceCode2004,
  isProvinceCode2025,
  isSex,
  PROGRAMS,
  PROVINCE_2004_TO_2025,
  PROVINCES_2004,
  PROVINCES_2025,
  SEXES,
} from '../../src/codes/index.js';

const ALL_LISTS = {
  PROVINCES_2004,
  PROVINCES_2025,
  ETHNIC_GROUPS,
  SEXES,
  HI_BENEFIT_LEVELS,
  HI_BENEFICIARY_GROUPS,
  PROGRAMS,
  ISSUING_AGENCIES,
} as const;

function keyOf(entry: { code: string } | { level: number }): string | number {
  return 'code' in entry ? entry.code : entry.level;
}

describe('code lists: sizes against their sources', () => {
  it.each([
    ['PROVINCES_2004 (QĐ 124/2004)', PROVINCES_2004.length, 63],
    ['PROVINCES_2025 (QĐ 19/2025)', PROVINCES_2025.length, 34],
    ['ETHNIC_GROUPS (QĐ 121-TCTK/PPCĐ)', ETHNIC_GROUPS.length, 54],
    ['HI_BENEFICIARY_GROUPS (QĐ 1351/QĐ-BHXH)', HI_BENEFICIARY_GROUPS.length, 43],
    ['HI_BENEFIT_LEVELS', HI_BENEFIT_LEVELS.length, 5],
    ['PROGRAMS (QĐ 708/QĐ-TTg)', PROGRAMS.length, 9],
    ['SEXES', SEXES.length, 2],
    ['ISSUING_AGENCIES', ISSUING_AGENCIES.length, 5],
  ])('%s has %i entries', (_name, actual, expected) => {
    expect(actual).toBe(expected);
  });
});

describe.each(Object.entries(ALL_LISTS))('%s', (_name, list) => {
  const entries = list as readonly ({ vi: string; en: string } & ({ code: string } | { level: number }))[];

  it('has unique codes', () => {
    const keys = entries.map(keyOf);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('has non-empty vi and en labels, Vietnamese in NFC, no stray whitespace', () => {
    for (const entry of entries) {
      expect(entry.vi.length).toBeGreaterThan(0);
      expect(entry.en.length).toBeGreaterThan(0);
      expect(entry.vi).toBe(entry.vi.normalize('NFC'));
      expect(entry.vi).toBe(entry.vi.trim());
      expect(entry.en).toBe(entry.en.trim());
      // English labels are plain ASCII apart from typographic dashes, so they render anywhere.
      expect(entry.en).toMatch(/^[\x20-\x7e–]+$/);
    }
  });
});

describe('provinces', () => {
  it('2004 codes are the 63 two-digit GSO codes listed for the personal ID (vn-reference §1.3)', () => {
    const cccdPrefixes =
      '001 002 004 006 008 010 011 012 014 015 017 019 020 022 024 025 026 027 030 031 033 034 035 036 037 038 040 042 044 045 046 048 049 051 052 054 056 058 060 062 064 066 067 068 070 072 074 075 077 079 080 082 083 084 086 087 089 091 092 093 094 095 096'.split(
        ' ',
      );
    expect(PROVINCES_2004.map((p) => `0${p.code}`)).toEqual(cccdPrefixes);
  });

  it('2025 units are 28 provinces and 6 centrally-run cities', () => {
    expect(PROVINCES_2025.filter((p) => p.kind === 'province')).toHaveLength(28);
    expect(PROVINCES_2025.filter((p) => p.kind === 'city').map((p) => p.code)).toEqual([
      '01',
      '31',
      '46',
      '48',
      '79',
      '92',
    ]);
  });

  it('every 2004 province maps to an existing 2025 province', () => {
    expect(Object.keys(PROVINCE_2004_TO_2025).sort()).toEqual(PROVINCES_2004.map((p) => p.code).sort());
    for (const target of Object.values(PROVINCE_2004_TO_2025)) {
      expect(isProvinceCode2025(target)).toBe(true);
    }
  });

  it('formedFrom agrees with the mapping: each old code in exactly one new province', () => {
    const seen = new Map<string, string>();
    for (const unit of PROVINCES_2025) {
      for (const old of unit.formedFrom) {
        expect(seen.has(old), `${old} listed twice`).toBe(false);
        seen.set(old, unit.code);
        expect(PROVINCE_2004_TO_2025[old]).toBe(unit.code);
      }
    }
    expect(seen.size).toBe(63);
  });

  it('each new unit keeps the code of one of the provinces it was formed from', () => {
    for (const unit of PROVINCES_2025) {
      expect(unit.formedFrom as readonly string[]).toContain(unit.code);
    }
  });

  it('29 provinces disappeared in 2025, exactly those vn-reference §1.7 lists', () => {
    const gone = PROVINCES_2004.filter((p) => !isProvinceCode2025(p.code)).map((p) => p.code);
    expect(gone).toEqual(
      '02 06 10 17 26 27 30 34 35 36 45 49 54 58 60 62 64 67 70 72 74 77 83 84 87 89 93 94 95'.split(' '),
    );
  });

  it.each([
    ['08', ['08', '02']],
    ['15', ['15', '10']],
    ['24', ['24', '27']],
    ['44', ['44', '45']],
    ['52', ['52', '64']],
    ['79', ['79', '74', '77']],
    ['80', ['80', '72']],
    ['82', ['82', '87']],
    ['91', ['91', '89']],
    ['92', ['92', '94', '93']],
  ])('Decision 19/2025 code %s (not the circulating wrong variant) formed from %j', (code, from) => {
    const unit = PROVINCES_2025.find((p) => p.code === code);
    expect(unit?.formedFrom).toEqual(from);
  });

  it('type guards accept only codes of their scheme', () => {
    expect(isProvinceCode2004('35')).toBe(true);
    expect(isProvinceCode2025('35')).toBe(false);
    expect(isProvinceCode2025('37')).toBe(true);
    expect(isProvinceCode2004('03')).toBe(false);
    expect(isProvinceCode2004('1')).toBe(false);
    expect(isProvinceCode2004(1)).toBe(false);
    expect(isProvinceCode2025(undefined)).toBe(false);
  });
});

describe('ethnic groups', () => {
  it('follows list A: 04 Hoa, 05 Khơ-me, 06 Mường … 53 Ơ Đu, 54 Rơ-măm', () => {
    const byCode = (code: string) => ETHNIC_GROUPS.find((g) => g.code === code)?.vi;
    expect(byCode('01')).toBe('Kinh');
    expect(byCode('04')).toBe('Hoa');
    expect(byCode('05')).toBe('Khơ-me');
    expect(byCode('06')).toBe('Mường');
    expect(byCode('11')).toBe('Ngái');
    expect(byCode('17')).toBe('Chăm');
    expect(byCode('53')).toBe('Ơ Đu');
    expect(byCode('54')).toBe('Rơ-măm');
  });

  it('codes run 01..54 in order', () => {
    expect(ETHNIC_GROUPS.map((g) => g.code)).toEqual(
      Array.from({ length: 54 }, (_, i) => String(i + 1).padStart(2, '0')),
    );
  });

  it('does not accept the unconfirmed 55 (foreigner) or private 58+ codes', () => {
    expect(isEthnicCode('54')).toBe(true);
    expect(isEthnicCode('55')).toBe(false);
    expect(isEthnicCode('58')).toBe(false);
    expect(isEthnicCode('00')).toBe(false);
  });
});

describe('sex', () => {
  it('matches the contract: male 1 Nam, female 2 Nữ', () => {
    expect(SEXES).toEqual([
      { code: 'male', number: 1, vi: 'Nam', en: 'Male' },
      { code: 'female', number: 2, vi: 'Nữ', en: 'Female' },
    ]);
    expect(isSex('male')).toBe(true);
    expect(isSex('Nam')).toBe(false);
  });
});

describe('health insurance', () => {
  // vn-reference §3.2: the group → level table.
  const expectedLevels: Record<number, string> = {
    1: 'CC TE',
    2: 'CK CB KC HN DT DK XD BT TS',
    3: 'HT TC CN',
    4: 'DN HX CH NN TK HC XK TB NO CT XB TN CS XN MS HD TQ TA TY HG LS PV HS SV GB GD',
    5: 'QN CA CY',
  };

  it.each(Object.entries(expectedLevels))('level %s groups are exactly %s', (level, groups) => {
    const actual = HI_BENEFICIARY_GROUPS.filter((g) => g.level === Number(level)).map((g) => g.code);
    expect([...actual].sort()).toEqual(groups.split(' ').sort());
  });

  it('levels are 1..5 and every group level is one of them', () => {
    expect(HI_BENEFIT_LEVELS.map((l) => l.level)).toEqual([1, 2, 3, 4, 5]);
    for (const group of HI_BENEFICIARY_GROUPS) {
      expect(hiGroupUsualLevel(group.code)).toBe(group.level);
    }
  });

  it('group codes are two upper-case letters; unconfirmed OK and TV are absent', () => {
    for (const group of HI_BENEFICIARY_GROUPS) expect(group.code).toMatch(/^[A-Z]{2}$/);
    expect(isHiGroupCode('OK')).toBe(false);
    expect(isHiGroupCode('TV')).toBe(false);
    expect(isHiGroupCode('dn')).toBe(false);
    expect(isHiGroupCode('DN')).toBe(true);
  });
});

describe('programs', () => {
  it('has the contract codes, ids 1..9 and horizons in order', () => {
    expect(PROGRAMS.map((p) => [p.id, p.code, p.horizon])).toEqual([
      [1, 'social-assistance', '2020'],
      [2, 'poverty-reduction', '2020'],
      [3, 'meritorious-services', '2020'],
      [4, 'unemployment-insurance', '2020'],
      [5, 'social-insurance', '2020'],
      [6, 'health-insurance', '2020'],
      [7, 'children', '2030'],
      [8, 'vocational-training', '2030'],
      [9, 'employment', '2030'],
    ]);
    expect(isProgramCode('employment')).toBe(true);
    expect(isProgramCode('gender-equality')).toBe(false);
  });
});

describe('agencies', () => {
  it('has VSS, MOHA, MOLISA (historic), MPS and MOH', () => {
    expect(ISSUING_AGENCIES.map((a) => [a.code, a.current])).toEqual([
      ['VSS', true],
      ['MOHA', true],
      ['MOLISA', false],
      ['MPS', true],
      ['MOH', true],
    ]);
    expect(codeLabel(ISSUING_AGENCIES, 'VSS')).toBe('Bảo hiểm xã hội Việt Nam');
    expect(isAgencyCode('MOLISA')).toBe(true);
    expect(isAgencyCode('vss')).toBe(false);
  });
});

describe('codeLabel', () => {
  it.each([
    [PROVINCES_2004, '79', 'en', 'Ho Chi Minh City'],
    [PROVINCES_2025, '37', 'vi', 'Tỉnh Ninh Bình'],
    [ETHNIC_GROUPS, '05', 'vi', 'Khơ-me'],
    [SEXES, 'female', 'vi', 'Nữ'],
    [HI_BENEFICIARY_GROUPS, 'TE', 'en', 'Children under 6'],
    [PROGRAMS, 'children', 'vi', 'Trẻ em'],
  ] as const)('finds the label of a code', (list, code, lang, label) => {
    expect(codeLabel(list, code, lang)).toBe(label);
  });

  it('looks up benefit levels by number and defaults to Vietnamese', () => {
    expect(codeLabel(HI_BENEFIT_LEVELS, 3)).toMatch(/^95%/);
    expect(codeLabel(HI_BENEFIT_LEVELS, 3, 'en')).toMatch(/^95% of covered costs/);
  });

  it('returns undefined for unknown codes, including a number where a string code is expected', () => {
    expect(codeLabel(PROVINCES_2004, '03')).toBeUndefined();
    expect(codeLabel(PROVINCES_2004, 1)).toBeUndefined();
    expect(codeLabel(HI_BENEFIT_LEVELS, 6)).toBeUndefined();
  });
});
