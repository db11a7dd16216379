import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CARD_TYPES } from '@ansinh/core';
import {
  createTrustList,
  importPublicKey,
  kidFromPublicKey,
  signerFromJwk,
  type TrustListKeyInput,
} from '@ansinh/verify/node';
import { type Command, type CommandIO, EXIT_OK, UsageError } from '../command.js';
import { parseInstant, parseNonNegativeInteger, readKeyInput, readPrivateJwk } from '../credential-files.js';

const help = `Usage: ansinh trust-list create --root-key ROOT_PRIVATE_JWK --seq N --exp ISO --out FILE
                            --entry KEY_FILE,ISSUER,USAGE,VALID_FROM,VALID_TO [--entry …]
                            [--iss NAME] [--iat ISO]

Writes a trust list signed by a root key: the issuer keys verifiers accept, each with its issuer
(the cards' iss), validity window (checked at the card's iat) and usage (card types). Verifiers
pin the root's public key and refuse a list with a lower --seq than the one they hold.

  --root-key FILE  the root's private JWK (ansinh keygen); verifiers pin FILE.pub
  --seq N          sequence number: raise it with every new list
  --exp ISO        when verifiers stop accepting this list
  --entry SPEC     one issuer key, comma-separated: the public key file (JWK, PEM), the issuer
                   code, the card types it may sign (${CARD_TYPES.join('+')}, or all), valid from, valid to
  --out FILE       the signed list (COSE_Sign1, binary)
  --iss NAME       who publishes the list (default ANSINH-ROOT)
  --iat ISO        issued-at (default now)

Exit codes: 0 written, 2 usage or I/O error.

Example:
  ansinh keygen --alg EdDSA --out root.jwk
  ansinh keygen --alg ES256 --out vss.jwk
  ansinh trust-list create --root-key root.jwk --seq 1 --exp 2027-01-01 --out trust.cbor \\
    --entry vss.jwk.pub,VSS,all,2025-01-01,2030-01-01
  ansinh verify - --trust-list trust.cbor --root root.jwk.pub < card.qr.txt
`;

function parse(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: false,
      strict: true,
      options: {
        'root-key': { type: 'string' },
        seq: { type: 'string' },
        exp: { type: 'string' },
        iat: { type: 'string' },
        iss: { type: 'string', default: 'ANSINH-ROOT' },
        entry: { type: 'string', multiple: true, default: [] },
        out: { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

async function readEntry(spec: string, io: CommandIO): Promise<TrustListKeyInput> {
  const parts = spec.split(',');
  if (parts.length !== 5 || parts.some((p) => p === '')) {
    throw new UsageError(`--entry "${spec}": expected KEY_FILE,ISSUER,USAGE,VALID_FROM,VALID_TO`);
  }
  const [file, issuer, usage, from, to] = parts as [string, string, string, string, string];
  const usages = usage === 'all' ? [...CARD_TYPES] : usage.split('+');
  for (const u of usages) {
    if (!(CARD_TYPES as readonly string[]).includes(u)) {
      throw new UsageError(`--entry "${spec}": unknown card type "${u}" (${CARD_TYPES.join(', ')}, or all)`);
    }
  }
  const validFrom = parseInstant('--entry VALID_FROM', from);
  const validTo = parseInstant('--entry VALID_TO', to);
  if (validTo <= validFrom) throw new UsageError(`--entry "${spec}": VALID_TO must be after VALID_FROM`);
  let key: ReturnType<typeof importPublicKey>;
  try {
    key = importPublicKey(await readKeyInput(file, io));
  } catch (error) {
    throw new UsageError(
      `--entry "${spec}": ${file} is not a usable public key (${(error as Error).message})`,
    );
  }
  return { key, issuer, usage: usages, validFrom, validTo };
}

export const trustListCreateCommand: Command = {
  name: ['trust-list', 'create'],
  summary: 'Write a root-signed trust list of issuer keys',
  help,
  async run(argv: readonly string[], io: CommandIO): Promise<number> {
    const { values } = parse(argv);
    if (values['root-key'] === undefined) throw new UsageError('--root-key ROOT_PRIVATE_JWK is required');
    if (values.seq === undefined) throw new UsageError('--seq N is required');
    if (values.exp === undefined) throw new UsageError('--exp ISO is required');
    if (values.out === undefined) throw new UsageError('--out FILE is required');
    if (values.entry.length === 0) throw new UsageError('give at least one --entry');
    const seq = parseNonNegativeInteger('--seq', values.seq);
    const iat = values.iat === undefined ? new Date() : parseInstant('--iat', values.iat);
    const exp = parseInstant('--exp', values.exp);
    if (exp <= iat) throw new UsageError('--exp must be after --iat');
    const keys: TrustListKeyInput[] = [];
    for (const spec of values.entry) keys.push(await readEntry(spec, io));
    const root = await signerFromJwk(await readPrivateJwk(values['root-key'], io, '--root-key'));
    const bytes = await createTrustList({ iss: values.iss, iat, exp, seq, keys }, root);
    await writeFile(resolve(io.cwd, values.out), bytes);
    io.stdout.write(
      `${values.out}: trust list seq ${seq}, ${keys.length} key(s), expires ${exp.toISOString()}\n`,
    );
    for (const k of keys) {
      const kid = Buffer.from(kidFromPublicKey(importPublicKey(k.key))).toString('hex');
      io.stdout.write(`  ${kid} ${k.issuer} ${k.usage.join('+')}\n`);
    }
    return EXIT_OK;
  },
};
