// Deterministic mutators for the verifier fuzzer: the same (seed text, input index) always gives
// the same mutated input, so any finding can be replayed from its index alone.
import { decodeBase45, encodeBase45 } from '../../src/base45.js';
import { CborTag, decodeCbor, encodeCbor } from '../../src/cbor.js';
import { sigStructure } from '../../src/cose/sign1.js';
import { deflateZlib, inflateZlib } from '../../src/inflate.js';

/** xorshift32: small, fast, deterministic. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
    for (let i = 0; i < 4; i++) this.next();
  }
  next(): number {
    let x = this.state;
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    return this.state;
  }
  int(n: number): number {
    return n <= 0 ? 0 : this.next() % n;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }
  chance(p: number): boolean {
    return this.next() / 0x1_0000_0000 < p;
  }
}

/** Mixes the run seed and the input index into one PRNG seed. */
export const inputSeed = (runSeed: number, index: number): number =>
  Math.imul(runSeed ^ 0x5bd1e995, 0x01000193) ^ Math.imul(index + 1, 0x9e3779b1);

const BASE45 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

/** Byte-array edits: flips, overwrites, truncation, insertion, deletion, duplication. */
export function mutateBytes(bytes: Uint8Array, rng: Rng): Uint8Array {
  const out = [...bytes];
  const edits = 1 + rng.int(rng.chance(0.2) ? 8 : 2);
  for (let e = 0; e < edits; e++) {
    const at = rng.int(out.length + 1);
    switch (rng.int(7)) {
      case 0:
        if (out.length) out[at % out.length] = (out[at % out.length] as number) ^ (1 << rng.int(8));
        break;
      case 1:
        if (out.length)
          out[at % out.length] = rng.pick([
            0,
            0xff,
            0x7f,
            0x80,
            0x18,
            0x1b,
            0x1f,
            0x3f,
            0x5f,
            0x7f,
            0x9f,
            0xbf,
            0xdf,
            0xf9,
            0xfb,
            0xff,
            rng.int(256),
          ]);
        break;
      case 2:
        out.length = at;
        break;
      case 3:
        out.splice(at, 0, ...Array.from({ length: 1 + rng.int(4) }, () => rng.int(256)));
        break;
      case 4:
        out.splice(at, 1 + rng.int(8));
        break;
      case 5: {
        const len = 1 + rng.int(16);
        out.splice(at, 0, ...out.slice(at, at + len));
        break;
      }
      default: {
        // A CBOR head with a huge or indefinite length, the classic parser trap.
        out.splice(
          at,
          0,
          rng.pick([0x5b, 0x7b, 0x9b, 0xbb, 0x5f, 0x9f, 0xbf, 0xdb]),
          ...Array.from({ length: 8 }, () => rng.pick([0, 0xff, 0x7f])),
        );
      }
    }
  }
  return Uint8Array.from(out);
}

/** Text edits on the QR string itself. */
function mutateText(text: string, rng: Rng): string {
  const at = rng.int(text.length + 1);
  switch (rng.int(6)) {
    case 0:
      return (
        text.slice(0, at) +
        (rng.chance(0.8) ? rng.pick([...BASE45]) : String.fromCharCode(rng.int(0x10000))) +
        text.slice(at + 1)
      );
    case 1:
      return text.slice(0, at);
    case 2:
      return text.slice(0, at) + rng.pick([...BASE45]) + text.slice(at);
    case 3:
      return text.slice(0, at) + text.slice(at + 1 + rng.int(6));
    case 4:
      return text.slice(0, at) + text.slice(at, at + 1 + rng.int(40)).repeat(1 + rng.int(3)) + text.slice(at);
    default:
      return rng.pick(['AS1:', 'HC1:', 'HC2:', 'as1:', '', 'AS1', 'HC1:HC1:']) + text.slice(4);
  }
}

