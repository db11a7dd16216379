import { verifyPs256 } from './alg/ps256.js';
import type { CryptoBackend } from './crypto-backend.js';
import { VerifyError } from './errors.js';
import type { RsaVerificationKey, VerificationKey } from './keys/types.js';
import { concatBytes } from './lib/bytes.js';

// WebCrypto wants ArrayBuffer-backed views; ours always are (no SharedArrayBuffer is used).
const view = (bytes: Uint8Array) => bytes as Uint8Array<ArrayBuffer>;

function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new VerifyError('ERR_UNSUPPORTED', 'signature');
  return s;
}

const params = {
  ES256: { import: { name: 'ECDSA', namedCurve: 'P-256' }, sign: { name: 'ECDSA', hash: 'SHA-256' } },
  EdDSA: { import: { name: 'Ed25519' }, sign: { name: 'Ed25519' } },
} as const;

// Importing a key costs as much as a verification, so each key object is imported once.
const imported = new WeakMap<VerificationKey, Promise<CryptoKey>>();
// Keys whose import has finished: `verify` hands these to WebCrypto in the same tick, so the
// signature check starts on WebCrypto's thread before the caller goes on to other work.
const ready = new WeakMap<VerificationKey, CryptoKey>();
type CurveKey = Exclude<VerificationKey, RsaVerificationKey>;

function importVerifyKey(alg: keyof typeof params, key: CurveKey): Promise<CryptoKey> {
  let pending = imported.get(key);
  if (!pending) {
    const raw = key.kty === 'EC' ? concatBytes(Uint8Array.of(4), key.x, key.y) : key.x;
    pending = Promise.resolve()
      .then(() => subtle().importKey('raw', view(raw), params[alg].import, false, ['verify']))
      .then((cryptoKey) => {
        ready.set(key, cryptoKey);
        return cryptoKey;
      })
      .catch((cause: unknown) => {
        if ((cause as { code?: string }).code === 'ERR_UNSUPPORTED') throw cause;
        if ((cause as Error)?.name === 'NotSupportedError')
          throw new VerifyError('ERR_UNSUPPORTED', 'signature', { cause });
        throw new VerifyError('ERR_KEY_INVALID', 'key', { cause });
      });
    imported.set(key, pending);
  }
  return pending;
}

/**
 * The default backend: the runtime's WebCrypto (`crypto.subtle`), native code in Node 20+,
 * browsers, Deno, Bun and edge workers. ES256 signatures are IEEE P1363 r‖s, as COSE wants.
 */
export const webCryptoBackend: CryptoBackend = {
  name: 'webcrypto',
  async verify(alg, key, data, signature) {
    if (alg === 'PS256' || key.kty === 'RSA') {
      if (alg !== 'PS256' || key.kty !== 'RSA') throw new VerifyError('ERR_KEY_ALG_MISMATCH', 'key');
      return verifyPs256(key, data, signature);
    }
    const cryptoKey = ready.get(key) ?? (await importVerifyKey(alg, key));
    return subtle().verify(params[alg].sign, cryptoKey, view(signature), view(data));
  },
  async importSigningKey(alg, privateJwk) {
    // PS256 is verified for EU DCC interoperability; ansinh never signs with it.
    if (alg === 'PS256') throw new VerifyError('ERR_UNSUPPORTED', 'signature');
    const { alg: _ignored, key_ops: _ops, ...jwk } = privateJwk;
    const key = await subtle().importKey('jwk', jwk, params[alg].import, false, ['sign']);
    return async (data) => new Uint8Array(await subtle().sign(params[alg].sign, key, view(data)));
  },
};
