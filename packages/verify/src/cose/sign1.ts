import { CborTag, decodeCbor, encodeCbor, head, writeHead } from '../cbor.js';
import { VerifyError } from '../errors.js';
import { concatBytes } from '../lib/bytes.js';

/** COSE header labels used here (RFC 9052 §3.1, RFC 9596 for `typ`). */
export const HEADER = { alg: 1, crit: 2, contentType: 3, kid: 4, typ: 16 } as const;

/** COSE algorithm identifiers (IANA COSE Algorithms registry). */
export const COSE_ALG = { ES256: -7, EdDSA: -8, PS256: -37 } as const;

/** CBOR tags around a signed CWT: 61 (CWT, optional) then 18 (COSE_Sign1). */
export const TAG_CWT = 61;
export const TAG_COSE_SIGN1 = 18;

export type HeaderMap = ReadonlyMap<unknown, unknown>;

/** `84 6a "Signature1"`: the fixed start of every COSE_Sign1 Sig_structure. */
// Written out rather than encoded at load, so a verifier bundle does not need the CBOR encoder.
const SIGNATURE1_PREFIX = Uint8Array.of(0x84, 0x6a, ...Array.from('Signature1', (c) => c.charCodeAt(0)));

/** A parsed COSE_Sign1, keeping the protected header's original bytes for the Sig_structure. */
export interface Sign1 {
  readonly tagged: boolean;
  readonly protectedBytes: Uint8Array;
  readonly protectedHeader: HeaderMap;
  readonly unprotectedHeader: HeaderMap;
  readonly payload: Uint8Array;
  readonly signature: Uint8Array;
}

const EMPTY = new Uint8Array(0);

const malformed = () => new VerifyError('ERR_COSE_MALFORMED', 'cose');

/**
 * Parses a COSE_Sign1 (RFC 9052 §4.2), tagged 18 (optionally inside CWT tag 61) or untagged.
 * Rejects a detached payload, header labels that are neither integers nor text, and a label
 * present in both headers (RFC 9052 §3 SHOULD; `disjointHeaders: false` allows it, for EU DCCs
 * whose test data counts it valid, and readers then take the protected value). CBOR problems
 * keep their own codes (`ERR_CBOR…`), structure
 * problems are `ERR_COSE_MALFORMED`. With `viewBytes: true` the byte strings (payload,
 * signature, protected bytes, kid) are views into `bytes` rather than copies, for a caller that
 * owns `bytes` and never changes them.
 *
 * @example
 * const { protectedHeader, payload } = parseSign1(inflateZlib(decodeBase45(text.slice(4))));
 */
export function parseSign1(
  bytes: Uint8Array,
  options: { readonly disjointHeaders?: boolean; readonly viewBytes?: boolean } = {},
): Sign1 {
  const cborOptions = { viewBytes: options.viewBytes === true };
  let item = decodeCbor(bytes, cborOptions);
  if (item instanceof CborTag && item.tag === TAG_CWT) item = item.value;
  let tagged = false;
  if (item instanceof CborTag) {
    if (item.tag !== TAG_COSE_SIGN1) throw malformed();
    tagged = true;
    item = item.value;
  }
  if (!Array.isArray(item) || item.length !== 4) throw malformed();
  const [protectedBytes, unprotectedHeader, payload, signature] = item as unknown[];
  if (!(protectedBytes instanceof Uint8Array) || !(unprotectedHeader instanceof Map)) throw malformed();
  if (!(payload instanceof Uint8Array) || !(signature instanceof Uint8Array)) throw malformed();
  let protectedHeader: unknown = new Map();
  if (protectedBytes.length > 0) protectedHeader = decodeCbor(protectedBytes, cborOptions);
  if (!(protectedHeader instanceof Map)) throw malformed();
  for (const header of [protectedHeader, unprotectedHeader]) {
    for (const label of header.keys()) {
      if (!Number.isSafeInteger(label) && typeof label !== 'string') throw malformed();
    }
  }
  if (options.disjointHeaders !== false) {
    for (const label of unprotectedHeader.keys()) if (protectedHeader.has(label)) throw malformed();
  }
  return { tagged, protectedBytes, protectedHeader, unprotectedHeader, payload, signature };
}

