// A strict DEFLATE decoder (RFC 1951), after Mark Adler's reference decoder "puff": one way to
// read every valid stream, and an error for everything else. fflate, fast as it is, accepts
// streams a credential verifier must refuse, so one credential would have many QR texts: it
// ignores a stored block's NLEN, bytes after the final block, and padding bits.
// Here each of those is an error, the output never grows past the caller's limit (checked before
// any allocation), and a window reference before the start of the output is an error.
import { VerifyError } from '../errors.js';

const MAX_BITS = 15;
const corrupt = () => new VerifyError('ERR_INFLATE', 'decode');
const tooLarge = () => new VerifyError('ERR_INFLATE_TOO_LARGE', 'decode');

/**
 * A canonical Huffman code as a lookup table: indexed by the next `maxLen` input bits (least
 * significant first, as DEFLATE stores codes bit-reversed), each entry is `symbol << 4 | length`;
 * 0 marks bit patterns no code starts with.
 */
interface Huffman {
  lut: Uint16Array;
  maxLen: number;
}

/**
 * Builds the table from code lengths. Returns how many codes are left unused (0 for a complete
 * code); throws for an over-subscribed one.
 */
function buildHuffman(lengths: Uint8Array, h: Huffman): number {
  const count = new Uint16Array(MAX_BITS + 1);
  for (const len of lengths) count[len]!++;
  let maxLen = 0;
  for (let len = 1; len <= MAX_BITS; len++) if (count[len]) maxLen = len;
  let left = 1;
  for (let len = 1; len <= MAX_BITS; len++) {
    left = left * 2 - (count[len] as number);
    if (left < 0) throw corrupt();
  }
  // First code of each length (RFC 1951 §3.2.2), then every code filled in bit-reversed.
  const next = new Uint16Array(MAX_BITS + 1);
  for (let len = 1, code = 0; len <= MAX_BITS; len++) {
    code = (code + (len === 1 ? 0 : (count[len - 1] as number))) << 1;
    next[len] = code;
  }
  h.maxLen = Math.max(maxLen, 1);
  h.lut = new Uint16Array(1 << h.maxLen);
  for (let symbol = 0; symbol < lengths.length; symbol++) {
    const len = lengths[symbol] as number;
    if (len === 0) continue;
    const code = next[len]!++;
    let reversed = 0;
    for (let i = 0; i < len; i++) reversed |= ((code >> i) & 1) << (len - 1 - i);
    for (let j = reversed; j < h.lut.length; j += 1 << len) h.lut[j] = (symbol << 4) | len;
  }
  return left;
}

// RFC 1951 §3.2.5: base lengths and distances of the length and distance symbols, and their
// extra bits.
// biome-ignore format: tables read better in rows
const LENGTH_BASE = Uint16Array.of(3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258);
// biome-ignore format: tables read better in rows
const LENGTH_EXTRA = Uint8Array.of(0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0);
// biome-ignore format: tables read better in rows
const DIST_BASE = Uint16Array.of(1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577);
// biome-ignore format: tables read better in rows
const DIST_EXTRA = Uint8Array.of(0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13);
const CODE_LENGTH_ORDER = Uint8Array.of(16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15);

const newHuffman = (): Huffman => ({ lut: new Uint16Array(0), maxLen: 0 });

// The fixed code of block type 1 never changes: built once.
const FIXED_LENGTH = newHuffman();
const FIXED_DIST = newHuffman();
{
  const lengths = new Uint8Array(288);
  lengths.fill(8, 0, 144).fill(9, 144, 256).fill(7, 256, 280).fill(8, 280, 288);
  buildHuffman(lengths, FIXED_LENGTH);
  buildHuffman(new Uint8Array(30).fill(5), FIXED_DIST);
}

/** Where the output goes: a fixed buffer, or one that grows up to a limit. */
export interface InflateOutput {
  buffer: Uint8Array;
  readonly limit: number;
  /** Whether `buffer` may be replaced by a larger one (up to `limit`). */
  readonly growable: boolean;
}

class Inflater {
  private pos: number;
  private bitBuffer = 0;
  private bitCount = 0;
  length = 0;

  constructor(
    private readonly data: Uint8Array,
    start: number,
    private readonly end: number,
    private readonly out: InflateOutput,
  ) {
    this.pos = start;
  }

  /** The next `n` bits without consuming them; past the end they read as zero. */
  private peek(n: number): number {
    while (this.bitCount < n && this.pos < this.end) {
      this.bitBuffer |= (this.data[this.pos++] as number) << this.bitCount;
      this.bitCount += 8;
    }
    return this.bitBuffer & ((1 << n) - 1);
  }

  private drop(n: number): void {
    if (n > this.bitCount) throw corrupt(); // ran past the end of the input
    this.bitBuffer >>>= n;
    this.bitCount -= n;
  }

  private bits(n: number): number {
    const value = this.peek(n);
    this.drop(n);
    return value;
  }

  private decode(h: Huffman): number {
    const entry = h.lut[this.peek(h.maxLen)] as number;
    if (entry === 0) throw corrupt(); // a code the table does not have
    this.drop(entry & 15);
    return entry >> 4;
  }

