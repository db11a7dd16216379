/** What a scanned QR text is. */
export type QrKind = 'ansinh-card' | 'eu-dcc' | 'citizen-id' | 'health-insurance-card' | 'unknown';

/** Whether field 0 of `text` (up to the first `|`) is exactly 12 ASCII digits. */
function startsWithPersonalId(text: string): boolean {
  if (text.length < 13 || text.charCodeAt(12) !== 124) return false;
  for (let i = 0; i < 12; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function countPipes(text: string): number {
  let n = 0;
  for (let i = text.indexOf('|'); i !== -1; i = text.indexOf('|', i + 1)) n++;
  return n;
}

/**
 * Tells the QR kinds a reception desk sees apart, so one input box can take any of them:
 * - `ansinh-card`: the signed ansinh e-card, prefix `AS1:`;
 * - `eu-dcc`: an EU digital COVID certificate, prefix `HC1:` (same wire family, not ours);
 * - `health-insurance-card`: the paper health-insurance card, `|`-separated and ending in `$`;
 * - `citizen-id`: the chip citizen-ID card, `|`-separated with 12 digits in field 0 and at least
 *   7 fields (the rules hospital systems use, vn-reference.md §4).
 *
 * Leading and trailing whitespace (scanners often add a line break) is ignored. Detection looks
 * at the shape only; parse the text to validate it.
 *
 * @example detectQrKind('AS1:6BFOXN…') // 'ansinh-card'
 */
export function detectQrKind(text: string): QrKind {
  if (typeof text !== 'string') return 'unknown';
  const t = text.trim();
  if (t.startsWith('AS1:')) return 'ansinh-card';
  if (t.startsWith('HC1:')) return 'eu-dcc';
  if (t.endsWith('$') && t.includes('|')) return 'health-insurance-card';
  if (startsWithPersonalId(t) && countPipes(t) >= 6) return 'citizen-id';
  return 'unknown';
}
