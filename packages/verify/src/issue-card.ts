import { type Card, encodeCardClaims } from '@ansinh/core';
import { encodeBase45 } from './base45.js';
import { encodeCbor } from './cbor.js';
import { createSign1 } from './cose/create-sign1.js';
import { CWT_CLAIM, encodeStatusReference, type StatusReference, toNumericDate } from './cwt/claims.js';
import { deflateZlib } from './inflate.js';
import { ANSINH_PREFIX, CARD_CLAIM } from './profile.js';
import type { Signer } from './sign/signer.js';

export interface IssueCardOptions {
  readonly signer: Signer;
  /** Issuing agency code (`iss`), e.g. 'VSS'; must match the signing key's issuer in the trust list. */
  readonly iss: string;
  /** Expiry (`exp`): the card is expired from this instant. */
  readonly exp: Date | number;
  /** Issued-at (`iat`); default now. Numbers are seconds since the epoch. */
  readonly iat?: Date | number;
  /** Not-before (`nbf`), optional. */
  readonly nbf?: Date | number;
  /** Card identifier (`cti`), optional bytes (keep it short: every byte costs QR space). */
  readonly cti?: Uint8Array;
  /** Entry of this card in a status list (claim 65535), optional. */
  readonly status?: StatusReference;
}

/** The CWT claims map of a card, keys in the order deterministic CBOR sorts them anyway. */
export function cardCwtClaims(card: Card, options: Omit<IssueCardOptions, 'signer'>): Map<number, unknown> {
  if (typeof options.iss !== 'string' || options.iss.length === 0)
    throw new TypeError('iss: expected a non-empty string');
  const iat = toNumericDate(options.iat ?? new Date());
  const exp = toNumericDate(options.exp);
  if (exp <= iat) throw new RangeError('exp: must be after iat');
  const claims = new Map<number, unknown>([
    [CWT_CLAIM.iss, options.iss],
    [CWT_CLAIM.exp, exp],
  ]);
  if (options.nbf !== undefined) claims.set(CWT_CLAIM.nbf, toNumericDate(options.nbf));
  claims.set(CWT_CLAIM.iat, iat);
  if (options.cti !== undefined) claims.set(CWT_CLAIM.cti, options.cti);
  if (options.status !== undefined) {
    const { idx, uri } = options.status;
    if (!Number.isSafeInteger(idx) || idx < 0) throw new RangeError('status.idx: expected an index ≥ 0');
    if (typeof uri !== 'string' || uri.length === 0) throw new TypeError('status.uri: expected a URI');
    claims.set(CWT_CLAIM.status, encodeStatusReference(options.status));
  }
  claims.set(CARD_CLAIM, encodeCardClaims(card));
  return claims;
}

/**
 * Signs a card and returns its QR text: `"AS1:" + base45(zlib(COSE_Sign1(CWT claims)))`.
 * Throws `CoreError` `CARD_INVALID` for a card that fails the schema, `TypeError`/`RangeError`
 * for bad options; the signer's own errors pass through.
 *
 * @example
 * const signer = await signerFromJwk(privateJwk);
 * const text = await issueCard(card, { signer, iss: 'VSS', exp: new Date('2030-12-31') });
 * // 'AS1:6BF…'
 */
export async function issueCard(card: Card, options: IssueCardOptions): Promise<string> {
  const payload = encodeCbor(cardCwtClaims(card, options));
  const cose = await createSign1(payload, options.signer);
  return ANSINH_PREFIX + encodeBase45(deflateZlib(cose));
}
