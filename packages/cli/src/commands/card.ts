import { readFile, writeFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type AgencyCode, type Card, ISSUING_AGENCIES } from '@ansinh/core';
import { encodeQr, type QrError, renderCard } from '@ansinh/qr';
import { rasterizeSvg } from '@ansinh/qr/node';
import { type Command, type CommandIO, EXIT_INVALID, EXIT_OK, EXIT_USAGE, UsageError } from '../command.js';
import { describeQr, parseEcc, parseLang } from './qr.js';

const help = `Usage: ansinh card --claims CARD_JSON --qr TEXT --out FILE.svg|FILE.png [--lang vi|en] [--ecc L|M|Q|H] [--issuer CODE]

Draws the printable e-card at ID-1 size (85.60 × 53.98 mm): the holder's name, personal ID,
health-insurance number and benefit level, validity dates, issuing agency, and the signed QR.

  --claims CARD_JSON  the card claims: a JSON file, - for standard input, or inline JSON ({…})
  --qr TEXT           the card's QR text (AS1:…) as issued for these claims; @FILE reads it from FILE
  --out FILE          FILE.svg (vector, print-ready) or FILE.png (1011 × 638 px, 300 dpi; rendered
                      by headless Chromium: apt-get install chromium fonts-dejavu-core, or set
                      ANSINH_CHROMIUM to a Chromium binary)
  --lang vi|en        language of the labels and messages (default vi)
  --ecc LEVEL         error correction of the QR (default Q: printed cards get scratched)
  --issuer CODE       issuing agency shown on the card (${ISSUING_AGENCIES.map((a) => a.code).join(', ')}; default VSS)

Exit codes: 0 written, 1 invalid claims or QR text, 2 usage or I/O error (including no Chromium
for PNG).

Example:
  ansinh card --claims card.json --qr @card.qr.txt --out card.png
  ansinh scan card.png
`;

function parse(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: false,
      strict: true,
      options: {
        claims: { type: 'string' },
        qr: { type: 'string' },
        out: { type: 'string' },
        lang: { type: 'string', default: 'vi' },
        ecc: { type: 'string', default: 'Q' },
        issuer: { type: 'string', default: 'VSS' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

async function readStdin(io: CommandIO): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

async function readClaims(value: string, io: CommandIO): Promise<string> {
  if (value.trimStart().startsWith('{')) return value;
  if (value === '-') return readStdin(io);
  return readFile(resolve(io.cwd, value), 'utf8');
}

export const cardCommand: Command = {
  name: ['card'],
  summary: 'Draw the printable ID-1 e-card (SVG or PNG) with its signed QR',
  help,
  async run(argv: readonly string[], io: CommandIO): Promise<number> {
    const { values } = parse(argv);
    const lang = parseLang(values.lang);
    const ecc = parseEcc(values.ecc);
    if (values.claims === undefined) throw new UsageError('--claims CARD_JSON is required');
    if (values.qr === undefined) throw new UsageError('--qr TEXT is required');
    if (values.out === undefined) throw new UsageError('--out FILE.svg or FILE.png is required');
    const ext = extname(values.out).toLowerCase();
    if (ext !== '.svg' && ext !== '.png') throw new UsageError('--out must end in .svg or .png');
    const issuer = values.issuer;
    if (!ISSUING_AGENCIES.some((a) => a.code === issuer))
      throw new UsageError(`--issuer must be one of ${ISSUING_AGENCIES.map((a) => a.code).join(', ')}`);

    const qrText = values.qr.startsWith('@')
      ? (await readFile(resolve(io.cwd, values.qr.slice(1)), 'utf8')).trim()
      : values.qr;
    let card: Card;
    try {
      card = JSON.parse(await readClaims(values.claims, io)) as Card;
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error;
      io.stderr.write(
        `ansinh card: ${lang === 'vi' ? 'tệp thông tin thẻ không phải JSON hợp lệ' : 'the card claims are not valid JSON'} (${error.message})\n`,
      );
      return EXIT_INVALID;
    }

    let svg: string;
    try {
      svg = renderCard(card, qrText, { lang, ecc, issuer: issuer as AgencyCode });
    } catch (error) {
      if (!(error as QrError)?.code?.startsWith?.('ERR_QR')) throw error;
      io.stderr.write(`ansinh card: ${(error as QrError).messages[lang]}\n`);
      return EXIT_INVALID;
    }
    let output: string | Uint8Array = svg;
    if (ext === '.png') {
      try {
        output = await rasterizeSvg(svg, {
          width: 1011,
          ...(io.env.ANSINH_CHROMIUM ? { executablePath: io.env.ANSINH_CHROMIUM } : {}),
        });
      } catch (error) {
        if ((error as QrError)?.code !== 'ERR_CHROMIUM_UNAVAILABLE') throw error;
        io.stderr.write(`ansinh card: ${(error as QrError).messages[lang]}\n`);
        return EXIT_USAGE;
      }
    }
    await writeFile(resolve(io.cwd, values.out), output);
    io.stderr.write(`${values.out}: ID-1 card, ${describeQr(encodeQr(qrText, { ecc }))}\n`);
    return EXIT_OK;
  },
};
