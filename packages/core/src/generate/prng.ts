// A small deterministic PRNG. Only 32-bit integer operations (Math.imul, shifts, unsigned
// adds) feed the state, and floats are derived as `uint32 / 2^32`, so the same seed yields the
// same sequence in every JavaScript engine on every platform.

/** A seed: an integer (up to 2^53) or any string. */
export type Seed = number | string;

/** FNV-1a over the UTF-16 code units of a string, then a murmur3 finaliser. */
function hashString(text: string, basis: number): number {
  let h = basis >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix(h);
}

/** murmur3's 32-bit finaliser: spreads every input bit over the output. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Two 32-bit words from a seed: strings are hashed, numbers split into low and high halves. */
export function seedWords(seed: Seed): readonly [number, number] {
  if (typeof seed === 'string') return [hashString(seed, 0x811c9dc5), hashString(seed, 0x9747b28c)];
  const n = Math.trunc(seed);
  return [fmix(n >>> 0), fmix((Math.floor(n / 0x1_0000_0000) >>> 0) ^ 0x5bd1e995)];
}

/**
 * sfc32 (Chris Doty-Humphrey's Small Fast Counting generator): 128 bits of state, passes
 * PractRand, and is a few integer operations per number.
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** A generator for one stream: the seed words plus up to three integers (kind, index, purpose). */
  constructor(seed: readonly [number, number], x: number, y: number, z: number) {
    this.a = seed[0] ^ fmix(x + 0x9e3779b9);
    this.b = seed[1] ^ fmix((y >>> 0) + Math.imul(Math.floor(y / 0x1_0000_0000), 0x27d4eb2f));
    this.c = fmix(z ^ 0x165667b1) ^ seed[0];
    this.d = 1;
    for (let i = 0; i < 12; i++) this.next();
  }

  /** The next unsigned 32-bit integer. */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  float(): number {
    return this.next() / 0x1_0000_0000;
  }

  /** An integer in [min, max] (inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.float() < p;
  }

  /** A uniformly chosen element. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.float() * items.length)] as T;
  }

  /** An element chosen with the given weights (same length as `items`). */
  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.float() * total;
    for (let i = 0; i < items.length; i++) {
      r -= weights[i] as number;
      if (r < 0) return items[i] as T;
    }
    return items[items.length - 1] as T;
  }

  /** `count` distinct elements in their original order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const chosen: T[] = [];
    let needed = Math.min(count, items.length);
    for (let i = 0; i < items.length && needed > 0; i++) {
      if (this.float() * (items.length - i) < needed) {
        chosen.push(items[i] as T);
        needed--;
      }
    }
    return chosen;
  }

  /** `length` random decimal digits. */
  digits(length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += String.fromCharCode(48 + Math.floor(this.float() * 10));
    return out;
  }
}

/**
 * A keyed permutation of [0, modulus): `(a·x + b) mod modulus` with `a` coprime to the modulus.
 * Used to turn record indices into serial numbers that look random but never repeat.
 */
export function permute(x: number, modulus: number, multiplier: number, offset: number): number {
  // multiplier · x stays below 2^53 for the moduli used here (≤ 10^8 with multipliers < 10^6… 10^5).
  return (multiplier * (x % modulus) + (offset % modulus)) % modulus;
}
