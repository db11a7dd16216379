/**
 * @ansinh/qr: QR codes for ansinh credentials, the printable ID-1 e-card, and scanning.
 *
 * Encoding (SVG, PNG, terminal) and scanning (RGBA pixels, PNG/JPEG bytes) run unchanged in
 * Node 20+, browsers and edge runtimes. In Node, import the scanner from `@ansinh/qr/node`, which
 * loads its WebAssembly file from disk; elsewhere call `setScannerWasm` first.
 *
 * @packageDocumentation
 */

export { type CardOptions, renderCard } from './card.js';
export {
  ECC_LEVELS,
  type EccLevel,
  type EncodeOptions,
  encodeQr,
  QR_ALPHANUMERIC,
  type QrCode,
  type QrMode,
} from './encode.js';
export { QR_ERROR_MESSAGES, QrError, type QrErrorCode } from './errors.js';
export { type PngOptions, renderQrPng, renderQrPngBlob, renderQrPngDataUrl } from './render/png.js';
export { renderQrSvg, type SvgOptions } from './render/svg.js';
export { renderQrTerminal, type TerminalOptions } from './render/terminal.js';
export {
  isScannerReady,
  type QrImage,
  type ScannerWasm,
  type ScanResult,
  scanQr,
  scanQrImageBytes,
  setScannerWasm,
} from './scan.js';
