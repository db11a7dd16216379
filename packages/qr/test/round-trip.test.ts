// Issued card → QR text → PNG → scan → the same text, for every error-correction level and for
// payloads from the smallest card to the largest the card schema allows.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ECC_LEVELS, encodeQr } from '../src/encode.js';
import { scanImageBytes } from '../src/node/index.js';
import { renderQrPng } from '../src/render/png.js';
import { issue, MINIMAL_CARD, maximalCard, typicalCards } from './support/cards.js';

const payloads = async () => [
  { name: 'minimal card', text: await issue(MINIMAL_CARD) },
  ...(await Promise.all(
    typicalCards(2).map(async (c, i) => ({ name: `typical card ${i + 1}`, text: await issue(c) })),
  )),
  { name: 'largest card', text: await issue(maximalCard(7), 'maximal') },
];

describe('round trip: issued card → PNG → scan', () => {
  it.each(ECC_LEVELS)('returns the same text at ECC %s for every card size', async (ecc) => {
    for (const { name, text } of await payloads()) {
      expect(text.startsWith('AS1:'), name).toBe(true);
      const code = encodeQr(text, { ecc });
      expect(code.modes, name).toEqual(['alphanumeric']);
      const result = await scanImageBytes(renderQrPng(code, { scale: 3 }));
      expect(result, `${name} at ${ecc}`).toEqual({ found: true, text, version: code.version, ecc });
    }
  });

  it('covers the whole size range: the largest card needs a bigger symbol than the smallest', async () => {
    const [minimal, , , largest] = await payloads();
    expect(largest!.text.length).toBeGreaterThan(minimal!.text.length + 300);
    expect(encodeQr(largest!.text).version).toBeGreaterThan(encodeQr(minimal!.text).version);
  });

  it('reads the committed docs/card.png back to a valid ansinh credential', async () => {
    const png = await readFile(new URL('../../../docs/card.png', import.meta.url));
    const result = await scanImageBytes(new Uint8Array(png));
    expect(result.found && result.text.startsWith('AS1:')).toBe(true);
  });
});
