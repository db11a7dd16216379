/**
 * `scanQr`, `scanQrImageBytes`: read a QR code from RGBA pixels or from PNG/JPEG bytes, in any
 * runtime, with ZXing-C++ compiled to WebAssembly (zxing-wasm). Subpath: `@ansinh/qr`.
 *
 * zxing-wasm would fetch its .wasm file from a CDN unless told otherwise; ansinh never lets it:
 * the file comes from {@link setScannerWasm} (browsers, edge) or from the installed package
 * (`@ansinh/qr/node`), so scanning works offline and no request leaves the device.
 * @module
 */
import type { Bilingual } from '@ansinh/core';
import { prepareZXingModule, type ReaderOptions, readBarcodes } from 'zxing-wasm/reader';
import { QrError } from './errors.js';

/** RGBA pixels, 4 bytes per pixel, row-major: a browser `ImageData` fits as is. */
export interface QrImage {
  readonly data: Uint8ClampedArray | Uint8Array;
  readonly width: number;
  readonly height: number;
}

/** What a scan found: the text, or a typed "no code found". */
export type ScanResult =
  | {
      readonly found: true;
      readonly text: string;
      /** QR version 1–40 of the symbol read. */
      readonly version: number;
      /** Error-correction level of the symbol read. */
      readonly ecc: string;
    }
  | { readonly found: false; readonly code: 'ERR_QR_NOT_FOUND'; readonly messages: Bilingual };

/**
 * Where the zxing_reader.wasm file comes from: its bytes, a compiled module (Cloudflare Workers
 * import .wasm files as modules), or a URL the runtime may fetch (e.g. one your bundler emits).
 */
export type ScannerWasm = ArrayBuffer | Uint8Array | WebAssembly.Module | URL | string;

let configured: ScannerWasm | undefined;

/**
 * Tells the scanner where its WebAssembly file is. Call once before scanning in browsers and
 * edge runtimes (`@ansinh/qr/node` does it for Node from the installed zxing-wasm package).
 *
 * @example
 * // Vite: import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
 * setScannerWasm(wasmUrl);
 */
export function setScannerWasm(wasm: ScannerWasm): void {
  if (configured === wasm) return;
  configured = wasm;
  if (wasm instanceof WebAssembly.Module) {
    prepareZXingModule({
      overrides: {
        instantiateWasm(imports: WebAssembly.Imports, done: (instance: WebAssembly.Instance) => void) {
          void WebAssembly.instantiate(wasm, imports).then((instance) => done(instance));
          return {};
        },
      },
    });
  } else if (typeof wasm === 'string' || wasm instanceof URL) {
    const url = String(wasm);
    prepareZXingModule({
      overrides: {
        locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? url : prefix + path),
      },
    });
  } else {
    const bytes = wasm instanceof Uint8Array ? wasm.slice().buffer : wasm;
    prepareZXingModule({ overrides: { wasmBinary: bytes } });
  }
}

/** Whether {@link setScannerWasm} has been called. */
export function isScannerReady(): boolean {
  return configured !== undefined;
}

// tryHarder, tryRotate, tryInvert and tryDownscale are zxing's defaults and stay on: they are
// what reads tilted, faded and phone-sized images (docs/qr.md, distortion grid).
const READER_OPTIONS: ReaderOptions = { formats: ['QRCode'], maxNumberOfSymbols: 1 };

const NOT_FOUND: ScanResult = {
  found: false,
  code: 'ERR_QR_NOT_FOUND',
  messages: new QrError('ERR_QR_NOT_FOUND').messages,
};

async function read(input: QrImage | Uint8Array): Promise<ScanResult> {
  if (configured === undefined) throw new QrError('ERR_SCANNER_NOT_READY');
  let results: Awaited<ReturnType<typeof readBarcodes>>;
  try {
    // zxing-wasm reads any { data, width, height } as RGBA (it only checks for those keys).
    results = await readBarcodes(input as Uint8Array | ImageData, READER_OPTIONS);
  } catch (error) {
    throw new QrError(
      'ERR_SCANNER_LOAD',
      { details: String((error as Error)?.message ?? error) },
      { cause: error },
    );
  }
  const hit = results.find((r) => r.isValid);
  if (hit) return { found: true, text: hit.text, version: Number(hit.version) || 0, ecc: hit.ecLevel };
  if (results.some((r) => r.error === 'Failed to load image from memory'))
    throw new QrError('ERR_IMAGE_FORMAT', { details: 'the bytes are not a readable PNG or JPEG image' });
  return NOT_FOUND;
}

/**
 * Finds and decodes the QR code in RGBA pixels (an `ImageData` from a canvas or a camera frame).
 *
 * @returns `{ found: true, text }`, or `{ found: false, code: 'ERR_QR_NOT_FOUND' }`.
 * @throws {QrError} `ERR_IMAGE_INVALID` (sizes that do not match the data),
 *   `ERR_SCANNER_NOT_READY`, `ERR_SCANNER_LOAD`.
 * @example
 * const frame = ctx.getImageData(0, 0, video.videoWidth, video.videoHeight);
 * const result = await scanQr(frame);
 * if (result.found) console.log(result.text);
 */
export async function scanQr(image: QrImage): Promise<ScanResult> {
  const { width, height, data } = image ?? {};
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1)
    throw new QrError('ERR_IMAGE_INVALID', {
      details: `width and height must be positive integers (got ${width} × ${height})`,
    });
  if (
    !(data instanceof Uint8Array || data instanceof Uint8ClampedArray) ||
    data.length !== width * height * 4
  )
    throw new QrError('ERR_IMAGE_INVALID', {
      details: `data must hold width × height × 4 = ${width * height * 4} RGBA bytes (got ${data?.length ?? 'none'})`,
    });
  return read({ data, width, height });
}

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47];
const JPEG_MAGIC = [0xff, 0xd8, 0xff];

/**
 * Finds and decodes the QR code in a PNG or JPEG file's bytes (decoded inside the WebAssembly
 * module, so this works without canvas or Node).
 *
 * @throws {QrError} `ERR_IMAGE_FORMAT` for bytes that are not PNG or JPEG, or are corrupt;
 *   `ERR_SCANNER_NOT_READY`, `ERR_SCANNER_LOAD`.
 * @example
 * const result = await scanQrImageBytes(new Uint8Array(await file.arrayBuffer()));
 */
export async function scanQrImageBytes(bytes: Uint8Array): Promise<ScanResult> {
  const starts = (magic: number[]): boolean => magic.every((b, i) => bytes[i] === b);
  if (!(bytes instanceof Uint8Array) || !(starts(PNG_MAGIC) || starts(JPEG_MAGIC)))
    throw new QrError('ERR_IMAGE_FORMAT', {
      details: 'the bytes start with neither the PNG nor the JPEG signature',
    });
  return read(bytes);
}
