// QR benchmark: card QR rendering (SVG, PNG) against the qrcode library's own renderers; scan
// time and decode rate of zxing-wasm (ansinh's decoder) against jsQR on the same distorted
// images; the QR version of typical cards and what in the credential costs the space.
//
//   pnpm bench:qr        (= node --conditions=source --import tsx bench/qr.ts)
import { encodeCardClaims } from '@ansinh/core';
import { encodeQr, renderQrPng, renderQrSvg } from '@ansinh/qr';
import { loadScanner, scanImageData } from '@ansinh/qr/node';
import { deflateZlib, encodeCbor, issueCard } from '@ansinh/verify';
import jsQRModule from 'jsqr';
import QRCode from 'qrcode';
import {
  issue,
  issuerSigner,
  MINIMAL_CARD,
  maximalCard,
  typicalCards,
} from '../packages/qr/test/support/cards.js';
import { rasterize } from '../packages/qr/test/support/distort.js';
import { BASE_PIXELS_PER_MODULE, DISTORTIONS } from '../packages/qr/test/support/grid.js';

// jsqr is CommonJS typed as an ES module with a default export: take the function either way.
const jsQR = ('default' in jsQRModule
  ? jsQRModule.default
  : jsQRModule) as unknown as typeof jsQRModule.default;

const out = (line = '') => process.stdout.write(`${line}\n`);

/** Runs `fn` repeatedly for about `ms` milliseconds; operations per second. */
async function opsPerSecond(fn: () => unknown, ms = 1500): Promise<number> {
  for (let i = 0; i < 20; i++) await fn(); // warm-up
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < ms) {
    await fn();
    n++;
  }
  return (n * 1000) / (performance.now() - start);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const cards = typicalCards(3);
// The typical card of the figures: the first generated one with a health-insurance block.
const typicalCard = typicalCards(20).find((c) => c.healthInsurance) ?? cards[0]!;
const typicalText = await issue(typicalCard);

// 1. Rendering a typical card's QR (ECC Q, with a status-list entry and a card id).
out(
  `# Rendering the QR of a typical card (${typicalText.length} characters, ECC Q, version ${encodeQr(typicalText).version})`,
);
const svgAnsinh = await opsPerSecond(() => renderQrSvg(typicalText));
const svgBaseline = await opsPerSecond(() =>
  QRCode.toString(typicalText, { type: 'svg', errorCorrectionLevel: 'Q' }),
);
const pngAnsinh = await opsPerSecond(() => renderQrPng(typicalText, { scale: 8 }));
const pngBaseline = await opsPerSecond(() =>
  QRCode.toBuffer(typicalText, { type: 'png', errorCorrectionLevel: 'Q', scale: 8 }),
);
out('| output | ansinh (/s) | qrcode library (/s) | ratio |');
out('| --- | ---: | ---: | ---: |');
out(
  `| SVG string | ${svgAnsinh.toFixed(0)} | ${svgBaseline.toFixed(0)} | ${(svgAnsinh / svgBaseline).toFixed(2)} |`,
);
out(
  `| PNG bytes, 8 px/module | ${pngAnsinh.toFixed(0)} | ${pngBaseline.toFixed(0)} | ${(pngAnsinh / pngBaseline).toFixed(2)} |`,
);
out();

