/**
 * A minimal, strict DER reader: just what reading an X.509 certificate needs.
 *
 * Strict means: definite lengths only, in their shortest form; no high tag numbers; every item
 * inside its parent; nothing trailing. A certificate that a lenient BER reader would accept but
 * DER forbids is refused, because two readers disagreeing on the bytes is how signature checks
 * get bypassed.
 */

/** Thrown by the DER reader; the certificate parser turns it into a typed error. */
export class DerError extends Error {
  override readonly name = 'DerError';
}

/** One TLV item: its tag byte and where its header and content sit in the buffer. */
export interface DerNode {
  readonly tag: number;
  readonly start: number;
  readonly contentStart: number;
  readonly end: number;
}

export const TAG = {
  BOOLEAN: 0x01,
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  UTC_TIME: 0x17,
  GENERALIZED_TIME: 0x18,
  SEQUENCE: 0x30,
  SET: 0x31,
} as const;

/** Reads the item at `offset`, which must end at or before `limit`. */
export function readNode(buf: Uint8Array, offset: number, limit: number): DerNode {
  if (offset + 2 > limit) throw new DerError('truncated header');
  const tag = buf[offset]!;
  if ((tag & 0x1f) === 0x1f) throw new DerError('high tag numbers are not used by X.509');
  let length = buf[offset + 1]!;
  let contentStart = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    // 0x80 is BER's indefinite length; more than 4 length bytes cannot fit any certificate.
    if (count === 0 || count > 4) throw new DerError('indefinite or oversized length');
    if (contentStart + count > limit) throw new DerError('truncated length');
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + buf[contentStart + i]!;
    contentStart += count;
    if (length < 0x80 || buf[offset + 2] === 0) throw new DerError('length not in its shortest form');
  }
  const end = contentStart + length;
  if (end > limit) throw new DerError('item longer than its container');
  return { tag, start: offset, contentStart, end };
}

/** Reads one item that must fill `buf` exactly (no trailing bytes). */
export function readRoot(buf: Uint8Array): DerNode {
  const node = readNode(buf, 0, buf.length);
  if (node.end !== buf.length) throw new DerError('bytes trailing the outer item');
  return node;
}

/** The items directly inside a constructed item, in order. */
export function childrenOf(buf: Uint8Array, parent: DerNode): DerNode[] {
  if (!(parent.tag & 0x20)) throw new DerError('expected a constructed item');
  const out: DerNode[] = [];
  let at = parent.contentStart;
  while (at < parent.end) {
    const node = readNode(buf, at, parent.end);
    out.push(node);
    at = node.end;
  }
  return out;
}

/** Checks the tag of an item (throws when it differs). */
export function expectTag(node: DerNode | undefined, tag: number, what: string): DerNode {
  if (!node || node.tag !== tag) throw new DerError(`expected ${what}`);
  return node;
}

export function contentOf(buf: Uint8Array, node: DerNode): Uint8Array {
  return buf.subarray(node.contentStart, node.end);
}

/** Dotted-decimal text of an OBJECT IDENTIFIER, refusing non-minimal sub-identifiers. */
export function decodeOid(buf: Uint8Array, node: DerNode): string {
  expectTag(node, TAG.OID, 'an object identifier');
  const bytes = contentOf(buf, node);
  if (bytes.length === 0) throw new DerError('empty object identifier');
  const arcs: number[] = [];
  let value = 0;
  let fresh = true;
  for (const byte of bytes) {
    if (fresh && byte === 0x80) throw new DerError('object identifier arc not in its shortest form');
    // 2^47 keeps the arithmetic exact in a double; real arcs are far smaller.
    if (value > 2 ** 47) throw new DerError('object identifier arc too large');
    value = value * 128 + (byte & 0x7f);
    fresh = !(byte & 0x80);
    if (fresh) {
      arcs.push(value);
      value = 0;
    }
  }
  if (!fresh) throw new DerError('truncated object identifier');
  const first = arcs[0]!;
  const head = first < 40 ? [0, first] : first < 80 ? [1, first - 40] : [2, first - 80];
  return [...head, ...arcs.slice(1)].join('.');
}