  /** Room for `n` more bytes, taken only when the whole result stays within the limit. */
  private reserve(n: number): void {
    const needed = this.length + n;
    if (needed > this.out.limit) throw tooLarge();
    if (needed > this.out.buffer.length) {
      if (!this.out.growable) throw tooLarge();
      const grown = new Uint8Array(Math.min(this.out.limit, Math.max(needed, this.out.buffer.length * 2)));
      grown.set(this.out.buffer.subarray(0, this.length));
      this.out.buffer = grown;
    }
  }

  private stored(): void {
    // Skip to the byte boundary: the skipped bits must be zero, as every encoder writes them,
    // and whole bytes already read ahead go back to the input.
    const partial = this.bitCount & 7;
    if ((this.bitBuffer & ((1 << partial) - 1)) !== 0) throw corrupt();
    this.pos -= this.bitCount >> 3;
    this.bitBuffer = 0;
    this.bitCount = 0;
    if (this.pos + 4 > this.end) throw corrupt();
    const d = this.data;
    const len = (d[this.pos] as number) | ((d[this.pos + 1] as number) << 8);
    const nlen = (d[this.pos + 2] as number) | ((d[this.pos + 3] as number) << 8);
    if ((len ^ 0xffff) !== nlen) throw corrupt();
    this.pos += 4;
    if (this.pos + len > this.end) throw corrupt();
    this.reserve(len);
    this.out.buffer.set(d.subarray(this.pos, this.pos + len), this.length);
    this.pos += len;
    this.length += len;
  }

  private codes(lencode: Huffman, distcode: Huffman): void {
    for (;;) {
      const symbol = this.decode(lencode);
      if (symbol < 256) {
        if (this.length >= this.out.buffer.length) this.reserve(1);
        else if (this.length >= this.out.limit) throw tooLarge();
        this.out.buffer[this.length++] = symbol;
      } else if (symbol === 256) {
        return;
      } else {
        const l = symbol - 257;
        if (l >= 29) throw corrupt();
        const len = (LENGTH_BASE[l] as number) + this.bits(LENGTH_EXTRA[l] as number);
        const ds = this.decode(distcode);
        if (ds >= 30) throw corrupt();
        const dist = (DIST_BASE[ds] as number) + this.bits(DIST_EXTRA[ds] as number);
        if (dist > this.length) throw corrupt();
        this.reserve(len);
        const buf = this.out.buffer;
        for (let i = 0; i < len; i++, this.length++) buf[this.length] = buf[this.length - dist] as number;
      }
    }
  }

  private dynamic(): void {
    const nlen = this.bits(5) + 257;
    const ndist = this.bits(5) + 1;
    const ncode = this.bits(4) + 4;
    if (nlen > 286 || ndist > 30) throw corrupt();
    const lengths = new Uint8Array(19);
    for (let i = 0; i < ncode; i++) lengths[CODE_LENGTH_ORDER[i] as number] = this.bits(3);
    const lencode = newHuffman();
    if (buildHuffman(lengths, lencode) !== 0) throw corrupt(); // the code-length code must be complete
    const all = new Uint8Array(nlen + ndist);
    for (let i = 0; i < nlen + ndist; ) {
      const symbol = this.decode(lencode);
      if (symbol < 16) {
        all[i++] = symbol;
        continue;
      }
      let repeat: number;
      let value = 0;
      if (symbol === 16) {
        if (i === 0) throw corrupt(); // nothing to repeat
        value = all[i - 1] as number;
        repeat = 3 + this.bits(2);
      } else if (symbol === 17) repeat = 3 + this.bits(3);
      else repeat = 11 + this.bits(7);
      if (i + repeat > nlen + ndist) throw corrupt();
      all.fill(value, i, i + repeat);
      i += repeat;
    }
    if (all[256] === 0) throw corrupt(); // no end-of-block code
    const litLengths = all.subarray(0, nlen);
    const distLengths = all.subarray(nlen);
    const litcode = newHuffman();
    const distcode = newHuffman();
    // An incomplete code is allowed only when it has at most one code, of length 1 (puff's rule:
    // a block of literals needs no distance code).
    const incompleteAllowed = (lengths: Uint8Array) => lengths.every((len) => len <= 1);
    if (buildHuffman(litLengths, litcode) !== 0 && !incompleteAllowed(litLengths)) throw corrupt();
    if (buildHuffman(distLengths, distcode) !== 0 && !incompleteAllowed(distLengths)) throw corrupt();
    this.codes(litcode, distcode);
  }

  /** Inflates the whole stream; it must end exactly at `end`, padding bits zero. */
  run(): number {
    let last: number;
    do {
      last = this.bits(1);
      const type = this.bits(2);
      if (type === 0) this.stored();
      else if (type === 1) this.codes(FIXED_LENGTH, FIXED_DIST);
      else if (type === 2) this.dynamic();
      else throw corrupt();
    } while (!last);
    // Nothing may follow the final block: no byte, no set padding bit.
    if (this.bitCount >= 8 || this.bitBuffer !== 0 || this.pos !== this.end) throw corrupt();
    return this.length;
  }
}

/**
 * Inflates raw DEFLATE data `data[start, end)` into `out` and returns the output length.
 * Throws `VerifyError` `ERR_INFLATE_TOO_LARGE` before exceeding `out.limit`, `ERR_INFLATE` for
 * any stream RFC 1951 does not allow, for bytes after the final block and for non-zero padding.
 */
export function inflateRaw(data: Uint8Array, start: number, end: number, out: InflateOutput): number {
  return new Inflater(data, start, end, out).run();
}
