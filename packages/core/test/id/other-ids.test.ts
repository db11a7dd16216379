import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HI_BENEFICIARY_GROUPS, PROVINCES_2004 } from '../../src/codes/index.js';
import type { ParseResult } from '../../src/id/index.js';
import {
  HI_NUMBER_MESSAGES,
  LEGACY_ID_MESSAGES,
  parseHealthInsuranceNumber,
  parseLegacyId,
  parseSocialInsuranceNumber,
  SI_NUMBER_MESSAGES,
} from '../../src/id/index.js';

function codes(result: ParseResult<unknown>): string[] {
  return (result.ok ? result.warnings : result.issues).map((i) => i.code);
}

describe('parseLegacyId (9-digit CMND)', () => {
  it.each(['025123456', '381234567', '123456789', '000000001'])('%s is valid', (text) => {
    expect(parseLegacyId(text)).toEqual({ ok: true, value: { value: text }, warnings: [] });
  });

  it.each([
    ['', ['LEGACY_ID_LENGTH']],
    ['02512345', ['LEGACY_ID_LENGTH']],
    ['0251234567', ['LEGACY_ID_LENGTH']],
    ['079303012345', ['LEGACY_ID_LENGTH']], // a 12-digit number is a personal ID
    ['02512345A', ['LEGACY_ID_NOT_DIGITS']],
    ['025 12345', ['LEGACY_ID_NOT_DIGITS']],
    ['02512345 6', ['LEGACY_ID_LENGTH', 'LEGACY_ID_NOT_DIGITS']],
  ])('%j → %j', (text, expected) => {
    const result = parseLegacyId(text);
    expect(result.ok).toBe(false);
    expect(codes(result)).toEqual(expected);
  });

  it('reports in English with the path given', () => {
    expect(parseLegacyId('12', { lang: 'en', path: ['legacyId'] })).toEqual({
      ok: false,
      issues: [
        {
          path: ['legacyId'],
          code: 'LEGACY_ID_LENGTH',
          message: 'The legacy identity card (CMND) number must have exactly 9 digits (got 2 characters).',
          severity: 'error',
        },
      ],
    });
  });
});

describe('parseSocialInsuranceNumber (10 digits)', () => {
  it.each(['7912345678', '0123456789', '3412345678'])('%s is valid', (text) => {
    expect(parseSocialInsuranceNumber(text)).toEqual({
      ok: true,
      value: { value: text, kind: 'social-insurance' },
      warnings: [],
    });
  });

  it.each([
    ['', ['SI_NUMBER_LENGTH']],
    ['791234567', ['SI_NUMBER_LENGTH']],
    ['79123456789', ['SI_NUMBER_LENGTH']],
    ['079303012345', ['SI_NUMBER_LENGTH']], // personal ID not accepted by default
    ['79123456O8', ['SI_NUMBER_NOT_DIGITS']], // letter O for zero
    ['DN47912345', ['SI_NUMBER_NOT_DIGITS']],
  ])('%j → %j', (text, expected) => {
    const result = parseSocialInsuranceNumber(text);
    expect(result.ok).toBe(false);
    expect(codes(result)).toEqual(expected);
  });

  it('accepts a 12-digit personal ID number when asked (2025 SI law), and says so', () => {
    expect(parseSocialInsuranceNumber('079303012345', { acceptPersonalId: true })).toEqual({
      ok: true,
      value: { value: '079303012345', kind: 'personal-id' },
      warnings: [],
    });
    expect(parseSocialInsuranceNumber('7912345678', { acceptPersonalId: true })).toMatchObject({
      ok: true,
      value: { kind: 'social-insurance' },
    });
    const wrong = parseSocialInsuranceNumber('07930301234', { acceptPersonalId: true, lang: 'en' });
    expect(wrong.ok || wrong.issues[0]?.message).toBe(
      'The social insurance number must have 10 or 12 digits (got 11 characters).',
    );
  });
});

