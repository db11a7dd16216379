import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { exportJsonSchemas } from '@ansinh/core';
import { type Command, type CommandIO, EXIT_OK, UsageError } from '../command.js';

const help = `Usage: ansinh schema export [--out DIR]

Writes the JSON Schema (draft 2020-12) of every record kind of the data standard, generated from
the zod schemas, for systems that are not written in TypeScript: DIR/<kind>.schema.json and
DIR/index.json (the list of kinds and files). Rules a JSON Schema cannot express (the personal
ID against the date of birth and sex, amounts against coefficients, date order…) are listed by
issue code under "x-ansinh-rules"; sensitive fields carry "x-ansinh-sensitive": true.

  --out DIR   output directory, created if missing (default: schemas)

Exit codes: 0 written, 2 usage or I/O error.

Example:
  ansinh schema export --out ./ansinh-schemas
`;

export const schemaExportCommand: Command = {
  name: ['schema', 'export'],
  summary: 'Write the JSON Schema of every record kind',
  help,
  async run(argv: readonly string[], io: CommandIO): Promise<number> {
    let out: string;
    try {
      const { values } = parseArgs({
        args: [...argv],
        strict: true,
        allowPositionals: false,
        options: { out: { type: 'string', default: 'schemas' } },
      });
      out = values.out;
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const dir = resolve(io.cwd, out);
    await mkdir(dir, { recursive: true });
    const files = exportJsonSchemas();
    for (const [name, text] of files) await writeFile(join(dir, name), text);
    io.stdout.write(`${files.size} files written to ${dir}\n`);
    return EXIT_OK;
  },
};
