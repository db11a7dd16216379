import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CARD_TYPES, type Card, cardSchema, decodeCardClaims, encodeCardClaims } from '../../src/index.js';

const card: Card = {
  schemaVersion: 1,
  type: 'health-insurance',
  personalId: '001085012345',
  name: 'Nguyễn Thị Minh Khai',
  dateOfBirth: '1985-03-14',
  sex: 'female',
  socialInsuranceNumber: '0112345678',
  healthInsurance: {
    cardNumber: 'DN4010112345678',
    validFrom: '2025-01-01',
    validTo: '2025-12-31',
    facility: '01013',
  },
  programs: ['social-insurance', 'health-insurance'],
};

const digits = (n: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
const isoDate = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const vietnameseName = fc
  .array(
    fc.constantFrom(
      'Nguyễn',
      'Trần',
      'Lê',
      'Phạm',
      'Hoàng',
      'Thị',
      'Văn',
      'Ngọc',
      'Đức',
      'Ánh',
      'Hương',
      'Quỳnh',
    ),
    {
      minLength: 1,
      maxLength: 6,
    },
  )
  .map((words) => words.join(' '));

export const validCard: fc.Arbitrary<Card> = fc
  .record(
    {
      type: fc.constantFrom(...CARD_TYPES),
      personalId: digits(12),
      name: vietnameseName,
      dateOfBirth: isoDate,
      sex: fc.constantFrom('male' as const, 'female' as const),
      si: digits(10),
      withSi: fc.boolean(),
      hi: fc.option(
        fc.record(
          {
            group: fc.constantFrom('DN', 'HT', 'TE', 'CK', 'GD'),
            level: fc.integer({ min: 1, max: 5 }),
            province: digits(2),
            dates: fc.tuple(isoDate, isoDate).map(([a, b]) => (a <= b ? [a, b] : [b, a])),
            facility: digits(5),
          },
          { requiredKeys: ['group', 'level', 'province', 'dates'] },
        ),
        { nil: undefined },
      ),
      programs: fc.option(
        fc.uniqueArray(
          fc.constantFrom(
            'social-assistance',
            'poverty-reduction',
            'meritorious-services',
            'unemployment-insurance',
            'social-insurance',
            'health-insurance',
            'children',
            'vocational-training',
            'employment',
          ) as fc.Arbitrary<NonNullable<Card['programs']>[number]>,
          { maxLength: 9 },
        ),
        { nil: undefined },
      ),
    },
    { requiredKeys: ['type', 'personalId', 'name', 'dateOfBirth', 'sex', 'si', 'withSi'] },
  )
  .map((r) => {
    const c: Card = {
      schemaVersion: 1,
      type: r.type,
      personalId: r.personalId,
      name: r.name,
      dateOfBirth: r.dateOfBirth,
      sex: r.sex,
    };
    if (r.withSi) c.socialInsuranceNumber = r.si;
    const hi =
      r.hi ??
      (r.type === 'health-insurance'
        ? { group: 'DN', level: 4, province: '01', dates: ['2025-01-01', '2025-12-31'] }
        : undefined);
    if (hi) {
      c.healthInsurance = {
        cardNumber: `${hi.group}${hi.level}${hi.province}${r.si}`,
        validFrom: hi.dates[0] as string,
        validTo: hi.dates[1] as string,
      };
      if ('facility' in hi && hi.facility !== undefined) c.healthInsurance.facility = hi.facility;
    }
    if (r.programs !== undefined) c.programs = r.programs;
    return c;
  });

describe('card claims', () => {
  it('encodes to the compact layout 1 map', () => {
    const map = encodeCardClaims(card);
    expect([...map.keys()]).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(map.get(1)).toBe(2); // health-insurance is CARD_TYPES[1]
    expect(map.get(2)).toEqual(Uint8Array.of(0x00, 0x10, 0x85, 0x01, 0x23, 0x45)); // BCD
    expect(map.get(3)).toBe('Nguyễn Thị Minh Khai');
    expect(map.get(4)).toBe(5551); // 1985-03-14 is day 5551 after 1970-01-01
    expect(map.get(5)).toBe(2);
    expect(map.get(6)).toEqual(Uint8Array.of(0x01, 0x12, 0x34, 0x56, 0x78));
    // The card number's last 10 digits are the SI number: only its prefix travels.
    expect(map.get(7)).toEqual(
      new Map<number, unknown>([
        [1, 'DN401'],
        [2, 20089],
        [3, 20453],
        [4, '01013'],
      ]),
    );
    expect(map.get(8)).toEqual([5, 6]);
  });

  it('keeps the whole health-insurance card number when there is no SI number', () => {
    const { socialInsuranceNumber: _si, ...noSi } = card;
    const map = encodeCardClaims(noSi);
    expect((map.get(7) as Map<number, unknown>).get(1)).toBe('DN4010112345678');
    expect(decodeCardClaims(map)).toEqual({ ok: true, value: noSi });
  });

  it('round-trips a card', () => {
    expect(decodeCardClaims(encodeCardClaims(card))).toEqual({ ok: true, value: card });
  });

  it('encodes dates before 1970 as negative day numbers', () => {
    const old = { ...card, dateOfBirth: '1945-09-02' };
    expect(encodeCardClaims(old).get(4)).toBe(-8887);
    expect(decodeCardClaims(encodeCardClaims(old))).toEqual({ ok: true, value: old });
  });

  it('round-trips any valid card (property)', () => {
    fc.assert(
      fc.property(validCard, (c) => {
        expect(cardSchema.safeParse(c).success).toBe(true);
        expect(decodeCardClaims(encodeCardClaims(c))).toEqual({ ok: true, value: c });
      }),
      { numRuns: 500 },
    );
  });

  it('refuses to encode an invalid card with CARD_INVALID', () => {
    expect(() => encodeCardClaims({ ...card, personalId: '12345' })).toThrow(
      expect.objectContaining({ code: 'CARD_INVALID' }),
    );
  });

  it('rejects names that are not NFC, padded, empty or longer than 80 characters', () => {
    for (const name of ['Nguye\u0302\u0303n', ' An', '', 'a'.repeat(81), 'An\nB']) {
      expect(cardSchema.safeParse({ ...card, name }).success).toBe(false);
    }
    expect(cardSchema.safeParse({ ...card, name: 'ễ'.repeat(80) }).success).toBe(true);
  });

  it('rejects impossible dates, reversed validity and inconsistent numbers', () => {
    expect(cardSchema.safeParse({ ...card, dateOfBirth: '2023-02-29' }).success).toBe(false);
    expect(cardSchema.safeParse({ ...card, dateOfBirth: '1899-12-31' }).success).toBe(false);
    const hi = card.healthInsurance!;
    expect(
      cardSchema.safeParse({ ...card, healthInsurance: { ...hi, validFrom: '2026-01-01' } }).success,
    ).toBe(false);
    expect(cardSchema.safeParse({ ...card, socialInsuranceNumber: '0199999999' }).success).toBe(false);
    expect(cardSchema.safeParse({ ...card, healthInsurance: undefined }).success).toBe(false);
    expect(cardSchema.safeParse({ ...card, programs: ['children', 'children'] }).success).toBe(false);
  });
});

describe('decodeCardClaims issues', () => {
  const wire = () => encodeCardClaims(card);
  const codes = (m: unknown, lang: 'vi' | 'en' = 'en') => {
    const r = decodeCardClaims(m, lang);
    return r.ok ? [] : r.issues.map((i) => i.code);
  };

  it('names each wire problem with its own code', () => {
    expect(codes({ 1: 1 })).toEqual(['CARD_NOT_A_MAP']);
    expect(codes(new Map([...wire(), [99, 'x']]))).toEqual(['CARD_UNKNOWN_FIELD']);
    const noName = wire();
    noName.delete(3);
    expect(codes(noName)).toEqual(['CARD_FIELD_MISSING']);
    expect(codes(new Map([...wire(), [3, 42]]))).toEqual(['CARD_FIELD_TYPE']);
    expect(codes(new Map([...wire(), [1, 3]]))).toEqual(['CARD_TYPE_INVALID']);
    expect(codes(new Map([...wire(), [5, 0]]))).toEqual(['CARD_SEX_INVALID']);
    expect(codes(new Map([...wire(), [4, 1e12]]))).toEqual(['CARD_DATE_INVALID']);
    expect(codes(new Map([...wire(), [4, 0.5]]))).toEqual(['CARD_FIELD_TYPE']);
    expect(codes(new Map([...wire(), [8, [5, 10]]]))).toEqual(['CARD_PROGRAM_INVALID']);
    expect(codes(new Map([...wire(), [2, '001085012345']]))).toEqual(['CARD_FIELD_TYPE']);
    expect(codes(new Map([...wire(), [2, Uint8Array.of(0x00, 0x10, 0x85, 0x01, 0x23, 0x4a)]]))).toEqual([
      'CARD_PERSONAL_ID_INVALID',
    ]);
    expect(codes(new Map([...wire(), [2, Uint8Array.of(0x00, 0x10, 0x85, 0x01, 0x23)]]))).toEqual([
      'CARD_PERSONAL_ID_INVALID',
    ]);
    expect(codes(new Map([...wire(), [6, Uint8Array.of(0x01, 0x12, 0xf4, 0x56, 0x78)]]))).toEqual([
      'CARD_SI_NUMBER_INVALID',
    ]);
    const hi = new Map(wire().get(7) as Map<number, unknown>);
    hi.set(1, 'DN601');
    expect(codes(new Map([...wire(), [7, hi]]))).toEqual(['CARD_HI_NUMBER_INVALID']);
    hi.set(1, 'DN4010112345678'); // the whole number although the SI number is present
    expect(codes(new Map([...wire(), [7, hi]]))).toEqual(['CARD_HI_NUMBER_INVALID']);
    hi.set(1, 'DN401').set(2, 30000);
    expect(codes(new Map([...wire(), [7, hi]]))).toEqual(['CARD_HI_PERIOD_INVALID']);
  });

  it('gives messages in Vietnamese by default and in English on request', () => {
    const r = decodeCardClaims(new Map([...wire(), [5, 9]]));
    expect(r.ok ? '' : r.issues[0]?.message).toBe('Giới tính không hợp lệ');
    const en = decodeCardClaims(new Map([...wire(), [5, 9]]), 'en');
    expect(en.ok ? '' : en.issues[0]?.message).toBe('Invalid sex');
  });

  it('never throws on arbitrary input (property)', () => {
    fc.assert(
      fc.property(fc.anything({ withMap: true, withBigInt: true }), (value) => {
        const r = decodeCardClaims(value);
        expect(typeof r.ok).toBe('boolean');
      }),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.anything({ withMap: true, withBigInt: true }),
        (key, value) => {
          const r = decodeCardClaims(new Map([...wire(), [key, value]]));
          expect(typeof r.ok).toBe('boolean');
        },
      ),
    );
  });
});

