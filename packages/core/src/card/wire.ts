// Integer keys of the compact card map (CWT claim -65537), layout 1. docs/wire-format.md is the
// normative description; these numbers never change within a layout.
export const CARD_KEY = {
  type: 1,
  personalId: 2,
  name: 3,
  dateOfBirth: 4,
  sex: 5,
  socialInsuranceNumber: 6,
  healthInsurance: 7,
  programs: 8,
} as const;

export const HI_KEY = {
  cardNumber: 1,
  validFrom: 2,
  validTo: 3,
  facility: 4,
} as const;

/**
 * Digit strings (personal ID, social-insurance number) travel as packed BCD bytes: two digits
 * per byte, high nibble first. 12 digits take 6 bytes instead of 12 as text (CBOR has no
 * 5-byte integer, so an integer would take 8).
 */
export function digitsToBcd(digits: string): Uint8Array {
  const out = new Uint8Array(digits.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = (Number(digits[2 * i]) << 4) | Number(digits[2 * i + 1]);
  return out;
}

/** The digit string of packed BCD bytes, or undefined when a nibble is not a decimal digit. */
export function bcdToDigits(bytes: Uint8Array): string | undefined {
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if (b >> 4 > 9 || (b & 15) > 9) return undefined;
    out += DIGIT_PAIRS[(b >> 4) * 10 + (b & 15)];
  }
  return out;
}

const DIGIT_PAIRS = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));

/** Sex on the wire: the national ID's convention, male 1, female 2. */
export const SEX_WIRE = { male: 1, female: 2 } as const;
