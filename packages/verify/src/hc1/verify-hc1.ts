import type { Lang } from '@ansinh/core';
import { PS256_ALGORITHM } from '../alg/ps256.js';
import { checkCritical, HEADER, type Sign1 } from '../cose/sign1.js';
import {
  firstVerifyingCandidate,
  SIGNATURE_ALGORITHMS,
  type SignatureAlgorithm,
} from '../cose/verify-signature.js';
import type { CryptoBackend } from '../crypto-backend.js';
import { decodeCwtPayload, readCwtClaims } from '../cwt/claims.js';
import {
  errorInfo,
  isVerifyError,
  VerifyError,
  type VerifyErrorCode,
  type VerifyErrorInfo,
  type VerifyStage,
} from '../errors.js';
import { toHex } from '../lib/bytes.js';
import { DEFAULT_SKEW_SECONDS, secondsClock } from '../lib/clock.js';
import { openQrText } from '../open-qr-text.js';
import { MAX_QR_TEXT_LENGTH } from '../profile.js';
import { webCryptoBackend } from '../webcrypto.js';
import type { Certificate } from '../x509/certificate.js';
import {
  type CertificateInput,
  type DccType,
  dccTypesAllowed,
  indexDocumentSigners,
} from './document-signers.js';
import { type DccPayload, readDcc } from './payload.js';

/** The QR text prefix of EU Digital COVID Certificates (hcert context identifier, version 1). */
export const HC1_PREFIX = 'HC1:';

/** Algorithms the hcert specification allows, by COSE identifier. */
const HC1_ALGORITHMS: ReadonlyMap<number, SignatureAlgorithm> = new Map([
  [-7, SIGNATURE_ALGORITHMS.get(-7)!],
  [-37, PS256_ALGORITHM],
]);

/** The CWT claims of a verified DCC; times in seconds since the epoch. */
export interface Hc1Claims {
  /** Issuing country (ISO 3166-1 alpha-2), when the certificate names it. */
  readonly iss?: string;
  readonly iat: number;
  readonly exp: number;
  /** The EU DCC payload (`ver`, `nam`, `dob`, and one of `v`, `t`, `r`). */
  readonly dcc: DccPayload;
}

/** What the verifier reports about the DSC that signed. */
export interface Hc1Signer {
  readonly subject: string;
  readonly issuer: string;
  readonly serialNumber: string;
}

export interface Hc1VerifySuccess {
  readonly valid: true;
  readonly profile: 'hc1';
  /** Hex kid of the DSC that signed. */
  readonly kid: string;
  /** Issuing country (`iss`), when present. */
  readonly issuer?: string;
  readonly type: DccType;
  readonly claims: Hc1Claims;
  readonly signer: Hc1Signer;
}

/**
 * A failed verification. When the signature was good but a later check failed (expired,
 * DSC key usage or validity), `claims` holds the verified content.
 */
export interface Hc1VerifyFailure {
  readonly valid: false;
  readonly profile: 'hc1';
  readonly error: VerifyErrorInfo;
  readonly kid?: string;
  readonly issuer?: string;
  readonly claims?: Hc1Claims;
}

export type Hc1VerifyResult = Hc1VerifySuccess | Hc1VerifyFailure;

export interface Hc1VerifierOptions {
  /** Document signer certificates (DSCs): parsed, DER bytes, PEM or base64 DER text. */
  readonly certificates: readonly CertificateInput[];
  /** Accepted algorithms; default both the hcert specification allows. */
  readonly algorithms?: readonly ('ES256' | 'PS256')[];
  /** The clock; default the system clock. */
  readonly now?: Date | (() => Date);
  /** Tolerated clock difference for `iat` and `exp`, in seconds; default 300. */
  readonly skewSeconds?: number;
  /** Signature implementation; default WebCrypto. PS256 needs WebCrypto. */
  readonly crypto?: CryptoBackend;
  /** Language of error messages; default 'vi'. */
  readonly lang?: Lang;
}

export interface Hc1Verifier {
  /** Verifies one `HC1:` text. Never throws: every failure is a result with a code and a stage. */
  verify(text: unknown): Promise<Hc1VerifyResult>;
}

const absent = Symbol('absent');

