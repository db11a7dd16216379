import { VerifyError } from '../errors.js';
import { checkCritical, HEADER, type Sign1 } from './sign1.js';
import { type SignatureAlgorithm, signatureAlgorithm } from './verify-signature.js';

const ALG_AND_KID: readonly number[] = [HEADER.alg, HEADER.kid];

/**
 * Reads `alg` and `kid` from the protected header only (the ansinh rule: nothing
 * security-relevant comes from the unprotected header) and checks `crit`, which may name
 * `alg`, `kid` and the labels in `alsoUnderstood`.
 * Failures: `ERR_ALG_UNPROTECTED`, `ERR_ALG_MISSING`, `ERR_ALG_NOT_ALLOWED`, `ERR_KID_MISSING`,
 * `ERR_COSE_CRIT`, `ERR_COSE_MALFORMED`.
 */
export function readProtectedAlgAndKid(
  sign1: Sign1,
  alsoUnderstood: readonly (number | string)[] = [],
): { alg: SignatureAlgorithm; kid: Uint8Array } {
  checkCritical(sign1, alsoUnderstood.length === 0 ? ALG_AND_KID : [...ALG_AND_KID, ...alsoUnderstood]);
  const alg = sign1.protectedHeader.get(HEADER.alg);
  if (alg === undefined) {
    throw new VerifyError(
      sign1.unprotectedHeader.has(HEADER.alg) ? 'ERR_ALG_UNPROTECTED' : 'ERR_ALG_MISSING',
      'cose',
    );
  }
  const algorithm = signatureAlgorithm(alg);
  const kid = sign1.protectedHeader.get(HEADER.kid);
  if (kid === undefined) throw new VerifyError('ERR_KID_MISSING', 'cose');
  if (!(kid instanceof Uint8Array)) throw new VerifyError('ERR_COSE_MALFORMED', 'cose');
  return { alg: algorithm, kid };
}
