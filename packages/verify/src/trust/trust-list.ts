import { decodeCbor, encodeCbor } from '../cbor.js';
import { createSign1 } from '../cose/create-sign1.js';
import { readProtectedAlgAndKid } from '../cose/headers.js';
import { HEADER, parseSign1 } from '../cose/sign1.js';
import { firstVerifyingCandidate } from '../cose/verify-signature.js';
import type { CryptoBackend } from '../crypto-backend.js';
import { toNumericDate } from '../cwt/claims.js';
import { VerifyError } from '../errors.js';
import { exportCoseKey, importCoseKey } from '../keys/cose-key.js';
import { importPublicKey, type KeyInput } from '../keys/import.js';
import { algorithmForKey } from '../keys/jwk.js';
import { kidFromPublicKey } from '../keys/thumbprint.js';
import type { VerificationKey } from '../keys/types.js';
import { equalBytes, toHex } from '../lib/bytes.js';
import type { Signer } from '../sign/signer.js';
import type { TrustedKey } from './trusted-key.js';

/** `typ` (COSE header 16) of a trust list, so no other signed document can pass for one. */
export const TRUST_LIST_TYPE = 'application/ansinh-trust-list+cbor';

/** One issuer key as the trust-list author describes it. */
export interface TrustListKeyInput {
  readonly key: KeyInput;
  /** Agency code the key signs for (the cards' `iss`). */
  readonly issuer: string;
  readonly validFrom: Date | number;
  readonly validTo: Date | number;
  /** Card types the key may sign (see `CARD_TYPES` in @ansinh/core). */
  readonly usage: readonly string[];
}

export interface TrustListInput {
  /** Who publishes the list (the root operator). */
  readonly iss: string;
  readonly iat?: Date | number;
  readonly exp: Date | number;
  /** Sequence number; verifiers refuse a list with a lower `seq` than the one they hold. */
  readonly seq: number;
  readonly keys: readonly TrustListKeyInput[];
}

/** A verified trust list. Times are seconds since the epoch. */
export interface TrustList {
  readonly iss: string;
  readonly iat: number;
  readonly exp: number;
  readonly seq: number;
  readonly keys: readonly TrustedKey[];
  /** The signed payload, to tell a re-sent list from a different one with the same `seq`. */
  readonly payload: Uint8Array;
}

/**
 * Signs a trust list with a root key: a COSE_Sign1 (typ `application/ansinh-trust-list+cbor`)
 * over the CBOR map `{iss, iat, exp, seq, keys: [{kid, alg, key, issuer, validFrom, validTo, usage}]}`.
 *
 * @example
 * const bytes = await createTrustList(
 *   { iss: 'ROOT', exp: new Date('2027-01-01'), seq: 1,
 *     keys: [{ key: issuerPublicJwk, issuer: 'VSS', validFrom: new Date('2025-01-01'),
 *              validTo: new Date('2030-01-01'), usage: ['social-security', 'health-insurance'] }] },
 *   rootSigner,
 * );
 */
export async function createTrustList(input: TrustListInput, rootSigner: Signer): Promise<Uint8Array> {
  if (typeof input.iss !== 'string' || input.iss.length === 0)
    throw new TypeError('iss: expected a non-empty string');
  if (!Number.isSafeInteger(input.seq) || input.seq < 0) throw new RangeError('seq: expected an integer ≥ 0');
  const iat = toNumericDate(input.iat ?? new Date());
  const exp = toNumericDate(input.exp);
  if (exp <= iat) throw new RangeError('exp: must be after iat');
  const keys = input.keys.map((entry, i) => {
    const key = importPublicKey(entry.key);
    if (typeof entry.issuer !== 'string' || entry.issuer.length === 0)
      throw new TypeError(`keys[${i}].issuer: expected text`);
    if (!Array.isArray(entry.usage) || !entry.usage.every((u) => typeof u === 'string')) {
      throw new TypeError(`keys[${i}].usage: expected a list of card types`);
    }
    return new Map<string, unknown>([
      ['kid', kidFromPublicKey(key)],
      ['alg', algorithmForKey(key) === 'ES256' ? -7 : -8],
      ['key', exportCoseKey(key)],
      ['issuer', entry.issuer],
      ['validFrom', toNumericDate(entry.validFrom)],
      ['validTo', toNumericDate(entry.validTo)],
      ['usage', [...entry.usage]],
    ]);
  });
  const payload = encodeCbor(
    new Map<string, unknown>([
      ['iss', input.iss],
      ['iat', iat],
      ['exp', exp],
      ['seq', input.seq],
      ['keys', keys],
    ]),
  );
  return createSign1(payload, rootSigner, new Map([[HEADER.typ, TRUST_LIST_TYPE]]));
}

