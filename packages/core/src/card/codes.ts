// The two code lists the card's wire form numbers. They follow the agreed core contract
// (SEXES: male 1, female 2; PROGRAMS: ids 1..9 in this order); the wire numbers are frozen
// for layout 1 whatever the lists later gain.
export type Sex = 'male' | 'female';

export const PROGRAM_CODES = [
  'social-assistance',
  'poverty-reduction',
  'meritorious-services',
  'unemployment-insurance',
  'social-insurance',
  'health-insurance',
  'children',
  'vocational-training',
  'employment',
] as const;
export type ProgramCode = (typeof PROGRAM_CODES)[number];
