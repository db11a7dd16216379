import type { SignatureAlgorithmName, VerificationKey } from '../keys/types.js';

/**
 * A key the verifier may accept signatures from, with the limits on it. Keys given directly
 * carry no limits; trust-list entries carry all of them.
 */
export interface TrustedKey {
  readonly kid: Uint8Array;
  readonly key: VerificationKey;
  /** The one algorithm this key may be used with, when the source says so. */
  readonly alg?: SignatureAlgorithmName;
  /** Issuer (agency code) the key signs for; the credential's `iss` must equal it. */
  readonly issuer?: string;
  /** Validity window in seconds since the epoch, checked against the credential's `iat`. */
  readonly validFrom?: number;
  readonly validTo?: number;
  /** Card types the key may sign. */
  readonly usage?: readonly string[];
  /** Where the key came from. */
  readonly source: 'key' | 'trust-list';
}
