import { parseArgs } from 'node:util';
import {
  type CardClaims,
  createVerifier,
  type Hc1Claims,
  type Hc1VerifyResult,
  type KeyInput,
  type VerifierOptions,
  type VerifyResult,
} from '@ansinh/verify/node';
import { type Command, type CommandIO, EXIT_INVALID, EXIT_OK, UsageError } from '../command.js';
import { parseInstant, parseLang, readBytes, readKeyInput, readStdin } from '../credential-files.js';

const help = `Usage: ansinh verify [TEXT | -] [--key FILE]... [--trust-list FILE --root FILE]...
                     [--status-list FILE]... [--at ISO-8601] [--require-status] [--json] [--lang vi|en]

Verifies a card QR text (AS1:…) offline: structure, algorithm, key, signature, key validity and
usage (with a trust list), card claims, expiry and, given status lists, revocation. An EU Digital
COVID Certificate (HC1:…) is verified against the X.509 certificates given with --key (its DSCs).

  TEXT                 the QR text; - or nothing reads it from standard input
  --key FILE           a trusted public key: JWK, PEM public key, or X.509 certificate (PEM,
                       base64 DER or binary DER); repeatable
  --trust-list FILE    a signed trust list (ansinh trust-list create) …
  --root FILE          … and the pinned root key(s) it must be signed by; repeatable
  --status-list FILE   a signed status list (ansinh status-list create); repeatable
  --at ISO-8601        verify as of this instant instead of now
  --require-status     fail a card whose status list is not given, instead of reporting "unchecked"
  --json               print one JSON object:
                       {"valid","profile","kid","issuer","claims","error":{"code","stage","message"}}
                       ("error" only when invalid)
  --lang vi|en         language of messages (default vi)

Exit codes: 0 valid, 1 invalid (the reason is printed with its code), 2 usage or I/O error.

Example:
  ansinh verify "$(cat card.qr.txt)" --key vss.jwk.pub
  ansinh verify - --trust-list trust.cbor --root root.jwk.pub --status-list status.cwt --json < card.qr.txt
`;

