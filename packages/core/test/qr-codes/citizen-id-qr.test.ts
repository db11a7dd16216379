import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROVINCES_2004 } from '../../src/codes/index.js';
import type { ParseResult } from '../../src/id/index.js';
import { parseCitizenIdQr, QR_MESSAGES } from '../../src/qr-codes/index.js';

function codes(result: ParseResult<unknown>): string[] {
  return (result.ok ? result.warnings : result.issues).map((i) => i.code);
}

const LAN =
  '079303012345|025123456|Nguyễn Thị Lan|17052003|Nữ|12 Lê Lợi, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh|01082021';
const BINH = '001089012345||Trần Văn Bình|05031989|Nam|Số 5 ngõ 10 phố Huế, Hai Bà Trưng, Hà Nội|15062022';

describe('parseCitizenIdQr: valid card texts', () => {
  it('parses the 7-field layout into typed values, unsigned', () => {
    expect(parseCitizenIdQr(LAN)).toEqual({
      ok: true,
      value: {
        kind: 'citizen-id',
        signed: false,
        personalId: '079303012345',
        legacyId: '025123456',
        name: 'Nguyễn Thị Lan',
        dateOfBirth: '2003-05-17',
        sex: 'female',
        address: '12 Lê Lợi, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh',
        issueDate: '2021-08-01',
        unconfirmed: { extraFields: [] },
      },
      warnings: [],
    });
  });

  it('omits an empty old CMND field', () => {
    const result = parseCitizenIdQr(BINH);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect('legacyId' in result.value).toBe(false);
    expect(result.value).toMatchObject({ sex: 'male', dateOfBirth: '1989-03-05', issueDate: '2022-06-15' });
  });

  it('keeps the 4 extra fields of the 11-field variant raw, as unconfirmed', () => {
    const result = parseCitizenIdQr(`${BINH}|Trần Văn Cường|Lê Thị Dung||x`);
    expect(result.ok && result.value.unconfirmed.extraFields).toEqual([
      'Trần Văn Cường',
      'Lê Thị Dung',
      '',
      'x',
    ]);
  });

  it('ignores scanner whitespace around the text and normalises names to NFC', () => {
    const nfd = LAN.normalize('NFD');
    expect(nfd).not.toBe(LAN);
    const result = parseCitizenIdQr(`\uFEFF${nfd}\r\n`);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.name).toBe('Nguyễn Thị Lan');
    expect(result.value.address).toBe('12 Lê Lợi, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh');
    expect(result.value.sex).toBe('female');
  });

  it.each([
    ['29022004', '2004-02-29'],
    ['29022000', '2000-02-29'],
    ['31121999', '1999-12-31'],
    ['01011900', '1900-01-01'],
  ])('accepts the calendar date %s', (ddmmyyyy, iso) => {
    const year = iso.slice(2, 4);
    const digit = iso.startsWith('19') ? '0' : '2';
    const result = parseCitizenIdQr(`001${digit}${year}012345||Tên|${ddmmyyyy}|Nam|Hà Nội|01012022`);
    expect(result.ok && result.value.dateOfBirth).toBe(iso);
  });

  it('accepts an old CMND that is not 9 digits, with a warning (the field is informational)', () => {
    const result = parseCitizenIdQr(LAN.replace('025123456', '25123456'));
    expect(result.ok).toBe(true);
    expect(result.ok && result.warnings.map((w) => [w.code, w.severity, w.path])).toEqual([
      ['LEGACY_ID_LENGTH', 'warning', ['legacyId']],
    ]);
  });
});