/**
 * Fails with `ERR_COSE_CRIT` when the protected header's `crit` names a label outside
 * `understood` (RFC 9052 §3.1: a recipient must understand every critical header); a `crit`
 * that is not a non-empty array of labels present in the protected header is malformed.
 */
export function checkCritical(sign1: Sign1, understood: readonly (number | string)[]): void {
  if (sign1.unprotectedHeader.has(HEADER.crit)) throw malformed();
  const crit = sign1.protectedHeader.get(HEADER.crit);
  if (crit === undefined) return;
  if (!Array.isArray(crit) || crit.length === 0) throw malformed();
  for (const label of crit) {
    if ((typeof label !== 'number' && typeof label !== 'string') || !sign1.protectedHeader.has(label)) {
      throw malformed();
    }
    if (!understood.includes(label)) throw new VerifyError('ERR_COSE_CRIT', 'cose');
  }
}

/**
 * The bytes a COSE_Sign1 signature covers (RFC 9052 §4.4):
 * `["Signature1", protected, external_aad, payload]`.
 *
 * @example
 * const signature = await signer.sign(sigStructure(protectedBytes, payload));
 */
export function sigStructure(
  protectedBytes: Uint8Array,
  payload: Uint8Array,
  externalAad: Uint8Array = new Uint8Array(0),
): Uint8Array {
  // array(4), "Signature1", then three byte strings, each with its deterministic CBOR head.
  return concatBytes(
    SIGNATURE1_PREFIX,
    head(2, protectedBytes.length),
    protectedBytes,
    head(2, externalAad.length),
    externalAad,
    head(2, payload.length),
    payload,
  );
}

/**
 * The Sig_structure of a parsed COSE_Sign1, built from its original protected bytes. RFC 9052
 * §4.4: with no protected attributes it carries a zero-length bstr, even when the message sent
 * them as an encoded empty map (COSE WG example sign-pass-01).
 */
export function toBeSigned(sign1: Sign1, externalAad?: Uint8Array): Uint8Array {
  const body = sign1.protectedHeader.size === 0 ? new Uint8Array(0) : sign1.protectedBytes;
  return sigStructure(body, sign1.payload, externalAad);
}

// Sig_structures checked synchronously are written here: a fresh array over 64 bytes is an
// allocation outside the JS heap, which cost about as much as the rest of a card's CBOR work.
let scratch = new Uint8Array(1024);

/**
 * `toBeSigned(sign1)` written into a buffer shared by every call: the view is valid only until
 * the next call, so only for a check that finishes before returning (`verifyNow`).
 */
export function toBeSignedNow(sign1: Sign1): Uint8Array {
  const body = sign1.protectedHeader.size === 0 ? EMPTY : sign1.protectedBytes;
  const payload = sign1.payload;
  const length = SIGNATURE1_PREFIX.length + 9 + body.length + 1 + 9 + payload.length;
  if (scratch.length < length) scratch = new Uint8Array(length);
  scratch.set(SIGNATURE1_PREFIX, 0);
  let at = writeHead(scratch, SIGNATURE1_PREFIX.length, 2, body.length);
  scratch.set(body, at);
  at += body.length;
  scratch[at++] = 0x40; // external_aad: empty
  at = writeHead(scratch, at, 2, payload.length);
  scratch.set(payload, at);
  return scratch.subarray(0, at + payload.length);
}

/** Encodes a COSE_Sign1 with tag 18: `18([protected, unprotected, payload, signature])`. */
export function encodeSign1(parts: {
  protectedBytes: Uint8Array;
  unprotectedHeader?: HeaderMap;
  payload: Uint8Array;
  signature: Uint8Array;
}): Uint8Array {
  return encodeCbor(
    new CborTag(TAG_COSE_SIGN1, [
      parts.protectedBytes,
      parts.unprotectedHeader ?? new Map(),
      parts.payload,
      parts.signature,
    ]),
  );
}
