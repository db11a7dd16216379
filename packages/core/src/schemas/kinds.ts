import { PROGRAMS, type ProgramCode } from '../codes/programs.js';

/**
 * Every record kind of the data standard: the person, address and household, one kind per
 * programme (the nine programme codes of Decision 708, same strings), the e-card claims, the
 * payment order and the exchange envelope.
 */
export const RECORD_KINDS = [
  'person',
  'address',
  'household',
  'social-assistance',
  'poverty-reduction',
  'meritorious-services',
  'unemployment-insurance',
  'social-insurance',
  'health-insurance',
  'children',
  'vocational-training',
  'employment',
  'card',
  'payment-order',
  'envelope',
] as const satisfies readonly (string | ProgramCode)[];

export type RecordKind = (typeof RECORD_KINDS)[number];

/** The record kinds that are programmes (a beneficiary enrolled in a programme). */
export type ProgramRecordKind = Extract<RecordKind, ProgramCode>;

export const PROGRAM_RECORD_KINDS: readonly ProgramRecordKind[] = PROGRAMS.map((p) => p.code);

const KINDS: ReadonlySet<string> = new Set(RECORD_KINDS);
const PROGRAM_KINDS: ReadonlySet<string> = new Set(PROGRAM_RECORD_KINDS);

/**
 * Whether `kind` is one of {@link RECORD_KINDS}.
 *
 * @example isRecordKind('social-assistance') // true
 */
export function isRecordKind(kind: unknown): kind is RecordKind {
  return typeof kind === 'string' && KINDS.has(kind);
}

/**
 * Whether `kind` is a programme record kind (carries `personalId`, `provinceCode`, and optionally
 * `householdId` / `relationToHead`).
 *
 * @example isProgramKind('payment-order') // false
 */
export function isProgramKind(kind: unknown): kind is ProgramRecordKind {
  return typeof kind === 'string' && PROGRAM_KINDS.has(kind);
}
