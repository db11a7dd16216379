/**
 * `renderQrPng`: a QR symbol as PNG bytes, written in plain JS (no canvas, no Node), plus the
 * browser-friendly shapes of the same bytes: a data URL and a Blob. Subpath: `@ansinh/qr`.
 * @module
 */
import type { EncodeOptions, QrCode } from '../encode.js';
import { checkMargin, QUIET_ZONE, toQrCode } from '../lib/matrix.js';
import { writeBilevelPng } from '../lib/png-writer.js';

export interface PngOptions extends EncodeOptions {
  /** Pixels per module; default 8 (a version-12 symbol is then 584 px wide with its quiet zone). */
  readonly scale?: number;
  /** Quiet zone in modules; default 4 (ISO/IEC 18004). */
  readonly margin?: number;
}

/**
 * Renders text (or an encoded symbol) as a black-and-white PNG (1 bit per pixel).
 * The bytes are a `Uint8Array` everywhere; in Node, `Buffer.from(png)` if an API wants a Buffer.
 *
 * @throws {QrError} the {@link encodeQr} codes when given text.
 * @throws {RangeError} for a `scale` outside 1–64 or a bad `margin`.
 * @example
 * const png = renderQrPng('AS1:6BFOXN*TS0BI$ZD.P9UOL97O4', { scale: 6 });
 * await fs.promises.writeFile('qr.png', png); // Node
 */
export function renderQrPng(input: string | QrCode, options: PngOptions = {}): Uint8Array {
  const code = toQrCode(input, options);
  const margin = checkMargin(options.margin ?? QUIET_ZONE);
  const scale = options.scale ?? 8;
  if (!Number.isInteger(scale) || scale < 1 || scale > 64)
    throw new RangeError(`scale must be an integer from 1 to 64 pixels per module (got ${scale})`);
  const side = (code.size + 2 * margin) * scale;
  const { size, modules } = code;
  return writeBilevelPng(
    side,
    side,
    (x, y) => {
      const mx = Math.floor(x / scale) - margin;
      const my = Math.floor(y / scale) - margin;
      return mx >= 0 && my >= 0 && mx < size && my < size && modules[my * size + mx] === 1;
    },
    (y) => y % scale !== 0,
  );
}

/**
 * The PNG as a `data:image/png;base64,…` URL, for an `<img src>` in a browser.
 *
 * @example
 * img.src = renderQrPngDataUrl(qrText);
 */
export function renderQrPngDataUrl(input: string | QrCode, options: PngOptions = {}): string {
  const png = renderQrPng(input, options);
  let binary = '';
  for (let i = 0; i < png.length; i += 0x8000) {
    binary += String.fromCharCode(...png.subarray(i, i + 0x8000));
  }
  return `data:image/png;base64,${btoa(binary)}`;
}

/**
 * The PNG as a `Blob` of type `image/png` (browsers, workers, Node 20+), e.g. for a download link.
 *
 * @example
 * link.href = URL.createObjectURL(renderQrPngBlob(qrText));
 */
export function renderQrPngBlob(input: string | QrCode, options: PngOptions = {}): Blob {
  const png = renderQrPng(input, options);
  return new Blob([png.buffer as ArrayBuffer], { type: 'image/png' });
}
