import { spawnSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateRecords } from '@ansinh/core';
import { generateSigningKey, issueCard, signerFromJwk } from '@ansinh/verify';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run.js';

const repo = join(import.meta.dirname, '../../..');
const card = [...generateRecords('card', { seed: 3, count: 1 })][0]!;
let dir: string;
let text: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ansinh-verify-'));
  const key = await generateSigningKey('EdDSA');
  await writeFile(join(dir, 'vss.jwk'), JSON.stringify(key.privateJwk));
  await writeFile(join(dir, 'vss.jwk.pub'), JSON.stringify(key.publicJwk));
  const other = await generateSigningKey('ES256');
  await writeFile(join(dir, 'other.jwk.pub'), JSON.stringify(other.publicJwk));
  // The same key as PEM SubjectPublicKeyInfo, through node:crypto.
  const { createPublicKey } = await import('node:crypto');
  const pem = createPublicKey({
    key: { ...key.publicJwk } as import('node:crypto').JsonWebKey,
    format: 'jwk',
  }).export({
    type: 'spki',
    format: 'pem',
  });
  await writeFile(join(dir, 'vss.pem'), pem);
  text = await issueCard(card as never, {
    signer: await signerFromJwk(key.privateJwk),
    iss: 'VSS',
    iat: new Date('2025-01-01T00:00:00Z'),
    exp: new Date('2030-01-01T00:00:00Z'),
  });
});

describe('ansinh verify', () => {
  it('exits 0 for a valid card, from the argument, from - and from standard input with a line end', async () => {
    for (const [argv, stdin] of [
      [[text], undefined],
      [['-'], `${text}\r\n`],
      [[], `${text}\n`],
    ] as const) {
      const r = await runCli(
        ['verify', ...argv, '--key', 'vss.jwk.pub', '--at', '2026-01-01', '--lang', 'en'],
        {
          cwd: dir,
          ...(stdin ? { stdin } : {}),
        },
      );
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^VALID/);
      expect(r.stdout).not.toContain(card.personalId as string); // masked on the terminal
    }
  });

  it('prints exactly the agreed JSON object', async () => {
    const r = await runCli(['verify', text, '--key', 'vss.jwk.pub', '--at', '2026-01-01', '--json'], {
      cwd: dir,
    });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['valid', 'profile', 'kid', 'issuer', 'claims']);
    expect(out).toMatchObject({ valid: true, profile: 'ansinh', issuer: 'VSS' });
    expect(out.kid).toMatch(/^[0-9a-f]{16}$/);
    expect(out.claims).toEqual({
      iss: 'VSS',
      iat: '2025-01-01T00:00:00.000Z',
      exp: '2030-01-01T00:00:00.000Z',
      card,
    });
  });

  it('exits 1 with the code, stage and message when invalid (JSON carries error; expired keeps claims)', async () => {
    const expired = await runCli(
      ['verify', text, '--key', 'vss.jwk.pub', '--at', '2031-01-01', '--json', '--lang', 'en'],
      {
        cwd: dir,
      },
    );
    expect(expired.code).toBe(1);
    const out = JSON.parse(expired.stdout);
    expect(Object.keys(out)).toEqual(['valid', 'profile', 'kid', 'issuer', 'claims', 'error']);
    expect(out.error).toEqual({
      code: 'ERR_CREDENTIAL_EXPIRED',
      stage: 'time',
      message: 'The card has expired',
    });
    expect(out.claims.card).toEqual(card);

    const wrongKey = await runCli(['verify', text, '--key', 'other.jwk.pub'], { cwd: dir });
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.stdout).toContain('ERR_KID_UNKNOWN');

    const garbage = await runCli(['verify', 'HELLO', '--key', 'vss.jwk.pub', '--json'], { cwd: dir });
    expect(garbage.code).toBe(1);
    expect(JSON.parse(garbage.stdout)).toMatchObject({
      valid: false,
      profile: null,
      kid: null,
      error: { code: 'ERR_PREFIX' },
    });
  });

  it('accepts a PEM public key', async () => {
    const r = await runCli(['verify', text, '--key', 'vss.pem', '--at', '2026-01-01'], { cwd: dir });
    expect(r.code).toBe(0);
  });

  it('exits 2 on usage mistakes', async () => {
    const cases = [
      ['verify', text],
      ['verify', text, '--trust-list', 'x.cbor'],
      ['verify', text, '--root', 'vss.jwk.pub'],
      ['verify', text, 'second', '--key', 'vss.jwk.pub'],
      ['verify', text, '--key', 'vss.jwk.pub', '--at', 'yesterday'],
      ['verify', text, '--key', 'missing.pub'],
      ['verify', text, '--key', 'vss.jwk.pub', '--colour'],
    ];
    for (const argv of cases) expect((await runCli(argv, { cwd: dir })).code, argv.join(' ')).toBe(2);
  });

  it('round-trips generate → issue → verify through the real binary, with exit codes', async () => {
    const ansinh = (args: string[], input?: string) =>
      spawnSync(
        process.execPath,
        ['--conditions=source', '--import', 'tsx', 'packages/cli/src/bin.ts', ...args],
        {
          cwd: repo,
          encoding: 'utf8',
          ...(input === undefined ? {} : { input }),
        },
      );
    const generated = ansinh(['generate', '--kind', 'card', '--count', '1', '--seed', '99']);
    expect(generated.status).toBe(0);
    const issued = ansinh(['issue', '--key', join(dir, 'vss.jwk'), '--claims', '-'], generated.stdout);
    expect(issued.status).toBe(0);
    expect(issued.stdout).toMatch(/^AS1:[^\n]+\n$/);
    const ok = ansinh(['verify', '-', '--key', join(dir, 'vss.jwk.pub'), '--json'], issued.stdout);
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({
      valid: true,
      claims: { card: JSON.parse(generated.stdout) },
    });
    const bad = ansinh(['verify', issued.stdout.trim().slice(0, -4), '--key', join(dir, 'vss.jwk.pub')]);
    expect(bad.status).toBe(1);
    expect(ansinh(['verify', issued.stdout.trim()]).status).toBe(2);
  });
});
