import { encodeCbor } from '../cbor.js';
import type { Signer } from '../sign/signer.js';
import { COSE_ALG, encodeSign1, HEADER, sigStructure } from './sign1.js';

/**
 * Signs `payload` into a tagged COSE_Sign1 whose protected header holds `alg`, `kid` and any
 * `extraProtected` labels (deterministic CBOR throughout).
 *
 * @example
 * const cose = await createSign1(encodeCbor(claims), signer);
 */
export async function createSign1(
  payload: Uint8Array,
  signer: Signer,
  extraProtected: ReadonlyMap<number, unknown> = new Map(),
): Promise<Uint8Array> {
  const header = new Map<number, unknown>([
    [HEADER.alg, COSE_ALG[signer.alg]],
    [HEADER.kid, signer.kid],
    ...extraProtected,
  ]);
  const protectedBytes = encodeCbor(header);
  const signature = await signer.sign(sigStructure(protectedBytes, payload));
  return encodeSign1({ protectedBytes, payload, signature });
}