/**
 * The magnitude bytes of a non-negative INTEGER (no sign byte), refusing non-minimal and
 * negative encodings.
 */
export function decodeUnsignedInteger(buf: Uint8Array, node: DerNode): Uint8Array {
  expectTag(node, TAG.INTEGER, 'an integer');
  const bytes = contentOf(buf, node);
  if (bytes.length === 0) throw new DerError('empty integer');
  if (bytes[0]! & 0x80) throw new DerError('negative integer');
  if (bytes.length > 1 && bytes[0] === 0 && !(bytes[1]! & 0x80)) {
    throw new DerError('integer not in its shortest form');
  }
  return bytes[0] === 0 && bytes.length > 1 ? bytes.subarray(1) : bytes;
}

/** The bytes of a BIT STRING that must have no unused bits (keys and signatures). */
export function decodeBitStringBytes(buf: Uint8Array, node: DerNode): Uint8Array {
  expectTag(node, TAG.BIT_STRING, 'a bit string');
  const bytes = contentOf(buf, node);
  if (bytes.length === 0 || bytes[0] !== 0) throw new DerError('bit string with unused bits');
  return bytes.subarray(1);
}

/** The bits of a named-bit BIT STRING (key usage), bit 0 first. */
export function decodeNamedBits(buf: Uint8Array, node: DerNode): boolean[] {
  expectTag(node, TAG.BIT_STRING, 'a bit string');
  const bytes = contentOf(buf, node);
  const unused = bytes[0];
  if (unused === undefined || unused > 7 || (bytes.length === 1 && unused !== 0)) {
    throw new DerError('malformed bit string');
  }
  const bits: boolean[] = [];
  for (let i = 1; i < bytes.length; i++) {
    for (let b = 7; b >= 0; b--) bits.push(((bytes[i]! >> b) & 1) === 1);
  }
  return bits.slice(0, bits.length - unused);
}

const digits = (text: string, from: number, count: number): number => {
  const part = text.slice(from, from + count);
  if (!/^[0-9]+$/.test(part) || part.length !== count) throw new DerError('malformed time');
  return Number(part);
};

/**
 * A UTCTime or GeneralizedTime in the one form RFC 5280 allows (`YYMMDDHHMMSSZ` /
 * `YYYYMMDDHHMMSSZ`), as a Date.
 */
export function decodeTime(buf: Uint8Array, node: DerNode): Date {
  const bytes = contentOf(buf, node);
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  let year: number;
  let rest: number;
  if (node.tag === TAG.UTC_TIME && text.length === 13) {
    const yy = digits(text, 0, 2);
    year = yy >= 50 ? 1900 + yy : 2000 + yy; // RFC 5280 §4.1.2.5.1
    rest = 2;
  } else if (node.tag === TAG.GENERALIZED_TIME && text.length === 15) {
    year = digits(text, 0, 4);
    rest = 4;
  } else {
    throw new DerError('time not in the form RFC 5280 requires');
  }
  if (text[text.length - 1] !== 'Z') throw new DerError('time not in UTC');
  const month = digits(text, rest, 2);
  const day = digits(text, rest + 2, 2);
  const hour = digits(text, rest + 4, 2);
  const minute = digits(text, rest + 6, 2);
  const second = digits(text, rest + 8, 2);
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  const date = new Date(ms);
  // Date.UTC rolls 31 February into March; a round trip catches every out-of-range field.
  if (
    month < 1 ||
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day ||
    date.getUTCHours() !== hour ||
    date.getUTCMinutes() !== minute ||
    date.getUTCSeconds() !== second
  ) {
    throw new DerError('time field out of range');
  }
  return date;
}
