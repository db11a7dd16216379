import { VerifyError } from './errors.js';
import { concatBytes, toHex } from './lib/bytes.js';

/**
 * CBOR (RFC 8949) for credentials: a strict decoder for untrusted bytes and a deterministic
 * encoder for signing.
 *
 * Why not cbor-x here: its decoder interprets extension tags by default (tag 27 calls a global
 * constructor by name, 28/29 build shared references, records compile readers with `new
 * Function`), and its encoder writes integers ≥ 2^32 as float64 and bigints non-minimally, which
 * is not deterministic CBOR. A credential verifier needs none of that, and this file is smaller
 * than cbor-x's decode entry.
 */

/** Nesting limit a verifier enforces before work (arrays, maps and tags each count one level). */
export const CBOR_MAX_DEPTH = 16;

/** A CBOR tag with a value other than the few this decoder understands (it understands none). */
export class CborTag {
  constructor(
    readonly tag: number,
    readonly value: unknown,
  ) {}
}

export interface DecodeCborOptions {
  /** Containers (array, map, tag) allowed around the deepest item; default 16. */
  readonly maxDepth?: number;
  /**
   * Byte strings as views into the input instead of copies: cheaper, for a caller that owns the
   * input and never changes it afterwards. Default false.
   */
  readonly viewBytes?: boolean;
}

const utf8Decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const BREAK = Symbol('break');

// Short ASCII strings recur from card to card (map keys such as "idx", issuers, status list
// URIs, facility codes): a small cache returns the same string for the same bytes, which saves
// building it, and the string's hash is already computed when it is looked up in a Map. A slot
// is chosen by a hash of the bytes and the bytes are compared in full, so a collision only
// replaces the entry.
const CACHE_SLOTS = 128;
const cachedBytes: (Uint8Array | undefined)[] = new Array(CACHE_SLOTS).fill(undefined);
const cachedText: string[] = new Array(CACHE_SLOTS).fill('');
const MAX_CACHED_LENGTH = 48;

function sameBytes(a: Uint8Array, b: Uint8Array, start: number): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[start + i]) return false;
  return true;
}

/**
 * The UTF-8 text in `bytes[start..end)`, strictly; short ASCII strings come from the cache or
 * skip TextDecoder's call cost.
 */
function decodeText(bytes: Uint8Array, start: number, end: number): string {
  const length = end - start;
  if (length > MAX_CACHED_LENGTH) return decodeUtf8(bytes.subarray(start, end));
  let hash = length;
  let high = 0;
  for (let i = start; i < end; i++) {
    const b = bytes[i] as number;
    high |= b;
    hash = (Math.imul(hash, 31) + b) | 0;
  }
  if (high >= 0x80) return decodeUtf8(bytes.subarray(start, end));
  const slot = (hash ^ (hash >>> 7)) & (CACHE_SLOTS - 1);
  const cached = cachedBytes[slot];
  if (cached !== undefined && cached.length === length && sameBytes(cached, bytes, start)) {
    return cachedText[slot] as string;
  }
  let text = '';
  for (let i = start; i < end; i++) text += String.fromCharCode(bytes[i] as number);
  cachedBytes[slot] = bytes.slice(start, end);
  cachedText[slot] = text;
  return text;
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return utf8Decoder.decode(bytes);
  } catch (cause) {
    throw new VerifyError('ERR_CBOR', 'decode', { cause });
  }
}

/** Thrown for CBOR that is not well formed; specific failures use their own code. */
function malformed(): VerifyError {
  return new VerifyError('ERR_CBOR', 'decode');
}

class Reader {
  pos = 0;
  // Only floats need a DataView; integers are read byte by byte (a DataView per decode cost more
  // than the integers it read, three decodes per card).
  private floats?: DataView;

  constructor(
    readonly bytes: Uint8Array,
    readonly maxDepth: number,
    readonly viewBytes: boolean,
  ) {}

  private get view(): DataView {
    this.floats ??= new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    return this.floats;
  }

  /** The big-endian unsigned integer of the `n` (≤ 4) bytes at `at`. */
  private uint(at: number, n: number): number {
    let value = 0;
    for (let i = 0; i < n; i++) value = value * 256 + (this.bytes[at + i] as number);
    return value;
  }

  private need(n: number): void {
    if (n > this.bytes.length - this.pos) throw malformed();
  }

