/**
 * `renderQrTerminal`: a QR symbol drawn with Unicode half blocks, two module rows per text line,
 * for the CLI and the demo. Subpath: `@ansinh/qr`.
 * @module
 */
import type { EncodeOptions, QrCode } from '../encode.js';
import { checkMargin, QUIET_ZONE, toQrCode } from '../lib/matrix.js';

export interface TerminalOptions extends EncodeOptions {
  /** Quiet zone in modules; default 4 (ISO/IEC 18004). */
  readonly margin?: number;
  /**
   * `true` (default) paints black on white with ANSI colours, right on any terminal theme.
   * `false` prints plain characters that draw light modules as blocks: correct on a dark
   * terminal background, inverted on a light one.
   */
  readonly color?: boolean;
}

// Index: top dark ? 2 : 0 + bottom dark ? 1 : 0.
const DARK_GLYPHS = [' ', '▄', '▀', '█'];
const LIGHT_GLYPHS = ['█', '▀', '▄', ' '];

/**
 * Renders text (or an encoded symbol) for a terminal; lines end with `\n`.
 *
 * @throws {QrError} the {@link encodeQr} codes when given text.
 * @example
 * process.stdout.write(renderQrTerminal(qrText));
 */
export function renderQrTerminal(input: string | QrCode, options: TerminalOptions = {}): string {
  const code = toQrCode(input, options);
  const margin = checkMargin(options.margin ?? QUIET_ZONE);
  const color = options.color ?? true;
  const glyphs = color ? DARK_GLYPHS : LIGHT_GLYPHS;
  const total = code.size + 2 * margin;
  const dark = (x: number, y: number): boolean => {
    const mx = x - margin;
    const my = y - margin;
    return mx >= 0 && my >= 0 && mx < code.size && my < code.size && code.modules[my * code.size + mx] === 1;
  };
  const lines: string[] = [];
  for (let y = 0; y < total; y += 2) {
    let line = '';
    for (let x = 0; x < total; x++) line += glyphs[(dark(x, y) ? 2 : 0) + (dark(x, y + 1) ? 1 : 0)];
    // Black foreground on bright-white background, reset at the end of every line.
    lines.push(color ? `\x1b[30;107m${line}\x1b[0m` : line);
  }
  return `${lines.join('\n')}\n`;
}
