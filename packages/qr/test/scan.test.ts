import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { encodeQr } from '../src/encode.js';
import type { QrError } from '../src/errors.js';
import { scanImageBytes, scanImageData, scanImageFile } from '../src/node/index.js';
import { renderQrPng } from '../src/render/png.js';
import { rasterize, rotate } from './support/distort.js';
import { base45Text } from './support/texts.js';

const text = base45Text(330, 31);

async function rejection(promise: Promise<unknown>): Promise<QrError> {
  try {
    await promise;
  } catch (error) {
    return error as QrError;
  }
  throw new Error('expected a rejection');
}

describe('scanning', () => {
  it('reads RGBA pixels back to the same text, with version and level', async () => {
    const code = encodeQr(text, { ecc: 'M' });
    const result = await scanImageData(rasterize(code, 3));
    expect(result).toEqual({ found: true, text, version: code.version, ecc: 'M' });
  });

  it('accepts a plain Uint8Array as well as Uint8ClampedArray', async () => {
    const img = rasterize(encodeQr(text), 3);
    const result = await scanImageData({ ...img, data: new Uint8Array(img.data.buffer) });
    expect(result.found && result.text).toBe(text);
  });

  it('reads PNG bytes (our 1-bit writer) and JPEG bytes', async () => {
    expect(await scanImageBytes(renderQrPng(text, { scale: 3 }))).toMatchObject({ found: true, text });
    const img = rotate(rasterize(encodeQr(text), 4), 12);
    const jpg = jpeg.encode({ ...img, data: img.data }, 75).data;
    expect(await scanImageBytes(new Uint8Array(jpg))).toMatchObject({ found: true, text });
  });

  it('returns a typed "not found" for an image without a QR code', async () => {
    const blank = { width: 200, height: 120, data: new Uint8ClampedArray(200 * 120 * 4).fill(255) };
    expect(await scanImageData(blank)).toEqual({
      found: false,
      code: 'ERR_QR_NOT_FOUND',
      messages: {
        vi: 'Không tìm thấy mã QR đọc được trong ảnh.',
        en: 'No readable QR code was found in the image.',
      },
    });
  });

  it('rejects pixel data that does not match its size with ERR_IMAGE_INVALID', async () => {
    const e1 = await rejection(scanImageData({ width: 10, height: 10, data: new Uint8ClampedArray(399) }));
    expect(e1.code).toBe('ERR_IMAGE_INVALID');
    expect(e1.message).toContain('400');
    const e2 = await rejection(scanImageData({ width: 0, height: 10, data: new Uint8ClampedArray(0) }));
    expect(e2.code).toBe('ERR_IMAGE_INVALID');
  });

  it('rejects bytes that are not PNG/JPEG, and corrupt PNG, with ERR_IMAGE_FORMAT', async () => {
    const gif = new TextEncoder().encode('GIF89a....');
    expect((await rejection(scanImageBytes(gif))).code).toBe('ERR_IMAGE_FORMAT');
    const truncated = renderQrPng(text).subarray(0, 60);
    const error = await rejection(scanImageBytes(truncated));
    expect(error.code).toBe('ERR_IMAGE_FORMAT');
    expect(error.messages.vi).toContain('Không đọc được ảnh');
  });

  it('reads a file, and lets file-system errors through', async () => {
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = await mkdtemp(join(tmpdir(), 'ansinh-qr-'));
    await writeFile(join(dir, 'qr.png'), renderQrPng(text));
    expect(await scanImageFile(join(dir, 'qr.png'))).toMatchObject({ found: true, text });
    expect((await rejection(scanImageFile(join(dir, 'missing.png')))).code).toBe('ENOENT');
  });
});
