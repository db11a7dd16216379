// Bundled by test/browser.test.ts with esbuild for the browser platform (no Node built-ins
// available) and run in headless Chromium: encode, render and scan exactly as a web page would.
import {
  encodeQr,
  renderQrPng,
  renderQrPngDataUrl,
  renderQrSvg,
  scanQr,
  scanQrImageBytes,
  setScannerWasm,
} from '../../src/index.js';

async function svgToImageData(svg: string, width: number): Promise<ImageData> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  const img = new Image();
  img.src = url;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = width;
  const ctx = canvas.getContext('2d')!;
  ctx.drawImage(img, 0, 0, width, width);
  URL.revokeObjectURL(url);
  return ctx.getImageData(0, 0, width, width);
}

async function run(text: string) {
  setScannerWasm(new URL('/zxing_reader.wasm', location.href));
  const code = encodeQr(text);
  const fromPng = await scanQrImageBytes(renderQrPng(code, { scale: 3 }));
  const fromSvg = await scanQr(await svgToImageData(renderQrSvg(code), (code.size + 8) * 4));
  const dataUrl = renderQrPngDataUrl(code);
  const img = new Image();
  img.src = dataUrl;
  await img.decode();
  return {
    version: code.version,
    modes: code.modes,
    fromPng,
    fromSvg,
    dataUrlSize: [img.naturalWidth, img.naturalHeight],
    hasBuffer: 'Buffer' in globalThis,
    hasProcess: 'process' in globalThis,
  };
}

(globalThis as unknown as { runQr: typeof run }).runQr = run;
