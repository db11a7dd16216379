/**
 * The duplicate index: which (personal ID, programme) pairs a dataset has already shown, and in
 * which province each was first enrolled. Holds 100 million IDs in about 1.1 GB.
 *
 * How memory stays under 16 bytes per distinct ID, growth included:
 * - One slot is one float64 holding an exact integer below 2^51:
 *   `((id * 16 + programme) * 128 + province)`. A 12-digit ID is below 10^12 < 2^40, the
 *   programme tag takes 4 bits (1..15) and the province 7 bits (0 = unknown, 1..100 = the two-digit
 *   code plus one). No key object, no string, no pointer: 8 bytes per slot. A programme tag of at
 *   least 1 makes every stored value non-zero, so 0 marks an empty slot.
 * - The table is split into 256 open-addressing tables (linear probing) chosen by the
 *   top 8 bits of a 32-bit hash; the other 24 bits place the key in its shard (multiply-and-scale,
 *   so a shard's capacity need not be a power of two).
 * - A shard is a list of fixed-size pages ({@link PAGE_SLOTS} slots, 4 KiB). It grows by ×1.25
 *   (whole pages) when its load passes 0.8 and is then rehashed IN PLACE (see `grow`): new pages
 *   are added, no page is ever freed or copied. So there is no transient second copy and no garbage
 *   for the collector or the allocator to hold on to: memory is 8 bytes × capacity, and load stays
 *   between 0.8/1.25 = 0.64 and 0.8, i.e. 10 to 12.5 bytes per distinct ID once past the first
 *   pages (1 MiB for the 256 shards of an empty index).
 */
export class PersonalIdIndex {
  private readonly pages: Float64Array[][] = [];
  private readonly capacities: Uint32Array;
  private readonly counts: Uint32Array;
  private readonly shardMask: number;
  private distinct = 0;

  /** @param shardBits log2 of the shard count, 0..8 (8 by default; fewer for tests of growth). */
  constructor(shardBits = SHARD_BITS) {
    const shards = 1 << shardBits;
    this.shardMask = shards - 1;
    this.capacities = new Uint32Array(shards);
    this.counts = new Uint32Array(shards);
    for (let s = 0; s < shards; s++) {
      this.pages.push([new Float64Array(PAGE_SLOTS)]);
      this.capacities[s] = PAGE_SLOTS;
    }
  }

  /** Number of distinct (ID, programme) pairs held. */
  get size(): number {
    return this.distinct;
  }

  /** Bytes held by the slot pages (what grows with the data). */
  get byteLength(): number {
    let slots = 0;
    for (const capacity of this.capacities) slots += capacity;
    return slots * 8;
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
    const low = key * 128; // every slot value of this key lies in [low, low + 128)
    const hash = mix(key >>> 0, (key / 4294967296) >>> 0);
    const s = (hash >>> POSITION_BITS) & this.shardMask;
    const pages = this.pages[s]!;
    const capacity = this.capacities[s]!;
    let i = Math.floor(((hash & POSITION_MASK) * capacity) / POSITION_RANGE);
    for (;;) {
      const page = pages[i >>> PAGE_BITS]!;
      const slot = page[i & PAGE_MASK]!;
      if (slot === 0) {
        page[i & PAGE_MASK] = low + province;
        break;
      }
      if (slot >= low && slot < low + 128) return slot - low;
      if (++i === capacity) i = 0;
    }
    this.distinct++;
    if (++this.counts[s]! > capacity * MAX_LOAD) this.grow(s);
    return NEW_ID;
  }

  /**
   * Adds pages to shard `s` and moves every key to its slot for the new capacity, in place.
   * Keys are re-placed in one pass over the old slots; a key already in its new place is marked by
   * adding {@link MOVED} (values stay exact integers below 2^52). Placing a key takes the first
   * slot from its new home that is empty or holds a key not yet moved; such a key is taken out
   * and placed in turn. Slots between a moved key's home and its slot all hold moved keys, which
   * never leave, so every probe chain is intact when the marks are cleared.
   */
  private grow(s: number): void {
    const pages = this.pages[s]!;
    const old = this.capacities[s]!;
    const pageCount = Math.max(Math.ceil((old * GROWTH) / PAGE_SLOTS), pages.length + 1);
    while (pages.length < pageCount) pages.push(new Float64Array(PAGE_SLOTS));
    const capacity = pageCount * PAGE_SLOTS;
    this.capacities[s] = capacity;
    for (let j = 0; j < old; j++) {
      const page = pages[j >>> PAGE_BITS]!;
      let value = page[j & PAGE_MASK]!;
      if (value === 0 || value >= MOVED) continue;
      page[j & PAGE_MASK] = 0;
      while (value !== 0) {
        const key = Math.floor(value / 128);
        const hash = mix(key >>> 0, (key / 4294967296) >>> 0);
        let i = Math.floor(((hash & POSITION_MASK) * capacity) / POSITION_RANGE);
        for (;;) {
          const target = pages[i >>> PAGE_BITS]!;
          const there = target[i & PAGE_MASK]!;
          if (there < MOVED) {
            target[i & PAGE_MASK] = value + MOVED;
            value = there; // 0 ends the chain; a key not yet moved is placed next
            break;
          }
          if (++i === capacity) i = 0;
        }
      }
    }
    for (const page of pages) {
      for (let k = 0; k < PAGE_SLOTS; k++) if (page[k]! >= MOVED) page[k]! -= MOVED;
    }
  }
}

/** What {@link PersonalIdIndex.add} returns for a pair it had not seen. */
export const NEW_ID = -1;

const SHARD_BITS = 8;
/** The low 24 bits of the hash place a key in its shard; the top 8 choose the shard. */
const POSITION_BITS = 24;
const POSITION_MASK = (1 << POSITION_BITS) - 1;
const POSITION_RANGE = 1 << POSITION_BITS;
const PAGE_BITS = 9;
/** Slots per page: 512 float64 = 4 KiB. */
const PAGE_SLOTS = 1 << PAGE_BITS;
const PAGE_MASK = PAGE_SLOTS - 1;
const MAX_LOAD = 0.8;
const GROWTH = 1.25;
/** Added to a slot value during a rehash to mark a key already in its new place (2^51). */
const MOVED = 2 ** 51;

/** A 32-bit avalanche of a 64-bit value given as two 32-bit halves (murmur3-style finaliser). */
function mix(lo: number, hi: number): number {
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
