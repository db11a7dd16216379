// Module state of the scanner, in its own file so that vitest gives it a fresh module graph.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { encodeQr } from '../src/encode.js';
import { isScannerReady, scanQr, setScannerWasm } from '../src/scan.js';
import { rasterize } from './support/distort.js';

describe('scanner set-up', () => {
  it('refuses to scan before it has its WebAssembly file (it never fetches one from a CDN)', async () => {
    expect(isScannerReady()).toBe(false);
    await expect(scanQr(rasterize(encodeQr('HELLO'), 3))).rejects.toMatchObject({
      code: 'ERR_SCANNER_NOT_READY',
      message: expect.stringContaining('@ansinh/qr/node'),
    });
  });

  it('scans with a compiled WebAssembly.Module (how Cloudflare Workers import .wasm)', async () => {
    const path = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm');
    setScannerWasm(await WebAssembly.compile(await readFile(path)));
    expect(isScannerReady()).toBe(true);
    expect(await scanQr(rasterize(encodeQr('AS1:HELLO'), 3))).toMatchObject({
      found: true,
      text: 'AS1:HELLO',
    });
  });
});
