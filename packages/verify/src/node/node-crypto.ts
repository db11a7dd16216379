import { constants, createPrivateKey, createPublicKey, type KeyObject, sign, verify } from 'node:crypto';
import { builtInBackend, type CryptoBackend } from '../crypto-backend.js';
import { VerifyError } from '../errors.js';
import { algorithmForKey, exportJwk } from '../keys/jwk.js';
import type { VerificationKey } from '../keys/types.js';

// Turning a key into a KeyObject costs about as much as a verification: once per key object.
// A key OpenSSL refuses is remembered as such, so a bad key costs its error once.
const keyObjects = new WeakMap<VerificationKey, KeyObject | VerifyError>();

function publicKeyObject(key: VerificationKey): KeyObject {
  let found = keyObjects.get(key);
  if (found === undefined) {
    try {
      // exportJwk's extra members (alg, kid) are ignored by node:crypto.
      found = createPublicKey({ key: { ...exportJwk(key) }, format: 'jwk' });
      // node:crypto answers `false` for a modulus OpenSSL cannot use (zero, or not the length
      // its bytes say) where WebCrypto throws; both must call the key invalid.
      const bits = found.asymmetricKeyDetails?.modulusLength;
      if (key.kty === 'RSA' && (!bits || Math.ceil(bits / 8) !== key.n.length))
        found = new VerifyError('ERR_KEY_INVALID', 'key');
    } catch (cause) {
      found = new VerifyError('ERR_KEY_INVALID', 'key', { cause });
    }
    keyObjects.set(key, found);
  }
  if (found instanceof VerifyError) throw found;
  return found;
}

type VerifyKey = Parameters<typeof verify>[2];

/**
 * The hash and key options node:crypto takes for each algorithm (COSE's encodings), after the
 * checks WebCrypto makes before verifying.
 */
function verifyArguments(
  alg: Parameters<CryptoBackend['verify']>[0],
  key: VerificationKey,
  signature: Uint8Array,
): [string | null, VerifyKey] {
  if (algorithmForKey(key) !== alg) throw new VerifyError('ERR_KEY_ALG_MISMATCH', 'key');
  // RFC 8017 §8.1.2 step 1, as the WebCrypto path checks it.
  if (key.kty === 'RSA' && signature.length !== key.n.length)
    throw new VerifyError('ERR_SIGNATURE_FORMAT', 'signature');
  const keyObject = publicKeyObject(key);
  if (alg === 'ES256') return ['sha256', { key: keyObject, dsaEncoding: 'ieee-p1363' }];
  if (alg === 'EdDSA') return [null, keyObject];
  return ['sha256', { key: keyObject, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }];
}

function verifyHere(hash: string | null, data: Uint8Array, key: VerifyKey, signature: Uint8Array): boolean {
  try {
    return verify(hash, data, key, signature);
  } catch (cause) {
    // OpenSSL throws for keys it cannot use (e.g. a zero RSA modulus), never for a bad signature.
    throw new VerifyError('ERR_KEY_INVALID', 'key', { cause });
  }
}

function verifyOnPool(
  hash: string | null,
  data: Uint8Array,
  key: VerifyKey,
  signature: Uint8Array,
): Promise<boolean> {
  return new Promise((resolve, reject) => {
    verify(hash, data, key, signature, (error, valid) => {
      if (error) reject(new VerifyError('ERR_KEY_INVALID', 'key', { cause: error }));
      else resolve(valid);
    });
  });
}

/**
 * The Node backend: node:crypto (OpenSSL, the library under Node's WebCrypto too, so the answers
 * are the same). One verification runs synchronously on the calling thread (`verifyNow`):
 * Node's WebCrypto sends every call through its thread pool and a promise, which here costs a
 * third of the rate (docs/benchmarks.md). `verifyMany` asks for `concurrent` checks, which go to
 * libuv's thread pool (node:crypto's callback form), so a batch uses every core.
 */
export const nodeCryptoBackend: CryptoBackend = builtInBackend({
  name: 'node',
  async verify(alg, key, data, signature, options) {
    const [hash, keyArgument] = verifyArguments(alg, key, signature);
    // A batch's checks go to libuv's thread pool, so they run on every core while this thread
    // decodes the next cards. (Measured against keeping some on this thread: 1.7–1.8× vs
    // 0.9–1.0× the one-at-a-time rate on 2 cores.)
    return options?.concurrent
      ? verifyOnPool(hash, data, keyArgument, signature)
      : verifyHere(hash, data, keyArgument, signature);
  },
  verifyNow(alg, key, data, signature) {
    const [hash, keyArgument] = verifyArguments(alg, key, signature);
    return verifyHere(hash, data, keyArgument, signature);
  },
  async importSigningKey(alg, privateJwk) {
    // PS256 is verified for EU DCC interoperability; ansinh never signs with it.
    if (alg === 'PS256') throw new VerifyError('ERR_UNSUPPORTED', 'signature');
    const { alg: _alg, key_ops: _ops, ext: _ext, use: _use, ...jwk } = privateJwk;
    const key = createPrivateKey({ key: jwk, format: 'jwk' });
    const expected = alg === 'ES256' ? 'ec' : 'ed25519';
    if (key.asymmetricKeyType !== expected) throw new VerifyError('ERR_KEY_ALG_MISMATCH', 'key');
    if (alg === 'ES256')
      return async (data) => new Uint8Array(sign('sha256', data, { key, dsaEncoding: 'ieee-p1363' }));
    return async (data) => new Uint8Array(sign(null, data, key));
  },
});
