// The distortion grid shared by the test (decode-rate bar) and bench/qr.ts (decoders side by
// side): one list, so both measure the same images.
import { blur, contrast, jpegRoundTrip, noise, type Rgba, rotate, scale } from './distort.js';

export interface Distortion {
  readonly group: string;
  readonly name: string;
  readonly apply: (img: Rgba, seed: number) => Rgba;
}

/** Pixels per module of the undistorted image: a card QR photographed at arm's length. */
export const BASE_PIXELS_PER_MODULE = 4;

export const DISTORTIONS: readonly Distortion[] = [
  { group: 'none', name: 'clean', apply: (i) => i },
  ...[0.5, 0.75, 1.5, 2].map((f) => ({
    group: 'scale',
    name: `scale ${f}×`,
    apply: (i: Rgba) => scale(i, f),
  })),
  ...[5, 15, 30, 45].map((d) => ({
    group: 'rotation',
    name: `rotate ${d}°`,
    apply: (i: Rgba) => rotate(i, d),
  })),
  ...[10, 20, 30, 40].map((s) => ({
    group: 'noise',
    name: `noise σ=${s}`,
    apply: (i: Rgba, seed: number) => noise(i, s, seed),
  })),
  ...[0.6, 1, 1.4].map((s) => ({ group: 'blur', name: `blur σ=${s}px`, apply: (i: Rgba) => blur(i, s) })),
  ...[30, 50, 70, 90].map((q) => ({
    group: 'jpeg',
    name: `JPEG q=${q}`,
    apply: (i: Rgba) => jpegRoundTrip(i, q),
  })),
  ...(
    [
      [60, 200],
      [90, 170],
      [110, 150],
    ] as const
  ).map(([d, l]) => ({
    group: 'contrast',
    name: `contrast ${d}–${l}`,
    apply: (i: Rgba) => contrast(i, d, l),
  })),
  {
    group: 'combined',
    name: 'photo: 0.75×, 10°, blur, noise, JPEG 60',
    apply: (i, seed) => jpegRoundTrip(noise(blur(rotate(scale(i, 0.75), 10), 0.7), 10, seed), 60),
  },
  {
    group: 'combined',
    name: 'faded print: contrast, blur, 25°',
    apply: (i, seed) => rotate(noise(blur(contrast(i, 90, 180), 0.8), 8, seed), 25),
  },
];
