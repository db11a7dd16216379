import type { Lang } from '../i18n.js';
import { type Issue, type MessageTable, makeIssue, type Result } from '../issue.js';
import {
  CARD_TYPES,
  type Card,
  cardSchema,
  daysToIsoDate,
  FACILITY,
  HI_CARD_NUMBER,
  isCardName,
  isExactCard,
  isoDateToDays,
  MAX_CARD_YEAR,
  MIN_CARD_YEAR,
} from './card.js';
import { PROGRAM_CODES } from './codes.js';
import { bcdToDigits, CARD_KEY, HI_KEY } from './wire.js';

/** Issue codes of {@link decodeCardClaims}, with their messages. */
export const CARD_MESSAGES = {
  CARD_NOT_A_MAP: {
    vi: 'Dữ liệu thẻ không phải là một bảng (CBOR map)',
    en: 'The card claims are not a CBOR map',
  },
  CARD_UNKNOWN_FIELD: {
    vi: 'Trường {key} không có trong định dạng thẻ',
    en: 'Field {key} is not part of the card layout',
  },
  CARD_FIELD_MISSING: { vi: 'Thiếu trường bắt buộc', en: 'A required field is missing' },
  CARD_FIELD_TYPE: { vi: 'Trường có kiểu dữ liệu sai', en: 'The field has the wrong data type' },
  CARD_TYPE_INVALID: { vi: 'Loại thẻ không hợp lệ', en: 'Unknown card type' },
  CARD_PERSONAL_ID_INVALID: {
    vi: 'Số định danh cá nhân phải gồm 12 chữ số',
    en: 'The personal ID must be 12 digits',
  },
  CARD_NAME_INVALID: {
    vi: 'Họ tên phải có 1–80 ký tự, dạng NFC, không có khoảng trắng thừa ở đầu/cuối',
    en: 'The name must be 1–80 characters, NFC, without surrounding spaces',
  },
  CARD_DATE_INVALID: {
    vi: 'Ngày không hợp lệ (phải là ngày có thật từ năm {min} đến {max})',
    en: 'Invalid date (must be a real date from {min} to {max})',
  },
  CARD_SEX_INVALID: { vi: 'Giới tính không hợp lệ', en: 'Invalid sex' },
  CARD_SI_NUMBER_INVALID: {
    vi: 'Mã số BHXH phải gồm 10 chữ số',
    en: 'The social insurance number must be 10 digits',
  },
  CARD_SI_NUMBER_MISMATCH: {
    vi: 'Mã số BHXH khác với mã số trong số thẻ BHYT',
    en: 'The social insurance number differs from the one in the health-insurance card number',
  },
  CARD_HI_NUMBER_INVALID: {
    vi: 'Mã thẻ BHYT phải gồm 15 ký tự: 2 chữ cái, mức hưởng 1–5, 2 số tỉnh, 10 số BHXH',
    en: 'The health-insurance card number must be 15 characters: 2 letters, level 1–5, 2 province digits, 10 SI digits',
  },
  CARD_HI_FACILITY_INVALID: {
    vi: 'Mã nơi đăng ký KCB ban đầu phải gồm 5 chữ số',
    en: 'The initial-registration facility code must be 5 digits',
  },
  CARD_HI_PERIOD_INVALID: {
    vi: 'Ngày bắt đầu hạn thẻ BHYT sau ngày kết thúc',
    en: 'The health-insurance validity starts after it ends',
  },
  CARD_HI_REQUIRED: {
    vi: 'Thẻ BHYT phải có thông tin bảo hiểm y tế',
    en: 'A health-insurance card needs its health-insurance block',
  },
  CARD_PROGRAM_INVALID: {
    vi: 'Chương trình không hợp lệ hoặc bị lặp',
    en: 'Unknown or repeated program',
  },
} as const satisfies MessageTable;

export type CardIssueCode = keyof typeof CARD_MESSAGES;

type Path = readonly (string | number)[];

const FIRST_DAY = isoDateToDays(`${MIN_CARD_YEAR}-01-01`) as number;
const LAST_DAY = isoDateToDays(`${MAX_CARD_YEAR}-12-31`) as number;

const namesCache = new WeakMap<object, Map<unknown, string>>();

