import { type Card, decodeCardClaims, type Lang, type Result } from '@ansinh/core';
import { readProtectedAlgAndKid } from './cose/headers.js';
import { HEADER, parseSign1, type Sign1 } from './cose/sign1.js';
import {
  firstVerifyingCandidate,
  firstVerifyingCandidateNow,
  type SignatureAlgorithm,
} from './cose/verify-signature.js';
import { type CryptoBackend, synchronousMode } from './crypto-backend.js';
import {
  type CwtClaims,
  decodeCwtPayload,
  readCwtClaims,
  readStatusReference,
  type StatusReference,
} from './cwt/claims.js';
import {
  errorInfo,
  isVerifyError,
  VERIFY_MESSAGES,
  VerifyError,
  type VerifyErrorCode,
  type VerifyErrorInfo,
  type VerifyStage,
} from './errors.js';
import type { CertificateInput } from './hc1/document-signers.js';
import { HC1_PREFIX, type Hc1VerifyResult, hc1VerifierWithConcurrency } from './hc1/verify-hc1.js';
import { importPublicKey, type KeyInput } from './keys/import.js';
import { kidFromPublicKey } from './keys/thumbprint.js';
import { equalBytes, toHex } from './lib/bytes.js';
import { DEFAULT_SKEW_SECONDS, secondsClock } from './lib/clock.js';
import { openQrText } from './open-qr-text.js';
import { ANSINH_PREFIX, CARD_CLAIM, MAX_QR_TEXT_LENGTH } from './profile.js';
import {
  getStatus,
  readStatusListPayload,
  STATUS_LIST_TYPE,
  type StatusListToken,
  statusListSize,
} from './status/status-list.js';
import { indexKeys, openTrustList, type TrustList } from './trust/trust-list.js';
import type { TrustedKey } from './trust/trusted-key.js';
import { webCryptoBackend } from './webcrypto.js';
import { isCertificateText } from './x509/certificate.js';

/** The CWT claims of a verified card; times in seconds since the epoch. */
export interface CardClaims {
  readonly iss: string;
  readonly iat: number;
  readonly exp: number;
  readonly nbf?: number;
  readonly cti?: Uint8Array;
  readonly status?: StatusReference;
}

export interface VerifySuccess {
  readonly valid: true;
  readonly profile: 'ansinh';
  readonly card: Card;
  readonly claims: CardClaims;
  /** The issuing agency (the card's `iss`, equal to the key's issuer when a trust list is used). */
  readonly issuer: string;
  /** Hex kid of the key that signed. */
  readonly kid: string;
  /** `unchecked` when the card names a status list the verifier does not hold. */
  readonly status: 'valid' | 'unchecked';
}

/**
 * A failed verification. When the signature was good but a time or status check failed
 * (`ERR_CREDENTIAL_EXPIRED`, `ERR_CREDENTIAL_NOT_YET_VALID`, `ERR_REVOKED`, `ERR_SUSPENDED`…),
 * `card` and `claims` hold the verified content, so an app can say "genuine but expired".
 */
export interface VerifyFailure {
  readonly valid: false;
  readonly profile?: 'ansinh';
  readonly error: VerifyErrorInfo;
  readonly kid?: string;
  readonly issuer?: string;
  readonly claims?: CardClaims;
  readonly card?: Card;
}

/** The result of any QR text: an ansinh card, or an EU DCC (`HC1:`, `profile: 'hc1'`). */
export type VerifyResult = VerifySuccess | VerifyFailure | Hc1VerifyResult;

