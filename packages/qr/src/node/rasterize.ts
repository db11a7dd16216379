import { access } from 'node:fs/promises';
import { QrError } from '../errors.js';

export interface RasterizeOptions {
  /** Output width in pixels; the height follows the SVG's aspect ratio. Default 1011 (ID-1 at 300 dpi). */
  readonly width?: number;
  /** Chromium binary; default `$ANSINH_CHROMIUM`, else `/usr/bin/chromium`. */
  readonly executablePath?: string;
}

/** The Chromium binary when none is named: `$ANSINH_CHROMIUM`, else Debian's `/usr/bin/chromium`. */
export const defaultChromiumPath = (): string => process.env.ANSINH_CHROMIUM ?? '/usr/bin/chromium';

// Flags for a headless, offline, single-shot render on a shared machine (the browser tests
// launch with the same ones).
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/** The SVG's width/height ratio from its `viewBox`. */
function aspect(svg: string): number {
  const box = /viewBox="([\d.\s-]+)"/.exec(svg)?.[1]?.trim().split(/\s+/).map(Number);
  const [, , w, h] = box ?? [];
  return w && h ? w / h : 1;
}

/**
 * Renders an SVG document to PNG bytes in headless Chromium (driven by playwright-core, an
 * optional peer dependency): the way to check a card as a person sees it, and to print it
 * where only PNG is accepted. Text is shaped by the system's fonts, so install fonts with
 * Vietnamese glyphs (Debian: `fonts-dejavu-core` or `fonts-noto-core`).
 *
 * @throws {QrError} `ERR_CHROMIUM_UNAVAILABLE` when playwright-core or the browser is missing.
 * @example
 * const png = await rasterizeSvg(renderCard(card, qrText), { width: 1011 });
 */
export async function rasterizeSvg(svg: string, options: RasterizeOptions = {}): Promise<Uint8Array> {
  const width = options.width ?? 1011;
  if (!Number.isInteger(width) || width < 16 || width > 8000)
    throw new RangeError(`width must be an integer from 16 to 8000 pixels (got ${width})`);
  const executablePath = options.executablePath ?? defaultChromiumPath();
  let chromium: typeof import('playwright-core').chromium;
  try {
    ({ chromium } = await import('playwright-core'));
    await access(executablePath);
  } catch (error) {
    throw new QrError(
      'ERR_CHROMIUM_UNAVAILABLE',
      { details: String((error as Error).message ?? error) },
      { cause: error },
    );
  }
  let browser: Awaited<ReturnType<typeof chromium.launch>>;
  try {
    browser = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS] });
  } catch (error) {
    throw new QrError(
      'ERR_CHROMIUM_UNAVAILABLE',
      { details: String((error as Error).message ?? error) },
      { cause: error },
    );
  }
  try {
    const height = Math.round(width / aspect(svg));
    const page = await browser.newPage({ viewport: { width, height } });
    // The SVG fills the viewport exactly; no network is involved (setContent, inline markup).
    const sized = svg.replace(
      /<svg\b([^>]*?)\swidth="[^"]*"\s+height="[^"]*"/,
      `<svg$1 width="${width}" height="${height}"`,
    );
    await page.setContent(
      `<!doctype html><html><head><meta charset="utf-8"><style>html,body{margin:0;background:transparent}svg{display:block}</style></head><body>${sized}</body></html>`,
    );
    await page.evaluate(() => document.fonts.ready);
    return new Uint8Array(
      await page.screenshot({ type: 'png', omitBackground: true, clip: { x: 0, y: 0, width, height } }),
    );
  } finally {
    await browser.close();
  }
}