/** A random CBOR value: extremes of every type, deep nesting, tags. */
function randomValue(rng: Rng, depth = 0): unknown {
  switch (rng.int(depth > 3 ? 8 : 12)) {
    case 0:
      // Small ones land on status-list entries: valid, revoked, suspended, out of range.
      return rng.pick([
        0,
        1,
        2,
        3,
        63,
        64,
        -1,
        23,
        24,
        255,
        256,
        65535,
        2 ** 32,
        -(2 ** 32),
        Number.MAX_SAFE_INTEGER,
        -Number.MAX_SAFE_INTEGER,
      ]);
    case 1:
      return rng.pick([2n ** 64n - 1n, -(2n ** 64n), 2n ** 53n + 1n]);
    case 2:
      return rng.pick([
        '',
        'VSS',
        'HC1',
        '001085012345',
        'Nguyễn',
        '\u0000',
        'x'.repeat(300),
        '2025-13-45',
        '\ud800',
      ]);
    case 3:
      return new Uint8Array(rng.pick([0, 1, 8, 32, 64, 300]));
    case 4:
      return rng.pick([true, false, null, undefined]);
    case 5:
      return new CborTag(
        rng.pick([0, 1, 18, 24, 61, 1004, 55799]),
        rng.pick(['2025-01-01', 0, new Uint8Array(2)]),
      );
    case 6: {
      // Nested deeper than the verifier's limit of 16, sometimes.
      let v: unknown = 0;
      for (let i = 0, n = rng.int(24); i < n; i++) v = [v];
      return v;
    }
    case 7:
      return rng.int(100_000);
    case 8:
      return Array.from({ length: rng.int(4) }, () => randomValue(rng, depth + 1));
    case 9:
      return new Map(
        Array.from({ length: rng.int(4) }, (_, i) => [
          rng.chance(0.5) ? i - 2 : `k${i}`,
          randomValue(rng, depth + 1),
        ]),
      );
    case 10:
      return new Map([[1, randomValue(rng, depth + 1)]]);
    default:
      return -65537;
  }
}

/** Collects every container in a decoded CBOR tree, so one can be edited at random. */
function containers(
  value: unknown,
  out: (unknown[] | Map<unknown, unknown>)[] = [],
): (unknown[] | Map<unknown, unknown>)[] {
  if (Array.isArray(value)) {
    out.push(value);
    for (const v of value) containers(v, out);
  } else if (value instanceof Map) {
    out.push(value);
    for (const v of value.values()) containers(v, out);
  } else if (value instanceof CborTag) {
    containers(value.value, out);
  }
  return out;
}

/** Edits a decoded CBOR tree in place: replace, delete or add an entry, or change a key. */
export function mutateTree(root: unknown, rng: Rng): void {
  const all = containers(root);
  if (all.length === 0) return;
  const target = rng.pick(all);
  if (Array.isArray(target)) {
    const at = rng.int(target.length + 1);
    const op = rng.int(3);
    if (op === 0 && target.length) target[at % target.length] = randomValue(rng);
    else if (op === 1 && target.length) target.splice(at % target.length, 1);
    else target.splice(at, 0, randomValue(rng));
  } else {
    const keys = [...target.keys()];
    const op = rng.int(4);
    if (op === 0 && keys.length) target.set(rng.pick(keys), randomValue(rng));
    else if (op === 1 && keys.length) target.delete(rng.pick(keys));
    else if (op === 2 && keys.length) {
      const key = rng.pick(keys);
      const value = target.get(key);
      target.delete(key);
      target.set(rng.pick([key, `${String(key)}`, -1, 0, 65535, -260, -65537, 1, 4, 6]), value);
    } else target.set(rng.pick([2, 3, 5, 7, 16, 65535, 'x', -260, -65537, 99]), randomValue(rng));
  }
}

/** What a seed offers the mutators: its QR text, and optionally a way to re-sign a new payload. */
export interface FuzzSeed {
  readonly name: string;
  readonly text: string;
  /** Signs COSE Sig_structure bytes with the seed's own key (deterministic), when the fuzzer holds it. */
  readonly resign?: (toBeSigned: Uint8Array) => Uint8Array;
}