// 2. Scanning: the same distorted images for both decoders, at every ECC level.
await loadScanner();
const texts = [
  await issue(MINIMAL_CARD),
  ...(await Promise.all(cards.map((c) => issue(c)))),
  await issue(maximalCard(), 'maximal'),
];
out(`# Scanning: ${texts.length} issued cards × ${DISTORTIONS.length} distortions per ECC level`);
out('| ECC | decoder | decoded | median ms | p95 ms |');
out('| --- | --- | ---: | ---: | ---: |');
const perDistortion = new Map<string, { zx: number; js: number; n: number }>();
for (const ecc of ['L', 'M', 'Q', 'H'] as const) {
  const times = { zx: [] as number[], js: [] as number[] };
  const hits = { zx: 0, js: 0 };
  for (const [t, text] of texts.entries()) {
    const base = rasterize(encodeQr(text, { ecc }), BASE_PIXELS_PER_MODULE);
    for (const [i, d] of DISTORTIONS.entries()) {
      const img = d.apply(base, 1000 * t + i);
      let start = performance.now();
      const z = await scanImageData(img);
      times.zx.push(performance.now() - start);
      start = performance.now();
      const j = jsQR(img.data, img.width, img.height, { inversionAttempts: 'dontInvert' });
      times.js.push(performance.now() - start);
      const zOk = z.found && z.text === text;
      const jOk = j?.data === text;
      hits.zx += zOk ? 1 : 0;
      hits.js += jOk ? 1 : 0;
      if (ecc === 'Q') {
        const row = perDistortion.get(d.name) ?? { zx: 0, js: 0, n: 0 };
        perDistortion.set(d.name, { zx: row.zx + (zOk ? 1 : 0), js: row.js + (jOk ? 1 : 0), n: row.n + 1 });
      }
    }
  }
  const n = times.zx.length;
  for (const [name, key] of [
    ['zxing-wasm (ansinh)', 'zx'],
    ['jsQR 1.4.0', 'js'],
  ] as const) {
    const sorted = times[key].sort((a, b) => a - b);
    out(
      `| ${ecc} | ${name} | ${hits[key]}/${n} (${((100 * hits[key]) / n).toFixed(1)} %) | ${percentile(sorted, 50).toFixed(1)} | ${percentile(sorted, 95).toFixed(1)} |`,
    );
  }
}
out();
out('# Decode rate per distortion at ECC Q');
out('| distortion | zxing-wasm | jsQR |');
out('| --- | ---: | ---: |');
for (const [name, r] of perDistortion) out(`| ${name} | ${r.zx}/${r.n} | ${r.js}/${r.n} |`);
out();

// 3. Symbol size of typical cards, and where the bytes go.
const signer = await issuerSigner();
const base = {
  signer,
  iss: 'VSS',
  iat: new Date('2026-01-01T00:00:00Z'),
  exp: new Date('2031-01-01T00:00:00Z'),
};
const withStatus = {
  ...base,
  cti: new Uint8Array(8),
  status: { idx: 123_456, uri: 'https://bhxh.gov.vn/sl/1' },
};
const variants = [
  ['minimal card, no status/cti', await issueCard(MINIMAL_CARD, base)],
  ['typical card, no status/cti', await issueCard(typicalCard, base)],
  ['typical card + 8-byte cti + status-list entry', await issueCard(typicalCard, withStatus)],
  ['largest card the schema allows + status', await issue(maximalCard(), 'maximal')],
] as const;
out('# QR version by card');
out('| credential | characters | version at M | version at Q |');
out('| --- | ---: | ---: | ---: |');
for (const [name, text] of variants)
  out(
    `| ${name} | ${text.length} | ${encodeQr(text, { ecc: 'M' }).version} | ${encodeQr(text, { ecc: 'Q' }).version} |`,
  );
out();

const cardMap = encodeCardClaims(typicalCard);
const fieldNames: Record<number, string> = {
  1: 'type',
  2: 'personal ID (text)',
  3: 'name (UTF-8)',
  4: 'date of birth (day number)',
  5: 'sex',
  6: 'social-insurance number (text)',
  7: 'health-insurance block',
  8: 'programmes',
};
const bytes = (text: string) =>
  Math.floor(((text.length - 4) / 3) * 2) + ((text.length - 4) % 3 === 2 ? 1 : 0);
out('# Where the bytes of a typical card go (before base45, which turns 2 bytes into 3 characters)');
out('| part | bytes |');
out('| --- | ---: |');
out('| ES256 signature (r‖s) | 64 |');
out('| kid in the protected header | 8 |');
for (const [key, value] of cardMap)
  out(`| card map ${key}: ${fieldNames[key as number] ?? key} | ${encodeCbor(value).length + 1} |`);
out(`| card map, whole (CBOR) | ${encodeCbor(cardMap).length} |`);
out(`| card map, deflated alone | ${deflateZlib(encodeCbor(cardMap)).length} |`);
out(`| status-list entry + 8-byte cti | ${bytes(variants[2][1]) - bytes(variants[1][1])} |`);
out(`| whole credential, deflated, no status/cti | ${bytes(variants[1][1])} |`);
out(`| whole credential, deflated, with status/cti | ${bytes(variants[2][1])} |`);
let chars = 0; // base45 characters after the prefix that still fit version 12 at Q
while (encodeQr(`AS1:${'A'.repeat(chars + 1)}`, { ecc: 'Q' }).version <= 12) chars++;
out(`| what version 12 at Q holds | ${Math.floor(chars / 3) * 2} |`);
