import { decodeCbor } from '../cbor.js';
import { VerifyError } from '../errors.js';
import type { VerificationKey } from './types.js';

// RFC 9053 §7: kty 1 (OKP) / 2 (EC2); crv 1 (P-256) / 6 (Ed25519); -2 x, -3 y.
const KTY = 1;
const CRV = -1;
const X = -2;
const Y = -3;

function coordinate(value: unknown): Uint8Array {
  if (!(value instanceof Uint8Array) || value.length !== 32) throw new VerifyError('ERR_KEY_INVALID', 'key');
  return value;
}

/**
 * Reads a COSE_Key (RFC 9052 §7), given as its CBOR bytes or as a decoded `Map`: EC2 P-256
 * with both coordinates, or OKP Ed25519. Throws `VerifyError` `ERR_KEY_INVALID` otherwise.
 *
 * @example
 * importCoseKey(new Map([[1, 2], [-1, 1], [-2, x], [-3, y]]));
 */
export function importCoseKey(coseKey: Uint8Array | ReadonlyMap<unknown, unknown>): VerificationKey {
  let map: unknown = coseKey;
  if (coseKey instanceof Uint8Array) {
    try {
      map = decodeCbor(coseKey);
    } catch (cause) {
      throw new VerifyError('ERR_KEY_INVALID', 'key', { cause });
    }
  }
  if (!(map instanceof Map)) throw new VerifyError('ERR_KEY_INVALID', 'key');
  const kty = map.get(KTY);
  const crv = map.get(CRV);
  if (kty === 2 && crv === 1)
    return { kty: 'EC', crv: 'P-256', x: coordinate(map.get(X)), y: coordinate(map.get(Y)) };
  if (kty === 1 && crv === 6) return { kty: 'OKP', crv: 'Ed25519', x: coordinate(map.get(X)) };
  throw new VerifyError('ERR_KEY_INVALID', 'key');
}

/**
 * The COSE_Key map of a public key (kty, crv, x[, y]), ready for deterministic CBOR.
 *
 * @example
 * encodeCbor(exportCoseKey(importJwk(publicJwk))); // a4 01 02 20 01 21 58 20 …
 */
export function exportCoseKey(key: VerificationKey): Map<number, unknown> {
  // RFC 8230 §4: kty 3 (RSA), -1 n, -2 e.
  if (key.kty === 'RSA')
    return new Map<number, unknown>([
      [KTY, 3],
      [-1, key.n],
      [-2, key.e],
    ]);
  if (key.kty === 'EC') {
    return new Map<number, unknown>([
      [KTY, 2],
      [CRV, 1],
      [X, key.x],
      [Y, key.y],
    ]);
  }
  return new Map<number, unknown>([
    [KTY, 1],
    [CRV, 6],
    [X, key.x],
  ]);
}
