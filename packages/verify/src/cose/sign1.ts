import { CborTag, decodeCbor, encodeCbor, writeHead } from '../cbor.js';
import { VerifyError } from '../errors.js';

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

/** Length of a byte string with its deterministic head (lengths below 2^32). */
const withHead = (bytes: Uint8Array) =>
  (bytes.length < 24 ? 1 : bytes.length < 0x100 ? 2 : bytes.length < 0x10000 ? 3 : 5) + bytes.length;

/** Writes a byte string with its deterministic head at `at`; returns the index after it. */
function writeBytes(out: Uint8Array, at: number, bytes: Uint8Array): number {
  const start = writeHead(out, at, 2, bytes.length);
  out.set(bytes, start);
  return start + bytes.length;
}

/**
 * Writes `["Signature1", protected, external_aad, payload]` at the start of `out` (which must
 * hold it); returns its length. One writer for the fresh and the reused buffer.
 */
function writeSigStructure(
  out: Uint8Array,
  protectedBytes: Uint8Array,
  externalAad: Uint8Array,
  payload: Uint8Array,
): number {
  out.set(SIGNATURE1_PREFIX, 0);
  const at = writeBytes(out, SIGNATURE1_PREFIX.length, protectedBytes);
  return writeBytes(out, writeBytes(out, at, externalAad), payload);
}

const sigStructureLength = (protectedBytes: Uint8Array, externalAad: Uint8Array, payload: Uint8Array) =>
  SIGNATURE1_PREFIX.length + withHead(protectedBytes) + withHead(externalAad) + withHead(payload);

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
  externalAad: Uint8Array = EMPTY,
): Uint8Array {
  const out = new Uint8Array(sigStructureLength(protectedBytes, externalAad, payload));
  writeSigStructure(out, protectedBytes, externalAad, payload);
  return out;
}

/**
 * The protected bytes a parsed COSE_Sign1 is signed over. RFC 9052 §4.4: with no protected
 * attributes the Sig_structure carries a zero-length bstr, even when the message sent them as an
 * encoded empty map (COSE WG example sign-pass-01).
 */
const signedProtected = (sign1: Sign1) => (sign1.protectedHeader.size === 0 ? EMPTY : sign1.protectedBytes);

/** The Sig_structure of a parsed COSE_Sign1, built from its original protected bytes. */
export function toBeSigned(sign1: Sign1, externalAad?: Uint8Array): Uint8Array {
  return sigStructure(signedProtected(sign1), sign1.payload, externalAad);
}

// Sig_structures checked synchronously are written here: a fresh array over 64 bytes is an
// allocation outside the JS heap, which cost about as much as the rest of a card's CBOR work.
let scratch = new Uint8Array(1024);

/**
 * `toBeSigned(sign1)` written into a buffer shared by every call: the view is valid only until
 * the next call, so only for a check that finishes before returning (`verifyNow`).
 */
export function toBeSignedNow(sign1: Sign1): Uint8Array {
  const body = signedProtected(sign1);
  const length = sigStructureLength(body, EMPTY, sign1.payload);
  if (scratch.length < length) scratch = new Uint8Array(length);
  return scratch.subarray(0, writeSigStructure(scratch, body, EMPTY, sign1.payload));
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