/** Field name by wire key, computed once per layout table. */
function namesByKey(keys: Readonly<Record<string, number>>): Map<unknown, string> {
  let names = namesCache.get(keys);
  if (!names) {
    names = new Map<unknown, string>(Object.entries(keys).map(([name, key]) => [key, name]));
    namesCache.set(keys, names);
  }
  return names;
}

/** A day number in the card's range as `YYYY-MM-DD`, else undefined. Every whole day number in
 * range is a real date (a test walks them all). */
function dayText(days: unknown): string | undefined {
  return Number.isSafeInteger(days) && (days as number) >= FIRST_DAY && (days as number) <= LAST_DAY
    ? daysToIsoDate(days as number)
    : undefined;
}

/** The digits of packed BCD bytes, else undefined. */
const bcdText = (bytes: unknown) => (bytes instanceof Uint8Array ? bcdToDigits(bytes) : undefined);

/** Reads the compact map and collects wire-level issues (types, unknown keys); semantics come from cardSchema. */
class WireReader {
  readonly issues: Issue[] = [];
  constructor(readonly lang: Lang) {}

  issue(code: CardIssueCode, path: Path, params?: Record<string, unknown>): void {
    this.issues.push(makeIssue(CARD_MESSAGES, code, path, this.lang, params));
  }

  /** Copies the fields of `map` named in `keys` into a plain object, typed by `kinds`. */
  fields(
    map: unknown,
    keys: Readonly<Record<string, number>>,
    kinds: Readonly<Record<string, 'text' | 'int' | 'bytes' | 'map' | 'array'>>,
    required: readonly string[],
    path: Path,
  ): Record<string, unknown> | undefined {
    if (!(map instanceof Map)) {
      this.issue(path.length === 0 ? 'CARD_NOT_A_MAP' : 'CARD_FIELD_TYPE', path);
      return undefined;
    }
    const byKey = namesByKey(keys);
    const out: Record<string, unknown> = {};
    for (const [key, value] of map) {
      const name = byKey.get(key);
      if (name === undefined) {
        this.issue('CARD_UNKNOWN_FIELD', [...path, String(key)], { key: String(key) });
        continue;
      }
      const kind = kinds[name];
      const ok =
        kind === 'text'
          ? typeof value === 'string'
          : kind === 'int'
            ? Number.isSafeInteger(value)
            : kind === 'bytes'
              ? value instanceof Uint8Array
              : kind === 'map'
                ? value instanceof Map
                : Array.isArray(value);
      if (!ok) this.issue('CARD_FIELD_TYPE', [...path, name]);
      else out[name] = value;
    }
    for (const name of required) {
      if (!map.has(keys[name])) this.issue('CARD_FIELD_MISSING', [...path, name]);
    }
    return out;
  }

  /** BCD bytes back to digits; a non-decimal nibble is reported with `code`. */
  digits(bytes: unknown, path: Path, code: CardIssueCode): string | undefined {
    if (bytes === undefined) return undefined;
    const digits = bcdText(bytes);
    if (digits === undefined) this.issue(code, path);
    return digits;
  }

  date(days: unknown, path: Path): string | undefined {
    if (days === undefined) return undefined;
    const text = dayText(days);
    if (text === undefined) this.issue('CARD_DATE_INVALID', path, { min: MIN_CARD_YEAR, max: MAX_CARD_YEAR });
    return text;
  }
}

/** Which issue code a cardSchema failure maps to; `refinement` marks the cross-field checks. */
function codeForSchemaIssue(path: Path, refinement: boolean): CardIssueCode {
  const [first, second] = path;
  switch (first) {
    case 'type':
      return 'CARD_TYPE_INVALID';
    case 'personalId':
      return 'CARD_PERSONAL_ID_INVALID';
    case 'name':
      return 'CARD_NAME_INVALID';
    case 'dateOfBirth':
      return 'CARD_DATE_INVALID';
    case 'sex':
      return 'CARD_SEX_INVALID';
    case 'socialInsuranceNumber':
      return refinement ? 'CARD_SI_NUMBER_MISMATCH' : 'CARD_SI_NUMBER_INVALID';
    case 'programs':
      return 'CARD_PROGRAM_INVALID';
    case 'healthInsurance':
      if (second === 'cardNumber') return 'CARD_HI_NUMBER_INVALID';
      if (second === 'facility') return 'CARD_HI_FACILITY_INVALID';
      if (second === 'validTo' || second === 'validFrom')
        return refinement ? 'CARD_HI_PERIOD_INVALID' : 'CARD_DATE_INVALID';
      return 'CARD_HI_REQUIRED';
    default:
      return 'CARD_FIELD_TYPE';
  }
}

