// @ansinh/qr in a real browser: bundled for the browser platform (a Node import would fail the
// bundle), loaded from a loopback server in headless Chromium with every other request refused,
// then encode → PNG/SVG → scan. Fails instead of skipping when ANSINH_REQUIRE_BROWSER=1.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserRequired,
  bundleForBrowser,
  chromiumAvailable,
  chromiumPath,
  launchChromium,
  offlinePage,
  serveFiles,
} from '../../../test-support/browser.js';
import { issue, typicalCards } from './support/cards.js';

let server: Awaited<ReturnType<typeof serveFiles>> | undefined;
let origin = '';

beforeAll(async () => {
  if (!chromiumAvailable) return;
  const js = await bundleForBrowser(new URL('./support/browser-entry.ts', import.meta.url).pathname);
  const wasm = await readFile(createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm'));
  server = await serveFiles({
    '/': ['text/html; charset=utf-8', '<!doctype html><meta charset="utf-8"><script src="/qr.js"></script>'],
    '/qr.js': ['text/javascript', js],
    '/zxing_reader.wasm': ['application/wasm', wasm],
  });
  origin = server.origin;
}, 60_000);

afterAll(async () => {
  await server?.close();
});

describe('in headless Chromium', () => {
  it.skipIf(!chromiumAvailable && !browserRequired)(
    'encodes, renders and scans an issued card QR without Node',
    async () => {
      expect(chromiumAvailable, `Chromium not found at ${chromiumPath} (ANSINH_REQUIRE_BROWSER=1)`).toBe(
        true,
      );
      const browser = await launchChromium();
      try {
        const { page, refused, errors } = await offlinePage(browser, origin, ['blob:', 'data:']);
        await page.goto(`${origin}/`);
        const text = await issue(typicalCards(1)[0]!);
        const result = await page.evaluate(
          (t) => (globalThis as unknown as { runQr: (t: string) => Promise<unknown> }).runQr(t),
          text,
        );
        expect(errors).toEqual([]);
        expect(refused).toEqual([]); // no CDN, no network: the wasm came from our server
        expect(result).toMatchObject({
          modes: ['alphanumeric'],
          fromPng: { found: true, text },
          fromSvg: { found: true, text },
          hasBuffer: false,
          hasProcess: false,
        });
        const { version, dataUrlSize } = result as { version: number; dataUrlSize: number[] };
        expect(dataUrlSize).toEqual([(17 + 4 * version + 8) * 8, (17 + 4 * version + 8) * 8]);
      } finally {
        await browser.close();
      }
    },
  );
});
