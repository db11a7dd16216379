import { zlibSync } from 'fflate';

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (ISO 3309, as PNG specifies) of `bytes`. */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

const SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

/**
 * Encodes a 1-bit greyscale PNG (colour type 0, bit depth 1) from `pixel(x, y)` → true for black.
 * One bit per pixel keeps a 57-module card QR at 8 px per module near 1–2 KB. Rows that
 * `sameAsPrevious(y)` says repeat the row above are copied rather than recomputed (a QR module
 * row is `scale` identical pixel rows).
 */
export function writeBilevelPng(
  width: number,
  height: number,
  pixel: (x: number, y: number) => boolean,
  sameAsPrevious: (y: number) => boolean = () => false,
): Uint8Array {
  const stride = Math.ceil(width / 8);
  const raw = new Uint8Array((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (stride + 1); // filter byte 0 (None) then packed bits, MSB first
    if (y > 0 && sameAsPrevious(y)) {
      raw.copyWithin(row, row - stride - 1, row);
      continue;
    }
    for (let x = 0; x < width; x++) {
      // Greyscale 1 is white, 0 black: set bits for light pixels.
      if (!pixel(x, y)) raw[row + 1 + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header[8] = 1; // bit depth
  header[9] = 0; // greyscale
  // bytes 10–12: compression 0, filter 0, interlace 0
  const parts = [
    SIGNATURE,
    chunk('IHDR', header),
    // Level 9 is ten times slower than 6 for a few bytes less.
    chunk('IDAT', zlibSync(raw, { level: 6 })),
    chunk('IEND', new Uint8Array(0)),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