/**
 * The common case, a good card map, read straight into a {@link Card} without collecting issues:
 * undefined as soon as anything is off (an unknown key, a wrong type, a bad value), and then
 * {@link decodeCardClaimsFully} says what. A property test holds the two to the same results.
 */
export function readGoodCard(map: unknown): Card | undefined {
  if (!(map instanceof Map)) return undefined;
  // Each value is turned into its field by a conversion that only yields valid values (a type
  // by index, BCD digits of a fixed byte length, day numbers in range), so what is checked
  // here is what those conversions cannot guarantee: the name, the card number, the facility,
  // the period's order and repeated programs.
  const typeId = map.get(CARD_KEY.type);
  const type = Number.isSafeInteger(typeId) ? CARD_TYPES[(typeId as number) - 1] : undefined;
  const personalId = bcdDigits(map.get(CARD_KEY.personalId), 6);
  const name = map.get(CARD_KEY.name);
  const dateOfBirth = dayText(map.get(CARD_KEY.dateOfBirth));
  const sexId = map.get(CARD_KEY.sex);
  const sex = sexId === 1 ? 'male' : sexId === 2 ? 'female' : undefined;
  if (!type || !personalId || typeof name !== 'string' || !isCardName(name) || !dateOfBirth || !sex) {
    return undefined;
  }
  let known = 5;
  const card: Record<string, unknown> = { schemaVersion: 1, type, personalId, name, dateOfBirth, sex };

  const siBytes = map.get(CARD_KEY.socialInsuranceNumber);
  let si: string | undefined;
  if (siBytes !== undefined) {
    si = bcdDigits(siBytes, 5);
    if (si === undefined) return undefined;
    card.socialInsuranceNumber = si;
    known++;
  }
  const hiMap = map.get(CARD_KEY.healthInsurance);
  if (hiMap !== undefined) {
    if (!(hiMap instanceof Map)) return undefined;
    const prefix = hiMap.get(HI_KEY.cardNumber);
    const fromDays = hiMap.get(HI_KEY.validFrom);
    const toDays = hiMap.get(HI_KEY.validTo);
    const validFrom = dayText(fromDays);
    const validTo = dayText(toDays);
    const facility = hiMap.get(HI_KEY.facility);
    if (typeof prefix !== 'string' || prefix.length !== (si === undefined ? 15 : 5)) return undefined;
    // With the SI number on the card the wire carries only the first 5 characters.
    const cardNumber = si === undefined ? prefix : prefix + si;
    if (!HI_CARD_NUMBER.test(cardNumber)) return undefined;
    if (!validFrom || !validTo || (fromDays as number) > (toDays as number)) return undefined;
    if (facility !== undefined && (typeof facility !== 'string' || !FACILITY.test(facility)))
      return undefined;
    if (hiMap.size !== (facility === undefined ? 3 : 4)) return undefined;
    const block: Record<string, unknown> = { cardNumber, validFrom, validTo };
    if (facility !== undefined) block.facility = facility;
    card.healthInsurance = block;
    known++;
  } else if (type === 'health-insurance') {
    return undefined;
  }
  const programIds = map.get(CARD_KEY.programs);
  if (programIds !== undefined) {
    if (!Array.isArray(programIds)) return undefined;
    const programs: string[] = [];
    for (const id of programIds) {
      const code = Number.isSafeInteger(id) ? PROGRAM_CODES[(id as number) - 1] : undefined;
      if (code === undefined || programs.includes(code)) return undefined;
      programs.push(code);
    }
    card.programs = programs;
    known++;
  }
  if (map.size !== known) return undefined;
  return card as unknown as Card;
}

/** The digits of exactly `length` BCD bytes, else undefined. */
function bcdDigits(bytes: unknown, length: number): string | undefined {
  return bytes instanceof Uint8Array && bytes.length === length ? bcdToDigits(bytes) : undefined;
}

