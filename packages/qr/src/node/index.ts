/**
 * `@ansinh/qr/node`: the scanner ready to use in Node, and image files read from disk.
 * Loads zxing-wasm's WebAssembly file from the installed package (never from the network).
 * Everything else of `@ansinh/qr` works in Node from the main entry.
 * @packageDocumentation
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import {
  isScannerReady,
  type QrImage,
  type ScanResult,
  scanQr,
  scanQrImageBytes,
  setScannerWasm,
} from '../scan.js';

export type { QrImage, ScanResult } from '../scan.js';

let loading: Promise<void> | undefined;

/**
 * Points the scanner at zxing_reader.wasm inside the installed zxing-wasm package. Called by the
 * functions below; call it yourself only to pay the load (~1 MB read, compiled once) up front.
 *
 * @example
 * await loadScanner();
 */
export function loadScanner(): Promise<void> {
  if (isScannerReady()) return Promise.resolve();
  loading ??= (async () => {
    const path = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm');
    const bytes = await readFile(path);
    setScannerWasm(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  })();
  return loading;
}

/**
 * {@link scanQr} of the main entry, with the scanner loaded from the package first.
 *
 * @example
 * const { data, width, height } = myDecodedImage; // RGBA
 * const result = await scanImageData({ data, width, height });
 */
export async function scanImageData(image: QrImage): Promise<ScanResult> {
  await loadScanner();
  return scanQr(image);
}

/**
 * Reads the QR code in PNG or JPEG bytes.
 *
 * @throws {QrError} `ERR_IMAGE_FORMAT` for anything but a readable PNG or JPEG.
 * @example
 * const result = await scanImageBytes(await readFile('card.png'));
 */
export async function scanImageBytes(bytes: Uint8Array): Promise<ScanResult> {
  await loadScanner();
  return scanQrImageBytes(bytes);
}

/**
 * Reads the QR code in a PNG or JPEG file.
 *
 * @throws {QrError} `ERR_IMAGE_FORMAT`; file-system errors (`ENOENT`…) pass through unchanged.
 * @example
 * const result = await scanImageFile('docs/card.png');
 * if (result.found) console.log(result.text);
 */
export async function scanImageFile(path: string): Promise<ScanResult> {
  return scanImageBytes(new Uint8Array(await readFile(path)));
}

export { type RasterizeOptions, rasterizeSvg } from './rasterize.js';