  /** Reads the argument of an initial byte; returns -1 for indefinite length (ai 31). */
  private argument(ai: number): number | bigint {
    if (ai < 24) return ai;
    switch (ai) {
      case 24:
        this.need(1);
        return this.bytes[this.pos++] as number;
      case 25:
        this.need(2);
        this.pos += 2;
        return this.uint(this.pos - 2, 2);
      case 26:
        this.need(4);
        this.pos += 4;
        return this.uint(this.pos - 4, 4);
      case 27: {
        this.need(8);
        this.pos += 8;
        const high = this.uint(this.pos - 8, 4);
        const low = this.uint(this.pos - 4, 4);
        // Up to 2^53 - 1 as a number; beyond, exactly, as a bigint.
        return high < 0x200000 ? high * 0x100000000 + low : (BigInt(high) << 32n) | BigInt(low);
      }
      case 31:
        return -1;
      default:
        throw malformed(); // 28–30 are reserved
    }
  }

  /** A length or count: definite and small enough to fit what is left of the input. */
  private length(ai: number, allowIndefinite: boolean): number {
    const n = this.argument(ai);
    if (n === -1) {
      if (!allowIndefinite) throw malformed();
      return -1;
    }
    if (typeof n === 'bigint' || n > this.bytes.length - this.pos) throw malformed();
    return n;
  }

  read(depth: number): unknown {
    const value = this.item(depth);
    if (value === BREAK) throw malformed();
    return value;
  }

  private item(depth: number): unknown {
    this.need(1);
    const initial = this.bytes[this.pos++] as number;
    const major = initial >> 5;
    const ai = initial & 31;
    switch (major) {
      case 0: {
        if (ai === 31) throw malformed();
        return this.argument(ai);
      }
      case 1: {
        if (ai === 31) throw malformed();
        const n = this.argument(ai);
        if (typeof n === 'bigint') return -1n - n;
        return n < Number.MAX_SAFE_INTEGER ? -1 - n : -1n - BigInt(n);
      }
      case 2:
      case 3: {
        const n = this.length(ai, true);
        if (n === -1) {
          const joined = this.chunks(major);
          return major === 2 ? joined : decodeText(joined, 0, joined.length);
        }
        const start = this.pos;
        this.pos += n;
        // A byte string is copied unless the caller asked for views (a copy over 64 bytes costs
        // an allocation outside the JS heap); text is read in place.
        if (major === 3) return decodeText(this.bytes, start, this.pos);
        return this.viewBytes ? this.bytes.subarray(start, this.pos) : this.bytes.slice(start, this.pos);
      }
      case 4: {
        this.enter(depth);
        const n = this.length(ai, true);
        const out: unknown[] = [];
        if (n === -1) {
          for (let v = this.item(depth + 1); v !== BREAK; v = this.item(depth + 1)) out.push(v);
        } else {
          for (let i = 0; i < n; i++) out.push(this.read(depth + 1));
        }
        return out;
      }
      case 5: {
        this.enter(depth);
        const n = this.length(ai, true);
        const out = new Map<unknown, unknown>();
        // Keys that are JS primitives (integers, text, floats, simple values) are duplicates when
        // the Map already holds them: the same value however encoded (1 as `01` or `18 01`), and
        // also an integer and an equal float (1 and 1.0), which one Map could not hold apart.
        // Integer keys 0–31 (most keys of our formats) are tracked in a bit set, which saves a
        // Map lookup per entry.
        let smallKeys = 0;
        let objectKeys: Set<string> | undefined;
        for (let i = 0; n === -1 || i < n; i++) {
          const start = this.pos;
          const key = this.item(depth + 1);
          if (key === BREAK) {
            if (n !== -1) throw malformed();
            break;
          }
          if (typeof key === 'number' && key >= 0 && key < 32 && Number.isInteger(key)) {
            const bit = 1 << key;
            if (smallKeys & bit) throw new VerifyError('ERR_CBOR_DUPLICATE_KEY', 'decode');
            smallKeys |= bit;
          } else if (typeof key === 'object' && key !== null) {
            objectKeys ??= new Set();
            const identity = objectKeyIdentity(key, this.bytes, start, this.pos);
            if (objectKeys.has(identity)) throw new VerifyError('ERR_CBOR_DUPLICATE_KEY', 'decode');
            objectKeys.add(identity);
          } else if (out.has(key)) {
            throw new VerifyError('ERR_CBOR_DUPLICATE_KEY', 'decode');
          }
          out.set(key, this.read(depth + 1));
        }
        return out;
      }
      case 6: {
        this.enter(depth);
        const tag = this.argument(ai);
        if (tag === -1 || typeof tag === 'bigint') throw malformed();
        return new CborTag(tag, this.read(depth + 1));
      }
      default:
        return this.simple(ai);
    }
  }

