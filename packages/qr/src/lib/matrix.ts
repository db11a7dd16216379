import { type EncodeOptions, encodeQr, type QrCode } from '../encode.js';

/** ISO/IEC 18004 §6.3.8: the quiet zone is four modules wide on every side. */
export const QUIET_ZONE = 4;

/** Accepts either a text (encoded with `options`) or an already encoded symbol. */
export function toQrCode(input: string | QrCode, options: EncodeOptions): QrCode {
  return typeof input === 'string' ? encodeQr(input, options) : input;
}

export function checkMargin(margin: number): number {
  if (!Number.isInteger(margin) || margin < 0 || margin > 64)
    throw new RangeError(`margin must be an integer from 0 to 64 modules (got ${margin})`);
  return margin;
}

/**
 * The dark modules as one SVG path in module units, offset by `margin`: one `h` run per
 * horizontal stretch of dark modules, so a version-12 symbol is a few kilobytes, not one
 * rectangle per module.
 */
export function darkModulesPath(code: QrCode, margin: number): string {
  const { size, modules } = code;
  const parts: string[] = [];
  for (let y = 0; y < size; y++) {
    let x = 0;
    while (x < size) {
      if (modules[y * size + x] === 0) {
        x++;
        continue;
      }
      const start = x;
      while (x < size && modules[y * size + x] === 1) x++;
      parts.push(`M${start + margin} ${y + margin}h${x - start}v1h-${x - start}z`);
    }
  }
  return parts.join('');
}
