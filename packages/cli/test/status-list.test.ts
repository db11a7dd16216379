import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateRecords } from '@ansinh/core';
import {
  decodeStatusListUnverified,
  generateSigningKey,
  getStatus,
  issueCard,
  signerFromJwk,
} from '@ansinh/verify';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run.js';

const uri = 'https://bhxh.example/sl/7';
let dir: string;
let text: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ansinh-status-'));
  const vss = await generateSigningKey('EdDSA');
  await writeFile(join(dir, 'vss.jwk'), JSON.stringify(vss.privateJwk));
  await writeFile(join(dir, 'vss.jwk.pub'), JSON.stringify(vss.publicJwk));
  const card = [...generateRecords('card', { seed: 8, count: 1 })][0];
  text = await issueCard(card as never, {
    signer: await signerFromJwk(vss.privateJwk),
    iss: 'VSS',
    iat: new Date('2025-01-01'),
    exp: new Date('2030-01-01'),
    status: { idx: 42, uri },
  });
});

const verify = (list: string) =>
  runCli(['verify', text, '--key', 'vss.jwk.pub', '--status-list', list, '--at', '2025-06-01', '--json'], {
    cwd: dir,
  });

describe('ansinh status-list create and set', () => {
  it('creates an all-valid list, then revokes, suspends and restores a card', async () => {
    const created = await runCli(
      [
        'status-list',
        'create',
        '--key',
        'vss.jwk',
        '--uri',
        uri,
        '--iss',
        'VSS',
        '--size',
        '1000',
        '--iat',
        '2025-01-01',
        '--exp',
        '2026-01-01',
        '--ttl',
        '3600',
        '--out',
        'sl.cwt',
      ],
      { cwd: dir },
    );
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('1000 entries of 2 bit(s)');
    expect(JSON.parse((await verify('sl.cwt')).stdout).valid).toBe(true);

    for (const [status, code] of [
      ['revoked', 'ERR_REVOKED'],
      ['suspended', 'ERR_SUSPENDED'],
    ] as const) {
      const set = await runCli(
        [
          'status-list',
          'set',
          'sl.cwt',
          '--key',
          'vss.jwk',
          '--index',
          '42,43',
          '--status',
          status,
          '--iat',
          '2025-02-01',
        ],
        {
          cwd: dir,
        },
      );
      expect(set.code).toBe(0);
      const r = await verify('sl.cwt');
      expect(r.code).toBe(1);
      expect(JSON.parse(r.stdout).error.code).toBe(code);
    }
    await runCli(
      [
        'status-list',
        'set',
        'sl.cwt',
        '--key',
        'vss.jwk',
        '--index',
        '42',
        '--status',
        'valid',
        '--out',
        'sl2.cwt',
        '--iat',
        '2025-03-01',
      ],
      { cwd: dir },
    );
    expect((await verify('sl2.cwt')).code).toBe(0);
    const token = decodeStatusListUnverified(new Uint8Array(await readFile(join(dir, 'sl2.cwt'))));
    expect(getStatus(token.list, 43)).toBe(2);
    // Re-signing keeps the list's lifetime (exp − iat) from the new iat, and its ttl.
    expect(token).toMatchObject({ uri, iss: 'VSS', iat: Date.parse('2025-03-01') / 1000, ttl: 3600 });
    expect(token.exp! - token.iat).toBe(Date.parse('2026-01-01') / 1000 - Date.parse('2025-01-01') / 1000);
  });

  it('exits 2 on usage mistakes', async () => {
    await runCli(
      [
        'status-list',
        'create',
        '--key',
        'vss.jwk',
        '--uri',
        uri,
        '--iss',
        'VSS',
        '--size',
        '8',
        '--bits',
        '1',
        '--out',
        'one-bit.cwt',
      ],
      { cwd: dir },
    );
    const cases = [
      ['status-list', 'create', '--key', 'vss.jwk', '--uri', uri, '--iss', 'VSS', '--out', 'x.cwt'],
      [
        'status-list',
        'create',
        '--key',
        'vss.jwk',
        '--uri',
        uri,
        '--iss',
        'VSS',
        '--size',
        '8',
        '--bits',
        '3',
        '--out',
        'x.cwt',
      ],
      ['status-list', 'set', 'one-bit.cwt', '--key', 'vss.jwk', '--index', '1', '--status', 'suspended'],
      ['status-list', 'set', 'one-bit.cwt', '--key', 'vss.jwk', '--index', '99', '--status', 'revoked'],
      ['status-list', 'set', 'one-bit.cwt', '--key', 'vss.jwk', '--index', '1', '--status', 'lost'],
      ['status-list', 'set', '--key', 'vss.jwk', '--index', '1', '--status', 'revoked'],
    ];
    for (const argv of cases) expect((await runCli(argv, { cwd: dir })).code, argv.join(' ')).toBe(2);
  });

  it('exits 1 when the file is not a status list', async () => {
    await writeFile(join(dir, 'junk.cwt'), 'not cbor');
    const r = await runCli(
      ['status-list', 'set', 'junk.cwt', '--key', 'vss.jwk', '--index', '1', '--status', 'revoked'],
      { cwd: dir },
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('ERR_STATUS_LIST_INVALID');
  });
});