describe('parseCitizenIdQr: malformed texts fail with stable codes', () => {
  it.each([
    ['', ['QR_EMPTY']],
    ['   \n', ['QR_EMPTY']],
    ['079303012345|025123456|Nguyễn Thị Lan|17052003|Nữ|12 Lê Lợi', ['QR_FIELD_COUNT']],
    ['079303012345', ['QR_FIELD_COUNT']],
    ['AS1:NCFOXN%TS3DH', ['QR_KIND_MISMATCH']],
    ['HC1:NCFOXN%TS3DH', ['QR_KIND_MISMATCH']],
    [LAN.replace('17052003', '31022003'), ['QR_DATE_INVALID']], // 31 February
    [LAN.replace('17052003', '29022003'), ['QR_DATE_INVALID']], // not a leap year
    [LAN.replace('17052003', '1705203'), ['QR_DATE_INVALID']],
    [LAN.replace('17052003', '17/05/2003'), ['QR_DATE_INVALID']],
    [LAN.replace('17052003', '17132003'), ['QR_DATE_INVALID']],
    [LAN.replace('01082021', '00082021'), ['QR_DATE_INVALID']],
    [LAN.replace('|Nữ|', '|Female|'), ['QR_SEX_INVALID']],
    [LAN.replace('|Nữ|', '||'), ['QR_SEX_INVALID']],
    [LAN.replace('Nguyễn Thị Lan', ' '), ['QR_FIELD_EMPTY']],
    [LAN.replace('079303012345', '07930301234'), ['PERSONAL_ID_LENGTH']],
    [LAN.replace('079303012345', '07930301234X'), ['PERSONAL_ID_NOT_DIGITS']],
    [LAN.replace('17052003', '17052004'), ['PERSONAL_ID_DOB_MISMATCH']], // ID says 2003
    [LAN.replace('|Nữ|', '|Nam|'), ['PERSONAL_ID_SEX_MISMATCH']], // ID says female
  ])('%j → %j', (text, expected) => {
    const result = parseCitizenIdQr(text);
    expect(result.ok).toBe(false);
    expect(codes(result)).toEqual(expected);
  });

  it('reports every field problem at once, at the field path, under a caller path', () => {
    const text = '07930301234|12|Lan|31022003|X|addr|99999999';
    const result = parseCitizenIdQr(text, { lang: 'en', path: ['scan'] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => [i.code, i.path, i.severity])).toEqual([
      ['QR_DATE_INVALID', ['scan', 'dateOfBirth'], 'error'],
      ['QR_SEX_INVALID', ['scan', 'sex'], 'error'],
      ['PERSONAL_ID_LENGTH', ['scan', 'personalId'], 'error'],
      ['LEGACY_ID_LENGTH', ['scan', 'legacyId'], 'warning'],
      ['QR_DATE_INVALID', ['scan', 'issueDate'], 'error'],
    ]);
    expect(result.issues[1]?.message).toBe('The sex in the QR must be "Nam" (male) or "Nữ" (female).');
  });

  it('never quotes card contents in messages', () => {
    const result = parseCitizenIdQr(LAN.replace('17052003', '17052004').replace('|Nữ|', '|Nam|'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    for (const issue of result.issues) {
      expect(issue.message).not.toContain('079303012345');
      expect(issue.message).not.toContain('Lan');
    }
  });

  it('has NFC Vietnamese and English for every QR code', () => {
    for (const [code, entry] of Object.entries(QR_MESSAGES)) {
      expect(code).toMatch(/^QR_[A-Z0-9_]+$/);
      expect(entry.vi).toBe(entry.vi.normalize('NFC'));
      expect(entry.en.length).toBeGreaterThan(10);
    }
  });
});

const noPipe = (s: string) => !s.includes('|');
const person = fc.record({
  province: fc.constantFrom(...PROVINCES_2004.map((p) => p.code)),
  sex: fc.constantFrom('male' as const, 'female' as const),
  birth: fc.date({
    min: new Date('1900-01-01T00:00:00Z'),
    max: new Date('2099-12-31T00:00:00Z'),
    noInvalidDate: true,
  }),
  serial: fc.stringMatching(/^\d{6}$/),
  name: fc.string({ minLength: 1, maxLength: 40 }).filter((s) => noPipe(s) && s.trim() !== ''),
  address: fc.string({ maxLength: 80 }).filter(noPipe),
  legacy: fc.option(fc.stringMatching(/^\d{9}$/), { nil: undefined }),
});

describe('properties', () => {
  it('any card text built from consistent parts parses back to those parts', () => {
    fc.assert(
      fc.property(person, (p) => {
        const iso = p.birth.toISOString().slice(0, 10);
        const [y, m, d] = iso.split('-') as [string, string, string];
        const year = Number(y);
        const digit = (year >= 2000 ? 2 : 0) + (p.sex === 'female' ? 1 : 0);
        const id = `0${p.province}${digit}${y.slice(2)}${p.serial}`;
        const text = [
          id,
          p.legacy ?? '',
          p.name,
          `${d}${m}${y}`,
          p.sex === 'male' ? 'Nam' : 'Nữ',
          p.address,
          '01072024',
        ].join('|');
        const result = parseCitizenIdQr(text);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(result.value).toMatchObject({
          personalId: id,
          name: p.name.trim().normalize('NFC'),
          dateOfBirth: iso,
          sex: p.sex,
          address: p.address.trim().normalize('NFC'),
          issueDate: '2024-07-01',
        });
        expect(result.value.legacyId).toBe(p.legacy);
      }),
    );
  });

  it('never throws on arbitrary text, and fails only with at least one error', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          fc.array(fc.string({ maxLength: 14 }), { maxLength: 12 }).map((f) => f.join('|')),
          fc
            .array(fc.oneof(fc.stringMatching(/^\d{8,12}$/), fc.constantFrom('Nam', 'Nữ', '')), {
              maxLength: 11,
            })
            .map((f) => f.join('|')),
        ),
        (text) => {
          const result = parseCitizenIdQr(text);
          if (!result.ok) expect(result.issues.some((i) => i.severity === 'error')).toBe(true);
          else expect(result.value.signed).toBe(false);
        },
      ),
    );
  });
});
