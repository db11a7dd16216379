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

/** Sex on the wire: the national ID's convention, male 1, female 2. */
export const SEX_WIRE = { male: 1, female: 2 } as const;
