import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ParseResult } from '../../src/id/index.js';
import { parseHealthInsuranceQr } from '../../src/qr-codes/index.js';

/** Hex of the UTF-8 bytes, lower case, as the cards write it. */
function hex(text: string): string {
  return Array.from(new TextEncoder().encode(text), (b) => b.toString(16).padStart(2, '0')).join('');
}

function codes(result: ParseResult<unknown>): string[] {
  return (result.ok ? result.warnings : result.issues).map((i) => i.code);
}

/** A card QR from its 14 fields (index 0–13); the `$` terminator field is appended. */
function card(fields: Partial<Record<number, string>> = {}): string {
  const defaults = [
    'DN4797912345678',
    hex('Nguyễn Văn An'),
    '15/08/1990',
    '1',
    hex('123 Nguyễn Trãi, Phường 7, Quận 5, TP. Hồ Chí Minh'),
    '79 - 014',
    '01/01/2025',
    '31/12/2025',
    '20/12/2024',
    '79012345678901',
    hex('Nguyễn Văn Bình'),
    '5',
    '01/01/2020',
    'a1b2c3d4e5f60718-9abc',
  ];
  return [...defaults.map((d, i) => fields[i] ?? d), '$'].join('|');
}

describe('parseHealthInsuranceQr: valid card texts', () => {
  it('parses the full 15-field layout, decoding hex text and keeping uncertain fields raw', () => {
    expect(parseHealthInsuranceQr(card())).toEqual({
      ok: true,
      value: {
        kind: 'health-insurance-card',
        signed: false,
        cardNumber: 'DN4797912345678',
        healthInsuranceNumber: {
          value: 'DN4797912345678',
          group: 'DN',
          level: 4,
          province: '79',
          socialInsuranceNumber: '7912345678',
        },
        socialInsuranceNumber: '7912345678',
        name: 'Nguyễn Văn An',
        dateOfBirth: '1990-08-15',
        dateOfBirthPrecision: 'day',
        sex: 'male',
        address: '123 Nguyễn Trãi, Phường 7, Quận 5, TP. Hồ Chí Minh',
        facility: '79014',
        validFrom: '2025-01-01',
        validTo: '2025-12-31',
        issueDate: '2024-12-20',
        guardianName: 'Nguyễn Văn Bình',
        fiveYearsContinuousSince: '2020-01-01',
        unconfirmed: {
          managingUnitCode: '79012345678901',
          livingAreaCode: '5',
          livingArea: 'K1',
          integrityCode: 'a1b2c3d4e5f60718-9abc',
          extraFields: [],
        },
      },
      warnings: [],
    });
  });

  it('reads a 2020-template card whose number is the 10-digit social insurance number', () => {
    const result = parseHealthInsuranceQr(card({ 0: '7912345678' }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.cardNumber).toBe('7912345678');
    expect(result.value.socialInsuranceNumber).toBe('7912345678');
    expect('healthInsuranceNumber' in result.value).toBe(false);
  });

  it('reads a year-only date of birth, a female holder, "-" address and guardian', () => {
    const result = parseHealthInsuranceQr(
      card({ 0: 'HT3313112345678', 1: hex('Phạm Thị Hường'), 2: '1955', 3: '2', 4: '-', 10: '-', 11: '4' }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({ dateOfBirth: '1955', dateOfBirthPrecision: 'year', sex: 'female' });
    expect(result.value.name).toBe('Phạm Thị Hường');
    expect('address' in result.value).toBe(false);
    expect('guardianName' in result.value).toBe(false);
    expect(result.value.unconfirmed).toEqual({
      managingUnitCode: '79012345678901',
      livingAreaCode: '4',
      integrityCode: 'a1b2c3d4e5f60718-9abc',
      extraFields: [],
    });
  });

  it.each([
    ['79 - 014', '79014'],
    ['01 – 013', '01013'], // en dash
    ['01-013', '01013'],
    ['01000', '01000'], // temporary cards
  ])('facility %j → %s', (facility, code) => {
    const result = parseHealthInsuranceQr(card({ 5: facility }));
    expect(result.ok && result.value.facility).toBe(code);
  });

  it('reads an older card with only fields 0–8, and a terminator glued to the last field', () => {
    const short = `TE1010112345678|${hex('Lê Minh Khôi')}|03/04/2022|1|${hex('Hà Nội')}|01 - 013|03/04/2022|02/04/2028|05/04/2022|$`;
    const result = parseHealthInsuranceQr(short);
    expect(result.ok).toBe(true);
    expect(result.ok && result.value.unconfirmed).toEqual({ extraFields: [] });
    const glued = card().replace('|$', '$');
    expect(parseHealthInsuranceQr(glued)).toEqual(parseHealthInsuranceQr(card()));
  });

  it('accepts upper-case hex, NFD-encoded names (returned NFC) and surrounding whitespace', () => {
    const name = 'Đặng Thị Ngọc Ánh';
    const result = parseHealthInsuranceQr(`  ${card({ 1: hex(name.normalize('NFD')).toUpperCase() })}\r\n`);
    expect(result.ok && result.value.name).toBe(name);
  });

  it('keeps fields after 13 raw as unconfirmed extras', () => {
    const result = parseHealthInsuranceQr(card().replace('|$', '|x|y|$'));
    expect(result.ok && result.value.unconfirmed.extraFields).toEqual(['x', 'y']);
  });

  it('passes on identifier warnings (unusual level) without rejecting the card', () => {
    const result = parseHealthInsuranceQr(card({ 0: 'DN1797912345678' }));
    expect(result.ok).toBe(true);
    expect(result.ok && result.warnings.map((w) => [w.code, w.path])).toEqual([
      ['HI_NUMBER_LEVEL_UNUSUAL', ['cardNumber']],
    ]);
  });
});

describe('parseHealthInsuranceQr: malformed texts fail with stable codes', () => {
  it.each([
    ['empty text', '', ['QR_EMPTY']],
    ['no "$" terminator', card().slice(0, -1), ['QR_TERMINATOR_MISSING']],
    ['only 4 fields', 'DN4797912345678|4e67|15/08/1990|1|$', ['QR_FIELD_COUNT']],
    ['an ansinh card', 'AS1:6BFOXN%TS3DH', ['QR_KIND_MISMATCH']],
    [
      'a citizen-ID QR',
      '079303012345|025123456|Nguyễn Thị Lan|17052003|Nữ|TP. Hồ Chí Minh|01082021',
      ['QR_KIND_MISMATCH'],
    ],
    ['odd-length hex name', card({ 1: '4e6' }), ['QR_HEX_INVALID']],
    ['plain-text name', card({ 1: 'Nguyen Van An' }), ['QR_HEX_INVALID']],
    ['non-hex digits', card({ 1: 'zz' }), ['QR_HEX_INVALID']],
    ['bad UTF-8 continuation byte', card({ 1: 'c328' }), ['QR_UTF8_INVALID']],
    ['byte 0xFF', card({ 1: 'ff' }), ['QR_UTF8_INVALID']],
    ['overlong "/"', card({ 1: 'c0af' }), ['QR_UTF8_INVALID']],
    ['UTF-16 surrogate', card({ 1: 'eda080' }), ['QR_UTF8_INVALID']],
    ['truncated 3-byte sequence', card({ 1: `${hex('Nguy')}e1bb` }), ['QR_UTF8_INVALID']],
    ['bad UTF-8 address', card({ 4: 'c3' }), ['QR_UTF8_INVALID']],
    ['non-hex guardian', card({ 10: 'xyz' }), ['QR_HEX_INVALID']],
    ['empty name', card({ 1: '' }), ['QR_FIELD_EMPTY']],
    ['"-" name', card({ 1: '-' }), ['QR_FIELD_EMPTY']],
    ['blank decoded name', card({ 1: hex('   ') }), ['QR_FIELD_EMPTY']],
    ['birth date 31/02', card({ 2: '31/02/1990' }), ['QR_DATE_INVALID']],
    ['ISO birth date', card({ 2: '1990-08-15' }), ['QR_DATE_INVALID']],
    ['birth year 0000', card({ 2: '0000' }), ['QR_DATE_INVALID']],
    ['empty birth date', card({ 2: '' }), ['QR_DATE_INVALID']],
    ['valid-from 31/04', card({ 6: '31/04/2025' }), ['QR_DATE_INVALID']],
    ['empty valid-to', card({ 7: '' }), ['QR_FIELD_EMPTY']],
    ['issue date 29/02 of a common year', card({ 8: '29/02/2025' }), ['QR_DATE_INVALID']],
    ['5-year date 32/01', card({ 12: '32/01/2020' }), ['QR_DATE_INVALID']],
    ['sex 0', card({ 3: '0' }), ['QR_SEX_INVALID']],
    ['sex "Nam"', card({ 3: 'Nam' }), ['QR_SEX_INVALID']],
    ['facility of 4 digits', card({ 5: '79 - 14' }), ['QR_FACILITY_INVALID']],
    ['facility as a name', card({ 5: 'BV Chợ Rẫy' }), ['QR_FACILITY_INVALID']],
    ['expiry before start', card({ 6: '01/01/2026', 7: '31/12/2025' }), ['QR_VALIDITY_RANGE']],
    ['12-digit card number', card({ 0: '079303012345' }), ['QR_CARD_NUMBER_LENGTH']],
    ['empty card number', card({ 0: '' }), ['QR_CARD_NUMBER_LENGTH']],
    ['unknown group', card({ 0: 'XX4797912345678' }), ['HI_NUMBER_GROUP_UNKNOWN']],
    [
      'bad level and SI digits',
      card({ 0: 'DN979791234567X' }),
      ['HI_NUMBER_LEVEL_INVALID', 'HI_NUMBER_SI_NOT_DIGITS'],
    ],
    ['10-character number with a letter', card({ 0: '791234567X' }), ['SI_NUMBER_NOT_DIGITS']],
  ])('%s → %j', (_label, text, expected) => {
    const result = parseHealthInsuranceQr(text);
    expect(result.ok).toBe(false);
    expect(codes(result)).toEqual(expected);
  });

  it('reports each problem at its field path, in the requested language', () => {
    const result = parseHealthInsuranceQr(card({ 1: 'c328', 6: '31/02/2025', 5: 'x' }), { lang: 'en' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([
      {
        path: ['name'],
        code: 'QR_UTF8_INVALID',
        message: 'The QR field "name" does not decode from hex to valid UTF-8 text.',
        severity: 'error',
      },
      {
        path: ['facility'],
        code: 'QR_FACILITY_INVALID',
        message:
          'The initial-registration facility must look like "PP - NNN" (2-digit province, 3-digit facility).',
        severity: 'error',
      },
      {
        path: ['validFrom'],
        code: 'QR_DATE_INVALID',
        message: 'The QR field "validFrom" is not a valid date of the form dd/mm/yyyy.',
        severity: 'error',
      },
    ]);
  });
});

const textField = fc.string({ minLength: 1, maxLength: 40, unit: 'grapheme' }).filter((s) => s.trim() !== '');

describe('properties', () => {
  it('any non-blank text hex-encoded into the name and address decodes back (NFC, trimmed)', () => {
    fc.assert(
      fc.property(textField, textField, (name, address) => {
        const result = parseHealthInsuranceQr(card({ 1: hex(name), 4: hex(address) }));
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(result.value.name).toBe(name.normalize('NFC').trim());
        expect(result.value.address).toBe(address.normalize('NFC').trim());
      }),
    );
  });

  it('never throws on arbitrary text or on mutated card texts', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          fc.string({ unit: 'binary' }).map((s) => `${s}$`),
          fc.array(fc.string({ maxLength: 20 }), { maxLength: 16 }).map((f) => `${f.join('|')}|$`),
          fc
            .tuple(fc.integer({ min: 0, max: 13 }), fc.string({ unit: 'binary', maxLength: 20 }))
            .map(([i, s]) => card({ [i]: s })),
        ),
        (text) => {
          const result = parseHealthInsuranceQr(text);
          if (!result.ok) expect(result.issues.some((i) => i.severity === 'error')).toBe(true);
          else expect(result.value.signed).toBe(false);
        },
      ),
    );
  });
});
