// Image transforms for the distortion grid, on plain RGBA arrays: what a camera, a printer and
// a compression step do to a QR code. Written here rather than taken from an image library so
// that every pixel the decoders see is explained by this file. Deterministic: noise is seeded.
import jpeg from 'jpeg-js';
import type { QrCode } from '../../src/encode.js';

export interface Rgba {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8ClampedArray;
}

/** Draws a symbol with its quiet zone at `pixelsPerModule` (may be fractional), black on white. */
export function rasterize(code: QrCode, pixelsPerModule: number, margin = 4): Rgba {
  const modulesWide = code.size + 2 * margin;
  const side = Math.round(modulesWide * pixelsPerModule);
  const data = new Uint8ClampedArray(side * side * 4);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      // Area-average each pixel over the modules it covers (a camera integrates light, too).
      const v =
        255 * (1 - coverage(code, margin, x / pixelsPerModule, y / pixelsPerModule, 1 / pixelsPerModule));
      const i = (y * side + x) * 4;
      data[i] = data[i + 1] = data[i + 2] = v;
      data[i + 3] = 255;
    }
  }
  return { width: side, height: side, data };
}

function darkAt(code: QrCode, margin: number, mx: number, my: number): number {
  const x = Math.floor(mx) - margin;
  const y = Math.floor(my) - margin;
  return x >= 0 && y >= 0 && x < code.size && y < code.size ? (code.modules[y * code.size + x] ?? 0) : 0;
}

/** Fraction of the square [x0, x0+w) × [y0, y0+w) (module units) covered by dark modules. */
function coverage(code: QrCode, margin: number, x0: number, y0: number, w: number): number {
  const steps = w > 0.5 ? 4 : 2;
  let dark = 0;
  for (let sy = 0; sy < steps; sy++)
    for (let sx = 0; sx < steps; sx++)
      dark += darkAt(code, margin, x0 + ((sx + 0.5) * w) / steps, y0 + ((sy + 0.5) * w) / steps);
  return dark / (steps * steps);
}

function lum(img: Rgba, x: number, y: number): number {
  if (x < 0 || y < 0 || x >= img.width || y >= img.height) return 255; // paper around the code
  return img.data[(y * img.width + x) * 4]!;
}

/** Bilinear sample of the luminance at a real-valued position; white outside the image. */
function sample(img: Rgba, x: number, y: number): number {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const fx = x - x0;
  const fy = y - y0;
  const top = lum(img, x0, y0) * (1 - fx) + lum(img, x0 + 1, y0) * fx;
  const bottom = lum(img, x0, y0 + 1) * (1 - fx) + lum(img, x0 + 1, y0 + 1) * fx;
  return top * (1 - fy) + bottom * fy;
}

function grey(width: number, height: number, value: (x: number, y: number) => number): Rgba {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      data[i] = data[i + 1] = data[i + 2] = value(x, y);
      data[i + 3] = 255;
    }
  }
  return { width, height, data };
}

/** Resamples by `factor` (box filter when shrinking, bilinear when enlarging). */
export function scale(img: Rgba, factor: number): Rgba {
  const width = Math.max(1, Math.round(img.width * factor));
  const height = Math.max(1, Math.round(img.height * factor));
  if (factor >= 1)
    return grey(width, height, (x, y) => sample(img, (x + 0.5) / factor - 0.5, (y + 0.5) / factor - 0.5));
  const span = 1 / factor;
  return grey(width, height, (x, y) => {
    let sum = 0;
    let n = 0;
    for (let sy = Math.floor(y * span); sy < Math.ceil((y + 1) * span); sy++)
      for (let sx = Math.floor(x * span); sx < Math.ceil((x + 1) * span); sx++) {
        sum += lum(img, sx, sy);
        n++;
      }
    return sum / n;
  });
}

/** Rotates by `degrees` about the centre onto a canvas large enough for the corners, white fill. */
export function rotate(img: Rgba, degrees: number): Rgba {
  const t = (degrees * Math.PI) / 180;
  const cos = Math.cos(t);
  const sin = Math.sin(t);
  const width = Math.ceil(Math.abs(img.width * cos) + Math.abs(img.height * sin));
  const height = Math.ceil(Math.abs(img.width * sin) + Math.abs(img.height * cos));
  const cx = img.width / 2;
  const cy = img.height / 2;
  return grey(width, height, (x, y) => {
    const dx = x + 0.5 - width / 2;
    const dy = y + 0.5 - height / 2;
    // Inverse rotation maps each output pixel back into the source.
    return sample(img, cos * dx + sin * dy + cx - 0.5, -sin * dx + cos * dy + cy - 0.5);
  });
}

/** A seeded PRNG (mulberry32), so a failing image can be reproduced exactly. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Adds Gaussian noise of standard deviation `sigma` (in 0–255 units) to every pixel. */
export function noise(img: Rgba, sigma: number, seed: number): Rgba {
  const random = rng(seed);
  const gauss = (): number => {
    // Box–Muller transform.
    const u = 1 - random();
    const v = random();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  return grey(img.width, img.height, (x, y) => lum(img, x, y) + sigma * gauss());
}

/** Gaussian blur of standard deviation `sigma` pixels (separable kernel, edges clamped to white). */
export function blur(img: Rgba, sigma: number): Rgba {
  const radius = Math.ceil(3 * sigma);
  const kernel: number[] = [];
  for (let i = -radius; i <= radius; i++) kernel.push(Math.exp(-(i * i) / (2 * sigma * sigma)));
  const total = kernel.reduce((a, b) => a + b, 0);
  const pass = (src: Rgba, dx: number, dy: number): Rgba =>
    grey(src.width, src.height, (x, y) => {
      let sum = 0;
      for (let k = -radius; k <= radius; k++) sum += kernel[k + radius]! * lum(src, x + k * dx, y + k * dy);
      return sum / total;
    });
  return pass(pass(img, 1, 0), 0, 1);
}

/** Maps black and white to `dark` and `light` grey levels (a faded print, a dim photo). */
export function contrast(img: Rgba, dark: number, light: number): Rgba {
  return grey(img.width, img.height, (x, y) => dark + ((light - dark) * lum(img, x, y)) / 255);
}

/** Encodes as JPEG at `quality` (1–100) with jpeg-js and decodes it again. */
export function jpegRoundTrip(img: Rgba, quality: number): Rgba {
  const encoded = jpeg.encode({ width: img.width, height: img.height, data: img.data }, quality);
  const decoded = jpeg.decode(encoded.data, { useTArray: true, formatAsRGBA: true });
  return { width: decoded.width, height: decoded.height, data: new Uint8ClampedArray(decoded.data) };
}
