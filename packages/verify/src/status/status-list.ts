import { decodeCbor, encodeCbor } from '../cbor.js';
import { createSign1 } from '../cose/create-sign1.js';
import { HEADER, parseSign1 } from '../cose/sign1.js';
import { CWT_CLAIM, readCwtClaims, toNumericDate } from '../cwt/claims.js';
import { VerifyError } from '../errors.js';
import { deflateZlib, inflateZlib } from '../inflate.js';
import type { Signer } from '../sign/signer.js';

/** `typ` of a Status List Token in CWT form (IETF draft-ietf-oauth-status-list). */
export const STATUS_LIST_TYPE = 'application/statuslist+cwt';

/** Status values (the draft's registry): 0 valid, 1 invalid (revoked), 2 suspended. */
export const STATUS = { valid: 0, revoked: 1, suspended: 2 } as const;
export type StatusName = keyof typeof STATUS;

/** Largest inflated status list accepted: 16 MiB, 67 million cards at 2 bits. */
export const MAX_STATUS_LIST_BYTES = 16 * 1024 * 1024;

/** A status list being edited: `bits` per card, packed least significant bits first. */
export interface StatusList {
  readonly bits: 1 | 2;
  readonly bytes: Uint8Array;
}

/**
 * The number of entries a list holds (its byte length × 8 / bits).
 *
 * @example
 * statusListSize(createStatusList(1000, 2)); // 1000
 */
export function statusListSize(list: StatusList): number {
  return (list.bytes.length * 8) / list.bits;
}

/**
 * A new status list of `size` entries, all valid. `bits` 1 carries valid/revoked; 2 adds suspended.
 *
 * @example
 * const list = createStatusList(100_000, 2);
 * setStatus(list, 42, 'revoked');
 */
export function createStatusList(size: number, bits: 1 | 2 = 1): StatusList {
  if (bits !== 1 && bits !== 2) throw new RangeError('bits: expected 1 or 2');
  if (!Number.isSafeInteger(size) || size < 1 || size * bits > MAX_STATUS_LIST_BYTES * 8) {
    throw new RangeError(`size: expected 1 to ${(MAX_STATUS_LIST_BYTES * 8) / bits} entries`);
  }
  return { bits, bytes: new Uint8Array(Math.ceil((size * bits) / 8)) };
}

function position(list: StatusList, index: number): { byte: number; shift: number } {
  if (!Number.isSafeInteger(index) || index < 0 || index >= statusListSize(list)) {
    throw new RangeError(`index: expected 0 to ${statusListSize(list) - 1}`);
  }
  const bit = index * list.bits;
  return { byte: bit >> 3, shift: bit & 7 };
}

/**
 * The status value at `index` (0 valid, 1 revoked, 2 suspended, 3 unassigned).
 *
 * @example
 * getStatus(list, 42); // 1
 */
export function getStatus(list: StatusList, index: number): number {
  const { byte, shift } = position(list, index);
  return ((list.bytes[byte] as number) >> shift) & ((1 << list.bits) - 1);
}

/**
 * Sets the status of entry `index`. A 1-bit list cannot hold `suspended` (RangeError).
 *
 * @example
 * setStatus(list, 42, 'suspended');
 */
export function setStatus(list: StatusList, index: number, status: StatusName | number): void {
  const value = typeof status === 'number' ? status : STATUS[status];
  if (!Number.isInteger(value) || value < 0 || value >= 1 << list.bits) {
    throw new RangeError(`status: ${String(status)} does not fit a ${list.bits}-bit list`);
  }
  const { byte, shift } = position(list, index);
  const mask = ((1 << list.bits) - 1) << shift;
  list.bytes[byte] = ((list.bytes[byte] as number) & ~mask) | (value << shift);
}

export interface StatusListClaims {
  /** The URI cards reference (`sub` of the token, `uri` of the cards' status claim). */
  readonly uri: string;
  /** The issuer (agency code) whose cards the list covers. */
  readonly iss: string;
  readonly iat?: Date | number;
  /** When verifiers must stop trusting this copy. */
  readonly exp?: Date | number;
  /** How long (seconds) a verifier may cache it before fetching again. */
  readonly ttl?: number;
}

/**
 * Signs a status list into a Status List Token (CWT form): protected `typ`
 * `application/statuslist+cwt`; claims `sub` (uri), `iss`, `iat`, `exp`, `ttl` (65534) and
 * `status_list` (65533) = `{ "bits": 1|2, "lst": zlib(bytes) }`.
 *
 * @example
 * const token = await signStatusList(list, { uri: 'https://vss.gov.vn/sl/1', iss: 'VSS', exp }, signer);
 */
