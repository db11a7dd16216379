import type { SignatureAlgorithm } from '../cose/verify-signature.js';
import { VerifyError } from '../errors.js';
import type { RsaVerificationKey } from '../keys/types.js';
import { toBase64Url } from '../lib/bytes.js';

/**
 * PS256 (COSE alg -37): RSASSA-PSS with SHA-256, MGF1-SHA-256 and a 32-byte salt, as EU DCC
 * document signers use it. Verify only, and only through WebCrypto: there is no pure-JS RSA
 * fallback, so a runtime without `crypto.subtle` (React Native/Hermes, old engines) gets a clear
 * `ERR_UNSUPPORTED` instead of a wrong answer or a crash.
 */

const IMPORT_PARAMS = { name: 'RSA-PSS', hash: 'SHA-256' } as const;
const VERIFY_PARAMS = { name: 'RSA-PSS', saltLength: 32 } as const;

/** The shortest and longest signatures any accepted RSA key can make (2048 to 8192 bits). */
const MIN_SIGNATURE_BYTES = 256;
const MAX_SIGNATURE_BYTES = 1024;

function subtle(): SubtleCrypto {
  const s = (globalThis as { crypto?: { subtle?: SubtleCrypto } }).crypto?.subtle;
  if (!s) throw new VerifyError('ERR_UNSUPPORTED', 'signature');
  return s;
}

// Importing an RSA key costs far more than one verification: each key object is imported once.
const imported = new WeakMap<RsaVerificationKey, Promise<CryptoKey>>();

function importKey(key: RsaVerificationKey): Promise<CryptoKey> {
  let pending = imported.get(key);
  if (!pending) {
    pending = Promise.resolve()
      .then(() =>
        subtle().importKey(
          'jwk',
          { kty: 'RSA', n: toBase64Url(key.n), e: toBase64Url(key.e), ext: true },
          IMPORT_PARAMS,
          false,
          ['verify'],
        ),
      )
      .catch((cause: unknown) => {
        if ((cause as { code?: string }).code === 'ERR_UNSUPPORTED') throw cause;
        throw new VerifyError('ERR_KEY_INVALID', 'key', { cause });
      });
    imported.set(key, pending);
  }
  return pending;
}

/**
 * Shape check before any arithmetic: a PS256 signature is as long as the modulus of a
 * 2048–8192-bit key. The exact length is checked against the key in {@link verifyPs256}.
 */
export function checkPs256Signature(signature: Uint8Array): 'ERR_SIGNATURE_FORMAT' | undefined {
  return signature.length >= MIN_SIGNATURE_BYTES && signature.length <= MAX_SIGNATURE_BYTES
    ? undefined
    : 'ERR_SIGNATURE_FORMAT';
}

/**
 * Verifies a PS256 signature over `data` with an RSA public key.
 *
 * @returns whether the signature is valid.
 * @throws VerifyError `ERR_SIGNATURE_FORMAT` when the signature is not exactly the modulus
 *   length (RFC 8017 §8.1.2 step 1); `ERR_KEY_INVALID` when WebCrypto refuses the key
 *   (some runtimes import any modulus and fail only when verifying);
 *   `ERR_UNSUPPORTED` without WebCrypto.
 * @example
 * const key = parseCertificate(pem).publicKey; // { kty: 'RSA', n, e }
 * if (!(await verifyPs256(key, sigStructure, signature))) reject();
 */
export async function verifyPs256(
  key: RsaVerificationKey,
  data: Uint8Array,
  signature: Uint8Array,
): Promise<boolean> {
  const s = subtle();
  if (signature.length !== key.n.length) throw new VerifyError('ERR_SIGNATURE_FORMAT', 'signature');
  const cryptoKey = await importKey(key);
  try {
    return await s.verify(
      VERIFY_PARAMS,
      cryptoKey,
      signature as Uint8Array<ArrayBuffer>,
      data as Uint8Array<ArrayBuffer>,
    );
  } catch (cause) {
    // Node imports any modulus and only fails here (e.g. a zero modulus): the key is at fault.
    throw new VerifyError('ERR_KEY_INVALID', 'key', { cause });
  }
}

/** PS256 as the COSE verifier dispatches it: RSA keys only, signature shape checked first. */
export const PS256_ALGORITHM: SignatureAlgorithm = {
  name: 'PS256',
  keyMatches: (key) => key.kty === 'RSA',
  checkSignature: checkPs256Signature,
};
