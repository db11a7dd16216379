import { type DecodeCborOptions, decodeCbor } from '../cbor.js';
import { VerifyError } from '../errors.js';

/** CWT claim keys (RFC 8392 §4; 65533–65535 from the IETF Token Status List draft). */
export const CWT_CLAIM = {
  iss: 1,
  sub: 2,
  aud: 3,
  exp: 4,
  nbf: 5,
  iat: 6,
  cti: 7,
  statusList: 65533,
  ttl: 65534,
  status: 65535,
} as const;

/** The standard claims of a CWT, read and type-checked. Times are NumericDate (seconds). */
export interface CwtClaims {
  readonly iss?: string;
  readonly sub?: string;
  readonly exp?: number;
  readonly nbf?: number;
  readonly iat?: number;
  readonly cti?: Uint8Array;
}

/** A reference to a token's entry in a status list (claim 65535). */
export interface StatusReference {
  readonly idx: number;
  readonly uri: string;
}

const malformed = () => new VerifyError('ERR_CLAIMS_MALFORMED', 'claims');

/**
 * Decodes a CWT payload into its claims map; CBOR failures keep their `ERR_CBOR…` codes.
 * `viewBytes`: byte strings as views into `payload` (see `decodeCbor`).
 */
export function decodeCwtPayload(
  payload: Uint8Array,
  options: DecodeCborOptions = {},
): Map<unknown, unknown> {
  const map = decodeCbor(payload, options);
  if (!(map instanceof Map)) throw malformed();
  return map;
}

const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const text = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const bytes = (v: unknown): v is Uint8Array => v instanceof Uint8Array;

/** Claim `key` of `map` if present; `ERR_CLAIMS_MALFORMED` when it fails `check`. */
function claimOf<T>(
  map: ReadonlyMap<unknown, unknown>,
  key: number,
  check: (v: unknown) => v is T,
): T | undefined {
  const v = map.get(key);
  if (v !== undefined && !check(v)) throw malformed();
  return v as T | undefined;
}

/**
 * Reads and type-checks the standard claims; the ones named in `required` must be present.
 * Any claim of the wrong type is `ERR_CLAIMS_MALFORMED`.
 *
 * @example
 * const { iss, exp } = readCwtClaims(decodeCwtPayload(sign1.payload), ['iss', 'iat', 'exp']);
 */
export function readCwtClaims(
  map: ReadonlyMap<unknown, unknown>,
  required: readonly (keyof CwtClaims)[] = [],
): CwtClaims {
  const claims: { -readonly [K in keyof CwtClaims]: CwtClaims[K] } = {};
  // Only present claims become properties, so results compare and print cleanly.
  const iss = claimOf(map, CWT_CLAIM.iss, text);
  if (iss !== undefined) claims.iss = iss;
  const sub = claimOf(map, CWT_CLAIM.sub, text);
  if (sub !== undefined) claims.sub = sub;
  const exp = claimOf(map, CWT_CLAIM.exp, isTime);
  if (exp !== undefined) claims.exp = exp;
  const nbf = claimOf(map, CWT_CLAIM.nbf, isTime);
  if (nbf !== undefined) claims.nbf = nbf;
  const iat = claimOf(map, CWT_CLAIM.iat, isTime);
  if (iat !== undefined) claims.iat = iat;
  const cti = claimOf(map, CWT_CLAIM.cti, bytes);
  if (cti !== undefined) claims.cti = cti;
  for (const name of required) if (claims[name] === undefined) throw malformed();
  return claims;
}

/** Reads claim 65535 `{ "status_list": { "idx": uint, "uri": text } }`, if present. */
export function readStatusReference(map: ReadonlyMap<unknown, unknown>): StatusReference | undefined {
  const status = map.get(CWT_CLAIM.status);
  if (status === undefined) return undefined;
  if (!(status instanceof Map)) throw malformed();
  const ref = status.get('status_list');
  if (!(ref instanceof Map)) throw malformed();
  const idx = ref.get('idx');
  const uri = ref.get('uri');
  if (!Number.isSafeInteger(idx) || (idx as number) < 0 || typeof uri !== 'string' || uri.length === 0) {
    throw malformed();
  }
  return { idx: idx as number, uri };
}

/** Claim 65535 for a status reference. */
export function encodeStatusReference(ref: StatusReference): Map<string, unknown> {
  return new Map([
    [
      'status_list',
      new Map<string, unknown>([
        ['idx', ref.idx],
        ['uri', ref.uri],
      ]),
    ],
  ]);
}

/** Seconds since the epoch of a Date or of a number already in seconds. */
export function toNumericDate(value: Date | number): number {
  const seconds = value instanceof Date ? Math.floor(value.getTime() / 1000) : value;
  if (!Number.isSafeInteger(seconds) || seconds < 0)
    throw new RangeError(`not a valid NumericDate: ${String(value)}`);
  return seconds;
}