export async function signStatusList(
  list: StatusList,
  claims: StatusListClaims,
  signer: Signer,
): Promise<Uint8Array> {
  if (typeof claims.uri !== 'string' || claims.uri.length === 0) throw new TypeError('uri: expected a URI');
  if (typeof claims.iss !== 'string' || claims.iss.length === 0)
    throw new TypeError('iss: expected a non-empty string');
  const iat = toNumericDate(claims.iat ?? new Date());
  const map = new Map<number, unknown>([
    [CWT_CLAIM.iss, claims.iss],
    [CWT_CLAIM.sub, claims.uri],
    [CWT_CLAIM.iat, iat],
  ]);
  if (claims.exp !== undefined) {
    const exp = toNumericDate(claims.exp);
    if (exp <= iat) throw new RangeError('exp: must be after iat');
    map.set(CWT_CLAIM.exp, exp);
  }
  if (claims.ttl !== undefined) {
    if (!Number.isSafeInteger(claims.ttl) || claims.ttl <= 0)
      throw new RangeError('ttl: expected seconds > 0');
    map.set(CWT_CLAIM.ttl, claims.ttl);
  }
  map.set(
    CWT_CLAIM.statusList,
    new Map<string, unknown>([
      ['bits', list.bits],
      ['lst', deflateZlib(list.bytes)],
    ]),
  );
  return createSign1(encodeCbor(map), signer, new Map([[HEADER.typ, STATUS_LIST_TYPE]]));
}

/** The contents of a Status List Token. Times are seconds since the epoch. */
export interface StatusListToken {
  readonly uri: string;
  readonly iss?: string;
  readonly iat: number;
  readonly exp?: number;
  readonly ttl?: number;
  readonly list: StatusList;
}

const invalid = (cause?: unknown) => new VerifyError('ERR_STATUS_LIST_INVALID', 'status', { cause });

/** Reads a Status List Token's payload (the signature is the caller's business). */
export function readStatusListPayload(payload: Uint8Array): StatusListToken {
  let map: unknown;
  let claims: ReturnType<typeof readCwtClaims>;
  try {
    map = decodeCbor(payload);
    if (!(map instanceof Map)) throw invalid();
    claims = readCwtClaims(map, ['sub', 'iat']);
  } catch (cause) {
    throw invalid(cause);
  }
  const ttl = map.get(CWT_CLAIM.ttl);
  const statusList = map.get(CWT_CLAIM.statusList);
  if (ttl !== undefined && (!Number.isSafeInteger(ttl) || (ttl as number) <= 0)) throw invalid();
  if (!(statusList instanceof Map)) throw invalid();
  const bits = statusList.get('bits');
  const lst = statusList.get('lst');
  if ((bits !== 1 && bits !== 2) || !(lst instanceof Uint8Array)) throw invalid();
  let bytes: Uint8Array;
  try {
    bytes = inflateZlib(lst, MAX_STATUS_LIST_BYTES);
  } catch (cause) {
    throw invalid(cause);
  }
  if (bytes.length === 0) throw invalid();
  return {
    uri: claims.sub as string,
    ...(claims.iss === undefined ? {} : { iss: claims.iss }),
    iat: claims.iat as number,
    ...(claims.exp === undefined ? {} : { exp: claims.exp }),
    ...(ttl === undefined ? {} : { ttl: ttl as number }),
    list: { bits, bytes },
  };
}

/**
 * Reads a signed Status List Token WITHOUT checking its signature: for the issuer editing its
 * own list (set a status, sign again). Verifiers load lists through the verifier instead.
 *
 * @example
 * const { list, uri, iss } = decodeStatusListUnverified(await readFile('status.cwt'));
 */
export function decodeStatusListUnverified(bytes: Uint8Array): StatusListToken {
  let payload: Uint8Array;
  try {
    const sign1 = parseSign1(bytes);
    if (sign1.protectedHeader.get(HEADER.typ) !== STATUS_LIST_TYPE) throw invalid();
    payload = sign1.payload;
  } catch (cause) {
    throw (cause as VerifyError).code === 'ERR_STATUS_LIST_INVALID' ? cause : invalid(cause);
  }
  return readStatusListPayload(payload);
}
