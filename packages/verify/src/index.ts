/**
 * @ansinh/verify: issue and verify signed e-social-security card QR credentials offline
 * (COSE_Sign1 over CWT, zlib, base45), with trust lists and status lists.
 *
 * @packageDocumentation
 */
export { decodeBase45, encodeBase45 } from './base45.js';
export { CBOR_MAX_DEPTH, CborTag, decodeCbor, encodeCbor } from './cbor.js';
export { createSign1 } from './cose/create-sign1.js';
export { COSE_ALG, parseSign1, type Sign1, sigStructure } from './cose/sign1.js';
export type { CryptoBackend } from './crypto-backend.js';
export type { StatusReference } from './cwt/claims.js';
export {
  errorInfo,
  VERIFY_MESSAGES,
  VerifyError,
  type VerifyErrorCode,
  type VerifyErrorInfo,
  type VerifyStage,
} from './errors.js';
export type { CertificateInput, DccType } from './hc1/document-signers.js';
export type { DccPayload } from './hc1/payload.js';
export {
  createHc1Verifier,
  HC1_PREFIX,
  type Hc1Claims,
  type Hc1Signer,
  type Hc1Verifier,
  type Hc1VerifierOptions,
  type Hc1VerifyFailure,
  type Hc1VerifyResult,
  type Hc1VerifySuccess,
  verifyHc1,
} from './hc1/verify-hc1.js';
export { deflateZlib, inflateZlib, MAX_INFLATED_BYTES } from './inflate.js';
export { type IssueCardOptions, issueCard } from './issue-card.js';
export { exportCoseKey, importCoseKey } from './keys/cose-key.js';
export { type GeneratedKey, generateSigningKey } from './keys/generate.js';
export { importPublicKey, type KeyInput } from './keys/import.js';
export { exportJwk, importJwk } from './keys/jwk.js';
export { importSpkiPem } from './keys/spki.js';
export { jwkThumbprint, kidFromPublicKey } from './keys/thumbprint.js';
export type { RsaVerificationKey, SignatureAlgorithmName, VerificationKey } from './keys/types.js';
export { ANSINH_PREFIX, MAX_QR_TEXT_LENGTH } from './profile.js';
export { type Signer, signerFromJwk } from './sign/signer.js';
export {
  createStatusList,
  decodeStatusListUnverified,
  getStatus,
  STATUS,
  type StatusList,
  type StatusListClaims,
  type StatusListToken,
  type StatusName,
  setStatus,
  signStatusList,
  statusListSize,
} from './status/status-list.js';
export {
  createTrustList,
  openTrustList,
  type TrustList,
  type TrustListInput,
  type TrustListKeyInput,
} from './trust/trust-list.js';
export type { TrustedKey } from './trust/trusted-key.js';
export {
  type CardClaims,
  createVerifier,
  type Verifier,
  type VerifierOptions,
  type VerifyFailure,
  type VerifyResult,
  type VerifySuccess,
  verifyCard,
} from './verify.js';
export { webCryptoBackend } from './webcrypto.js';
export { type Certificate, kidFromCertificate, parseCertificate } from './x509/certificate.js';
