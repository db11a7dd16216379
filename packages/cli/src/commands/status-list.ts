import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  createStatusList,
  decodeStatusListUnverified,
  getStatus,
  STATUS,
  type StatusName,
  setStatus,
  signerFromJwk,
  signStatusList,
  statusListSize,
} from '@ansinh/verify/node';
import { type Command, type CommandIO, EXIT_INVALID, EXIT_OK, UsageError } from '../command.js';
import { parseInstant, parseNonNegativeInteger, readPrivateJwk } from '../credential-files.js';

const createHelp = `Usage: ansinh status-list create --key ISSUER_PRIVATE_JWK --uri URI --iss ISSUER --size N --out FILE
                             [--bits 1|2] [--exp ISO] [--ttl SECONDS] [--iat ISO]

Writes a signed status list (IETF Token Status List, CWT form) with every entry valid. Cards
point into it with ansinh issue --status-uri URI --status-index N; verifiers given the list
report revoked and suspended cards. It must be signed by a key of the cards' issuer.

  --key FILE     the issuer's private JWK
  --uri URI      the list's URI, as cards reference it
  --iss ISSUER   the issuer whose cards it covers (e.g. VSS)
  --size N       number of entries (rounded up to a whole byte)
  --bits 1|2     1: valid/revoked; 2: also suspended (default 2)
  --exp ISO      when verifiers stop trusting this copy (default none; set one in production)
  --ttl SECONDS  how long verifiers may cache it (optional)
  --iat ISO      when it is issued (default now)
  --out FILE     the signed list (binary)

Example:
  ansinh status-list create --key vss.jwk --uri https://bhxh.example/sl/1 --iss VSS --size 100000 \\
    --exp 2026-02-01 --out status.cwt
`;

const setHelp = `Usage: ansinh status-list set FILE --key ISSUER_PRIVATE_JWK --index N[,N…] --status valid|revoked|suspended
                          [--exp ISO] [--iat ISO] [--out FILE]

Sets the status of entries in a status list and signs it again (new iat; exp moves with it, keeping
the list's lifetime, unless --exp is given). Reads FILE without checking its signature: it is
the issuer's own file.

  FILE            the list to change
  --key FILE      the issuer's private JWK
  --index N       entry index; several separated by commas
  --status S      valid, revoked or suspended (suspended needs a 2-bit list)
  --exp ISO       a new expiry instead of the moved one
  --iat ISO       when the new copy is issued (default now)
  --out FILE      where to write (default: FILE itself)

Example:
  ansinh status-list set status.cwt --key vss.jwk --index 42 --status revoked
`;

const parseCreate = (argv: readonly string[]) =>
  parseArgs({
    args: [...argv],
    allowPositionals: false,
    strict: true,
    options: {
      key: { type: 'string' },
      uri: { type: 'string' },
      iss: { type: 'string' },
      size: { type: 'string' },
      bits: { type: 'string', default: '2' },
      exp: { type: 'string' },
      ttl: { type: 'string' },
      iat: { type: 'string' },
      out: { type: 'string' },
    },
  });

const parseSet = (argv: readonly string[]) =>
  parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      key: { type: 'string' },
      index: { type: 'string' },
      status: { type: 'string' },
      exp: { type: 'string' },
      iat: { type: 'string' },
      out: { type: 'string' },
    },
  });

function parsed<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function counts(list: Parameters<typeof getStatus>[0]): string {
  const tally = [0, 0, 0, 0];
  for (let i = 0; i < statusListSize(list); i++) tally[getStatus(list, i)]! += 1;
  return `${tally[0]} valid, ${tally[1]} revoked, ${tally[2]} suspended`;
}