  /** The next `n` bytes (already bounds-checked by `length`), as a view. */
  private take(n: number): Uint8Array {
    const start = this.pos;
    this.pos += n;
    return this.bytes.subarray(start, this.pos);
  }

  private enter(depth: number): void {
    if (depth >= this.maxDepth) throw new VerifyError('ERR_CBOR_DEPTH', 'decode');
  }

  /** The definite-length chunks of an indefinite-length string, concatenated. */
  private chunks(major: number): Uint8Array {
    const parts: Uint8Array[] = [];
    for (;;) {
      this.need(1);
      const initial = this.bytes[this.pos++] as number;
      if (initial === 0xff) return concatBytes(...parts);
      if (initial >> 5 !== major) throw malformed();
      const n = this.length(initial & 31, false);
      parts.push(this.take(n));
    }
  }

  private simple(ai: number): unknown {
    switch (ai) {
      case 20:
        return false;
      case 21:
        return true;
      case 22:
        return null;
      case 23:
        return undefined;
      case 25:
        this.need(2);
        this.pos += 2;
        return halfToNumber(this.view.getUint16(this.pos - 2));
      case 26:
        this.need(4);
        this.pos += 4;
        return this.view.getFloat32(this.pos - 4);
      case 27:
        this.need(8);
        this.pos += 8;
        return this.view.getFloat64(this.pos - 8);
      case 31:
        return BREAK;
      default:
        throw malformed(); // unassigned simple values have no meaning in our formats
    }
  }
}

function halfToNumber(h: number): number {
  const exp = (h >> 10) & 0x1f;
  const mant = h & 0x3ff;
  const sign = h & 0x8000 ? -1 : 1;
  if (exp === 0) return sign * mant * 2 ** -24;
  if (exp === 31) return mant === 0 ? sign * Number.POSITIVE_INFINITY : Number.NaN;
  return sign * (1 + mant / 1024) * 2 ** (exp - 15);
}

/**
 * The identity of a map key that is an object (byte string, array, map, tag), which a JS `Map`
 * would compare by reference: byte strings by value, the rest by their encoding.
 */
function objectKeyIdentity(key: object, bytes: Uint8Array, start: number, end: number): string {
  return key instanceof Uint8Array ? `b${toHex(key)}` : `r${toHex(bytes.subarray(start, end))}`;
}

/**
 * Decodes one CBOR item strictly: malformed input, duplicate map keys, nesting deeper than
 * `maxDepth`, unassigned simple values and bytes trailing the item all throw `VerifyError`
 * (`ERR_CBOR`, `ERR_CBOR_DUPLICATE_KEY`, `ERR_CBOR_DEPTH`, `ERR_CBOR_TRAILING`). Maps decode to
 * `Map`, byte strings to `Uint8Array`, integers beyond 2^53 to `bigint`, tags to {@link CborTag}.
 *
 * @example
 * decodeCbor(new Uint8Array([0xa1, 0x01, 0x26])); // Map { 1 => -7 }
 */
export function decodeCbor(bytes: Uint8Array, options: DecodeCborOptions = {}): unknown {
  const reader = new Reader(bytes, options.maxDepth ?? CBOR_MAX_DEPTH, options.viewBytes === true);
  const value = reader.read(0);
  if (reader.pos !== bytes.length) throw new VerifyError('ERR_CBOR_TRAILING', 'decode');
  return value;
}

// ---------------------------------------------------------------------------------------------
// Deterministic encoding (RFC 8949 §4.2.1): shortest arguments, definite lengths, map keys in
// bytewise order of their encodings.

/**
 * Writes the deterministic head of an item of `major` type with argument `n` (< 2^32) at `at`;
 * returns the index after it. For building bytes in place, without an array per head.
 */
