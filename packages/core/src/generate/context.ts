import type { RecordKind } from '../schemas/kinds.js';
import { RECORD_KINDS } from '../schemas/kinds.js';
import { type SerialKeys, serialKeys } from './people.js';
import { Rng, type Seed, seedWords } from './prng.js';

/** The day synthetic data is "as of": every generated date is on or before it. */
export const REFERENCE_DATE = '2025-10-01';

/** Independent random streams of one record, so that adding a draw to one never shifts another. */
export const STREAM = {
  content: 1,
  planted: 2,
  householdBlock: 3,
  household: 4,
  mistake: 5,
} as const;

/** Everything a builder needs to produce record `index` of `kind` for a seed. */
export interface GenerationContext {
  readonly kind: RecordKind;
  readonly kindId: number;
  readonly seed: readonly [number, number];
  readonly keys: SerialKeys;
}

export function generationContext(kind: RecordKind, seed: Seed): GenerationContext {
  const words = seedWords(seed);
  return { kind, kindId: RECORD_KINDS.indexOf(kind) + 1, seed: words, keys: serialKeys(words) };
}

/** The random stream `stream` of item `index` (a record, a household, a block). */
export function streamOf(ctx: GenerationContext, index: number, stream: number): Rng {
  return new Rng(ctx.seed, ctx.kindId, index, stream);
}