export const statusListCreateCommand: Command = {
  name: ['status-list', 'create'],
  summary: 'Write a signed status list with every card valid',
  help: createHelp,
  async run(argv: readonly string[], io: CommandIO): Promise<number> {
    const { values } = parsed(() => parseCreate(argv));
    for (const flag of ['key', 'uri', 'iss', 'size', 'out'] as const) {
      if (values[flag] === undefined) throw new UsageError(`--${flag} is required`);
    }
    if (values.bits !== '1' && values.bits !== '2') throw new UsageError('--bits must be 1 or 2');
    const bits = Number(values.bits) as 1 | 2;
    const size = parseNonNegativeInteger('--size', values.size as string);
    if (size < 1 || size > 64_000_000) throw new UsageError('--size must be 1 to 64,000,000');
    const iat = values.iat === undefined ? new Date() : parseInstant('--iat', values.iat);
    const exp = values.exp === undefined ? undefined : parseInstant('--exp', values.exp);
    if (exp && exp <= iat) throw new UsageError('--exp must be after --iat');
    const ttl = values.ttl === undefined ? undefined : parseNonNegativeInteger('--ttl', values.ttl);
    if (ttl === 0) throw new UsageError('--ttl must be at least 1 second');
    const signer = await signerFromJwk(await readPrivateJwk(values.key as string, io, '--key'));
    const list = createStatusList(size, bits);
    const token = await signStatusList(
      list,
      {
        uri: values.uri as string,
        iss: values.iss as string,
        iat,
        ...(exp ? { exp } : {}),
        ...(ttl ? { ttl } : {}),
      },
      signer,
    );
    await writeFile(resolve(io.cwd, values.out as string), token);
    io.stdout.write(
      `${values.out}: ${statusListSize(list)} entries of ${bits} bit(s) for ${values.uri}, ${counts(list)}\n`,
    );
    return EXIT_OK;
  },
};

export const statusListSetCommand: Command = {
  name: ['status-list', 'set'],
  summary: 'Set card statuses (valid, revoked, suspended) in a status list and sign it again',
  help: setHelp,
  async run(argv: readonly string[], io: CommandIO): Promise<number> {
    const { values, positionals } = parsed(() => parseSet(argv));
    if (positionals.length !== 1) throw new UsageError('expected exactly one FILE');
    if (values.key === undefined) throw new UsageError('--key is required');
    if (values.index === undefined) throw new UsageError('--index N is required');
    const status = values.status as StatusName;
    if (!(status in STATUS)) throw new UsageError('--status must be valid, revoked or suspended');
    const indexes = values.index.split(',').map((n) => parseNonNegativeInteger('--index', n.trim()));
    const file = positionals[0] as string;
    let token: ReturnType<typeof decodeStatusListUnverified>;
    try {
      token = decodeStatusListUnverified(new Uint8Array(await readFile(resolve(io.cwd, file))));
    } catch (error) {
      const e = error as { code?: string; message: string };
      if (!e.code?.startsWith('ERR_')) throw error;
      io.stderr.write(`ansinh status-list set: ${file}: ${e.message} [${e.code}]\n`);
      return EXIT_INVALID;
    }
    const { list } = token;
    if (token.iss === undefined)
      throw new UsageError(`${file} names no issuer (iss); re-create it with status-list create`);
    if (status === 'suspended' && list.bits === 1)
      throw new UsageError(`${file} is a 1-bit list: it cannot hold "suspended"`);
    for (const i of indexes) {
      if (i >= statusListSize(list))
        throw new UsageError(`--index ${i} is outside the list (0 to ${statusListSize(list) - 1})`);
      setStatus(list, i, status);
    }
    const iat = values.iat === undefined ? new Date() : parseInstant('--iat', values.iat);
    const iatSeconds = Math.floor(iat.getTime() / 1000);
    const exp =
      values.exp !== undefined
        ? parseInstant('--exp', values.exp)
        : token.exp === undefined
          ? undefined
          : new Date((iatSeconds + (token.exp - token.iat)) * 1000);
    if (exp && exp <= iat) throw new UsageError('--exp must be after --iat');
    const signer = await signerFromJwk(await readPrivateJwk(values.key, io, '--key'));
    const bytes = await signStatusList(
      list,
      {
        uri: token.uri,
        iss: token.iss,
        iat,
        ...(exp ? { exp } : {}),
        ...(token.ttl === undefined ? {} : { ttl: token.ttl }),
      },
      signer,
    );
    const out = values.out ?? file;
    await writeFile(resolve(io.cwd, out), bytes);
    io.stdout.write(
      `${out}: ${indexes.length} entr${indexes.length === 1 ? 'y' : 'ies'} set to ${status}; ${counts(list)}\n`,
    );
    return EXIT_OK;
  },
};