/**
 * A header parameter from the protected header if it is there at all (whatever its value: a
 * protected `null` must not let an unprotected value through), else from the unprotected one.
 */
function fromEitherHeader(sign1: Sign1, label: number): unknown {
  if (sign1.protectedHeader.has(label)) return sign1.protectedHeader.get(label);
  if (sign1.unprotectedHeader.has(label)) return sign1.unprotectedHeader.get(label);
  return absent;
}

/**
 * The key identifier of a DCC: protected header first; the unprotected header only when the
 * protected one has none (hcert §3.3.1; dgc-testdata CO19/CO22). A protected kid that matches
 * no DSC is final: there is no fallback to an unprotected one an attacker could rewrite.
 */
function readKid(sign1: Sign1): Uint8Array {
  const kid = fromEitherHeader(sign1, HEADER.kid);
  if (kid === absent) throw new VerifyError('ERR_KID_MISSING', 'cose');
  if (!(kid instanceof Uint8Array)) throw new VerifyError('ERR_COSE_MALFORMED', 'cose');
  return kid;
}

/**
 * The algorithm, from the protected header or else the unprotected one: EU test data (CO19)
 * puts it unprotected and counts that valid. Safe here because each DSC key type signs with
 * exactly one algorithm, checked against the key before the signature.
 */
function readAlg(sign1: Sign1, allowed: ReadonlyMap<number, SignatureAlgorithm>): SignatureAlgorithm {
  const alg = fromEitherHeader(sign1, HEADER.alg);
  if (alg === absent) throw new VerifyError('ERR_ALG_MISSING', 'cose');
  const found = typeof alg === 'number' ? allowed.get(alg) : undefined;
  if (!found) throw new VerifyError('ERR_ALG_NOT_ALLOWED', 'cose');
  return found;
}

/** Tries each DSC with the kid; resolves the one whose signature verifies. */
async function verifyWithCandidates(
  sign1: Sign1,
  alg: SignatureAlgorithm,
  candidates: readonly Certificate[],
  backend: CryptoBackend,
  concurrent: boolean,
): Promise<Certificate> {
  const matching = candidates.filter((c) => alg.keyMatches(c.publicKey));
  if (matching.length === 0) throw new VerifyError('ERR_KEY_ALG_MISMATCH', 'key');
  // A key-usage extension without digitalSignature forbids signing anything.
  const usable = matching.filter((c) => c.digitalSignature !== false);
  if (usable.length === 0) throw new VerifyError('ERR_KEY_USAGE', 'key');
  return firstVerifyingCandidate(sign1, alg, usable, (c) => c.publicKey, backend, concurrent);
}

/**
 * A verifier of EU Digital COVID Certificate QR texts (`HC1:`) against a set of document signer
 * certificates: ES256 and PS256, kid from either header, every DSC sharing a kid tried, the
 * DSC's validity at `iat` and its extended key usage against the certificate type, then `iat`
 * and `exp` against the clock. Throws `ERR_CERTIFICATE_INVALID` at creation for an unusable DSC.
 *
 * @example
 * const verifier = createHc1Verifier({ certificates: [dscPem] });
 * const r = await verifier.verify(scannedText);
 * if (r.valid) console.log(r.type, r.claims.dcc.nam);
 * else console.log(r.error.code); // e.g. 'ERR_KEY_USAGE'
 */
export function createHc1Verifier(options: Hc1VerifierOptions): Hc1Verifier {
  const verifier = hc1VerifierWithConcurrency(options);
  return { verify: (text) => verifier.verify(text, false) };
}

/**
 * The verifier behind {@link createHc1Verifier}, with the `concurrent` flag the ansinh
 * verifier's `verifyMany` passes on to the crypto backend.
 */
