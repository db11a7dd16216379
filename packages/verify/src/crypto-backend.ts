import type { SignatureAlgorithmName, VerificationKey } from './keys/types.js';

/**
 * The signature primitives, behind one small interface so the same verifier runs on WebCrypto
 * (default: native, fast) or on @noble (pure JS, for runtimes without WebCrypto). Both
 * implementations must agree on every input; the tests hold them to it.
 */
export interface CryptoBackend {
  readonly name: 'webcrypto' | 'noble' | 'node';
  /**
   * Whether `signature` is valid for `data` under `key`. Resolves `false` for a wrong
   * signature; rejects with `VerifyError` `ERR_KEY_INVALID` for a key that is not on its
   * curve and `ERR_UNSUPPORTED` when the runtime lacks the algorithm. `concurrent` says that
   * other checks are waiting too (`verifyMany`): a backend that would otherwise compute on the
   * calling thread may move the work elsewhere so a batch uses every core.
   */
  verify(
    alg: SignatureAlgorithmName,
    key: VerificationKey,
    data: Uint8Array,
    signature: Uint8Array,
    options?: { readonly concurrent?: boolean },
  ): Promise<boolean>;
  /**
   * Optional: the same answer as `verify`, computed on the calling thread, for backends whose
   * primitive is synchronous (node:crypto, noble). With it the verifier checks a card with no
   * promise per step; a backend without it (WebCrypto, whose calls are asynchronous) is awaited.
   * `data` may be a view of a buffer the verifier reuses: read it during the call, never keep it.
   */
  verifyNow?(
    alg: SignatureAlgorithmName,
    key: VerificationKey,
    data: Uint8Array,
    signature: Uint8Array,
  ): boolean;
  /** A signing function for a private JWK (EC P-256 or OKP Ed25519 with `d`). */
  importSigningKey(
    alg: SignatureAlgorithmName,
    privateJwk: JsonWebKey,
  ): Promise<(data: Uint8Array) => Promise<Uint8Array>>;
}

// The `verifyNow` of this package's own backends, each with the `verify` it came with.
const builtInVerifyNow = new WeakMap<object, object>();

/** Marks a backend of this package: its `verifyNow` never calls back into a verifier. */
export function builtInBackend(backend: CryptoBackend): CryptoBackend {
  if (backend.verifyNow) builtInVerifyNow.set(backend.verifyNow, backend.verify);
  return backend;
}

/**
 * How a verifier may check one card with `backend`: `shared`, synchronously with buffers reused
 * from card to card (a built-in backend, whose `verifyNow` cannot re-enter a verifier while a
 * card's bytes sit in them); `own`, synchronously with fresh buffers (a caller's `verifyNow`);
 * `awaited`, through `verify`. A built-in `verifyNow` next to a replaced `verify` (as in
 * `{ ...nodeCryptoBackend, verify }`) is not used: the replacement must see every check.
 */
export function synchronousMode(backend: CryptoBackend): 'shared' | 'own' | 'awaited' {
  if (backend.verifyNow === undefined) return 'awaited';
  const pairedVerify = builtInVerifyNow.get(backend.verifyNow);
  if (pairedVerify === undefined) return 'own';
  return pairedVerify === backend.verify ? 'shared' : 'awaited';
}