describe('date arithmetic', () => {
  it('agrees with Date for every day of the card range (1900–2199)', async () => {
    const { isoDateToDays, daysToIsoDate } = await import('../../src/card/card.js');
    const first = Date.UTC(1900, 0, 1) / 86_400_000;
    const last = Date.UTC(2199, 11, 31) / 86_400_000;
    for (let day = first; day <= last; day++) {
      const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
      if (daysToIsoDate(day) !== iso || isoDateToDays(iso) !== day) {
        expect([day, daysToIsoDate(day), isoDateToDays(iso)]).toEqual([day, iso, day]);
      }
    }
    for (const bad of [
      '1900-02-29',
      '2100-02-29',
      '2023-04-31',
      '2024-13-01',
      '2024-00-10',
      '1899-12-31',
      '2200-01-01',
    ]) {
      expect(isoDateToDays(bad), bad).toBeUndefined();
    }
    expect(isoDateToDays('2000-02-29')).toBe(11016);
  });

  it('reads exactly the strings /^\\d{4}-\\d{2}-\\d{2}$/ matches (property)', async () => {
    const { isoDateToDays, daysToIsoDate } = await import('../../src/card/card.js');
    const nearDate = fc.oneof(
      isoDate,
      fc.string({ unit: fc.constantFrom(...'0123456789-/: \n٣０'), minLength: 8, maxLength: 12 }),
      isoDate.chain((d) =>
        fc
          .tuple(fc.nat(9), fc.constantFrom('x', '/', ':', ' ', '٣', '０', '\n', ''))
          .map(([i, c]) => d.slice(0, i) + c + d.slice(i + 1)),
      ),
      isoDate.map((d) => `${d}\n`),
    );
    fc.assert(
      fc.property(nearDate, (text) => {
        const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
        const days = isoDateToDays(text);
        if (!m) expect(days).toBeUndefined();
        else if (days !== undefined) expect(daysToIsoDate(days)).toBe(text);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('wire numbers', () => {
  it('number programs by the ids of the PROGRAMS code list, and sex as SEXES does', async () => {
    const { PROGRAMS, SEXES } = await import('../../src/index.js');
    const { PROGRAM_CODES } = await import('../../src/card/codes.js');
    expect(PROGRAM_CODES.map((code, i) => ({ code, id: i + 1 }))).toEqual(
      PROGRAMS.map((p) => ({ code: p.code, id: p.id })),
    );
    const { SEX_WIRE } = await import('../../src/card/wire.js');
    expect(SEXES.map((s) => [s.code, s.number])).toEqual(Object.entries(SEX_WIRE));
  });
});

describe('isExactCard, the hand-written twin of cardSchema on the verifier hot path', async () => {
  const { isExactCard } = await import('../../src/card/card.js');
  /** What cardSchema says: accepted with an output equal to the input. */
  const zodExact = (value: unknown) => {
    const r = cardSchema.safeParse(value);
    if (!r.success) return false;
    try {
      expect(r.data).toStrictEqual(value);
      return true;
    } catch {
      return false;
    }
  };

  it('accepts every valid card', () => {
    fc.assert(
      fc.property(validCard, (c) => {
        expect(isExactCard(c)).toBe(true);
        expect(zodExact(c)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  // Tricky values for any field: wrong types, near-miss formats, lone surrogates, control
  // characters, denormalised text, reversed dates, duplicates.
  const oddValue = fc.oneof(
    fc.constantFrom(
      undefined,
      null,
      0,
      1,
      2,
      '',
      ' ',
      'male',
      'female',
      'other',
      'social-security',
      'health-insurance',
      '00108501234',
      '0010850123456',
      '00108501234a',
      '0112345678',
      '011234567',
      'DN4010112345678',
      'DN6010112345678',
      'dn4010112345678',
      'DN40101123456789',
      '01013',
      '0101',
      '1985-03-14',
      '1985-02-29',
      '1899-12-31',
      '2200-01-01',
      '1985-3-14',
      'Nguyễn Thị Minh Khai',
      'Nguye\u0303n',
      ' An',
      'An ',
      'A\u0000n',
      'A\u0085n',
      '\ud800',
      '\udc00x',
      '\ud83d\ude00',
      'x'.repeat(80),
      'x'.repeat(81),
      '\ud83d\ude00'.repeat(80),
      '\ud83d\ude00'.repeat(81),
      `\udc00${'x'.repeat(79)}`,
      `\udc00${'x'.repeat(80)}`,
      `${'x'.repeat(79)}\ud800`,
      `${'x'.repeat(80)}\ud800`,
      '\ud800'.repeat(81),
      '\udc00'.repeat(81),
      ['social-insurance'],
      ['social-insurance', 'social-insurance'],
      ['no-such-program'],
      [],
      {},
    ),
    fc.string({ unit: 'binary', maxLength: 90 }),
    fc.record({
      cardNumber: fc.constantFrom('DN4010112345678', 'HT3790112345678', 'DN401'),
      validFrom: fc.constantFrom('2025-01-01', '2026-01-01', '2025-02-30'),
      validTo: fc.constantFrom('2025-12-31', '2025-01-01', '2024-12-31'),
      facility: fc.constantFrom('01013', undefined, '1013', 1013),
      extra: fc.constantFrom(undefined, 'x'),
    }),
  );
  const field = fc.constantFrom(
    'schemaVersion',
    'type',
    'personalId',
    'name',
    'dateOfBirth',
    'sex',
    'socialInsuranceNumber',
    'healthInsurance',
    'programs',
    'extra',
  );

  it('gives cardSchema’s answer for near-valid cards (property)', () => {
    fc.assert(
      fc.property(
        validCard,
        fc.array(fc.tuple(field, oddValue), { minLength: 1, maxLength: 3 }),
        (c, edits) => {
          const mutated = structuredClone(c) as unknown as Record<string, unknown>;
          for (const [name, value] of edits) {
            if (value === undefined && name !== 'socialInsuranceNumber') delete mutated[name];
            else mutated[name] = value;
          }
          // Never true where zod would refuse or change the value; true wherever zod returns it as is.
          expect(isExactCard(mutated)).toBe(zodExact(mutated));
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('isExactCard on names at the edges (code points, surrogates, normalisation)', async () => {
  const { isExactCard } = await import('../../src/card/card.js');
  const base: Card = {
    schemaVersion: 1,
    type: 'social-security',
    personalId: '001085012345',
    name: 'x',
    dateOfBirth: '1985-03-14',
    sex: 'male',
  };
  it.each([
    ['80 letters', 'x'.repeat(80), true],
    ['81 letters', 'x'.repeat(81), false],
    ['80 astral characters (160 UTF-16 units)', '\ud83d\ude00'.repeat(80), true],
    ['81 astral characters', '\ud83d\ude00'.repeat(81), false],
    ['81 lone low surrogates', '\udc00'.repeat(81), false],
    ['80 lone low surrogates', '\udc00'.repeat(80), true],
    ['81 lone high surrogates', '\ud800'.repeat(81), false],
    ['a decomposed Vietnamese letter', 'Nguye\u0302\u0303n', false],
    ['the composed form', 'Nguyễn', true],
  ])('%s', (_what, name, expected) => {
    const card = { ...base, name };
    expect(isExactCard(card)).toBe(expected);
    expect(cardSchema.safeParse(card).success).toBe(expected);
  });
});

describe('isCardName skips the NFC normaliser only where it cannot matter', async () => {
  const { isCardName } = await import('../../src/card/card.js');
  // The characters isCardName treats as plain: printable ASCII and precomposed Latin letters.
  const plain: string[] = [];
  for (const [from, to] of [
    [0x20, 0x7e],
    [0xc0, 0x24f],
    [0x1e00, 0x1eff],
  ] as const) {
    for (let c = from; c <= to; c++) plain.push(String.fromCharCode(c));
  }

  it('treats as plain only characters that NFC leaves alone, alone and next to each other', () => {
    // NFC composes a character only with its neighbours, so if no single character and no pair
    // changes, no text of them does.
    const changed: string[] = [];
    for (const a of plain) {
      if (a.normalize('NFC') !== a) changed.push(a);
      for (const b of plain) if ((a + b).normalize('NFC') !== a + b) changed.push(a + b);
    }
    expect(plain.length).toBe(95 + 400 + 256);
    expect(changed).toEqual([]);
  });

  it.each([
    ['a Vietnamese name', 'Nguyễn Thị Minh Khai', true],
    ['a leading space', ' Nguyễn', false],
    ['a trailing space', 'Nguyễn ', false],
    ['a no-break space at the end (not plain: trimmed by the full check)', 'Nguyễn\u00a0', false],
    ['a tab inside (control character)', 'Nguyễn\tKhai', false],
    ['a combining mark after a plain letter', 'Nguyê\u0303n', false],
    ['Ohm sign (NFC turns it into Omega)', '\u2126', false],
  ])('%s', (_what, name, expected) => {
    expect(isCardName(name)).toBe(expected);
  });
});

describe('decodeCardClaims fast path for good cards', async () => {
  const { readGoodCard, decodeCardClaimsFully } = await import('../../src/card/decode.js');

  it('reads every valid card on the fast path, as the full reader does', () => {
    fc.assert(
      fc.property(validCard, (c) => {
        const wire = encodeCardClaims(c);
        expect(readGoodCard(wire)).toStrictEqual(c);
        expect(decodeCardClaimsFully(wire)).toStrictEqual({ ok: true, value: c });
      }),
      { numRuns: 500 },
    );
  });

  // Values that are wrong, or right for another key, for any place in the map.
  const oddWireValue = fc.oneof(
    fc.constantFrom(
      undefined,
      null,
      0,
      1,
      2,
      3,
      9,
      10,
      -1,
      1.5,
      2n,
      -25567,
      84005,
      84006,
      -25568,
      '',
      'x',
      'DN401',
      'DN4010112345678',
      '01013',
      Uint8Array.of(0x00, 0x10, 0x85, 0x01, 0x23, 0x45),
      Uint8Array.of(0x01, 0x12, 0x34, 0x56, 0x78),
      Uint8Array.of(0x0a),
      [],
      [1, 1],
      [5, 6],
      [0],
      [10],
    ),
    fc.anything({ withMap: true, withBigInt: true, maxDepth: 2 }),
  );
  const mapKey = fc.oneof(fc.integer({ min: 0, max: 9 }), fc.constantFrom(1n, '1', 1.5));

  it('gives the full reader’s result for near-valid card maps (property)', () => {
    fc.assert(
      fc.property(
        validCard,
        fc.array(fc.tuple(fc.boolean(), mapKey, oddWireValue, fc.boolean()), { minLength: 1, maxLength: 3 }),
        (c, edits) => {
          const wire = encodeCardClaims(c) as Map<unknown, unknown>;
          for (const [inHealthInsurance, key, value, remove] of edits) {
            const target =
              inHealthInsurance && wire.get(7) instanceof Map ? (wire.get(7) as Map<unknown, unknown>) : wire;
            if (remove) target.delete(key);
            else target.set(key, value);
          }
          // The fast path may only answer what the full reader answers.
          const fast = readGoodCard(wire);
          if (fast !== undefined)
            expect(decodeCardClaimsFully(wire)).toStrictEqual({ ok: true, value: fast });
          else expect(decodeCardClaims(wire)).toStrictEqual(decodeCardClaimsFully(wire));
        },
      ),
      { numRuns: 4000 },
    );
  });
});
