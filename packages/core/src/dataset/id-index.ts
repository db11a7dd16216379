/**
 * The duplicate index: which (personal ID, programme) pairs a dataset has already shown, and in
 * which province each was first enrolled. Built to hold 100 million IDs in about 1.3 GB.
 *
 * How memory stays at most 16 bytes per distinct ID, including while growing:
 * - One slot is one float64 holding an exact integer below 2^53:
 *   `((id * 16 + programme) * 128 + province)`. A 12-digit ID is below 10^12 < 2^40, the
 *   programme tag takes 4 bits (1..15) and the province 7 bits (0 = unknown, 1..100 = the two-digit
 *   code plus one): 51 bits. No key object, no string, no pointer: 8 bytes per slot. A programme
 *   tag of at least 1 makes every stored value non-zero, so 0 marks an empty slot.
 * - The table is split into {@link SHARDS} independent open-addressing tables (linear probing),
 *   chosen by the top bits of a 32-bit hash. A shard grows by ×{@link GROWTH} when its load passes
 *   {@link MAX_LOAD}, so every shard stays between 0.8/1.5 ≈ 0.53 and 0.8 full: 10 to 15 bytes per
 *   distinct ID. Capacities are not powers of two (a slot is chosen by multiply-and-scale), which
 *   is what allows a growth factor below 2.
 * - Growing rebuilds one shard only: while it is copied the old and the new shard coexist, which
 *   adds 1/256 of the table (about 5 MB at 100 M IDs), never a second copy of the whole index.
 */
export class PersonalIdIndex {
  private readonly shards: Float64Array[] = [];
  private readonly counts = new Uint32Array(SHARDS);
  private readonly limits = new Uint32Array(SHARDS);
  private distinct = 0;

  constructor() {
    for (let s = 0; s < SHARDS; s++) {
      this.shards.push(new Float64Array(INITIAL_SHARD_CAPACITY));
      this.limits[s] = Math.floor(INITIAL_SHARD_CAPACITY * MAX_LOAD);
    }
  }

  /** Number of distinct (ID, programme) pairs held. */
  get size(): number {
    return this.distinct;
  }

  /** Bytes held by the slot arrays (what grows with the data). */
  get byteLength(): number {
    let total = 0;
    for (const shard of this.shards) total += shard.byteLength;
    return total;
  }

  /**
   * Adds the pair (`id`, `programme`) enrolled in `province`, unless present.
   * Returns {@link NEW_ID} when it was not there, otherwise the province stored with the first
   * occurrence (0 = unknown, else code + 1), which is kept.
   *
   * @param id the personal ID as a number (see {@link personalIdToNumber}), 0 ≤ id < 10^12.
   * @param programme a tag 1..15.
   * @param province 0 when unknown, else the two-digit code plus one (1..100).
   * @example
   * const index = new PersonalIdIndex();
   * const id = personalIdToNumber('001090000123');
   * index.add(id, 1, 2); // NEW_ID
   * index.add(id, 1, 5); // 2: first seen in province "01"
   */
  add(id: number, programme: number, province: number): number {
    const key = id * 16 + programme;
    const low = key * 128; // every slot of this key lies in [low, low + 128)
    const hash = mix(key >>> 0, (key / 4294967296) >>> 0);
    const s = hash >>> SHARD_SHIFT;
    const shard = this.shards[s]!;
    const capacity = shard.length;
    let i = Math.floor(((hash & POSITION_MASK) * capacity) / POSITION_RANGE);
    for (;;) {
      const slot = shard[i]!;
      if (slot === 0) break;
      if (slot >= low && slot < low + 128) return slot - low;
      if (++i === capacity) i = 0;
    }
    shard[i] = low + province;
    this.distinct++;
    if (++this.counts[s]! > this.limits[s]!) this.grow(s);
    return NEW_ID;
  }

  private grow(s: number): void {
    const old = this.shards[s]!;
    const capacity = Math.ceil(old.length * GROWTH);
    const next = new Float64Array(capacity);
    for (let j = 0; j < old.length; j++) {
      const slot = old[j]!;
      if (slot === 0) continue;
      const key = Math.floor(slot / 128);
      const hash = mix(key >>> 0, (key / 4294967296) >>> 0);
      let i = Math.floor(((hash & POSITION_MASK) * capacity) / POSITION_RANGE);
      while (next[i] !== 0) if (++i === capacity) i = 0;
      next[i] = slot;
    }
    this.shards[s] = next;
    this.limits[s] = Math.floor(capacity * MAX_LOAD);
  }
}

/** What {@link PersonalIdIndex.add} returns for a pair it had not seen. */
export const NEW_ID = -1;

const SHARD_BITS = 8;
const SHARDS = 1 << SHARD_BITS;
const SHARD_SHIFT = 32 - SHARD_BITS;
const POSITION_MASK = (1 << SHARD_SHIFT) - 1;
const POSITION_RANGE = 1 << SHARD_SHIFT;
const INITIAL_SHARD_CAPACITY = 64;
const MAX_LOAD = 0.8;
const GROWTH = 1.5;

/** A 32-bit avalanche of a 64-bit value given as two 32-bit halves (murmur3-style finaliser). */
export function mix(lo: number, hi: number): number {
  let h = Math.imul(lo ^ 0x9e3779b9, 0x85ebca6b);
  h ^= h >>> 15;
  h = Math.imul(h ^ hi, 0xc2b2ae35);
  h ^= h >>> 13;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * The 12-digit personal ID as a number, or -1 when `value` is not a string of exactly 12 ASCII
 * digits. Reads characters directly: no allocation on the hot path.
 *
 * @example personalIdToNumber('001090000123') // 1090000123
 */
export function personalIdToNumber(value: unknown): number {
  if (typeof value !== 'string' || value.length !== 12) return -1;
  let n = 0;
  for (let i = 0; i < 12; i++) {
    const d = value.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}
