import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROVINCES_2004 } from '../../src/codes/index.js';
import { isPersonalIdShape, PERSONAL_ID_MESSAGES, parsePersonalId } from '../../src/id/index.js';

function codes(result: ReturnType<typeof parsePersonalId>): string[] {
  return (result.ok ? result.warnings : result.issues).map((i) => i.code);
}

describe('parsePersonalId: real-format numbers', () => {
  it.each([
    // number, place kind, province, sex, birth year
    ['001089012345', 'province', '01', 'male', 1989],
    ['079303012345', 'province', '79', 'female', 2003],
    ['038185000123', 'province', '38', 'female', 1985],
    ['096200999999', 'province', '96', 'male', 2000],
    ['002072000001', 'province', '02', 'male', 1972], // Hà Giang: merged away in 2025, still valid
    ['035195123456', 'province', '35', 'female', 1995], // Hà Nam: merged into Ninh Bình
    ['175090001234', 'abroad', undefined, 'male', 1990], // registered abroad (USA)
    ['232321654321', 'abroad', undefined, 'female', 2021], // registered abroad (Japan)
  ] as const)('%s → %s %s %s %i', (text, placeKind, province, sex, birthYear) => {
    const result = parsePersonalId(text);
    expect(result).toEqual({
      ok: true,
      value: {
        value: text,
        placeCode: text.slice(0, 3),
        placeKind,
        ...(province === undefined ? {} : { province }),
        sex,
        birthYear,
        serial: text.slice(6),
      },
      warnings: [],
    });
  });

  it('accepts every one of the 63 pre-2025 province prefixes', () => {
    for (const p of PROVINCES_2004) {
      const result = parsePersonalId(`0${p.code}090000001`);
      expect(result.ok && result.value.province).toBe(p.code);
      expect(isPersonalIdShape(`0${p.code}090000001`)).toBe(true);
    }
  });
});

describe('parsePersonalId: malformed numbers are hard errors', () => {
  it.each([
    ['', ['PERSONAL_ID_LENGTH']],
    ['07930301234', ['PERSONAL_ID_LENGTH']], // 11 digits
    ['0793030123456', ['PERSONAL_ID_LENGTH']], // 13 digits
    ['07930301234a', ['PERSONAL_ID_NOT_DIGITS']],
    [' 079303012345', ['PERSONAL_ID_LENGTH', 'PERSONAL_ID_NOT_DIGITS']], // scanner whitespace is not trimmed
    ['079 303 012 345', ['PERSONAL_ID_LENGTH', 'PERSONAL_ID_NOT_DIGITS']],
    ['０７９３０３０１２３４５', ['PERSONAL_ID_NOT_DIGITS']], // full-width digits
    ['٠٧٩٣٠٣٠١٢٣٤٥', ['PERSONAL_ID_NOT_DIGITS']], // Arabic-Indic digits
    ['-79303012345', ['PERSONAL_ID_NOT_DIGITS']],
    ['7.9303012345', ['PERSONAL_ID_NOT_DIGITS']],
  ])('%j → %j', (text, expected) => {
    const result = parsePersonalId(text);
    expect(result.ok).toBe(false);
    expect(codes(result)).toEqual(expected);
    if (!result.ok) for (const issue of result.issues) expect(issue.severity).toBe('error');
  });

  it('rejects non-string input without throwing', () => {
    expect(codes(parsePersonalId(79303012345 as unknown as string))).toEqual(['PERSONAL_ID_NOT_DIGITS']);
    expect(codes(parsePersonalId(null as unknown as string))).toEqual(['PERSONAL_ID_NOT_DIGITS']);
  });

  it('says how many characters it got, in Vietnamese by default and in English on request', () => {
    const vi = parsePersonalId('12345');
    const en = parsePersonalId('12345', { lang: 'en', path: ['members', 2, 'personalId'] });
    expect(vi.ok || vi.issues[0]?.message).toBe(
      'Số định danh cá nhân phải có đúng 12 chữ số (nhận được 5 ký tự).',
    );
    expect(en.ok || en.issues[0]).toEqual({
      path: ['members', 2, 'personalId'],
      code: 'PERSONAL_ID_LENGTH',
      message: 'The personal ID number must have exactly 12 digits (got 5 characters).',
      severity: 'error',
    });
  });
});

