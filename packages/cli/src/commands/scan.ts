import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { QrError } from '@ansinh/qr';
import { scanImageFile } from '@ansinh/qr/node';
import { type Command, type CommandIO, EXIT_INVALID, EXIT_OK, EXIT_USAGE, UsageError } from '../command.js';
import { parseLang } from './qr.js';

const help = `Usage: ansinh scan IMAGE [--json] [--lang vi|en]

Reads the QR code in a PNG or JPEG image (a photo, a scan, docs/card.png) and prints its text.
Decoding runs offline (ZXing-C++ compiled to WebAssembly, loaded from the installed package).

  IMAGE         a .png or .jpg/.jpeg file
  --json        print {"found", "text", "version", "ecc"} as JSON instead of the bare text
  --lang vi|en  language of messages (default vi)

Exit codes: 0 a QR code was read, 1 no readable QR code in the image, 2 usage or I/O error
(missing file, not a PNG or JPEG).

Examples:
  ansinh scan docs/card.png
  ansinh scan photo.jpg --json
`;

function parse(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: { json: { type: 'boolean', default: false }, lang: { type: 'string', default: 'vi' } },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

export const scanCommand: Command = {
  name: ['scan'],
  summary: 'Read the QR code in a PNG or JPEG image',
  help,
  async run(argv: readonly string[], io: CommandIO): Promise<number> {
    const { values, positionals } = parse(argv);
    const lang = parseLang(values.lang);
    if (positionals.length !== 1) throw new UsageError('expected exactly one IMAGE');
    let result: Awaited<ReturnType<typeof scanImageFile>>;
    try {
      result = await scanImageFile(resolve(io.cwd, positionals[0]!));
    } catch (error) {
      if ((error as QrError)?.code === 'ERR_IMAGE_FORMAT') {
        io.stderr.write(`ansinh scan: ${(error as QrError).messages[lang]}\n`);
        return EXIT_USAGE;
      }
      throw error;
    }
    if (values.json)
      io.stdout.write(
        `${JSON.stringify(result.found ? result : { found: false, code: result.code, message: result.messages[lang] })}\n`,
      );
    if (!result.found) {
      io.stderr.write(`ansinh scan: ${result.messages[lang]}\n`);
      return EXIT_INVALID;
    }
    if (!values.json) io.stdout.write(`${result.text}\n`);
    return EXIT_OK;
  },
};
