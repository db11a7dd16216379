// The hc1 profile in a real browser: the default entry bundled for the browser platform (a Node
// import or global would fail here), every dgc-testdata vector verified in headless Chromium with
// the browser's own WebCrypto (ES256 and PS256) and compared with the outcomes Node gives. Fails
// instead of skipping when ANSINH_REQUIRE_BROWSER=1.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPECTED } from './dgc-expected.js';

const chromiumPath = process.env.ANSINH_CHROMIUM ?? '/usr/bin/chromium';
const available = existsSync(chromiumPath);
const required = process.env.ANSINH_REQUIRE_BROWSER === '1';

const dir = join(import.meta.dirname, '../vectors/dcc');
const vectors = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((file) => {
    const v = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    return { file, prefix: v.PREFIX, certificate: v.TESTCTX.CERTIFICATE, clock: v.TESTCTX.VALIDATIONCLOCK };
  });

let server: Server | undefined;
let origin = '';

beforeAll(async () => {
  if (!available) return;
  const bundle = await build({
    entryPoints: [join(import.meta.dirname, 'support/browser-entry.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    conditions: ['source'],
    target: 'chrome120',
    logLevel: 'silent',
  });
  const files: Record<string, [string, string]> = {
    '/': [
      'text/html; charset=utf-8',
      '<!doctype html><meta charset="utf-8"><script src="/verify.js"></script>',
    ],
    '/verify.js': ['text/javascript', bundle.outputFiles[0]!.text],
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

describe('hc1 in headless Chromium', () => {
  it.skipIf(!available && !required)(
    'verifies every dgc-testdata vector with the outcome Node gives',
    async () => {
      expect(available, `Chromium not found at ${chromiumPath} (ANSINH_REQUIRE_BROWSER=1)`).toBe(true);
      const { chromium } = await import('playwright-core');
      const browser = await chromium.launch({
        executablePath: chromiumPath,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
      });
      try {
        const page = await browser.newPage();
        // Offline: nothing but the loopback page may load.
        await page.route('**/*', (route) =>
          route.request().url().startsWith(origin) ? route.continue() : route.abort(),
        );
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(String(e)));
        await page.goto(origin);
        const results = await page.evaluate(
          (input) =>
            (
              globalThis as unknown as { verifyVectors(v: unknown): Promise<Record<string, string>> }
            ).verifyVectors(input),
          vectors,
        );
        expect(errors).toEqual([]);
        expect(results).toEqual(EXPECTED);
      } finally {
        await browser.close();
      }
    },
    120_000,
  );
});
