/**
 * `renderQrSvg`: a QR symbol as a standalone SVG string, built without DOM or canvas so it
 * runs the same in Node, workers and browsers. Subpath: `@ansinh/qr`.
 * @module
 */
import type { EncodeOptions, QrCode } from '../encode.js';
import { checkMargin, darkModulesPath, QUIET_ZONE, toQrCode } from '../lib/matrix.js';
import { escapeXml } from '../lib/xml.js';

export interface SvgOptions extends EncodeOptions {
  /** Quiet zone in modules; default 4 (ISO/IEC 18004). Less than 4 makes scanners struggle. */
  readonly margin?: number;
  /** CSS length for `width` and `height`, e.g. `'30mm'`; default 4 px per module. */
  readonly size?: string;
  /** Colour of the dark modules; default `#000`. */
  readonly dark?: string;
  /** Background colour; default `#fff`. `'none'` leaves it transparent. */
  readonly light?: string;
}

/**
 * Renders text (or an encoded symbol) as an SVG document string.
 *
 * @throws {QrError} the {@link encodeQr} codes when given text.
 * @example
 * const svg = renderQrSvg('AS1:6BFOXN*TS0BI$ZD.P9UOL97O4', { ecc: 'Q', size: '30mm' });
 * // '<svg xmlns="http://www.w3.org/2000/svg" width="30mm" height="30mm" viewBox="0 0 37 37" …'
 */
export function renderQrSvg(input: string | QrCode, options: SvgOptions = {}): string {
  const code = toQrCode(input, options);
  const margin = checkMargin(options.margin ?? QUIET_ZONE);
  const total = code.size + 2 * margin;
  const size = escapeXml(options.size ?? String(total * 4));
  const dark = escapeXml(options.dark ?? '#000');
  const light = options.light ?? '#fff';
  const background =
    light === 'none' ? '' : `<rect width="${total}" height="${total}" fill="${escapeXml(light)}"/>`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${total} ${total}" shape-rendering="crispEdges">` +
    background +
    `<path fill="${dark}" d="${darkModulesPath(code, margin)}"/></svg>\n`
  );
}
