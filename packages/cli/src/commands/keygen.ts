import { constants, existsSync } from 'node:fs';
import { open, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateSigningKey } from '@ansinh/verify/node';
import { type Command, type CommandIO, EXIT_OK, UsageError } from '../command.js';

const help = `Usage: ansinh keygen --alg ES256|EdDSA --out FILE [--force]

Generates a signing key for cards, trust lists or status lists: the private JWK goes to FILE
(file mode 0600, readable by you only) and the public JWK to FILE.pub. Both carry "alg" and
"kid" (8 bytes of the key's RFC 7638 thumbprint, in hex: the kid every credential signed with
it carries).

  --alg ES256|EdDSA  ES256 (ECDSA P-256) or EdDSA (Ed25519)
  --out FILE         where to write the private key; the public key goes to FILE.pub
  --force            overwrite FILE and FILE.pub if they exist (default: refuse)

Exit codes: 0 written, 2 usage or I/O error (including FILE already existing).

Example:
  ansinh keygen --alg EdDSA --out vss-issuer.jwk
  ansinh keygen --alg ES256 --out root.jwk
`;

function parse(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: false,
      strict: true,
      options: {
        alg: { type: 'string' },
        out: { type: 'string' },
        force: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

export const keygenCommand: Command = {
  name: ['keygen'],
  summary: 'Generate a signing key (private JWK, mode 0600, and FILE.pub)',
  help,
  async run(argv: readonly string[], io: CommandIO): Promise<number> {
    const { values } = parse(argv);
    if (values.alg !== 'ES256' && values.alg !== 'EdDSA')
      throw new UsageError('--alg must be ES256 or EdDSA');
    if (values.out === undefined) throw new UsageError('--out FILE is required');
    const file = resolve(io.cwd, values.out);
    if (!values.force && existsSync(`${file}.pub`)) {
      throw new UsageError(`${values.out}.pub already exists (use --force to overwrite)`);
    }
    const { privateJwk, publicJwk } = await generateSigningKey(values.alg);
    // O_EXCL unless --force: never clobber a key by accident. The mode applies at creation,
    // so the private key is never readable by others, not even for an instant.
    const flags = values.force ? constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC : 'wx';
    let handle: Awaited<ReturnType<typeof open>>;
    try {
      handle = await open(file, flags, 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
        throw new UsageError(`${values.out} already exists (use --force to overwrite)`);
      }
      throw error;
    }
    try {
      await handle.chmod(0o600); // an overwritten file keeps its old mode otherwise
      await handle.writeFile(`${JSON.stringify(privateJwk, null, 2)}\n`);
    } finally {
      await handle.close();
    }
    await writeFile(`${file}.pub`, `${JSON.stringify(publicJwk, null, 2)}\n`, {
      flag: values.force ? 'w' : 'wx',
    });
    io.stdout.write(
      `${values.alg} key ${privateJwk.kid}\nprivate: ${values.out} (mode 0600)\npublic:  ${values.out}.pub\n`,
    );
    return EXIT_OK;
  },
};