describe('parseHealthInsuranceNumber (15 characters)', () => {
  it.each([
    ['DN4797912345678', 'DN', 4, '79', '7912345678'],
    ['TE1010112345678', 'TE', 1, '01', '0112345678'],
    ['HT3313112345678', 'HT', 3, '31', '3112345678'],
    ['CC1757512345678', 'CC', 1, '75', '7512345678'],
    ['HN2040412345678', 'HN', 2, '04', '0412345678'],
    ['CA5010112345678', 'CA', 5, '01', '0112345678'],
    ['GD4353512345678', 'GD', 4, '35', '3512345678'], // Hà Nam code on a card issued before 2025
  ] as const)('%s → group %s level %i province %s', (text, group, level, province, si) => {
    expect(parseHealthInsuranceNumber(text)).toEqual({
      ok: true,
      value: { value: text, group, level, province, socialInsuranceNumber: si },
      warnings: [],
    });
  });

  it.each([
    ['', ['HI_NUMBER_LENGTH']],
    ['DN479791234567', ['HI_NUMBER_LENGTH']],
    ['DN47979123456789', ['HI_NUMBER_LENGTH']],
    ['7912345678', ['HI_NUMBER_LENGTH']], // the 10-digit number alone (2020 card template)
    ['XX4797912345678', ['HI_NUMBER_GROUP_UNKNOWN']],
    ['TV4797912345678', ['HI_NUMBER_GROUP_UNKNOWN']], // unconfirmed code
    ['OK4797912345678', ['HI_NUMBER_GROUP_UNKNOWN']], // unconfirmed code
    ['dn4797912345678', ['HI_NUMBER_GROUP_UNKNOWN']],
    ['DN0797912345678', ['HI_NUMBER_LEVEL_INVALID']],
    ['DN6797912345678', ['HI_NUMBER_LEVEL_INVALID']],
    ['DNA797912345678', ['HI_NUMBER_LEVEL_INVALID']],
    ['DN47A7912345678', ['HI_NUMBER_PROVINCE_INVALID']],
    ['DN479791234567X', ['HI_NUMBER_SI_NOT_DIGITS']],
    ['DN4 79 12345678', ['HI_NUMBER_PROVINCE_INVALID', 'HI_NUMBER_SI_NOT_DIGITS']],
    ['ZZ9ZZ7912345678', ['HI_NUMBER_GROUP_UNKNOWN', 'HI_NUMBER_LEVEL_INVALID', 'HI_NUMBER_PROVINCE_INVALID']],
  ])('%j → %j', (text, expected) => {
    const result = parseHealthInsuranceNumber(text);
    expect(result.ok).toBe(false);
    expect(codes(result)).toEqual(expected);
  });

  it.each([
    ['DN1797912345678', ['HI_NUMBER_LEVEL_UNUSUAL']], // DN is usually level 4
    ['TE4797912345678', ['HI_NUMBER_LEVEL_UNUSUAL']],
    ['QN5979712345678', ['HI_NUMBER_PROVINCE_UNKNOWN']], // 97: said to be the defence scheme, unconfirmed
    ['CA5980112345678', ['HI_NUMBER_PROVINCE_UNKNOWN']],
    ['DN4037912345678', ['HI_NUMBER_PROVINCE_UNKNOWN']],
  ])('%s is accepted with warnings %j', (text, expected) => {
    const result = parseHealthInsuranceNumber(text);
    expect(result.ok).toBe(true);
    expect(codes(result)).toEqual(expected);
    if (result.ok) for (const w of result.warnings) expect(w.severity).toBe('warning');
  });

  it('explains an unusual level in both languages', () => {
    const en = parseHealthInsuranceNumber('DN1797912345678', { lang: 'en' });
    expect(en.ok && en.warnings[0]?.message).toBe(
      'Cards of group DN usually carry benefit level 4; this one carries level 1.',
    );
    const vi = parseHealthInsuranceNumber('DN1797912345678');
    expect(vi.ok && vi.warnings[0]?.message).toBe(
      'Thẻ thuộc nhóm DN thường có mức hưởng 4, thẻ này ghi mức 1.',
    );
  });

  it('any card built from a listed group, its usual level, a 2004 province and 10 digits parses back', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...HI_BENEFICIARY_GROUPS),
        fc.constantFrom(...PROVINCES_2004.map((p) => p.code)),
        fc.stringMatching(/^\d{10}$/),
        (group, province, si) => {
          const text = `${group.code}${group.level}${province}${si}`;
          expect(parseHealthInsuranceNumber(text)).toEqual({
            ok: true,
            value: {
              value: text,
              group: group.code,
              level: group.level,
              province,
              socialInsuranceNumber: si,
            },
            warnings: [],
          });
        },
      ),
    );
  });
});

describe('all identifier parsers', () => {
  it('never throw on arbitrary strings and always return a well-formed result', () => {
    const parsers = [parseLegacyId, parseSocialInsuranceNumber, parseHealthInsuranceNumber];
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary' }), fc.string({ minLength: 15, maxLength: 15 })),
        (text) => {
          for (const parse of parsers) {
            const result: ParseResult<unknown> = parse(text);
            if (!result.ok) {
              expect(result.issues.length).toBeGreaterThan(0);
              expect(result.issues.some((i) => i.severity === 'error')).toBe(true);
            } else {
              for (const w of result.warnings) expect(w.severity).toBe('warning');
            }
          }
        },
      ),
    );
  });

  it('reject non-string input without throwing', () => {
    for (const value of [undefined, null, 123456789, {}]) {
      expect(parseLegacyId(value as unknown as string).ok).toBe(false);
      expect(parseSocialInsuranceNumber(value as unknown as string).ok).toBe(false);
      expect(parseHealthInsuranceNumber(value as unknown as string).ok).toBe(false);
    }
  });

  it.each([
    ['LEGACY_ID', LEGACY_ID_MESSAGES],
    ['SI_NUMBER', SI_NUMBER_MESSAGES],
    ['HI_NUMBER', HI_NUMBER_MESSAGES],
  ] as const)('%s message table has NFC Vietnamese, English and a severity per code', (prefix, table) => {
    for (const [code, entry] of Object.entries(table)) {
      expect(code.startsWith(`${prefix}_`)).toBe(true);
      expect(entry.vi).toBe(entry.vi.normalize('NFC'));
      expect(entry.en.length).toBeGreaterThan(10);
      expect(['error', 'warning']).toContain(entry.severity);
    }
  });
});
