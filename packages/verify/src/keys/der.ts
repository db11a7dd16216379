import { VerifyError } from '../errors.js';

/** One DER TLV: its tag byte, its contents, and where the next element starts. */
export interface DerElement {
  readonly tag: number;
  readonly contents: Uint8Array;
  readonly end: number;
}

/**
 * Reads the DER element at `offset` (single-byte tags, definite lengths up to 4 bytes). Throws
 * `VerifyError` `ERR_KEY_INVALID` when it runs past the input.
 */
export function readDer(bytes: Uint8Array, offset = 0): DerElement {
  const fail = () => new VerifyError('ERR_KEY_INVALID', 'key');
  if (offset + 2 > bytes.length) throw fail();
  const tag = bytes[offset] as number;
  let length = bytes[offset + 1] as number;
  let start = offset + 2;
  if (length & 0x80) {
    const n = length & 0x7f;
    if (n === 0 || n > 4 || start + n > bytes.length) throw fail();
    length = 0;
    for (let i = 0; i < n; i++) length = length * 256 + (bytes[start + i] as number);
    start += n;
  }
  if (start + length > bytes.length) throw fail();
  return { tag, contents: bytes.subarray(start, start + length), end: start + length };
}

/** The elements directly inside a constructed DER element's contents. */
export function readDerChildren(contents: Uint8Array): DerElement[] {
  const out: DerElement[] = [];
  for (let offset = 0; offset < contents.length; ) {
    const el = readDer(contents, offset);
    out.push(el);
    offset = el.end;
  }
  return out;
}
