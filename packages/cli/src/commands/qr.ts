import { writeFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Lang } from '@ansinh/core';
import {
  ECC_LEVELS,
  type EccLevel,
  encodeQr,
  type QrCode,
  QrError,
  renderQrPng,
  renderQrSvg,
  renderQrTerminal,
} from '@ansinh/qr';
import { type Command, type CommandIO, EXIT_INVALID, EXIT_OK, UsageError } from '../command.js';

const FORMATS = ['svg', 'png', 'terminal'] as const;
type Format = (typeof FORMATS)[number];

const help = `Usage: ansinh qr TEXT [--format svg|png|terminal] [--ecc L|M|Q|H] [--out FILE] [--lang vi|en]

Draws TEXT as a QR code. Base45 credential texts (AS1:…, HC1:…) are encoded in alphanumeric
mode, which keeps the symbol small; a character outside that set in such a text is an error.

  TEXT              the text to encode, e.g. the output of \`ansinh issue\`
  --format FORMAT   svg, png or terminal. Default: from the --out extension (.svg, .png), else
                    terminal (half-block characters, black on white)
  --ecc LEVEL       error correction: L 7 %, M 15 %, Q 25 % (default), H 30 % recoverable
  --out FILE        write to FILE instead of standard output
  --lang vi|en      language of error messages (default vi)

The QR version, size and modes go to standard error when writing a file.
Exit codes: 0 written, 1 the text cannot be a QR code (empty, too long, not alphanumeric),
2 usage or I/O error.

Examples:
  ansinh qr 'AS1:6BFOXN*TS0BI$ZD.P9UOL97O4' --ecc M
  ansinh qr "$(cat card.qr.txt)" --out card-qr.svg
`;

function parse(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string' },
        ecc: { type: 'string', default: 'Q' },
        out: { type: 'string' },
        lang: { type: 'string', default: 'vi' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** The language option, shared by the qr, card and scan commands. */
export function parseLang(value: string | undefined): Lang {
  if (value !== 'vi' && value !== 'en') throw new UsageError(`--lang must be vi or en, not "${value}"`);
  return value;
}

export function parseEcc(value: string | undefined): EccLevel {
  const ecc = value?.toUpperCase();
  if (!ECC_LEVELS.includes(ecc as EccLevel))
    throw new UsageError(`--ecc must be one of L, M, Q, H, not "${value}"`);
  return ecc as EccLevel;
}

function chooseFormat(format: string | undefined, out: string | undefined): Format {
  if (format !== undefined) {
    if (!FORMATS.includes(format as Format))
      throw new UsageError(`--format must be svg, png or terminal, not "${format}"`);
    return format as Format;
  }
  const ext = out ? extname(out).toLowerCase() : '';
  return ext === '.svg' ? 'svg' : ext === '.png' ? 'png' : 'terminal';
}

export function describeQr(code: QrCode): string {
  return `QR version ${code.version}, ECC ${code.ecc}, ${code.size}×${code.size} modules + 4-module quiet zone, ${code.modes.join('+')} mode, ${code.text.length} characters`;
}

export const qrCommand: Command = {
  name: ['qr'],
  summary: 'Draw a QR code (SVG, PNG or terminal), alphanumeric mode for credential texts',
  help,
  async run(argv: readonly string[], io: CommandIO): Promise<number> {
    const { values, positionals } = parse(argv);
    const lang = parseLang(values.lang);
    if (positionals.length !== 1) throw new UsageError('expected exactly one TEXT');
    const ecc = parseEcc(values.ecc);
    const format = chooseFormat(values.format, values.out);
    if (format === 'png' && values.out === undefined && io.stdout.isTTY)
      throw new UsageError('PNG is binary: give --out FILE or redirect standard output');

    let code: QrCode;
    try {
      code = encodeQr(positionals[0]!, { ecc });
    } catch (error) {
      if (error instanceof QrError || (error as QrError)?.code?.startsWith?.('ERR_QR')) {
        io.stderr.write(`ansinh qr: ${(error as QrError).messages[lang]}\n`);
        return EXIT_INVALID;
      }
      throw error;
    }
    const output: string | Uint8Array =
      format === 'svg' ? renderQrSvg(code) : format === 'png' ? renderQrPng(code) : renderQrTerminal(code);
    if (values.out === undefined) {
      io.stdout.write(output);
    } else {
      await writeFile(resolve(io.cwd, values.out), output);
      io.stderr.write(`${values.out}: ${describeQr(code)}\n`);
    }
    return EXIT_OK;
  },
};