export interface VerifierOptions {
  /** Keys trusted directly (JWK, COSE_Key, PEM SPKI), with no issuer, validity or usage limits. */
  readonly keys?: readonly KeyInput[];
  /**
   * EU DCC document signer certificates for `HC1:` texts (PEM, base64 DER, DER bytes); `keys`
   * given as certificate text count as DSCs too.
   */
  readonly certificates?: readonly CertificateInput[];
  /** Pinned root keys; a trust list must be signed by one of them. */
  readonly roots?: readonly KeyInput[];
  /** A signed trust list (from `createTrustList`). */
  readonly trustList?: Uint8Array;
  /** The highest trust-list `seq` seen before (persist `verifier.trustListSeq`); lower is a rollback. */
  readonly minTrustListSeq?: number;
  /** Signed Status List Tokens (from `signStatusList`). */
  readonly statusLists?: readonly Uint8Array[];
  /** Fail cards whose status list is not held (`ERR_STATUS_UNAVAILABLE`) instead of reporting `unchecked`. */
  readonly requireStatus?: boolean;
  /** The clock; default the system clock. */
  readonly now?: Date | (() => Date);
  /** Tolerated clock difference for `iat`, `nbf`, `exp` and list expiry, in seconds; default 300. */
  readonly skewSeconds?: number;
  /**
   * Signature implementation; default WebCrypto (`@ansinh/verify/noble` defaults to @noble,
   * `@ansinh/verify/node` to node:crypto).
   */
  readonly crypto?: CryptoBackend;
  /** Language of error messages; default 'vi'. */
  readonly lang?: Lang;
}

export interface Verifier {
  /** Verifies one QR text. Never throws: every failure is a result with a code and a stage. */
  verify(text: unknown): Promise<VerifyResult>;
  /** Verifies many texts with overlapping signature checks; results in input order. */
  verifyMany(texts: Iterable<unknown>, options?: { concurrency?: number }): Promise<VerifyResult[]>;
  /** Replaces the trust list if it verifies and is not older than the held one. */
  updateTrustList(bytes: Uint8Array): Promise<VerifyErrorInfo | undefined>;
  /** Adds a status list; returns the problem when it cannot be used. */
  addStatusList(bytes: Uint8Array): Promise<VerifyErrorInfo | undefined>;
  /** Resolves once the option inputs are loaded, with the problems found (empty when none). */
  ready(): Promise<readonly VerifyErrorInfo[]>;
  /** `seq` of the trust list held, to persist and pass back as `minTrustListSeq`. */
  readonly trustListSeq: number | undefined;
}

interface HeldStatusList {
  readonly token: StatusListToken;
  /** Issuer the list speaks for: its key's issuer, else its `iss` claim. */
  readonly issuer: string | undefined;
  readonly signer: TrustedKey;
}

type PayloadContent =
  | { readonly threw: true; readonly error: unknown }
  | {
      readonly threw: false;
      readonly cwt: CwtClaims;
      readonly status: StatusReference | undefined;
      /** Undefined when the payload has no card claim. */
      readonly decoded?: Result<Card>;
      /** Whether decoding the card claim threw, and what. */
      readonly cardThrew?: true;
      readonly cardError?: unknown;
    };

function directKey(input: KeyInput): TrustedKey {
  const key = importPublicKey(input);
  return { kid: kidFromPublicKey(key), key, source: 'key' };
}

/** The candidates (keys with the kid) that may check `alg`; `ERR_KEY_ALG_MISMATCH` when none. */
function usableCandidates(candidates: readonly TrustedKey[], alg: SignatureAlgorithm): readonly TrustedKey[] {
  const usable = (c: TrustedKey) => alg.keyMatches(c.key) && (c.alg === undefined || c.alg === alg.name);
  // Usually every key with the kid can check the algorithm: no new array then.
  if (candidates.every(usable)) {
    if (candidates.length === 0) throw new VerifyError('ERR_KEY_ALG_MISMATCH', 'key');
    return candidates;
  }
  const matching = candidates.filter(usable);
  if (matching.length === 0) throw new VerifyError('ERR_KEY_ALG_MISMATCH', 'key');
  return matching;
}

const keyOfCandidate = (candidate: TrustedKey) => candidate.key;

/**
 * A verifier of ansinh card QR texts, built from pinned roots and a trust list, or from plain
 * keys, with optional status lists and a clock. Reuse one verifier: it caches imported keys.
 * Bad credentials never throw; a `keys` or `roots` entry that is not a public key is a
 * programming error and throws `VerifyError` `ERR_KEY_INVALID` here. Trust-list and status-list
 * problems are reported by `ready()` and by the cards that depend on them.
 *
 * @example
 * const verifier = createVerifier({ roots: [rootJwk], trustList, statusLists: [statusToken] });
 * const r = await verifier.verify(scannedText);
 * if (r.valid && r.profile === 'ansinh') admit(r.card); // `hc1` results carry a DCC instead
 * else if (!r.valid) show(r.error.message); // e.g. "Thẻ đã hết hạn" (ERR_CREDENTIAL_EXPIRED)
 */