export function hc1VerifierWithConcurrency(options: Hc1VerifierOptions): {
  verify(text: unknown, concurrent: boolean): Promise<Hc1VerifyResult>;
} {
  const backend = options.crypto ?? webCryptoBackend;
  const lang = options.lang ?? 'vi';
  const skew = options.skewSeconds ?? DEFAULT_SKEW_SECONDS;
  const nowSeconds = secondsClock(options.now);
  const signers = indexDocumentSigners(options.certificates);
  const allowed = options.algorithms
    ? new Map(
        [...HC1_ALGORITHMS].filter(([, a]) => options.algorithms!.includes(a.name as 'ES256' | 'PS256')),
      )
    : HC1_ALGORITHMS;

  async function verifyText(text: string, concurrent: boolean): Promise<Hc1VerifyResult> {
    let kid: string | undefined;
    const fail = (
      code: VerifyErrorCode,
      stage: VerifyStage,
      extra: Partial<Hc1VerifyFailure> = {},
      detail?: string,
    ): Hc1VerifyFailure => ({
      valid: false,
      profile: 'hc1',
      error: errorInfo(code, stage, lang, detail),
      ...(kid ? { kid } : {}),
      ...extra,
    });
    try {
      // A label in both headers is allowed (dgc-testdata CO20/CO21 are valid); the protected
      // value wins, as RFC 9052 §3 requires when such a message is not rejected.
      const sign1 = openQrText(text, HC1_PREFIX.length, { disjointHeaders: false });
      checkCritical(sign1, [HEADER.alg, HEADER.kid]);
      const alg = readAlg(sign1, allowed);
      kid = toHex(readKid(sign1));
      const candidates = signers.get(kid);
      if (!candidates) return fail('ERR_KID_UNKNOWN', 'key');
      const signer = await verifyWithCandidates(sign1, alg, candidates, backend, concurrent);

      const map = decodeCwtPayload(sign1.payload);
      const cwt = readCwtClaims(map, ['iat', 'exp']);
      const read = readDcc(map);
      if ('problem' in read)
        return fail('ERR_PAYLOAD_SCHEMA', 'claims', cwt.iss ? { issuer: cwt.iss } : {}, read.problem);
      const claims: Hc1Claims = {
        ...(cwt.iss === undefined ? {} : { iss: cwt.iss }),
        iat: cwt.iat as number,
        exp: cwt.exp as number,
        dcc: read.dcc,
      };
      const verified = { claims, ...(claims.iss === undefined ? {} : { issuer: claims.iss }) };
      const iatMs = claims.iat * 1000;
      if (iatMs < signer.notBefore.getTime() || iatMs > signer.notAfter.getTime()) {
        return fail('ERR_KEY_VALIDITY', 'key', verified);
      }
      if (!dccTypesAllowed(signer).has(read.type)) return fail('ERR_KEY_USAGE', 'key', verified);
      const now = nowSeconds();
      if (now + skew < claims.iat) return fail('ERR_CREDENTIAL_NOT_YET_VALID', 'time', verified);
      if (now - skew >= claims.exp) return fail('ERR_CREDENTIAL_EXPIRED', 'time', verified);
      return {
        valid: true,
        profile: 'hc1',
        kid,
        ...(claims.iss === undefined ? {} : { issuer: claims.iss }),
        type: read.type,
        claims,
        signer: { subject: signer.subject, issuer: signer.issuer, serialNumber: signer.serialNumber },
      };
    } catch (e) {
      if (isVerifyError(e)) return fail(e.code, e.stage);
      return fail('ERR_INTERNAL', 'input');
    }
  }

  return {
    async verify(text, concurrent) {
      if (typeof text !== 'string')
        return { valid: false, profile: 'hc1', error: errorInfo('ERR_INPUT_TYPE', 'input', lang) };
      if (text.length > MAX_QR_TEXT_LENGTH) {
        return { valid: false, profile: 'hc1', error: errorInfo('ERR_TOO_LONG', 'input', lang) };
      }
      if (!text.startsWith(HC1_PREFIX))
        return { valid: false, profile: 'hc1', error: errorInfo('ERR_PREFIX', 'input', lang) };
      return verifyText(text, concurrent);
    },
  };
}

/**
 * Verifies one `HC1:` text with a one-off verifier; for more than one text, create a verifier
 * with {@link createHc1Verifier} and reuse it (keys are imported once per verifier).
 *
 * @example
 * const r = await verifyHc1(text, { certificates: [dscBase64], now: new Date('2021-06-01') });
 */
export function verifyHc1(text: unknown, options: Hc1VerifierOptions): Promise<Hc1VerifyResult> {
  return createHc1Verifier(options).verify(text);
}
