import { ed25519 } from '@noble/curves/ed25519.js';
import { p256 } from '@noble/curves/nist.js';
import { builtInBackend, type CryptoBackend } from './crypto-backend.js';
import { VerifyError } from './errors.js';
import { type GeneratedKey, generatedKey } from './keys/generate.js';
import type { SignatureAlgorithmName, VerificationKey } from './keys/types.js';
import { concatBytes, fromBase64, toBase64Url } from './lib/bytes.js';

// Point decoding is the costly, key-dependent part of validation: done once per key object.
const validKeys = new WeakMap<VerificationKey, boolean>();

function publicBytes(key: Exclude<VerificationKey, { kty: 'RSA' }>): Uint8Array {
  const bytes = key.kty === 'EC' ? concatBytes(Uint8Array.of(4), key.x, key.y) : key.x;
  let valid = validKeys.get(key);
  if (valid === undefined) {
    try {
      if (key.kty === 'EC') valid = p256.utils.isValidPublicKey(bytes, false);
      else {
        ed25519.Point.fromBytes(bytes); // throws for an encoding that is not a curve point
        valid = true;
      }
    } catch {
      valid = false;
    }
    validKeys.set(key, valid);
  }
  if (!valid) throw new VerifyError('ERR_KEY_INVALID', 'key');
  return bytes;
}

function secret(jwk: JsonWebKey): Uint8Array {
  if (typeof jwk.d !== 'string') throw new VerifyError('ERR_KEY_INVALID', 'key');
  const d = fromBase64(jwk.d);
  if (d.length !== 32) throw new VerifyError('ERR_KEY_INVALID', 'key');
  return d;
}

function verifyWithNoble(
  alg: SignatureAlgorithmName,
  key: VerificationKey,
  data: Uint8Array,
  signature: Uint8Array,
): boolean {
  // No pure-JS RSA here: PS256 (EU DCC only) needs WebCrypto.
  if (alg === 'PS256' || key.kty === 'RSA') throw new VerifyError('ERR_UNSUPPORTED', 'signature');
  const pub = publicBytes(key);
  try {
    if (alg === 'ES256') return p256.verify(signature, data, pub, { lowS: false, prehash: true });
    return ed25519.verify(signature, data, pub, { zip215: false });
  } catch {
    return false;
  }
}

/**
 * The portable backend: @noble/curves in pure JavaScript, for runtimes without WebCrypto
 * (React Native/Hermes, old engines). About 30× slower than WebCrypto for P-256.
 * ES256 accepts high-S (`lowS: false`) and Ed25519 uses RFC 8032 strict decoding
 * (`zip215: false`), matching WebCrypto's answers. Verifying needs nothing from the runtime;
 * signing needs `crypto.getRandomValues` (noble blinds secret-key arithmetic; the signatures
 * stay deterministic).
 */
export const nobleBackend: CryptoBackend = builtInBackend({
  name: 'noble',
  async verify(alg, key, data, signature) {
    return verifyWithNoble(alg, key, data, signature);
  },
  // noble computes on the calling thread anyway: a card is checked with no promise per step.
  verifyNow: verifyWithNoble,
  async importSigningKey(alg, privateJwk) {
    if (alg === 'PS256') throw new VerifyError('ERR_UNSUPPORTED', 'signature');
    const d = secret(privateJwk);
    if (alg === 'ES256') return async (data) => p256.sign(data, d, { prehash: true });
    return async (data) => ed25519.sign(data, d);
  },
});

/**
 * {@link generateSigningKey} on @noble: needs only `crypto.getRandomValues` (React Native
 * polyfills it), not WebCrypto's `subtle`.
 *
 * @example
 * const { privateJwk, publicJwk } = await generateSigningKeyNoble('EdDSA');
 */
export async function generateSigningKeyNoble(alg: 'ES256' | 'EdDSA'): Promise<GeneratedKey> {
  if (typeof globalThis.crypto?.getRandomValues !== 'function')
    throw new VerifyError('ERR_UNSUPPORTED', 'key');
  if (alg === 'ES256') {
    const d = p256.utils.randomSecretKey();
    const point = p256.getPublicKey(d, false); // 04 ‖ x ‖ y
    return generatedKey(
      { kty: 'EC', crv: 'P-256', x: point.slice(1, 33), y: point.slice(33) },
      toBase64Url(d),
    );
  }
  const d = ed25519.utils.randomSecretKey();
  return generatedKey({ kty: 'OKP', crv: 'Ed25519', x: ed25519.getPublicKey(d) }, toBase64Url(d));
}
