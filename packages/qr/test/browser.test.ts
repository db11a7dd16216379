// @ansinh/qr in a real browser: bundled for the browser platform (a Node import would fail the
// bundle), loaded from a loopback server in headless Chromium with every other request refused,
// then encode → PNG/SVG → scan. Fails instead of skipping when ANSINH_REQUIRE_BROWSER=1.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issue, typicalCards } from './support/cards.js';

const chromiumPath = process.env.ANSINH_CHROMIUM ?? '/usr/bin/chromium';
const available = existsSync(chromiumPath);
const required = process.env.ANSINH_REQUIRE_BROWSER === '1';

let server: Server | undefined;
let origin = '';

beforeAll(async () => {
  if (!available) return;
  const bundle = await build({
    entryPoints: [new URL('./support/browser-entry.ts', import.meta.url).pathname],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    conditions: ['source'],
    target: 'chrome120',
    logLevel: 'silent',
  });
  const js = bundle.outputFiles[0]!.text;
  const wasm = await readFile(createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm'));
  const files: Record<string, [string, string | Buffer]> = {
    '/': ['text/html; charset=utf-8', '<!doctype html><meta charset="utf-8"><script src="/qr.js"></script>'],
    '/qr.js': ['text/javascript', js],
    '/zxing_reader.wasm': ['application/wasm', wasm],
  };
  server = createServer((req, res) => {
    const file = files[req.url ?? ''];
    if (!file) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': file[0] }).end(file[1]);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 60_000);

afterAll(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
});

describe('in headless Chromium', () => {
  it.skipIf(!available && !required)(
    'encodes, renders and scans an issued card QR without Node',
    async () => {
      expect(available, `Chromium not found at ${chromiumPath} (ANSINH_REQUIRE_BROWSER=1)`).toBe(true);
      const { chromium } = await import('playwright-core');
      const browser = await chromium.launch({
        executablePath: chromiumPath,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--no-first-run',
          '--disable-sync',
        ],
      });
      try {
        const page = await browser.newPage();
        const refused: string[] = [];
        await page.route('**/*', (route) => {
          const url = route.request().url();
          if (url.startsWith(origin) || url.startsWith('blob:') || url.startsWith('data:'))
            return route.continue();
          refused.push(url);
          return route.abort();
        });
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(String(e)));
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