describe('parsePersonalId: uncertain structure gives warnings, not errors', () => {
  it.each([
    ['003089012345', 'PERSONAL_ID_PLACE_UNKNOWN'], // no province 03
    ['097089012345', 'PERSONAL_ID_PLACE_UNKNOWN'], // beyond the 2004 list
    ['100089012345', 'PERSONAL_ID_PLACE_UNKNOWN'], // below the country range
    ['296089012345', 'PERSONAL_ID_PLACE_UNKNOWN'], // above the country range
    ['301089012345', 'PERSONAL_ID_PLACE_UNKNOWN'],
    ['001489012345', 'PERSONAL_ID_CENTURY_UNUSED'], // digit 4: born 2189
  ])('%s → ok with warning %s', (text, code) => {
    const result = parsePersonalId(text);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.warnings.map((w) => [w.code, w.severity])).toEqual([[code, 'warning']]);
    }
  });

  it('marks an unknown place as such and gives no province', () => {
    const result = parsePersonalId('003089012345');
    expect(result.ok && result.value.placeKind).toBe('unknown');
    expect(result.ok && result.value.province).toBeUndefined();
    expect(isPersonalIdShape('003089012345')).toBe(false);
  });
});

describe('sex/century digit (position 4), all ten values', () => {
  it.each([
    [0, 'male', 1900],
    [1, 'female', 1900],
    [2, 'male', 2000],
    [3, 'female', 2000],
    [4, 'male', 2100],
    [5, 'female', 2100],
    [6, 'male', 2200],
    [7, 'female', 2200],
    [8, 'male', 2300],
    [9, 'female', 2300],
  ] as const)('digit %i → %s, born %i + YY', (digit, sex, century) => {
    const text = `031${digit}45123456`;
    const result = parsePersonalId(text, { dateOfBirth: `${century + 45}-07-01`, sex });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.sex).toBe(sex);
    expect(result.value.birthYear).toBe(century + 45);
    expect(result.warnings.map((w) => w.code)).toEqual(digit > 3 ? ['PERSONAL_ID_CENTURY_UNUSED'] : []);
    // Same year one century off, and the other sex: both contradictions are reported.
    const wrong = parsePersonalId(text, {
      dateOfBirth: `${century + 145}-07-01`,
      sex: sex === 'male' ? 'female' : 'male',
    });
    expect(wrong.ok).toBe(false);
    expect(codes(wrong).filter((c) => c !== 'PERSONAL_ID_CENTURY_UNUSED')).toEqual([
      'PERSONAL_ID_DOB_MISMATCH',
      'PERSONAL_ID_SEX_MISMATCH',
    ]);
  });
});

describe('consistency with the date of birth and sex given alongside', () => {
  it.each([
    ['079303012345', '2003-12-31', 'female', []],
    ['079303012345', '2003', 'female', []], // year only
    ['079303012345', '1903-12-31', 'female', ['PERSONAL_ID_DOB_MISMATCH']], // century wrong
    ['079303012345', '2004-01-01', 'female', ['PERSONAL_ID_DOB_MISMATCH']],
    ['079303012345', '2003-01-01', 'male', ['PERSONAL_ID_SEX_MISMATCH']],
    ['001089012345', '1989-02-28', 'male', []],
    ['001089012345', '1998-02-28', 'male', ['PERSONAL_ID_DOB_MISMATCH']], // swapped year digits
    ['001189012345', '1989-02-28', 'male', ['PERSONAL_ID_SEX_MISMATCH']],
  ] as const)('%s with %s %s → %j', (text, dateOfBirth, sex, expected) => {
    const result = parsePersonalId(text, { dateOfBirth, sex });
    expect(codes(result)).toEqual(expected);
    expect(result.ok).toBe(expected.length === 0);
  });

  it('names both years and both sexes in the message, never the number itself', () => {
    const result = parsePersonalId('079303012345', { dateOfBirth: '2004-01-01', sex: 'male', lang: 'en' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.message)).toEqual([
      'The personal ID number encodes birth year 2003, but the date of birth says 2004.',
      'The personal ID number encodes sex female, but the record says male.',
    ]);
    const vi = parsePersonalId('079303012345', { sex: 'male' });
    expect(vi.ok || vi.issues[0]?.message).toBe(
      'Số định danh cá nhân mã hóa giới tính Nữ, nhưng giới tính đã khai là Nam.',
    );
  });

  it("downgrades contradictions to warnings with consistency: 'warning'", () => {
    const result = parsePersonalId('079303012345', {
      dateOfBirth: '2004-01-01',
      sex: 'male',
      consistency: 'warning',
    });
    expect(result.ok).toBe(true);
    expect(result.ok && result.warnings.map((w) => [w.code, w.severity])).toEqual([
      ['PERSONAL_ID_DOB_MISMATCH', 'warning'],
      ['PERSONAL_ID_SEX_MISMATCH', 'warning'],
    ]);
  });

  it('does not compare a date of birth without a leading 4-digit year (the date field reports that)', () => {
    for (const dateOfBirth of ['', '03/12/2003', '12-31-2003', '20031231', '2003/12/31']) {
      expect(parsePersonalId('079303012345', { dateOfBirth })).toMatchObject({ ok: true, warnings: [] });
    }
  });
});

