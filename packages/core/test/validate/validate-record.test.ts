import { describe, expect, it } from 'vitest';
import {
  createRecordValidator,
  generateRecord,
  generateRecords,
  type Issue,
  RECORD_KINDS,
  validateRecord,
} from '../../src/index.js';

const codes = (issues: readonly Issue[]) => issues.map((i) => `${i.path.join('.')}:${i.code}`);

function invalid(kind: Parameters<typeof validateRecord>[0], data: unknown, lang: 'vi' | 'en' = 'en') {
  const r = validateRecord(kind, data, { lang });
  if (r.ok) throw new Error('expected invalid');
  return r.issues;
}

const sa = () => structuredClone(generateRecord('social-assistance', 1, 0));

describe('validateRecord', () => {
  it('returns the record and no warnings for a valid record', () => {
    const record = sa();
    const r = validateRecord('social-assistance', record);
    expect(r.ok).toBe(true);
    expect(r.ok && r.value).toEqual(record);
    expect(r.ok && r.warnings).toEqual([]);
  });

  it('normalises names and text to NFC in the parsed value', () => {
    const record = sa();
    const composed = 'Nguyễn Thị Thu Hương';
    record.fullName = composed.normalize('NFD');
    (record.address as Record<string, unknown>).street = 'Số 5 đường Lý Thường Kiệt'.normalize('NFD');
    expect(record.fullName).not.toBe(composed);
    const r = validateRecord('social-assistance', record);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.fullName).toBe(composed);
      expect(r.value.address?.street).toBe('Số 5 đường Lý Thường Kiệt'.normalize('NFC'));
    }
    // A name that is NFC already comes back as it was.
    const kept = validateRecord('person', generateRecord('person', 1, 0));
    expect(kept.ok && kept.value.fullName).toBe(generateRecord('person', 1, 0).fullName);
  });

  it('writes messages in Vietnamese by default and in English on request, for the same codes', () => {
    const record = sa();
    delete record.fullName;
    const vi = validateRecord('social-assistance', record);
    const en = validateRecord('social-assistance', record, { lang: 'en' });
    expect(!vi.ok && vi.issues[0]?.message).toBe('Thiếu trường bắt buộc "fullName".');
    expect(!en.ok && en.issues[0]?.message).toBe('The required field "fullName" is missing.');
  });

  it('maps zod problems to stable codes', () => {
    const r = sa();
    r.schemaVersion = 2;
    r.provinceCode = '03';
    r.extra = true;
    r.coefficient = 1.3;
    r.decisionDate = '2024-02-30';
    r.monthlyAmount = 'một triệu';
    r.fullName = 'x'.repeat(81);
    (r.address as Record<string, unknown>).scheme = '2030';
    expect(codes(invalid('social-assistance', r)).sort()).toEqual(
      [
        'schemaVersion:UNSUPPORTED_SCHEMA_VERSION',
        'provinceCode:UNKNOWN_CODE',
        'extra:UNKNOWN_FIELD',
        'coefficient:NOT_MULTIPLE_OF',
        'decisionDate:INVALID_FORMAT',
        'monthlyAmount:INVALID_TYPE',
        'fullName:TOO_LONG',
        'address.scheme:UNKNOWN_CODE',
      ].sort(),
    );
  });

  it('treats an empty string as a missing value, and checks ranges', () => {
    const r = sa();
    r.decisionNumber = '';
    r.baseLevel = 100;
    expect(codes(invalid('social-assistance', r)).sort()).toEqual([
      'baseLevel:OUT_OF_RANGE',
      'decisionNumber:REQUIRED',
    ]);
  });

  it('rejects a date of birth before 1900 or in the future, naming the range', () => {
    const r = sa();
    r.dateOfBirth = '2999-01-01';
    const issues = invalid('social-assistance', r);
    expect(codes(issues)).toEqual(['dateOfBirth:OUT_OF_RANGE']);
    expect(issues[0]?.message).toMatch(/1900-01-01–20\d\d-\d\d-\d\d/);
  });

  it('reports a non-object record as INVALID_TYPE at the root', () => {
    for (const data of [null, [], 'text', 42]) {
      expect(codes(invalid('person', data))).toEqual([':INVALID_TYPE']);
    }
  });

  it('delegates identifiers to their parsers, with their codes', () => {
    const r = sa();
    r.personalId = '07918500123x';
    expect(codes(invalid('social-assistance', r))).toEqual(['personalId:PERSONAL_ID_NOT_DIGITS']);
    const dob = sa();
    dob.dateOfBirth = `${Number((dob.dateOfBirth as string).slice(0, 4)) - 3}${(dob.dateOfBirth as string).slice(4)}`;
    expect(codes(invalid('social-assistance', dob))).toContain('personalId:PERSONAL_ID_DOB_MISMATCH');
    const hi = structuredClone(generateRecord('health-insurance', 1, 0));
    hi.cardNumber = `${(hi.cardNumber as string).slice(0, 2)}9${(hi.cardNumber as string).slice(3)}`;
    expect(codes(invalid('health-insurance', hi))).toEqual(['cardNumber:HI_NUMBER_LEVEL_INVALID']);
  });

  it('accepts a 12-digit personal ID as social insurance number, and nothing else but 10 digits', () => {
    const ui = structuredClone(generateRecord('unemployment-insurance', 1, 0));
    ui.socialInsuranceNumber = ui.personalId;
    expect(validateRecord('unemployment-insurance', ui).ok).toBe(true);
    ui.socialInsuranceNumber = '12345678901';
    expect(codes(invalid('unemployment-insurance', ui))).toEqual(['socialInsuranceNumber:SI_NUMBER_LENGTH']);
  });

  it('checks the health-insurance card number against the fields beside it', () => {
    const hi = structuredClone(generateRecord('health-insurance', 1, 2));
    hi.socialInsuranceNumber = hi.socialInsuranceNumber === '0000000000' ? '1111111111' : '0000000000';
    expect(codes(invalid('health-insurance', hi))).toEqual(['cardNumber:HI_CARD_SI_MISMATCH']);
  });

  it('accepts uncertain identifier facts with warnings (unknown birth place, unusual benefit level)', () => {
    const r = sa();
    r.personalId = `003${(r.personalId as string).slice(3)}`;
    const result = validateRecord('social-assistance', r, { lang: 'en' });
    expect(result.ok).toBe(true);
    expect(result.ok && result.warnings.map((w) => [w.code, w.severity])).toEqual([
      ['PERSONAL_ID_PLACE_UNKNOWN', 'warning'],
    ]);
    const hi = structuredClone(generateRecord('health-insurance', 1, 0));
    const level = (hi.cardNumber as string)[2] === '5' ? 4 : 5;
    hi.cardNumber = `${(hi.cardNumber as string).slice(0, 2)}${level}${(hi.cardNumber as string).slice(3)}`;
    hi.benefitLevel = level;
    const w = validateRecord('health-insurance', hi, { lang: 'en' });
    expect(w.ok && w.warnings.map((i) => i.code)).toEqual(['HI_NUMBER_LEVEL_UNUSUAL']);
  });

  it('enforces the household rule: exactly one head', () => {
    const h = structuredClone(generateRecord('household', 1, 1));
    const members = h.members as Record<string, unknown>[];
    expect(members.length).toBeGreaterThan(1);
    members[1]!.relationToHead = 'head';
    expect(codes(invalid('household', h))).toEqual(['members.1.relationToHead:HOUSEHOLD_MULTIPLE_HEADS']);
    for (const m of members) m.relationToHead = 'child';
    expect(codes(invalid('household', h))).toEqual(['members:HOUSEHOLD_WITHOUT_HEAD']);
  });

  it('rejects unknown fields of a card although the card schema itself strips them', () => {
    const card = structuredClone(generateRecord('card', 1, 0));
    card.nickname = 'Bé';
    expect(codes(invalid('card', card))).toEqual(['nickname:UNKNOWN_FIELD']);
  });

  it('never writes a personal identifier into a message', () => {
    for (const kind of RECORD_KINDS) {
      for (const record of generateRecords(kind, { seed: 2, count: 300, errorRate: 1 })) {
        const r = validateRecord(kind, record, { lang: 'en' });
        const id = (record.personalId ??
          (record.members as { personalId: string }[] | undefined)?.[0]?.personalId) as string | undefined;
        if (r.ok || id === undefined) continue;
        for (const issue of r.issues) expect(issue.message).not.toContain(id);
      }
    }
  });

  it('throws a typed error for an unknown kind', () => {
    expect(() => validateRecord('nope' as never, {})).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_KIND' }),
    );
    expect(() => createRecordValidator('nope' as never)).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_KIND' }),
    );
  });

  it('gives createRecordValidator and validateRecord the same answers', () => {
    const validate = createRecordValidator('poverty-reduction', { lang: 'en' });
    for (const record of generateRecords('poverty-reduction', { seed: 6, count: 200, errorRate: 0.5 })) {
      expect(validate(record)).toEqual(validateRecord('poverty-reduction', record, { lang: 'en' }));
    }
  });

  it.each(RECORD_KINDS)(
    '%s: a field holding a bigint or an object that contains itself is an issue, not a throw',
    (kind) => {
      const record = structuredClone(generateRecord(kind, 3, 0)) as Record<string, unknown>;
      const cyclic: Record<string, unknown> = {};
      cyclic.x = cyclic;
      for (const key of Object.keys(record)) {
        for (const value of [cyclic, 10n]) {
          const r = validateRecord(kind, { ...record, [key]: value }, { lang: 'en' });
          expect(r.ok, `${kind}.${key} = ${typeof value}`).toBe(false);
          if (!r.ok) for (const i of r.issues) expect(i.message.length).toBeGreaterThan(0);
        }
      }
    },
  );
});
