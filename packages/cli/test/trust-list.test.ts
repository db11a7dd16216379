import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateRecords } from '@ansinh/core';
import {
  createVerifier,
  generateSigningKey,
  issueCard,
  openTrustList,
  signerFromJwk,
  webCryptoBackend,
} from '@ansinh/verify';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run.js';

let dir: string;
let root: Awaited<ReturnType<typeof generateSigningKey>>;
let vss: Awaited<ReturnType<typeof generateSigningKey>>;
let moh: Awaited<ReturnType<typeof generateSigningKey>>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ansinh-trust-'));
  root = await generateSigningKey('EdDSA');
  vss = await generateSigningKey('ES256');
  moh = await generateSigningKey('EdDSA');
  for (const [name, k] of [
    ['root', root],
    ['vss', vss],
    ['moh', moh],
  ] as const) {
    await writeFile(join(dir, `${name}.jwk`), JSON.stringify(k.privateJwk));
    await writeFile(join(dir, `${name}.jwk.pub`), JSON.stringify(k.publicJwk));
  }
});

const create = (seq: string, extra: string[] = []) =>
  runCli(
    [
      'trust-list',
      'create',
      '--root-key',
      'root.jwk',
      '--seq',
      seq,
      '--iat',
      '2025-01-01',
      '--exp',
      '2027-01-01',
      '--out',
      `trust-${seq}.cbor`,
      '--entry',
      'vss.jwk.pub,VSS,all,2024-01-01,2030-01-01',
      '--entry',
      'moh.jwk.pub,MOH,health-insurance,2024-01-01,2030-01-01',
      ...extra,
    ],
    { cwd: dir },
  );

describe('ansinh trust-list create', () => {
  it('writes a root-signed list that the library and ansinh verify accept', async () => {
    const r = await create('4');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('trust list seq 4, 2 key(s)');
    expect(r.stdout).toContain(`${vss.publicJwk.kid} VSS social-security+health-insurance`);
    const bytes = new Uint8Array(await readFile(join(dir, 'trust-4.cbor')));
    const list = await openTrustList(bytes, { roots: [root.publicJwk], crypto: webCryptoBackend });
    expect(list).toMatchObject({ iss: 'ANSINH-ROOT', seq: 4, iat: Date.parse('2025-01-01') / 1000 });
    expect(list.keys.map((k) => [k.issuer, k.usage])).toEqual([
      ['VSS', ['social-security', 'health-insurance']],
      ['MOH', ['health-insurance']],
    ]);

    const card = [...generateRecords('card', { seed: 5, count: 1 })][0];
    const text = await issueCard(card as never, {
      signer: await signerFromJwk(vss.privateJwk),
      iss: 'VSS',
      iat: new Date('2025-06-01'),
      exp: new Date('2030-01-01'),
    });
    const v = await createVerifier({
      roots: [root.publicJwk],
      trustList: bytes,
      now: new Date('2026-01-01'),
    }).verify(text);
    expect(v.valid).toBe(true);
    const cli = await runCli(
      ['verify', text, '--trust-list', 'trust-4.cbor', '--root', 'root.jwk.pub', '--at', '2026-01-01'],
      {
        cwd: dir,
      },
    );
    expect(cli.code).toBe(0);
    const stranger = await runCli(
      ['verify', text, '--trust-list', 'trust-4.cbor', '--root', 'moh.jwk.pub', '--json'],
      {
        cwd: dir,
      },
    );
    expect(stranger.code).toBe(1);
    expect(stranger.stderr).toContain('ERR_KID_UNKNOWN'); // the list itself failed to load
  });

  it('exits 2 on bad entries and missing flags', async () => {
    for (const extra of [
      ['--entry', 'vss.jwk.pub,VSS,passport,2024-01-01,2030-01-01'],
      ['--entry', 'vss.jwk.pub,VSS,all,2030-01-01,2024-01-01'],
      ['--entry', 'vss.jwk.pub,VSS,all'],
      ['--entry', 'root.jwk,ROOT,all,2024-01-01,2030-01-01,extra'],
    ]) {
      expect((await create('1', extra)).code, extra.join(' ')).toBe(2);
    }
    expect((await runCli(['trust-list', 'create', '--root-key', 'root.jwk'], { cwd: dir })).code).toBe(2);
    expect(
      (
        await runCli(
          [
            'trust-list',
            'create',
            '--root-key',
            'vss.jwk.pub',
            '--seq',
            '1',
            '--exp',
            '2027-01-01',
            '--out',
            'x',
            '--entry',
            'vss.jwk.pub,VSS,all,2024-01-01,2030-01-01',
          ],
          { cwd: dir },
        )
      ).code,
    ).toBe(2);
  });
});
