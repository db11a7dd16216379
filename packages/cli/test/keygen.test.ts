import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importJwk, kidFromPublicKey } from '@ansinh/verify';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './run.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ansinh-keygen-'));
});

describe('ansinh keygen', () => {
  it.each(['ES256', 'EdDSA'])('writes a %s private JWK (mode 0600) and FILE.pub', async (alg) => {
    const r = await runCli(['keygen', '--alg', alg, '--out', 'issuer.jwk'], { cwd: dir });
    expect(r.code).toBe(0);
    const priv = JSON.parse(await readFile(join(dir, 'issuer.jwk'), 'utf8'));
    const pub = JSON.parse(await readFile(join(dir, 'issuer.jwk.pub'), 'utf8'));
    expect((await stat(join(dir, 'issuer.jwk'))).mode & 0o777).toBe(0o600);
    expect(typeof priv.d).toBe('string');
    expect(pub.d).toBeUndefined();
    expect(pub.alg).toBe(alg);
    expect(pub.kty).toBe(alg === 'ES256' ? 'EC' : 'OKP');
    const kid = Buffer.from(kidFromPublicKey(importJwk(pub))).toString('hex');
    expect(pub.kid).toBe(kid);
    expect(priv.kid).toBe(kid);
    expect(r.stdout).toContain(kid);
  });

  it('refuses to overwrite a key unless --force, and then resets the mode to 0600', async () => {
    await writeFile(join(dir, 'k.jwk'), 'old', { mode: 0o644 });
    const refused = await runCli(['keygen', '--alg', 'EdDSA', '--out', 'k.jwk'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('already exists');
    expect(await readFile(join(dir, 'k.jwk'), 'utf8')).toBe('old');
    const forced = await runCli(['keygen', '--alg', 'EdDSA', '--out', 'k.jwk', '--force'], { cwd: dir });
    expect(forced.code).toBe(0);
    expect((await stat(join(dir, 'k.jwk'))).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(join(dir, 'k.jwk'), 'utf8')).crv).toBe('Ed25519');
  });

  it('exits 2 on a bad or missing --alg or --out', async () => {
    for (const argv of [
      ['keygen', '--alg', 'RS256', '--out', 'x'],
      ['keygen', '--out', 'x'],
      ['keygen', '--alg', 'ES256'],
      ['keygen', '--alg', 'ES256', '--out', 'x', '--bits', '2'],
    ]) {
      expect((await runCli(argv, { cwd: dir })).code).toBe(2);
    }
  });

  it('runs through the real binary', () => {
    const r = spawnSync(
      process.execPath,
      [
        '--conditions=source',
        '--import',
        'tsx',
        'packages/cli/src/bin.ts',
        'keygen',
        '--alg',
        'ES256',
        '--out',
        join(dir, 'bin.jwk'),
      ],
      { cwd: join(import.meta.dirname, '../../..'), encoding: 'utf8' },
    );
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^ES256 key [0-9a-f]{16}\n/);
  });
});
