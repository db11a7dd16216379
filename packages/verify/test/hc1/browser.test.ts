// The hc1 profile in a real browser: the default entry bundled for the browser platform (a Node
// import or global would fail here), every dgc-testdata vector verified in headless Chromium with
// the browser's own WebCrypto (ES256 and PS256) and compared with the outcomes Node gives. Fails
// instead of skipping when ANSINH_REQUIRE_BROWSER=1.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserRequired,
  bundleForBrowser,
  chromiumAvailable,
  chromiumPath,
  launchChromium,
  offlinePage,
  serveFiles,
} from '../../../../test-support/browser.js';
import { EXPECTED } from './dgc-expected.js';

const dir = join(import.meta.dirname, '../vectors/dcc');
const vectors = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((file) => {
    const v = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    return { file, prefix: v.PREFIX, certificate: v.TESTCTX.CERTIFICATE, clock: v.TESTCTX.VALIDATIONCLOCK };
  });

let server: Awaited<ReturnType<typeof serveFiles>> | undefined;
let origin = '';

beforeAll(async () => {
  if (!chromiumAvailable) return;
  const js = await bundleForBrowser(join(import.meta.dirname, 'support/browser-entry.ts'));
  server = await serveFiles({
    '/': [
      'text/html; charset=utf-8',
      '<!doctype html><meta charset="utf-8"><script src="/verify.js"></script>',
    ],
    '/verify.js': ['text/javascript', js],
  });
  origin = server.origin;
}, 60_000);

afterAll(async () => {
  await server?.close();
});

describe('hc1 in headless Chromium', () => {
  it.skipIf(!chromiumAvailable && !browserRequired)(
    'verifies every dgc-testdata vector with the outcome Node gives',
    async () => {
      expect(chromiumAvailable, `Chromium not found at ${chromiumPath} (ANSINH_REQUIRE_BROWSER=1)`).toBe(
        true,
      );
      const browser = await launchChromium();
      try {
        // Offline: nothing but the loopback page may load.
        const { page, refused, errors } = await offlinePage(browser, origin);
        await page.goto(origin);
        const results = await page.evaluate(
          (input) =>
            (
              globalThis as unknown as { verifyVectors(v: unknown): Promise<Record<string, string>> }
            ).verifyVectors(input),
          vectors,
        );
        expect(errors).toEqual([]);
        expect(refused).toEqual([]);
        expect(results).toEqual(EXPECTED);
      } finally {
        await browser.close();
      }
    },
    120_000,
  );
});
