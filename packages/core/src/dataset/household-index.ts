/**
 * Households seen in a dataset (via `householdId`), whether any member is the head, and where
 * each household first appeared: enough to report "household without head" once the file has
 * been read, without keeping any record or household ID string.
 *
 * A household is a 64-bit hash of its ID (two 32-bit words) plus one state word, 12 bytes a slot,
 * in the same sharded, ×1.5-growing open-addressing layout as the personal-ID index (load between
 * 0.53 and 0.8: 15 to 23 bytes per distinct household). Two different households share a hash
 * with probability about n²/2^65 (3·10⁻⁵ for 30 M households); such a pair would be merged,
 * which can only hide a missing head, never invent one.
 *
 * State word: bit 31 = a head was seen, bit 30 = the household's first record was otherwise
 * valid, bits 0–29 = the line of that first record (≥ 1, so 0 marks an empty slot; lines beyond
 * 2^30 − 1 are stored as that maximum).
 */
export class HouseholdIndex {
  private readonly shards: Uint32Array[] = [];
  private readonly counts = new Uint32Array(SHARDS);
  private readonly limits = new Uint32Array(SHARDS);

  constructor() {
    for (let s = 0; s < SHARDS; s++) {
      this.shards.push(new Uint32Array(INITIAL_SHARD_CAPACITY * 3));
      this.limits[s] = Math.floor(INITIAL_SHARD_CAPACITY * MAX_LOAD);
    }
  }

  /**
   * Notes a record of household `householdId` at `line`; `isHead` when its relation to the head
   * is `head`; `valid` says whether the record is valid so far (used only for the household's
   * first record, the one a missing head is charged to).
   *
   * @example
   * const households = new HouseholdIndex();
   * households.add('HH-01', 1, false, true);
   * households.add('HH-01', 2, true, true);
   * households.withoutHead((line) => console.log(line)); // prints nothing
   */
  add(householdId: string, line: number, isHead: boolean, valid: boolean): void {
    let a = 0x811c9dc5;
    let b = 0x5bd1e995 ^ householdId.length;
    for (let i = 0; i < householdId.length; i++) {
      const c = householdId.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 15;
    }
    const hi = mix32(a ^ Math.imul(b, 0x27d4eb2d));
    const lo = mix32(b ^ Math.imul(a, 0x165667b1));
    const s = hi >>> SHARD_SHIFT;
    const shard = this.shards[s]!;
    const capacity = shard.length / 3;
    let i = Math.floor(((lo >>> 8) * capacity) / 16777216) * 3;
    for (;;) {
      const state = shard[i + 2]!;
      if (state === 0) break;
      if (shard[i] === hi && shard[i + 1] === lo) {
        if (isHead) shard[i + 2] = (state | HEAD) >>> 0;
        return;
      }
      i += 3;
      if (i === shard.length) i = 0;
    }
    shard[i] = hi;
    shard[i + 1] = lo;
    shard[i + 2] = ((isHead ? HEAD : 0) | (valid ? VALID : 0) | Math.min(line, LINE_MASK)) >>> 0;
    if (++this.counts[s]! > this.limits[s]!) this.grow(s);
  }

  /** Calls `visit(line, firstRecordValid)` for every household that has no head, in no particular order. */
  withoutHead(visit: (line: number, firstRecordValid: boolean) => void): void {
    for (const shard of this.shards) {
      for (let i = 2; i < shard.length; i += 3) {
        const state = shard[i]!;
        if (state !== 0 && (state & HEAD) === 0) visit(state & LINE_MASK, (state & VALID) !== 0);
      }
    }
  }

  private grow(s: number): void {
    const old = this.shards[s]!;
    const capacity = Math.ceil((old.length / 3) * GROWTH);
    const next = new Uint32Array(capacity * 3);
    for (let j = 0; j < old.length; j += 3) {
      if (old[j + 2] === 0) continue;
      let i = Math.floor(((old[j + 1]! >>> 8) * capacity) / 16777216) * 3;
      while (next[i + 2] !== 0) {
        i += 3;
        if (i === next.length) i = 0;
      }
      next[i] = old[j]!;
      next[i + 1] = old[j + 1]!;
      next[i + 2] = old[j + 2]!;
    }
    this.shards[s] = next;
    this.limits[s] = Math.floor(capacity * MAX_LOAD);
  }
}

const HEAD = 0x80000000;
const VALID = 0x40000000;
const LINE_MASK = 0x3fffffff;
const SHARD_BITS = 8;
const SHARDS = 1 << SHARD_BITS;
const SHARD_SHIFT = 32 - SHARD_BITS;
const INITIAL_SHARD_CAPACITY = 16;
const MAX_LOAD = 0.8;
const GROWTH = 1.5;

/** murmur3's 32-bit finaliser. */
function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
