// Shared by the browser tests of the packages (qr, verify): find Debian's Chromium, bundle an
// entry for the browser platform, serve it from loopback, launch headless Chromium offline.
// Tests skip without Chromium, but fail instead when ANSINH_REQUIRE_BROWSER=1 (CI sets it).
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM_ARGS, defaultChromiumPath } from '../packages/qr/src/node/rasterize.js';

export const chromiumPath = defaultChromiumPath();
export const chromiumAvailable = existsSync(chromiumPath);
export const browserRequired = process.env.ANSINH_REQUIRE_BROWSER === '1';

/** Bundles `entry` (and the workspace packages it imports, from source) into one browser script. */
export async function bundleForBrowser(entry: string): Promise<string> {
  const bundle = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    conditions: ['source'],
    target: 'chrome120',
    logLevel: 'silent',
  });
  return bundle.outputFiles[0]!.text;
}

/** Serves fixed files (path → [content type, body]) on 127.0.0.1; anything else is a 404. */
export async function serveFiles(
  files: Readonly<Record<string, readonly [string, string | Uint8Array]>>,
): Promise<{ origin: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const file = files[req.url ?? ''];
    if (!file) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': file[0] }).end(file[1]);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Headless Chromium with the flags `rasterizeSvg` uses (no sandbox as root, no background network). */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: chromiumPath, args: [...CHROMIUM_ARGS] });
}

/**
 * A new page of `browser` that may load nothing but `origin` (and URLs starting with one of
 * `alsoAllowed`, such as `blob:`): every other request is refused and recorded in `refused`;
 * uncaught page errors are collected in `errors`.
 */
export async function offlinePage(
  browser: Browser,
  origin: string,
  alsoAllowed: readonly string[] = [],
): Promise<{ page: Page; refused: string[]; errors: string[] }> {
  const page = await browser.newPage();
  const refused: string[] = [];
  const errors: string[] = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || alsoAllowed.some((prefix) => url.startsWith(prefix)))
      return route.continue();
    refused.push(url);
    return route.abort();
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  return { page, refused, errors };
}