describe('message table', () => {
  it('has Vietnamese (NFC) and English text and a severity for every code', () => {
    for (const [code, entry] of Object.entries(PERSONAL_ID_MESSAGES)) {
      expect(code).toMatch(/^PERSONAL_ID_[A-Z_]+$/);
      expect(entry.vi).toBe(entry.vi.normalize('NFC'));
      expect(entry.en.length).toBeGreaterThan(10);
      expect(['error', 'warning']).toContain(entry.severity);
    }
  });
});

// Generators of well-formed numbers from their parts.
const provincePlace = fc.constantFrom(...PROVINCES_2004.map((p) => `0${p.code}`));
const abroadPlace = fc.integer({ min: 101, max: 295 }).map(String);
const twoDigits = fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0'));
const serial = fc.integer({ min: 0, max: 999_999 }).map((n) => String(n).padStart(6, '0'));
const parts = fc.record({
  place: fc.oneof(provincePlace, abroadPlace),
  digit: fc.integer({ min: 0, max: 9 }),
  yy: twoDigits,
  serial,
});

describe('properties', () => {
  it('any well-formed number parses back to its parts and agrees with its own date of birth and sex', () => {
    fc.assert(
      fc.property(parts, ({ place, digit, yy, serial }) => {
        const text = `${place}${digit}${yy}${serial}`;
        const sex = digit % 2 === 0 ? 'male' : 'female';
        const birthYear = (19 + Math.floor(digit / 2)) * 100 + Number(yy);
        const result = parsePersonalId(text, { dateOfBirth: `${birthYear}-06-15`, sex });
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(result.value).toMatchObject({ value: text, placeCode: place, sex, birthYear, serial });
        expect(result.value.placeKind).toBe(place.startsWith('0') ? 'province' : 'abroad');
        expect(result.value.province).toBe(place.startsWith('0') ? place.slice(1) : undefined);
        expect(result.warnings.map((w) => w.code)).toEqual(digit > 3 ? ['PERSONAL_ID_CENTURY_UNUSED'] : []);
        expect(isPersonalIdShape(text)).toBe(true);
      }),
    );
  });

  it('a different birth year is always a DOB mismatch, and the number never appears in messages', () => {
    fc.assert(
      fc.property(parts, fc.integer({ min: 1000, max: 9999 }), ({ place, digit, yy, serial }, year) => {
        const text = `${place}${digit}${yy}${serial}`;
        const birthYear = (19 + Math.floor(digit / 2)) * 100 + Number(yy);
        fc.pre(year !== birthYear);
        const result = parsePersonalId(text, { dateOfBirth: `${year}-01-01`, lang: 'en' });
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.issues.map((i) => i.code)).toContain('PERSONAL_ID_DOB_MISMATCH');
        for (const issue of result.issues) expect(issue.message).not.toContain(text);
      }),
    );
  });

  it('any string that is not exactly 12 ASCII digits is rejected with the length and/or digit code', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.stringMatching(/^\d{0,20}$/)),
        (text) => {
          fc.pre(!/^\d{12}$/.test(text));
          const result = parsePersonalId(text);
          expect(result.ok).toBe(false);
          const expected = [
            ...(text.length !== 12 ? ['PERSONAL_ID_LENGTH'] : []),
            ...(/^\d*$/.test(text) ? [] : ['PERSONAL_ID_NOT_DIGITS']),
          ];
          expect(codes(result)).toEqual(expected);
          expect(isPersonalIdShape(text)).toBe(false);
        },
      ),
    );
  });

  it('never throws, and isPersonalIdShape agrees with the parser', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary' }), fc.stringMatching(/^\d{12}$/)),
        fc.option(fc.string(), { nil: undefined }),
        (text, dateOfBirth) => {
          const checked = parsePersonalId(text, { dateOfBirth, sex: 'female' });
          expect(typeof checked.ok).toBe('boolean');
          const result = parsePersonalId(text);
          expect(isPersonalIdShape(text)).toBe(result.ok && result.value.placeKind !== 'unknown');
        },
      ),
    );
  });
});