const invalid = (detail?: string) => new VerifyError('ERR_TRUST_LIST_INVALID', 'trust', { detail });

function readEntry(entry: unknown): TrustedKey {
  if (!(entry instanceof Map)) throw invalid();
  const kid = entry.get('kid');
  const alg = entry.get('alg');
  const issuer = entry.get('issuer');
  const validFrom = entry.get('validFrom');
  const validTo = entry.get('validTo');
  const usage = entry.get('usage');
  let key: VerificationKey;
  try {
    key = importCoseKey(entry.get('key') as Map<unknown, unknown>);
  } catch (cause) {
    throw new VerifyError('ERR_TRUST_LIST_INVALID', 'trust', { cause });
  }
  const ok =
    kid instanceof Uint8Array &&
    equalBytes(kid, kidFromPublicKey(key)) &&
    alg === (algorithmForKey(key) === 'ES256' ? -7 : -8) &&
    typeof issuer === 'string' &&
    issuer.length > 0 &&
    Number.isSafeInteger(validFrom) &&
    Number.isSafeInteger(validTo) &&
    Array.isArray(usage) &&
    usage.every((u) => typeof u === 'string');
  if (!ok) throw invalid();
  return {
    kid,
    key,
    alg: algorithmForKey(key),
    issuer,
    validFrom: validFrom as number,
    validTo: validTo as number,
    usage: usage as string[],
    source: 'trust-list',
  };
}

/**
 * Verifies a signed trust list against pinned root keys and reads it. Refuses a list with a
 * lower `seq` than `minSeq` (`ERR_TRUST_LIST_ROLLBACK`); expiry is checked by the verifier at
 * verification time, against its clock. Other failures: `ERR_TRUST_LIST_INVALID` (structure,
 * typ, entries), `ERR_KID_UNKNOWN` (no root with that kid) and the signature codes.
 *
 * @example
 * const list = await openTrustList(bytes, { roots: [rootPublicJwk], crypto: webCryptoBackend });
 */
export async function openTrustList(
  bytes: Uint8Array,
  options: { roots: readonly KeyInput[]; crypto: CryptoBackend; minSeq?: number },
): Promise<TrustList> {
  const sign1 = parseSign1(bytes);
  if (sign1.protectedHeader.get(HEADER.typ) !== TRUST_LIST_TYPE)
    throw new VerifyError('ERR_COSE_TYPE', 'trust');
  const { alg, kid } = readProtectedAlgAndKid(sign1, [HEADER.typ]);
  const roots = options.roots.map(importPublicKey).filter((r) => equalBytes(kidFromPublicKey(r), kid));
  if (roots.length === 0) throw new VerifyError('ERR_KID_UNKNOWN', 'trust');
  await firstVerifyingCandidate(sign1, alg, roots, (root) => root, options.crypto, false);
  const doc = decodeCbor(sign1.payload);
  if (!(doc instanceof Map)) throw invalid();
  const iss = doc.get('iss');
  const iat = doc.get('iat');
  const exp = doc.get('exp');
  const seq = doc.get('seq');
  const keys = doc.get('keys');
  if (
    typeof iss !== 'string' ||
    !Number.isSafeInteger(iat) ||
    !Number.isSafeInteger(exp) ||
    !Number.isSafeInteger(seq) ||
    (seq as number) < 0 ||
    !Array.isArray(keys)
  ) {
    throw invalid();
  }
  if (options.minSeq !== undefined && (seq as number) < options.minSeq) {
    throw new VerifyError('ERR_TRUST_LIST_ROLLBACK', 'trust');
  }
  return {
    iss,
    iat: iat as number,
    exp: exp as number,
    seq: seq as number,
    keys: keys.map(readEntry),
    payload: sign1.payload,
  };
}

/** Hex kid → keys with that kid (8-byte kids can collide, so each kid maps to a list). */
export function indexKeys(keys: readonly TrustedKey[]): Map<string, TrustedKey[]> {
  const index = new Map<string, TrustedKey[]>();
  for (const k of keys) {
    const hex = toHex(k.kid);
    const list = index.get(hex);
    if (list) list.push(k);
    else index.set(hex, [k]);
  }
  return index;
}
