// Regenerates docs/card.png (and docs/card.svg): a synthetic holder's card, signed by a fresh
// ES256 issuer key with @ansinh/verify's issueCard, drawn by renderCard and rasterised in
// headless Chromium at 300 dpi (1011 × 638 px).
//
//   node --conditions=source --import tsx packages/qr/scripts/render-card.ts [--lang en]
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { type Card, generateRecords } from '@ansinh/core';
import { issueCard, signerFromJwk } from '@ansinh/verify';
import { renderCard } from '../src/card.js';
import { rasterizeSvg, scanImageBytes } from '../src/node/index.js';

const { values } = parseArgs({ options: { lang: { type: 'string', default: 'vi' } } });
const lang = values.lang === 'en' ? 'en' : 'vi';

// A synthetic holder from core's generator (seed 1): the first card with a health-insurance block.
// The personal ID, SI and card numbers are well-formed but belong to no one.
const card = [...generateRecords('card', { seed: 1, count: 20 })].find(
  (c) => 'healthInsurance' in c,
) as unknown as Card;

const pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
  'sign',
  'verify',
])) as CryptoKeyPair;
const signer = await signerFromJwk(await crypto.subtle.exportKey('jwk', pair.privateKey));
const qrText = await issueCard(card, {
  signer,
  iss: 'VSS',
  iat: new Date('2026-01-01T00:00:00Z'),
  exp: new Date('2031-01-01T00:00:00Z'),
});

const svg = renderCard(card, qrText, { lang });
const png = await rasterizeSvg(svg, { width: 1011 });
const suffix = lang === 'vi' ? '' : `-${lang}`;
const docs = new URL('../../../docs/', import.meta.url);
await writeFile(new URL(`card${suffix}.svg`, docs), svg);
await writeFile(new URL(`card${suffix}.png`, docs), png);

// The card is only done if a scanner reads it back.
const scanned = await scanImageBytes(png);
if (!scanned.found || scanned.text !== qrText)
  throw new Error('the rendered card does not scan back to its QR text');
process.stdout.write(
  `docs/card${suffix}.png: ${png.length} bytes, QR text ${qrText.length} characters, scans back\n`,
);