function parse(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        key: { type: 'string', multiple: true, default: [] },
        'trust-list': { type: 'string' },
        root: { type: 'string', multiple: true, default: [] },
        'status-list': { type: 'string', multiple: true, default: [] },
        at: { type: 'string' },
        'require-status': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        lang: { type: 'string', default: 'vi' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

/** The claims as JSON: times as ISO 8601, the card identifier as hex. */
function claimsJson(claims: CardClaims, card: unknown) {
  return {
    iss: claims.iss,
    iat: iso(claims.iat),
    exp: iso(claims.exp),
    ...(claims.nbf === undefined ? {} : { nbf: iso(claims.nbf) }),
    ...(claims.cti === undefined ? {} : { cti: Buffer.from(claims.cti).toString('hex') }),
    ...(claims.status === undefined ? {} : { status: claims.status }),
    card,
  };
}

/** An EU DCC's claims as JSON: times as ISO 8601, the DCC payload as signed. */
function hc1ClaimsJson(claims: Hc1Claims) {
  return {
    ...(claims.iss === undefined ? {} : { iss: claims.iss }),
    iat: iso(claims.iat),
    exp: iso(claims.exp),
    dcc: claims.dcc,
  };
}

function toJson(r: VerifyResult) {
  if (r.profile === 'hc1') {
    return {
      valid: r.valid,
      profile: 'hc1',
      kid: r.kid ?? null,
      issuer: r.issuer ?? null,
      claims: r.claims ? hc1ClaimsJson(r.claims) : null,
      ...(r.valid ? {} : { error: r.error }),
    };
  }
  return {
    valid: r.valid,
    profile: r.profile ?? null,
    kid: r.kid ?? null,
    issuer: r.issuer ?? null,
    claims: r.claims ? claimsJson(r.claims, r.card) : null,
    ...(r.valid ? {} : { error: r.error }),
  };
}

/** Personal IDs are masked on the terminal (first and last three digits), as elsewhere in the CLI. */
const mask = (id: string) => `${id.slice(0, 3)}${'*'.repeat(Math.max(0, id.length - 6))}${id.slice(-3)}`;

/** An EU DCC's verdict, its type and the holder's name as the DCC prints it. */
function hc1Text(r: Hc1VerifyResult, lang: 'vi' | 'en'): string {
  const t = (vi: string, en: string) => (lang === 'vi' ? vi : en);
  const lines = r.valid
    ? [
        `${t('HỢP LỆ', 'VALID')}: hc1 (EU DCC ${r.type}), ${t('nước cấp', 'issuer')} ${r.issuer ?? '?'}, kid ${r.kid}`,
      ]
    : [`${t('KHÔNG HỢP LỆ', 'INVALID')}: ${r.error.message} [${r.error.code}, ${r.error.stage}]`];
  if (r.claims) {
    const nam = r.claims.dcc.nam as Record<string, unknown> | undefined;
    lines.push(
      `  ${String(nam?.fnt ?? '')} ${String(nam?.gnt ?? '')}, ${t('sinh ngày', 'born')} ${String(r.claims.dcc.dob)}; ${t('cấp', 'issued')} ${iso(r.claims.iat).slice(0, 10)}, ${t('hết hạn', 'expires')} ${iso(r.claims.exp).slice(0, 10)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function toText(r: VerifyResult, lang: 'vi' | 'en'): string {
  if (r.profile === 'hc1') return hc1Text(r, lang);
  const t = (vi: string, en: string) => (lang === 'vi' ? vi : en);
  const lines: string[] = [];
  if (r.valid) {
    const status =
      r.status === 'unchecked' ? t(' (chưa kiểm tra trạng thái thu hồi)', ' (revocation not checked)') : '';
    lines.push(
      `${t('HỢP LỆ', 'VALID')}${status}: ${r.profile}, ${t('đơn vị phát hành', 'issuer')} ${r.issuer}, kid ${r.kid}`,
    );
  } else {
    lines.push(`${t('KHÔNG HỢP LỆ', 'INVALID')}: ${r.error.message} [${r.error.code}, ${r.error.stage}]`);
    if (r.kid)
      lines.push(`  kid ${r.kid}${r.issuer ? `, ${t('đơn vị phát hành', 'issuer')} ${r.issuer}` : ''}`);
  }
  if (r.card && r.claims) {
    const c = r.card;
    lines.push(
      `  ${c.name} — ${t('số định danh', 'personal ID')} ${mask(c.personalId)}, ${t('sinh ngày', 'born')} ${c.dateOfBirth}`,
      `  ${t('loại thẻ', 'card type')} ${c.type}; ${t('cấp', 'issued')} ${iso(r.claims.iat).slice(0, 10)}, ${t('hết hạn', 'expires')} ${iso(r.claims.exp).slice(0, 10)}`,
    );
    if (c.healthInsurance) {
      lines.push(
        `  BHYT ${c.healthInsurance.cardNumber.slice(0, 5)}…, ${c.healthInsurance.validFrom} → ${c.healthInsurance.validTo}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

export const verifyCommand: Command = {
  name: ['verify'],
  summary: 'Verify a card QR text offline (keys or trust list, status lists)',
  help,
  async run(argv: readonly string[], io: CommandIO): Promise<number> {
    const { values, positionals } = parse(argv);
    const lang = parseLang(values.lang);
    if (positionals.length > 1)
      throw new UsageError('expected at most one TEXT (quote it: base45 contains spaces)');
    const trustList = values['trust-list'];
    if ((trustList === undefined) !== (values.root.length === 0)) {
      throw new UsageError('--trust-list FILE and --root FILE go together');
    }
    if (values.key.length === 0 && trustList === undefined) {
      throw new UsageError('give the keys to trust: --key FILE, or --trust-list FILE --root FILE');
    }
    const now = values.at === undefined ? undefined : parseInstant('--at', values.at);

    const source = positionals[0];
    if ((source === undefined || source === '-') && io.stdin.isTTY) {
      throw new UsageError('no TEXT given and standard input is a terminal');
    }
    const raw = source === undefined || source === '-' ? (await readStdin(io)).toString('utf8') : source;
    // Scanners and shells add line ends; base45 itself contains spaces, so only those go.
    const text = raw.replace(/[\r\n]+$/, '');

    const keys: KeyInput[] = [];
    for (const file of values.key) keys.push(await readKeyInput(file, io));
    const roots: KeyInput[] = [];
    for (const file of values.root) roots.push(await readKeyInput(file, io));
    const statusLists: Uint8Array[] = [];
    for (const file of values['status-list']) statusLists.push(new Uint8Array(await readBytes(file, io)));

    const options: VerifierOptions = {
      keys,
      roots,
      statusLists,
      lang,
      requireStatus: values['require-status'],
      ...(trustList === undefined ? {} : { trustList: new Uint8Array(await readBytes(trustList, io)) }),
      ...(now ? { now } : {}),
    };
    let verifier: ReturnType<typeof createVerifier>;
    try {
      verifier = createVerifier(options);
    } catch (error) {
      throw new UsageError(`a --key or --root file is not a usable public key (${(error as Error).message})`);
    }
    for (const problem of await verifier.ready()) {
      io.stderr.write(`ansinh verify: ${problem.message} [${problem.code}]\n`);
    }
    const result = await verifier.verify(text);
    io.stdout.write(values.json ? `${JSON.stringify(toJson(result))}\n` : toText(result, lang));
    return result.valid ? EXIT_OK : EXIT_INVALID;
  },
};
