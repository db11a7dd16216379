import { ETHNIC_GROUPS } from '../codes/ethnic-groups.js';
import {
  PROVINCE_2004_TO_2025,
  PROVINCES_2004,
  PROVINCES_2025,
  type ProvinceCode2004,
  type ProvinceCode2025,
} from '../codes/provinces.js';
import type { Sex } from '../codes/sex.js';
import { addDays, addYears } from './calendar.js';
import { vietnameseName } from './names.js';
import { permute, type Rng } from './prng.js';

/** A synthetic person: identity fields consistent with each other. */
export interface Identity {
  readonly personalId: string;
  readonly fullName: string;
  readonly dateOfBirth: string;
  readonly sex: Sex;
  readonly ethnicCode: string;
  /** 2004-scheme province where the birth was registered (the ID's place code). */
  readonly birthProvince: ProvinceCode2004;
  /** 2025-scheme province of residence. */
  readonly province: ProvinceCode2025;
  readonly socialInsuranceNumber: string;
}

/** Per-seed offsets of the serial-number permutations. */
export interface SerialKeys {
  readonly personal: number;
  readonly social: number;
}

export function serialKeys(seed: readonly [number, number]): SerialKeys {
  return { personal: seed[0] % 999_999, social: seed[1] % 100_000_000 };
}

const PROVINCE_CODES_2004 = PROVINCES_2004.map((p) => p.code);
// Hà Nội and Hồ Chí Minh City hold about 8% and 9% of the population; other provinces 1–2% each.
const PROVINCE_WEIGHTS = PROVINCE_CODES_2004.map((c) => (c === '79' ? 7 : c === '01' ? 6 : 1));
const PROVINCE_CODES_2025 = PROVINCES_2025.map((p) => p.code);

const ETHNIC_CODES = ETHNIC_GROUPS.map((e) => e.code);
// Approximate shares of the 2019 census (percent): Kinh 85.3, Tày 1.9, Thái 1.9, Mường 1.5,
// Khơ-me 1.4, HMông 1.5, Nùng 1.1, Hoa 0.8, Dao 0.9, Gia-rai 0.5, Ê-đê 0.4, Ba-na 0.3; the
// other 42 groups share the rest.
const ETHNIC_SHARE: Readonly<Record<string, number>> = {
  '01': 85.3,
  '02': 1.9,
  '03': 1.9,
  '06': 1.5,
  '05': 1.4,
  '08': 1.5,
  '07': 1.1,
  '04': 0.8,
  '09': 0.9,
  '10': 0.5,
  '12': 0.4,
  '13': 0.3,
};
const ETHNIC_WEIGHTS = ETHNIC_CODES.map((c) => ETHNIC_SHARE[c] ?? 0.05);

/** A 2025 province: mostly where the person was born, sometimes anywhere (migration). */
export function residenceProvince(rng: Rng, birth: ProvinceCode2004): ProvinceCode2025 {
  return rng.chance(0.8) ? PROVINCE_2004_TO_2025[birth] : rng.pick(PROVINCE_CODES_2025);
}

export function anyProvince2025(rng: Rng): ProvinceCode2025 {
  return rng.pick(PROVINCE_CODES_2025);
}

export interface IdentityRequest {
  /** The person is between `minAge` and `maxAge` completed years old on `on`. */
  readonly on: string;
  readonly minAge: number;
  readonly maxAge: number;
  readonly sex?: Sex;
  /** Which unique serial this person takes (a record index, or index × k + member). */
  readonly serial: number;
}

/**
 * A person whose personal ID agrees with their date of birth, sex and province of birth
 * registration (vn-reference §1): `0` + 2004 province code, sex/century digit, the last two
 * digits of the birth year, and a 6-digit serial from a keyed permutation of `serial`, so that
 * serials 0…999,998 never repeat. The social insurance number is the 2-digit residence province
 * and 8 digits from another permutation (unique for 10^8 serials).
 */
export function makeIdentity(rng: Rng, keys: SerialKeys, request: IdentityRequest): Identity {
  const sex: Sex = request.sex ?? (rng.chance(0.5) ? 'male' : 'female');
  const age = rng.int(request.minAge, request.maxAge);
  // Born `age` years before `on`, minus 0–364 days: exactly `age` completed years on `on`.
  const dateOfBirth = addDays(addYears(request.on, -age), -rng.int(0, 364));
  const year = Number(dateOfBirth.slice(0, 4));
  const birthProvince = rng.weighted(PROVINCE_CODES_2004, PROVINCE_WEIGHTS) as ProvinceCode2004;
  const centuryDigit = (Math.floor(year / 100) - 19) * 2 + (sex === 'female' ? 1 : 0);
  const serial = 1 + permute(request.serial, 999_999, 524_287, keys.personal);
  const personalId = `0${birthProvince}${centuryDigit}${String(year % 100).padStart(2, '0')}${String(serial).padStart(6, '0')}`;
  const province = residenceProvince(rng, birthProvince);
  const si = permute(request.serial, 100_000_000, 48_271, keys.social);
  return {
    personalId,
    fullName: vietnameseName(rng, sex),
    dateOfBirth,
    sex,
    ethnicCode: rng.weighted(ETHNIC_CODES, ETHNIC_WEIGHTS),
    birthProvince,
    province,
    socialInsuranceNumber: `${province}${String(si).padStart(8, '0')}`,
  };
}
