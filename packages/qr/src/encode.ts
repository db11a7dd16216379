/**
 * `encodeQr`: text → QR symbol (the module matrix), in the smallest mode that holds it.
 * Subpath: `@ansinh/qr` (re-exported by the barrel).
 * @module
 */
import qrcodeCore from 'qrcode/lib/core/qrcode.js';
import { QrError } from './errors.js';

/** Error-correction level: L ≈ 7 %, M ≈ 15 %, Q ≈ 25 %, H ≈ 30 % of codewords recoverable. */
export type EccLevel = 'L' | 'M' | 'Q' | 'H';
export const ECC_LEVELS: readonly EccLevel[] = ['L', 'M', 'Q', 'H'];

/** QR data modes (ISO/IEC 18004 §7.4). */
export type QrMode = 'numeric' | 'alphanumeric' | 'byte' | 'kanji';

export interface EncodeOptions {
  /** Error-correction level; default `'Q'` (see docs/qr.md for the measurements behind it). */
  readonly ecc?: EccLevel;
  /**
   * `'alphanumeric'` refuses text outside the 45-character QR alphanumeric set (typed error).
   * `'auto'` (default) picks the smallest segmentation, but still requires the alphanumeric set
   * for texts with a base45 credential prefix (`AS1:`, `HC1:`): a byte-mode credential is a
   * broken credential, and printing it would only hide the fault.
   */
  readonly mode?: 'auto' | 'alphanumeric';
}

/** A QR symbol: its module matrix and the facts a printer or a test needs about it. */
export interface QrCode {
  readonly text: string;
  /** Version 1–40: the symbol is `17 + 4 × version` modules wide. */
  readonly version: number;
  readonly ecc: EccLevel;
  /** Modules per side, without the quiet zone. */
  readonly size: number;
  /** Mask pattern 0–7 chosen by the penalty rules. */
  readonly mask: number;
  /** The data segments' modes in order (e.g. `['alphanumeric']` for a base45 text). */
  readonly modes: readonly QrMode[];
  /** Row-major, `size × size`, 1 = dark module. */
  readonly modules: Uint8Array;
}

/** The QR alphanumeric character set (ISO/IEC 18004 table 5); base45 (RFC 9285) uses exactly it. */
export const QR_ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
const ALPHANUMERIC_SET = new Set(QR_ALPHANUMERIC);

/** Alphanumeric capacity of a version-40 symbol per level (ISO/IEC 18004 table 7). */
const MAX_ALPHANUMERIC: Readonly<Record<EccLevel, number>> = { L: 4296, M: 3391, Q: 2420, H: 1852 };
const CREDENTIAL_PREFIXES = ['AS1:', 'HC1:'];

const MODE_NAMES: Readonly<Record<string, QrMode>> = {
  Numeric: 'numeric',
  Alphanumeric: 'alphanumeric',
  Byte: 'byte',
  Kanji: 'kanji',
};

/** Index of the first character outside the alphanumeric set, or -1. */
function firstNonAlphanumeric(text: string): number {
  let i = 0;
  for (const ch of text) {
    if (!ALPHANUMERIC_SET.has(ch)) return i;
    i += ch.length;
  }
  return -1;
}

/**
 * Builds the QR symbol for `text`, choosing the smallest version that holds it at `ecc`.
 *
 * @throws {QrError} `ERR_QR_EMPTY`, `ERR_QR_NOT_ALPHANUMERIC`, `ERR_QR_TOO_LONG`.
 * @throws {RangeError} for an unknown `ecc` or `mode`.
 * @example
 * const qr = encodeQr('AS1:6BFOXN*TS0BI$ZD.P9UOL97O4-2HH77HRM3DSPTLRR+%3');
 * qr.version; // 4 (at the default error correction, Q)
 * qr.modes;   // ['alphanumeric']
 */
export function encodeQr(text: string, options: EncodeOptions = {}): QrCode {
  const ecc = options.ecc ?? 'Q';
  const mode = options.mode ?? 'auto';
  if (!ECC_LEVELS.includes(ecc)) throw new RangeError(`ecc must be one of L, M, Q, H (got ${String(ecc)})`);
  if (mode !== 'auto' && mode !== 'alphanumeric')
    throw new RangeError(`mode must be 'auto' or 'alphanumeric' (got ${String(mode)})`);
  if (typeof text !== 'string' || text.length === 0) throw new QrError('ERR_QR_EMPTY');

  const bad = firstNonAlphanumeric(text);
  const needsAlphanumeric =
    mode === 'alphanumeric' || CREDENTIAL_PREFIXES.some((prefix) => text.startsWith(prefix));
  if (needsAlphanumeric && bad >= 0) {
    const char = String.fromCodePoint(text.codePointAt(bad) ?? 0);
    throw new QrError('ERR_QR_NOT_ALPHANUMERIC', { char, index: bad });
  }
  if (bad < 0 && text.length > MAX_ALPHANUMERIC[ecc]) {
    throw new QrError('ERR_QR_TOO_LONG', { length: text.length, ecc, max: MAX_ALPHANUMERIC[ecc] });
  }

  let symbol: ReturnType<typeof qrcodeCore.create>;
  try {
    // For an alphanumeric text qrcode's optimiser only weighs numeric against alphanumeric
    // segments (never byte), and keeps one alphanumeric segment unless digit runs save bits.
    symbol = qrcodeCore.create(text, { errorCorrectionLevel: ecc });
  } catch (error) {
    // Byte-mode texts reach here when their UTF-8 form is over capacity.
    throw new QrError(
      'ERR_QR_TOO_LONG',
      { length: text.length, ecc, max: MAX_ALPHANUMERIC[ecc] },
      { cause: error },
    );
  }
  const modes = symbol.segments.map((segment) => MODE_NAMES[segment.mode.id] ?? 'byte');
  return {
    text,
    version: symbol.version,
    ecc,
    size: symbol.modules.size,
    mask: symbol.maskPattern,
    modes,
    modules: Uint8Array.from(symbol.modules.data),
  };
}
