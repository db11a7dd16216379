/**
 * Sex as Vietnamese civil records hold it. `number` is the code health-insurance data uses
 * (XML130 `GIOI_TINH`, the paper card QR: 1 male, 2 female); the personal ID number encodes sex in
 * its 4th digit instead (even = male, odd = female, see `parsePersonalId`).
 *
 * XML130 also has `3` ("undetermined") for clinical records; it is not a civil-status value and
 * is not listed here.
 */
export const SEXES = [
  { code: 'male', number: 1, vi: 'Nam', en: 'Male' },
  { code: 'female', number: 2, vi: 'Nữ', en: 'Female' },
] as const;

export type Sex = (typeof SEXES)[number]['code'];

/**
 * Whether `value` is `'male'` or `'female'`.
 *
 * @example isSex('female') // true
 */
export function isSex(value: unknown): value is Sex {
  return value === 'male' || value === 'female';
}
