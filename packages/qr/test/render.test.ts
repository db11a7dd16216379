import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { encodeQr, type QrCode } from '../src/encode.js';
import { renderQrPng, renderQrPngBlob, renderQrPngDataUrl } from '../src/render/png.js';
import { renderQrSvg } from '../src/render/svg.js';
import { renderQrTerminal } from '../src/render/terminal.js';
import { base45Text } from './support/texts.js';

const code = encodeQr(base45Text(300, 11));

/** Rebuilds the module matrix (quiet zone included) from the SVG path's `M x y h w …` runs. */
function matrixFromSvg(svg: string, total: number): Uint8Array {
  const d = /<path[^>]* d="([^"]*)"/.exec(svg)?.[1] ?? '';
  const out = new Uint8Array(total * total);
  for (const [, x, y, w] of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g)) {
    for (let i = 0; i < Number(w); i++) out[Number(y) * total + Number(x) + i] = 1;
  }
  return out;
}

function withQuietZone(qr: QrCode, margin: number): Uint8Array {
  const total = qr.size + 2 * margin;
  const out = new Uint8Array(total * total);
  for (let y = 0; y < qr.size; y++)
    for (let x = 0; x < qr.size; x++) out[(y + margin) * total + x + margin] = qr.modules[y * qr.size + x]!;
  return out;
}

describe('renderQrSvg', () => {
  it('draws exactly the symbol with a 4-module quiet zone', () => {
    const svg = renderQrSvg(code);
    const total = code.size + 8;
    expect(svg).toContain(`viewBox="0 0 ${total} ${total}"`);
    expect(svg).toContain(`width="${total * 4}"`);
    expect(matrixFromSvg(svg, total)).toEqual(withQuietZone(code, 4));
  });

  it('takes text directly, a CSS size, a margin and colours (escaped)', () => {
    const svg = renderQrSvg('HELLO', { size: '30mm', margin: 2, dark: '#1a237e', light: 'none', ecc: 'H' });
    const qr = encodeQr('HELLO', { ecc: 'H' });
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="30mm" height="30mm"/);
    expect(svg).not.toContain('<rect');
    expect(svg).toContain('fill="#1a237e"');
    expect(matrixFromSvg(svg, qr.size + 4)).toEqual(withQuietZone(qr, 2));
    expect(renderQrSvg('A', { dark: '"/><script>' })).toContain('fill="&quot;/&gt;&lt;script&gt;"');
  });

  it('rejects a bad margin with RangeError', () => {
    expect(() => renderQrSvg('A', { margin: -1 })).toThrow(RangeError);
    expect(() => renderQrSvg('A', { margin: 1.5 })).toThrow(RangeError);
  });
});

describe('renderQrPng', () => {
  it('writes a valid PNG (pngjs checks CRCs and zlib) whose pixels are the modules', () => {
    const scale = 3;
    const png = PNG.sync.read(Buffer.from(renderQrPng(code, { scale })));
    const total = code.size + 8;
    expect(png.width).toBe(total * scale);
    const modules = withQuietZone(code, 4);
    const expected = new Uint8Array(png.width * png.height);
    const actual = new Uint8Array(png.width * png.height);
    for (let y = 0; y < png.height; y++) {
      for (let x = 0; x < png.width; x++) {
        expected[y * png.width + x] = modules[Math.floor(y / scale) * total + Math.floor(x / scale)]
          ? 0
          : 255;
        actual[y * png.width + x] = png.data[(y * png.width + x) * 4]!;
      }
    }
    expect(actual).toEqual(expected);
  });

  it('handles widths that are not a multiple of 8 pixels', () => {
    const qr = encodeQr('A'); // 21 modules + 8 = 29 px at scale 1
    const png = PNG.sync.read(Buffer.from(renderQrPng(qr, { scale: 1 })));
    expect(png.width).toBe(29);
    expect(png.data[(4 * 29 + 4) * 4]).toBe(0); // the finder's top-left corner
    expect(png.data[(4 * 29 + 28) * 4]).toBe(255); // quiet zone at the row's end
  });

  it('rejects a bad scale with RangeError', () => {
    expect(() => renderQrPng('A', { scale: 0 })).toThrow(RangeError);
    expect(() => renderQrPng('A', { scale: 2.5 })).toThrow(RangeError);
  });

  it('gives the same bytes as a data URL and as a Blob', async () => {
    const png = renderQrPng(code);
    const url = renderQrPngDataUrl(code);
    expect(url.startsWith('data:image/png;base64,')).toBe(true);
    expect(new Uint8Array(Buffer.from(url.slice(22), 'base64'))).toEqual(png);
    const blob = renderQrPngBlob(code);
    expect(blob.type).toBe('image/png');
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(png);
  });
});

describe('renderQrTerminal', () => {
  /** Rebuilds the matrix from half-block glyphs (top, bottom) per character. */
  function matrixFromTerminal(text: string, total: number, dark: readonly string[]): Uint8Array {
    const lines = text
      .replace(/\x1b\[[0-9;]*m/g, '')
      .split('\n')
      .filter(Boolean);
    const out = new Uint8Array(total * total);
    lines.forEach((line, row) => {
      [...line].forEach((ch, x) => {
        const i = dark.indexOf(ch);
        if (i & 2) out[2 * row * total + x] = 1;
        if (i & 1 && 2 * row + 1 < total) out[(2 * row + 1) * total + x] = 1;
      });
    });
    return out;
  }

  it('draws two module rows per line, black on white with ANSI colours', () => {
    const text = renderQrTerminal(code);
    const total = code.size + 8;
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(Math.ceil(total / 2));
    expect(lines.every((l) => l.startsWith('\x1b[30;107m') && l.endsWith('\x1b[0m'))).toBe(true);
    expect(matrixFromTerminal(text, total, [' ', '▄', '▀', '█'])).toEqual(withQuietZone(code, 4));
  });

  it('without colour, draws light modules as blocks (for dark terminals)', () => {
    const text = renderQrTerminal(code, { color: false });
    expect(text).not.toContain('\x1b[');
    expect(matrixFromTerminal(text, code.size + 8, ['█', '▀', '▄', ' '])).toEqual(withQuietZone(code, 4));
  });
});
