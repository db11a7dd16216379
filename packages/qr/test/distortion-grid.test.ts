// The distortion grid: real issued cards, drawn as a camera would see them and then scaled,
// rotated, blurred, noised, JPEG-compressed and faded. Prints the decode rate per distortion;
// the issue's bar is ≥ 99 % overall at error-correction level Q.
import { describe, expect, it } from 'vitest';
import { type EccLevel, encodeQr } from '../src/encode.js';
import { scanImageData } from '../src/node/index.js';
import { issue, MINIMAL_CARD, maximalCard, typicalCards } from './support/cards.js';
import { rasterize } from './support/distort.js';
import { BASE_PIXELS_PER_MODULE, DISTORTIONS } from './support/grid.js';

async function runGrid(texts: readonly string[], ecc: EccLevel) {
  const rows = DISTORTIONS.map((d) => ({ ...d, decoded: 0, total: 0 }));
  for (const [t, text] of texts.entries()) {
    const base = rasterize(encodeQr(text, { ecc }), BASE_PIXELS_PER_MODULE);
    for (const [i, row] of rows.entries()) {
      const result = await scanImageData(row.apply(base, 1000 * t + i));
      row.total++;
      if (result.found && result.text === text) row.decoded++;
    }
  }
  const decoded = rows.reduce((n, r) => n + r.decoded, 0);
  const total = rows.reduce((n, r) => n + r.total, 0);
  const lines = rows.map((r) => `  ${r.name.padEnd(42)} ${String(r.decoded).padStart(3)}/${r.total}`);
  // A table in the test output is the point of this test: the issue asks for the rate per distortion.
  console.log(
    `Decode rate at ECC ${ecc}, ${texts.length} cards × ${rows.length} distortions (zxing-wasm):\n${lines.join('\n')}\n  ${'overall'.padEnd(42)} ${decoded}/${total} = ${((100 * decoded) / total).toFixed(1)} %`,
  );
  return { decoded, total, rows };
}

describe('distortion grid', () => {
  it('decodes ≥ 99 % of distorted images of issued cards at ECC Q', async () => {
    const texts = [
      await issue(MINIMAL_CARD),
      ...(await Promise.all(typicalCards(3).map((c) => issue(c)))),
      await issue(maximalCard(), 'maximal'),
    ];
    const { decoded, total, rows } = await runGrid(texts, 'Q');
    expect(total).toBe(texts.length * DISTORTIONS.length);
    expect(decoded / total).toBeGreaterThanOrEqual(0.99);
    // Undistorted images must all decode: a failure there is a bug, not a hard image.
    expect(rows[0]).toMatchObject({ name: 'clean', decoded: texts.length });
  });
});
