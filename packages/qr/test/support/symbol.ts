// Reads facts back out of a QR module matrix the way a decoder does (ISO/IEC 18004 §7.9, §7.7.3),
// so tests can check what is really in the symbol, not what the encoder says it did.
import type { QrCode } from '../../src/encode.js';

const MASKS: readonly ((i: number, j: number) => boolean)[] = [
  (i, j) => (i + j) % 2 === 0,
  (i) => i % 2 === 0,
  (_, j) => j % 3 === 0,
  (i, j) => (i + j) % 3 === 0,
  (i, j) => (Math.floor(i / 2) + Math.floor(j / 3)) % 2 === 0,
  (i, j) => ((i * j) % 2) + ((i * j) % 3) === 0,
  (i, j) => (((i * j) % 2) + ((i * j) % 3)) % 2 === 0,
  (i, j) => (((i + j) % 2) + ((i * j) % 3)) % 2 === 0,
];
const ECC_BITS = { 1: 'L', 0: 'M', 3: 'Q', 2: 'H' } as const;

const at = (code: QrCode, row: number, col: number): number => code.modules[row * code.size + col]!;

/** The format information (level and mask) from the copy beside the top-left finder, column 8. */
export function readFormat(code: QrCode): { ecc: 'L' | 'M' | 'Q' | 'H'; mask: number } {
  let bits = 0;
  for (let i = 0; i < 15; i++) {
    const row = i < 6 ? i : i < 8 ? i + 1 : code.size - 15 + i;
    bits |= at(code, row, 8) << i;
  }
  const format = bits ^ 0x5412;
  return { ecc: ECC_BITS[(format >> 13) as 0 | 1 | 2 | 3], mask: (format >> 10) & 7 };
}

/**
 * The 4-bit mode indicator of the first segment: the first four data modules in placement order
 * (bottom-right corner, right column first, upwards), unmasked. 0b0010 is alphanumeric,
 * 0b0100 byte, 0b0001 numeric.
 */
export function readFirstModeIndicator(code: QrCode): number {
  const { mask } = readFormat(code);
  const n = code.size - 1;
  const cells: [number, number][] = [
    [n, n],
    [n, n - 1],
    [n - 1, n],
    [n - 1, n - 1],
  ];
  let indicator = 0;
  for (const [row, col] of cells)
    indicator = (indicator << 1) | (at(code, row, col) ^ (MASKS[mask]!(row, col) ? 1 : 0));
  return indicator;
}