export function createVerifier(options: VerifierOptions = {}): Verifier {
  const backend = options.crypto ?? webCryptoBackend;
  const lang = options.lang ?? 'vi';
  const skew = options.skewSeconds ?? DEFAULT_SKEW_SECONDS;
  const nowSeconds = secondsClock(options.now);
  const syncMode = synchronousMode(backend);
  const directKeys = (options.keys ?? []).map(directKey);
  const hc1 = hc1VerifierWithConcurrency({
    certificates: [...(options.certificates ?? []), ...(options.keys ?? []).filter(isCertificateText)],
    crypto: backend,
    lang,
    skewSeconds: skew,
    ...(options.now === undefined ? {} : { now: options.now }),
  });
  const roots = (options.roots ?? []).map(importPublicKey);

  let trustList: TrustList | undefined;
  let trustListError: VerifyError | undefined;
  let index = indexKeys(directKeys);
  const statusLists = new Map<string, HeldStatusList[]>();
  const statusFailures = new Map<string, VerifyErrorCode>();
  const problems: VerifyErrorInfo[] = [];
  const info = (e: VerifyError) => errorInfo(e.code, e.stage, lang);
  const asVerifyError = (e: unknown, fallback: VerifyErrorCode, stage: VerifyStage) =>
    isVerifyError(e) ? e : new VerifyError(fallback, stage, { cause: e });

  async function setTrustList(
    bytes: Uint8Array,
    minSeq: number | undefined,
  ): Promise<VerifyErrorInfo | undefined> {
    try {
      const list = await openTrustList(bytes, {
        roots,
        crypto: backend,
        ...(minSeq === undefined ? {} : { minSeq }),
      });
      if (trustList && list.seq === trustList.seq && !equalBytes(list.payload, trustList.payload)) {
        throw new VerifyError('ERR_TRUST_LIST_ROLLBACK', 'trust');
      }
      trustList = list;
      trustListError = undefined;
      index = indexKeys([...directKeys, ...list.keys]);
      return undefined;
    } catch (e) {
      const error = asVerifyError(e, 'ERR_TRUST_LIST_INVALID', 'trust');
      // A rejected update keeps the list already held; a first list that fails is remembered
      // so cards that needed it say why.
      if (!trustList) trustListError = error;
      return info(error);
    }
  }

  async function loadStatusList(bytes: Uint8Array): Promise<VerifyErrorInfo | undefined> {
    let sign1: Sign1;
    let token: StatusListToken;
    try {
      sign1 = parseSign1(bytes);
      if (sign1.protectedHeader.get(HEADER.typ) !== STATUS_LIST_TYPE)
        throw new VerifyError('ERR_STATUS_LIST_INVALID', 'status');
      token = readStatusListPayload(sign1.payload);
    } catch (e) {
      return info(new VerifyError('ERR_STATUS_LIST_INVALID', 'status', { cause: e }));
    }
    try {
      const { alg, kid } = readProtectedAlgAndKid(sign1, [HEADER.typ]);
      const candidates = usableCandidates(index.get(toHex(kid)) ?? [], alg);
      const signer = await firstVerifyingCandidate(sign1, alg, candidates, keyOfCandidate, backend, false);
      const validAtIat =
        (signer.validFrom === undefined || token.iat >= signer.validFrom) &&
        (signer.validTo === undefined || token.iat <= signer.validTo);
      if (!validAtIat) throw new VerifyError('ERR_KEY_VALIDITY', 'status');
      if (signer.issuer !== undefined && token.iss !== undefined && token.iss !== signer.issuer) {
        throw new VerifyError('ERR_STATUS_LIST_ISSUER', 'status');
      }
      const held: HeldStatusList = { token, issuer: signer.issuer ?? token.iss, signer };
      // One list per issuer and URI: a list issued at the same time or later replaces the held
      // one (a same-second update must take effect); an older one is refused, not kept.
      const others: HeldStatusList[] = [];
      for (const h of statusLists.get(token.uri) ?? []) {
        const sameSource = h.issuer === held.issuer && (h.issuer !== undefined || h.signer === signer);
        if (!sameSource) others.push(h);
        else if (h.token.iat > token.iat) return info(new VerifyError('ERR_STATUS_LIST_OUTDATED', 'status'));
      }
      statusLists.set(token.uri, [...others, held]);
      return undefined;
    } catch (e) {
      const cause = isVerifyError(e) ? e : undefined;
      const code: VerifyErrorCode =
        cause?.code === 'ERR_STATUS_LIST_ISSUER' ? 'ERR_STATUS_LIST_ISSUER' : 'ERR_STATUS_LIST_INVALID';
      // Remember the failure under the list's URI: cards that point at it fail with this code.
      statusFailures.set(token.uri, code);
      return info(new VerifyError(code, 'status', { cause: e }));
    }
  }

  // Once loaded, a verification goes straight from the kid to the signature check with no
  // wait in between, so WebCrypto starts on it before the payload is decoded.
  let loaded = false;
  const loading = (async () => {
    if (options.trustList) {
      const problem = await setTrustList(options.trustList, options.minTrustListSeq);
      if (problem) problems.push(problem);
    }
    for (const bytes of options.statusLists ?? []) {
      const problem = await loadStatusList(bytes);
      if (problem) problems.push(problem);
    }
    loaded = true;
  })();

  function checkStatus(
    ref: StatusReference,
    signer: TrustedKey,
    iss: string,
    now: number,
  ): VerifyErrorCode | 'unchecked' | undefined {
    const held = statusLists.get(ref.uri) ?? [];
    if (held.length === 0) {
      const failure = statusFailures.get(ref.uri);
      if (failure) return failure;
      return options.requireStatus ? 'ERR_STATUS_UNAVAILABLE' : 'unchecked';
    }
    const cardIssuer = signer.issuer ?? iss;
    // The list this card's issuer (or its very key) signed; loading keeps one per issuer and URI.
    let newest: HeldStatusList | undefined;
    for (const h of held) {
      const own = (h.issuer !== undefined && h.issuer === cardIssuer) || h.signer === signer;
      if (own && (newest === undefined || h.token.iat > newest.token.iat)) newest = h;
    }
    if (newest === undefined) return 'ERR_STATUS_LIST_ISSUER';
    if (newest.token.exp !== undefined && now - skew >= newest.token.exp) return 'ERR_STATUS_LIST_EXPIRED';
    if (ref.idx >= statusListSize(newest.token.list)) return 'ERR_STATUS_INDEX';
    switch (getStatus(newest.token.list, ref.idx)) {
      case 0:
        return undefined;
      case 1:
        return 'ERR_REVOKED';
      case 2:
        return 'ERR_SUSPENDED';
      default:
        return 'ERR_STATUS_UNKNOWN';
    }
  }

  /**
   * The claims of a card payload, or the error decoding them threw; the card claim is decoded
   * apart so that its error keeps its later place.
   */
  function readContent(payload: Uint8Array): PayloadContent {
    let map: Map<unknown, unknown>;
    let cwt: CwtClaims;
    let status: StatusReference | undefined;
    try {
      // Byte strings stay views into the card's own bytes; the one that reaches the result (cti)
      // is copied below.
      map = decodeCwtPayload(payload, { viewBytes: true });
      cwt = readCwtClaims(map, ['iss', 'iat', 'exp']);
      status = readStatusReference(map);
    } catch (error) {
      return { threw: true, error };
    }
    if (!map.has(CARD_CLAIM)) return { threw: false, cwt, status };
    try {
      return { threw: false, cwt, status, decoded: decodeCardClaims(map.get(CARD_CLAIM), lang) };
    } catch (cardError) {
      return { threw: false, cwt, status, decoded: { ok: false, issues: [] }, cardThrew: true, cardError };
    }
  }

  function failure(
    code: VerifyErrorCode,
    stage: VerifyStage,
    kid: string | undefined,
    extra: Partial<VerifyFailure> = {},
    detail?: string,
  ): VerifyFailure {
    return {
      valid: false,
      profile: 'ansinh',
      error: errorInfo(code, stage, lang, detail),
      ...(kid ? { kid } : {}),
      ...extra,
    } as VerifyFailure;
  }

  /** The result for an exception; anything but a well-formed VerifyError is ERR_INTERNAL. */
  function thrown(e: unknown, kid: string | undefined): VerifyFailure {
    let code: VerifyErrorCode = 'ERR_INTERNAL';
    let stage: VerifyStage = 'input';
    try {
      // Read once: a hostile object (from a caller's backend or clock) could answer differently.
      if (isVerifyError(e)) {
        const [c, st] = [e.code, e.stage];
        if (c in VERIFY_MESSAGES && typeof st === 'string') [code, stage] = [c, st];
      }
    } catch {
      // its getters threw: ERR_INTERNAL
    }
    return failure(code, stage, kid);
  }

  /** Every check after the signature, on the claims decoded while (or after) it was checked. */
  function checkVerified(
    signer: TrustedKey,
    content: PayloadContent,
    kid: string,
    now: number,
  ): VerifyResult {
    const fail = (
      code: VerifyErrorCode,
      stage: VerifyStage,
      extra?: Partial<VerifyFailure>,
      detail?: string,
    ) => failure(code, stage, kid, extra, detail);
    if (signer.source === 'trust-list' && trustList && now - skew >= trustList.exp) {
      return fail('ERR_TRUST_LIST_EXPIRED', 'trust');
    }
    if (content.threw) return thrown(content.error, kid);
    const { cwt, status } = content;
    // Only present claims become properties (results compare and print cleanly).
    const claims: { -readonly [K in keyof CardClaims]: CardClaims[K] } = {
      iss: cwt.iss as string,
      iat: cwt.iat as number,
      exp: cwt.exp as number,
    };
    if (cwt.nbf !== undefined) claims.nbf = cwt.nbf;
    if (cwt.cti !== undefined) claims.cti = cwt.cti.slice();
    if (status !== undefined) claims.status = status;
    const issuer = claims.iss;
    if (signer.issuer !== undefined && signer.issuer !== issuer)
      return fail('ERR_KID_OTHER_ISSUER', 'key', { issuer });
    if (
      (signer.validFrom !== undefined && claims.iat < signer.validFrom) ||
      (signer.validTo !== undefined && claims.iat > signer.validTo)
    ) {
      return fail('ERR_KEY_VALIDITY', 'key', { issuer });
    }
    if (content.decoded === undefined) return fail('ERR_CLAIMS_MALFORMED', 'claims', { issuer });
    if (content.cardThrew) return thrown(content.cardError, kid);
    const decoded = content.decoded;
    if (!decoded.ok) {
      const first = decoded.issues[0];
      const detail = first ? `${first.path.join('.') || 'card'}: ${first.message} (${first.code})` : '';
      return fail('ERR_PAYLOAD_SCHEMA', 'claims', { issuer }, detail);
    }
    const card = decoded.value;
    if (signer.usage !== undefined && !signer.usage.includes(card.type))
      return fail('ERR_KEY_USAGE', 'key', { issuer });

    const verified = { issuer, claims, card };
    if ((claims.nbf !== undefined && now + skew < claims.nbf) || now + skew < claims.iat) {
      return fail('ERR_CREDENTIAL_NOT_YET_VALID', 'time', verified);
    }
    if (now - skew >= claims.exp) return fail('ERR_CREDENTIAL_EXPIRED', 'time', verified);
    const statusOutcome = status === undefined ? undefined : checkStatus(status, signer, issuer, now);
    if (statusOutcome !== undefined && statusOutcome !== 'unchecked')
      return fail(statusOutcome, 'status', verified);
    return {
      valid: true,
      profile: 'ansinh',
      card,
      claims,
      issuer,
      kid,
      status: statusOutcome === 'unchecked' ? 'unchecked' : 'valid',
    };
  }

  /**
   * Verifies an `AS1:` text. With a backend that verifies on this thread (`verifyNow`) and no
   * batch, the whole card is checked synchronously: no promise per step.
   */
  function verifyAnsinh(text: string, concurrent: boolean): VerifyResult | Promise<VerifyResult> {
    let kid: string | undefined;
    try {
      // The clock first: a caller's clock function runs before any card bytes sit in the
      // buffers shared between verifications, so calling back into a verifier cannot clobber them.
      const now = nowSeconds();
      const mode = concurrent ? 'awaited' : syncMode;
      // Checked now by a built-in backend, the card is done with its bytes before returning: they
      // can stay in the shared buffers.
      const sign1 = openQrText(text, ANSINH_PREFIX.length, { shared: mode === 'shared' && loaded });
      const header = readProtectedAlgAndKid(sign1);
      kid = toHex(header.kid);
      if (!loaded) {
        return loading.then(
          () => verifyAnsinh(text, concurrent),
          (e) => thrown(e, kid),
        );
      }
      const candidates = index.get(kid);
      if (!candidates) {
        if (trustListError) return failure(trustListError.code, trustListError.stage, kid);
        return failure('ERR_KID_UNKNOWN', 'key', kid);
      }
      const usable = usableCandidates(candidates, header.alg);
      if (mode !== 'awaited' && backend.verifyNow) {
        const signer = firstVerifyingCandidateNow(
          sign1,
          header.alg,
          usable,
          keyOfCandidate,
          backend.verifyNow,
          mode === 'shared',
        );
        return checkVerified(signer, readContent(sign1.payload), kid, now);
      }
      const signing = firstVerifyingCandidate(sign1, header.alg, usable, keyOfCandidate, backend, concurrent);
      // WebCrypto checks the signature on another thread; the payload is decoded meanwhile.
      // Nothing decoded is looked at, and no decoding error reported, unless the signature
      // verifies, and each error surfaces at the step where it would arise decoding afterwards.
      const content = readContent(sign1.payload);
      const signedKid = kid;
      // One handler for a failed signature and for anything checkVerified might throw.
      return signing
        .then((signer) => checkVerified(signer, content, signedKid, now))
        .catch((e: unknown) => thrown(e, signedKid));
    } catch (e) {
      return thrown(e, kid);
    }
  }

  function verify(text: unknown, concurrent = false): VerifyResult | Promise<VerifyResult> {
    if (typeof text !== 'string') return { valid: false, error: errorInfo('ERR_INPUT_TYPE', 'input', lang) };
    if (text.length > MAX_QR_TEXT_LENGTH)
      return { valid: false, error: errorInfo('ERR_TOO_LONG', 'input', lang) };
    if (text.startsWith(ANSINH_PREFIX)) return verifyAnsinh(text, concurrent);
    if (text.startsWith(HC1_PREFIX)) return hc1.verify(text, concurrent);
    return { valid: false, error: errorInfo('ERR_PREFIX', 'input', lang) };
  }

  /**
   * `verify`, with a last guard: the paths above turn every exception into a result, but a
   * caller's backend or clock could throw an object whose own properties throw.
   */
  function verifySafely(text: unknown, concurrent: boolean): VerifyResult | Promise<VerifyResult> {
    const internal = (): VerifyFailure => ({ valid: false, error: errorInfo('ERR_INTERNAL', 'input', lang) });
    try {
      const result = verify(text, concurrent);
      return result instanceof Promise ? result.catch(internal) : result;
    } catch {
      return internal();
    }
  }

  return {
    // A promise the caller can await whether the card was checked synchronously or not.
    verify: (text) => Promise.resolve(verifySafely(text, false)),
    async verifyMany(texts, { concurrency = 32 } = {}) {
      const items = [...texts];
      const results: VerifyResult[] = new Array(items.length);
      let next = 0;
      const worker = async () => {
        while (next < items.length) {
          const i = next++;
          results[i] = await verifySafely(items[i], true);
        }
      };
      await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
      return results;
    },
    async updateTrustList(bytes) {
      await loading;
      return setTrustList(bytes, trustList?.seq ?? options.minTrustListSeq);
    },
    async addStatusList(bytes) {
      await loading;
      return loadStatusList(bytes);
    },
    async ready() {
      await loading;
      return [...problems];
    },
    get trustListSeq() {
      return trustList?.seq;
    },
  };
}

/**
 * Verifies one QR text with a one-off verifier; for more than one text, create a verifier and
 * reuse it (imported keys are cached per verifier).
 *
 * @example
 * const r = await verifyCard(text, { keys: [issuerPublicJwk] });
 */
export function verifyCard(text: unknown, options: VerifierOptions = {}): Promise<VerifyResult> {
  return createVerifier(options).verify(text);
}