/**
 * Reads the compact card map (CWT claim -65537, as decoded from CBOR with maps as `Map`) back
 * into a {@link Card}, checked against {@link cardSchema}. Never throws: problems come back as
 * issues with stable codes ({@link CARD_MESSAGES}).
 *
 * @example
 * const r = decodeCardClaims(encodeCardClaims(card), 'en');
 * if (r.ok) console.log(r.value.name);
 */
export function decodeCardClaims(map: unknown, lang: Lang = 'vi'): Result<Card> {
  const good = readGoodCard(map);
  return good ? { ok: true, value: good } : decodeCardClaimsFully(map, lang);
}

/** {@link decodeCardClaims} without the fast path for good cards: every issue, with its code. */
export function decodeCardClaimsFully(map: unknown, lang: Lang = 'vi'): Result<Card> {
  const reader = new WireReader(lang);
  const top = reader.fields(
    map,
    CARD_KEY,
    {
      type: 'int',
      personalId: 'bytes',
      name: 'text',
      dateOfBirth: 'int',
      sex: 'int',
      socialInsuranceNumber: 'bytes',
      healthInsurance: 'map',
      programs: 'array',
    },
    ['type', 'personalId', 'name', 'dateOfBirth', 'sex'],
    [],
  );
  if (top === undefined) return { ok: false, issues: reader.issues };

  const card: Record<string, unknown> = { schemaVersion: 1 };
  if (top.type !== undefined) {
    const type = CARD_TYPES[(top.type as number) - 1];
    if (type === undefined) reader.issue('CARD_TYPE_INVALID', ['type']);
    card.type = type;
  }
  card.personalId = reader.digits(top.personalId, ['personalId'], 'CARD_PERSONAL_ID_INVALID');
  card.name = top.name;
  card.dateOfBirth = reader.date(top.dateOfBirth, ['dateOfBirth']);
  if (top.sex !== undefined) {
    card.sex = top.sex === 1 ? 'male' : top.sex === 2 ? 'female' : undefined;
    if (card.sex === undefined) reader.issue('CARD_SEX_INVALID', ['sex']);
  }
  const si = reader.digits(top.socialInsuranceNumber, ['socialInsuranceNumber'], 'CARD_SI_NUMBER_INVALID');
  if (si !== undefined) card.socialInsuranceNumber = si;
  if (top.healthInsurance !== undefined) {
    const path = ['healthInsurance'];
    const hi = reader.fields(
      top.healthInsurance,
      HI_KEY,
      { cardNumber: 'text', validFrom: 'int', validTo: 'int', facility: 'text' },
      ['cardNumber', 'validFrom', 'validTo'],
      path,
    );
    if (hi !== undefined) {
      // With the SI number present the wire carries only the card number's 5-character prefix.
      const cardNumber = hi.cardNumber as string | undefined;
      const withSi = top.socialInsuranceNumber !== undefined;
      if (cardNumber !== undefined && cardNumber.length !== (withSi ? 5 : 15)) {
        reader.issue('CARD_HI_NUMBER_INVALID', [...path, 'cardNumber']);
      }
      const block: Record<string, unknown> = {
        cardNumber: withSi && si !== undefined && cardNumber?.length === 5 ? cardNumber + si : cardNumber,
        validFrom: reader.date(hi.validFrom, [...path, 'validFrom']),
        validTo: reader.date(hi.validTo, [...path, 'validTo']),
      };
      if (hi.facility !== undefined) block.facility = hi.facility;
      card.healthInsurance = block;
    }
  }
  if (top.programs !== undefined) {
    card.programs = (top.programs as unknown[]).map((id, i) => {
      const code = Number.isSafeInteger(id) ? PROGRAM_CODES[(id as number) - 1] : undefined;
      if (code === undefined) reader.issue('CARD_PROGRAM_INVALID', ['programs', i]);
      return code;
    });
  }
  if (reader.issues.length > 0) return { ok: false, issues: reader.issues };
  // A good card skips the zod walk; zod explains everything else.
  if (isExactCard(card)) return { ok: true, value: card };

  const parsed = cardSchema.safeParse(card);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((i) => {
      const path = i.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
      return makeIssue(CARD_MESSAGES, codeForSchemaIssue(path, i.code === 'custom'), path, lang, {
        min: MIN_CARD_YEAR,
        max: MAX_CARD_YEAR,
      });
    }),
  };
}
