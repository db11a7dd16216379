/**
 * Households seen in a dataset (via `householdId`), whether any member is the head, and where
 * each household first appeared: enough to report "household without head" once the file has
 * been read, without keeping any record or household ID string.
 *
 * A household is a 63-bit hash of its ID (two 32-bit words; the top bit is kept for rehashing)
 * plus one state word, 12 bytes a slot, in the same sharded, paged, in-place-growing layout as the
 * personal-ID index (load between 0.64 and 0.8: 15 to 19 bytes per distinct household). Two
 * different households share a hash with probability about n²/2^64 (5·10⁻⁵ for 30 M
 * households); such a pair would be merged, which can only hide a missing head, never invent one.
 *
 * State word: bit 31 = a head was seen, bit 30 = the household's first record was otherwise
 * valid, bits 0–29 = the line of that first record (≥ 1, so 0 marks an empty slot; lines beyond
 * 2^30 − 1 are stored as that maximum).
 */
export class HouseholdIndex {
  private readonly pages: Uint32Array[][] = [];
  private readonly capacities: Uint32Array;
  private readonly counts: Uint32Array;
  private readonly shardMask: number;

  /** @param shardBits log2 of the shard count, 0..8 (8 by default; fewer for tests of growth). */
  constructor(shardBits = 8) {
    const shards = 1 << shardBits;
    this.shardMask = shards - 1;
    this.capacities = new Uint32Array(shards);
    this.counts = new Uint32Array(shards);
    for (let s = 0; s < shards; s++) {
      this.pages.push([new Uint32Array(PAGE_SLOTS * 3)]);
      this.capacities[s] = PAGE_SLOTS;
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
    const hi = mix32(a ^ Math.imul(b, 0x27d4eb2d)) & HASH_MASK; // bit 31 is the rehash mark
    const lo = mix32(b ^ Math.imul(a, 0x165667b1));
    const s = (lo >>> 24) & this.shardMask;
    const pages = this.pages[s]!;
    const capacity = this.capacities[s]!;
    let i = position(lo, capacity);
    for (;;) {
      const page = pages[i >>> PAGE_BITS]!;
      const at = (i & PAGE_MASK) * 3;
      const state = page[at + 2]!;
      if (state === 0) {
        page[at] = hi;
        page[at + 1] = lo;
        page[at + 2] = ((isHead ? HEAD : 0) | (valid ? VALID : 0) | Math.min(line, LINE_MASK)) >>> 0;
        break;
      }
      if (page[at] === hi && page[at + 1] === lo) {
        if (isHead) page[at + 2] = (state | HEAD) >>> 0;
        return;
      }
      if (++i === capacity) i = 0;
    }
    if (++this.counts[s]! > capacity * MAX_LOAD) this.grow(s);
  }

  /** Calls `visit(line, firstRecordValid)` for every household that has no head, in no particular order. */
  withoutHead(visit: (line: number, firstRecordValid: boolean) => void): void {
    for (const pages of this.pages) {
      for (const page of pages) {
        for (let at = 2; at < page.length; at += 3) {
          const state = page[at]!;
          if (state !== 0 && (state & HEAD) === 0) visit(state & LINE_MASK, (state & VALID) !== 0);
        }
      }
    }
  }

  /** Adds pages to shard `s` and rehashes it in place, as `PersonalIdIndex` does (bit 31 of `hi` marks a moved slot). */
  private grow(s: number): void {
    const pages = this.pages[s]!;
    const old = this.capacities[s]!;
    const pageCount = Math.max(Math.ceil((old * GROWTH) / PAGE_SLOTS), pages.length + 1);
    while (pages.length < pageCount) pages.push(new Uint32Array(PAGE_SLOTS * 3));
    const capacity = pageCount * PAGE_SLOTS;
    this.capacities[s] = capacity;
    for (let j = 0; j < old; j++) {
      const page = pages[j >>> PAGE_BITS]!;
      const at = (j & PAGE_MASK) * 3;
      let state = page[at + 2]!;
      if (state === 0 || page[at]! >= MOVED) continue;
      let hi = page[at]!;
      let lo = page[at + 1]!;
      page[at] = 0;
      page[at + 1] = 0;
      page[at + 2] = 0;
      while (state !== 0) {
        let i = position(lo, capacity);
        for (;;) {
          const target = pages[i >>> PAGE_BITS]!;
          const t = (i & PAGE_MASK) * 3;
          const thereState = target[t + 2]!;
          if (thereState === 0 || target[t]! < MOVED) {
            const thereHi = target[t]!;
            const thereLo = target[t + 1]!;
            target[t] = (hi | MOVED) >>> 0;
            target[t + 1] = lo;
            target[t + 2] = state;
            hi = thereHi;
            lo = thereLo;
            state = thereState; // 0 ends the chain; a slot not yet moved is placed next
            break;
          }
          if (++i === capacity) i = 0;
        }
      }
    }
    for (const page of pages) {
      for (let at = 0; at < page.length; at += 3) page[at] = page[at]! & HASH_MASK;
    }
  }
}

/** Slot of a household in a shard of `capacity` slots, from bits 0–23 of `lo` (bits 24–31 chose the shard). */
function position(lo: number, capacity: number): number {
  return Math.floor(((lo & 0xffffff) * capacity) / 16777216);
}

const HEAD = 0x80000000;
const VALID = 0x40000000;
const LINE_MASK = 0x3fffffff;
const HASH_MASK = 0x7fffffff;
/** Bit 31 of a slot's `hi` word while a rehash runs: the slot is already in its new place. */
const MOVED = 0x80000000;
const PAGE_BITS = 9;
/** Slots per page: 512 × 12 bytes = 6 KiB. */
const PAGE_SLOTS = 1 << PAGE_BITS;
const PAGE_MASK = PAGE_SLOTS - 1;
const MAX_LOAD = 0.8;
const GROWTH = 1.25;

/** murmur3's 32-bit finaliser. */
function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
