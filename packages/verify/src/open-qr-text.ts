import { decodeBase45From } from './base45.js';
import { parseSign1, type Sign1 } from './cose/sign1.js';
import { inflateZlibInto, MAX_INFLATED_BYTES } from './inflate.js';
import { MAX_QR_TEXT_LENGTH } from './profile.js';

// The base45 bytes live only until they are inflated, so one buffer serves every text.
const zlibScratch = new Uint8Array(Math.ceil(MAX_QR_TEXT_LENGTH / 3) * 2);

/**
 * The COSE_Sign1 of a QR text, after its prefix: base45, then zlib, then COSE. The message's byte
 * strings are views into the inflated bytes, which are the one copy made per text (an array over
 * 64 bytes is an allocation outside the JS heap, ~0.5 µs here), or with `shared` none at all:
 * the views are then valid only until the next call, for a caller done with them before it
 * returns.
 */
export function openQrText(
  text: string,
  prefixLength: number,
  options: { readonly disjointHeaders?: boolean; readonly shared?: boolean } = {},
): Sign1 {
  const zlib = decodeBase45From(text, prefixLength, zlibScratch);
  const cose = inflateZlibInto(zlib, MAX_INFLATED_BYTES, options.shared === true);
  return parseSign1(cose, {
    viewBytes: true,
    ...(options.disjointHeaders === false ? { disjointHeaders: false } : {}),
  });
}
