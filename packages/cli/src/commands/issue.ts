import { parseArgs } from 'node:util';
import { type Card, type Issue, validateRecord } from '@ansinh/core';
import { issueCard, signerFromJwk } from '@ansinh/verify/node';
import { type Command, type CommandIO, EXIT_INVALID, EXIT_OK, UsageError } from '../command.js';
import {
  parseInstant,
  parseLang,
  parseNonNegativeInteger,
  readJsonOrNdjson,
  readPrivateJwk,
} from '../credential-files.js';

const DEFAULT_YEARS = 5;

const help = `Usage: ansinh issue --key PRIVATE_JWK --claims CARD_JSON [--iss ISSUER] [--iat ISO] [--exp ISO]
                    [--nbf ISO] [--status-uri URI --status-index N] [--cti HEX] [--lang vi|en]

Signs a card and prints its QR text (AS1:…) on one line. The claims are checked first against
the card schema and the record rules (personal ID agrees with date of birth and sex…).

  --key PRIVATE_JWK    the issuer's private key (from ansinh keygen)
  --claims CARD_JSON   the card: a JSON file, - for standard input, or inline JSON ({…});
                       one line of \`ansinh generate --kind card\` output is a valid card
  --iss ISSUER         issuing agency code, the cards' iss (default VSS); with a trust list it
                       must be the key's issuer
  --iat ISO            issued-at (default now)
  --exp ISO            expiry (default ${DEFAULT_YEARS} years after iat)
  --nbf ISO            not-before (default none)
  --status-uri URI     the status list this card is entered in (see ansinh status-list) …
  --status-index N     … and its index there
  --cti HEX            a card identifier (bytes, hex), optional: every byte costs QR space
  --lang vi|en         language of error messages (default vi)

Exit codes: 0 printed, 1 invalid claims, 2 usage or I/O error.

Example:
  ansinh keygen --alg EdDSA --out vss.jwk
  ansinh generate --kind card --count 1 --seed 7 > card.json
  ansinh issue --key vss.jwk --claims card.json --exp 2030-12-31 > card.qr.txt
  ansinh verify - --key vss.jwk.pub < card.qr.txt
`;

function parse(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: false,
      strict: true,
      options: {
        key: { type: 'string' },
        claims: { type: 'string' },
        iss: { type: 'string', default: 'VSS' },
        iat: { type: 'string' },
        exp: { type: 'string' },
        nbf: { type: 'string' },
        'status-uri': { type: 'string' },
        'status-index': { type: 'string' },
        cti: { type: 'string' },
        lang: { type: 'string', default: 'vi' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** One card from CARD_JSON: an object, or NDJSON/array holding exactly one. */
function oneCard(value: unknown): unknown {
  const list = Array.isArray(value) ? value : [value];
  if (list.length !== 1) throw new UsageError(`--claims holds ${list.length} cards; issue one at a time`);
  return list[0];
}

function formatIssues(issues: readonly Issue[]): string {
  return issues.map((i) => `  ${i.path.join('.') || '(card)'}: ${i.message} [${i.code}]\n`).join('');
}

export const issueCommand: Command = {
  name: ['issue'],
  summary: 'Sign a card and print its QR text (AS1:…)',
  help,
  async run(argv: readonly string[], io: CommandIO): Promise<number> {
    const { values } = parse(argv);
    const lang = parseLang(values.lang);
    if (values.key === undefined) throw new UsageError('--key PRIVATE_JWK is required');
    if (values.claims === undefined) throw new UsageError('--claims CARD_JSON is required');
    const iat = values.iat === undefined ? new Date() : parseInstant('--iat', values.iat);
    const exp =
      values.exp === undefined
        ? new Date(Date.UTC(iat.getUTCFullYear() + DEFAULT_YEARS, iat.getUTCMonth(), iat.getUTCDate()))
        : parseInstant('--exp', values.exp);
    if (exp <= iat) throw new UsageError('--exp must be after --iat');
    const nbf = values.nbf === undefined ? undefined : parseInstant('--nbf', values.nbf);
    if ((values['status-uri'] === undefined) !== (values['status-index'] === undefined)) {
      throw new UsageError('--status-uri and --status-index go together');
    }
    const status =
      values['status-uri'] === undefined
        ? undefined
        : {
            uri: values['status-uri'],
            idx: parseNonNegativeInteger('--status-index', values['status-index'] as string),
          };
    if (values.cti !== undefined && !/^([0-9a-fA-F]{2})+$/.test(values.cti))
      throw new UsageError('--cti must be hex bytes');

    const jwk = await readPrivateJwk(values.key, io, '--key');
    const raw = await readJsonOrNdjson(values.claims, io, '--claims');
    const checked = validateRecord('card', oneCard(raw), { lang });
    if (!checked.ok) {
      io.stderr.write(
        `ansinh issue: ${lang === 'vi' ? 'thông tin thẻ không hợp lệ' : 'invalid card claims'}:\n${formatIssues(checked.issues)}`,
      );
      return EXIT_INVALID;
    }
    let signer: Awaited<ReturnType<typeof signerFromJwk>>;
    try {
      signer = await signerFromJwk(jwk);
    } catch (error) {
      throw new UsageError(`--key ${values.key}: ${(error as Error).message}`);
    }
    const text = await issueCard(checked.value as Card, {
      signer,
      iss: values.iss,
      iat,
      exp,
      ...(nbf ? { nbf } : {}),
      ...(status ? { status } : {}),
      ...(values.cti ? { cti: Uint8Array.from(Buffer.from(values.cti, 'hex')) } : {}),
    });
    io.stdout.write(`${text}\n`);
    return EXIT_OK;
  },
};
