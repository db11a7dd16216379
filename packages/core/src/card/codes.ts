import type { ProgramCode } from '../codes/programs.js';

export type { ProgramCode } from '../codes/programs.js';
export type { Sex } from '../codes/sex.js';

/**
 * Program codes by wire number (index + 1): the ids of `PROGRAMS` in @ansinh/core's code list,
 * frozen here for layout 1 so that a change to the list cannot silently change the wire format
 * (a test holds the two in step).
 */
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
] as const satisfies readonly ProgramCode[];