export type MutationLevel = 'text' | 'base45' | 'cose-bytes' | 'cose-tree' | 'payload-resigned';
export const LEVELS: readonly MutationLevel[] = [
  'text',
  'base45',
  'cose-bytes',
  'cose-tree',
  'payload-resigned',
];

const prefixOf = (text: string) => text.slice(0, 4);
const rebuild = (prefix: string, cose: Uint8Array) => prefix + encodeBase45(deflateZlib(cose));

/** Decoded layers of a seed, computed once per seed. */
export interface SeedLayers {
  readonly seed: FuzzSeed;
  readonly compressed: Uint8Array;
  readonly cose: Uint8Array;
}

export function layersOf(seed: FuzzSeed): SeedLayers {
  const compressed = decodeBase45(seed.text.slice(4));
  return { seed, compressed, cose: inflateZlib(compressed) };
}

/**
 * One mutated input from a seed at a level: text edits; edits of the compressed bytes; edits
 * of the COSE bytes (re-deflated); edits of the decoded COSE tree (re-encoded); or edits of the
 * claims that are then re-signed, so they reach the checks behind the signature.
 */
export function mutate(layers: SeedLayers, level: MutationLevel, rng: Rng): string {
  const prefix = prefixOf(layers.seed.text);
  switch (level) {
    case 'text':
      return mutateText(layers.seed.text, rng);
    case 'base45':
      return prefix + encodeBase45(mutateBytes(layers.compressed, rng));
    case 'cose-bytes':
      return rebuild(prefix, mutateBytes(layers.cose, rng));
    case 'cose-tree': {
      const tree = decodeCbor(layers.cose);
      mutateTree(tree, rng);
      return rebuild(prefix, encodeCbor(tree));
    }
    case 'payload-resigned': {
      const tagged = decodeCbor(layers.cose) as CborTag;
      const [protectedBytes, unprotected, payload] = tagged.value as [
        Uint8Array,
        Map<unknown, unknown>,
        Uint8Array,
        Uint8Array,
      ];
      const claims = decodeCbor(payload);
      // A card's status entry sits deep in the tree, where random edits rarely land: aim at it
      // now and then, so every status outcome (valid, revoked, suspended, out of range) is hit.
      const statusRef = claims instanceof Map ? claims.get(65535) : undefined;
      const entry = statusRef instanceof Map ? statusRef.get('status_list') : undefined;
      if (entry instanceof Map && rng.chance(0.25)) entry.set('idx', rng.pick([0, 1, 2, 3, 63, 64, 2 ** 31]));
      else for (let i = 0, n = 1 + rng.int(3); i < n; i++) mutateTree(claims, rng);
      const newPayload = rng.chance(0.1) ? mutateBytes(encodeCbor(claims), rng) : encodeCbor(claims);
      const toBeSigned = sigStructure(protectedBytes, newPayload);
      const signature = layers.seed.resign ? layers.seed.resign(toBeSigned) : new Uint8Array(64);
      return rebuild(
        prefix,
        encodeCbor(new CborTag(18, [protectedBytes, unprotected, newPayload, signature])),
      );
    }
  }
}

/** Input number `index` of a run: seed and level chosen from the index, edits from the PRNG. */
export function fuzzInput(
  all: readonly SeedLayers[],
  runSeed: number,
  index: number,
): { text: string; seed: string; level: MutationLevel } {
  const rng = new Rng(inputSeed(runSeed, index));
  const layers = all[index % all.length]!;
  const resignable = layers.seed.resign !== undefined;
  const level = LEVELS[rng.int(resignable ? LEVELS.length : LEVELS.length - 1)]!;
  let text: string;
  try {
    text = mutate(layers, level, rng);
  } catch {
    // An edit the encoder cannot express (e.g. a duplicate map key): fall back to byte edits.
    text = rebuild(prefixOf(layers.seed.text), mutateBytes(layers.cose, rng));
  }
  return { text, seed: layers.seed.name, level };
}