export function writeHead(out: Uint8Array, at: number, major: number, n: number): number {
  if (!(n >= 0 && n <= 0xffffffff) || n !== Math.floor(n))
    throw new RangeError(`CBOR head: ${n} is not an integer from 0 to 2^32 - 1`);
  const m = major << 5;
  if (n < 24) {
    out[at] = m | n;
    return at + 1;
  }
  if (n < 0x100) {
    out[at] = m | 24;
    out[at + 1] = n;
    return at + 2;
  }
  if (n < 0x10000) {
    out[at] = m | 25;
    out[at + 1] = n >> 8;
    out[at + 2] = n;
    return at + 3;
  }
  out[at] = m | 26;
  out[at + 1] = n >>> 24;
  out[at + 2] = n >> 16;
  out[at + 3] = n >> 8;
  out[at + 4] = n;
  return at + 5;
}

/** The deterministic head (initial byte and argument) of a CBOR item of `major` type. */
export function head(major: number, n: number | bigint): Uint8Array {
  const m = major << 5;
  if (typeof n === 'bigint') {
    if (n <= 0xffffffffn) return head(major, Number(n));
    if (n > 0xffffffffffffffffn) throw new RangeError('CBOR integers are limited to 64 bits');
    const out = new Uint8Array(9);
    out[0] = m | 27;
    new DataView(out.buffer).setBigUint64(1, n);
    return out;
  }
  if (!Number.isSafeInteger(n) || n < 0)
    throw new RangeError(`CBOR head: ${n} is not a non-negative integer`);
  if (n >= 0x100000000) return head(major, BigInt(n));
  const out = new Uint8Array(5);
  return out.slice(0, writeHead(out, 0, major, n));
}

const textEncoder = new TextEncoder();

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
  return a.length - b.length;
}

function encodeItem(value: unknown, parts: Uint8Array[]): void {
  switch (typeof value) {
    case 'number':
      if (!Number.isSafeInteger(value)) {
        throw new TypeError(`CBOR encode: ${value} is not a safe integer (our formats carry no floats)`);
      }
      parts.push(value >= 0 ? head(0, value) : head(1, -1 - value));
      return;
    case 'bigint':
      parts.push(value >= 0n ? head(0, value) : head(1, -1n - value));
      return;
    case 'string': {
      const bytes = textEncoder.encode(value);
      parts.push(head(3, bytes.length), bytes);
      return;
    }
    case 'boolean':
      parts.push(Uint8Array.of(value ? 0xf5 : 0xf4));
      return;
    case 'undefined':
      parts.push(Uint8Array.of(0xf7));
      return;
  }
  if (value === null) {
    parts.push(Uint8Array.of(0xf6));
  } else if (value instanceof Uint8Array) {
    parts.push(head(2, value.length), value);
  } else if (Array.isArray(value)) {
    parts.push(head(4, value.length));
    for (const v of value) encodeItem(v, parts);
  } else if (value instanceof CborTag) {
    parts.push(head(6, value.tag));
    encodeItem(value.value, parts);
  } else if (value instanceof Map || typeof value === 'object') {
    const entries = value instanceof Map ? [...value] : Object.entries(value as object);
    const encoded = entries.map(([k, v]) => [encodeCbor(k), encodeCbor(v)] as const);
    encoded.sort((a, b) => compareBytes(a[0], b[0]));
    for (let i = 1; i < encoded.length; i++) {
      if (compareBytes(encoded[i - 1]![0], encoded[i]![0]) === 0)
        throw new TypeError('CBOR encode: duplicate map key');
    }
    parts.push(head(5, encoded.length));
    for (const [k, v] of encoded) parts.push(k, v);
  } else {
    throw new TypeError(`CBOR encode: unsupported value of type ${typeof value}`);
  }
}

/**
 * Encodes a value as deterministic CBOR (RFC 8949 §4.2.1). Accepts safe integers, bigints,
 * strings, `Uint8Array`, booleans, null, undefined, arrays, `Map`s, plain objects (text keys)
 * and {@link CborTag}; throws `TypeError` for anything else, floats included.
 *
 * @example
 * encodeCbor(new Map([[4, new Uint8Array(8)], [1, -7]])); // a2 01 26 04 48 00…00
 */
export function encodeCbor(value: unknown): Uint8Array {
  const parts: Uint8Array[] = [];
  encodeItem(value, parts);
  return parts.length === 1 ? (parts[0] as Uint8Array) : concatBytes(...parts);
}
