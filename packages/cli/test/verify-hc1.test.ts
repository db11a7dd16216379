// `ansinh verify` on EU Digital COVID Certificates: the DSC given with --key as an X.509
// certificate (PEM, base64 DER or binary DER), real test data from dgc-testdata.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run.js';

const vectorDir = join(import.meta.dirname, '../../verify/test/vectors/dcc');
const vector = (file: string) =>
  JSON.parse(readFileSync(join(vectorDir, file), 'utf8')) as {
    PREFIX: string;
    TESTCTX: { CERTIFICATE: string; VALIDATIONCLOCK: string };
  };
const pem = (base64: string) =>
  `-----BEGIN CERTIFICATE-----\n${base64.replace(/(.{64})/g, '$1\n').trim()}\n-----END CERTIFICATE-----\n`;

const dir = mkdtempSync(join(tmpdir(), 'ansinh-hc1-'));
const at = vector('AT-1.json');
const rsa = vector('common-CO1.json');
writeFileSync(join(dir, 'at-dsc.pem'), pem(at.TESTCTX.CERTIFICATE));
writeFileSync(join(dir, 'at-dsc.b64'), `${at.TESTCTX.CERTIFICATE}\n`);
writeFileSync(join(dir, 'at-dsc.der'), Buffer.from(at.TESTCTX.CERTIFICATE, 'base64'));
writeFileSync(join(dir, 'rsa-dsc.pem'), pem(rsa.TESTCTX.CERTIFICATE));

describe('ansinh verify HC1:… --key DSC', () => {
  it.each(['at-dsc.pem', 'at-dsc.b64', 'at-dsc.der'])(
    'verifies the Austrian DCC with its DSC as %s',
    async (file) => {
      const r = await runCli(
        ['verify', at.PREFIX, '--key', file, '--at', at.TESTCTX.VALIDATIONCLOCK, '--json'],
        { cwd: dir },
      );
      expect(r.code).toBe(0);
      const json = JSON.parse(r.stdout);
      expect(json).toMatchObject({ valid: true, profile: 'hc1', kid: 'd919375fc1e7b6b2', issuer: 'AT' });
      expect(json.claims.dcc.nam.fnt).toBe('MUSTERFRAU<GOESSINGER');
      expect(json.claims.iat).toBe('2021-05-06T18:00:00.000Z');
      expect(json.error).toBeUndefined();
    },
  );

  it('verifies a PS256 (RSA) DCC, and reads the verdict in text form', async () => {
    const r = await runCli(
      ['verify', rsa.PREFIX, '--key', 'rsa-dsc.pem', '--at', rsa.TESTCTX.VALIDATIONCLOCK, '--lang', 'en'],
      {
        cwd: dir,
      },
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^VALID: hc1 \(EU DCC vaccination\), issuer AT, kid a1072b22b81b5428\n/);
  });

  it('an expired DCC exits 1 with ERR_CREDENTIAL_EXPIRED and still shows the verified claims', async () => {
    const r = await runCli(['verify', at.PREFIX, '--key', 'at-dsc.pem', '--at', '2030-01-01', '--json'], {
      cwd: dir,
    });
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({
      valid: false,
      profile: 'hc1',
      error: { code: 'ERR_CREDENTIAL_EXPIRED', stage: 'time' },
    });
    expect(json.claims.dcc.dob).toBe('1998-02-26');
  });

  it('the wrong DSC exits 1 with ERR_KID_UNKNOWN', async () => {
    const r = await runCli(['verify', at.PREFIX, '--key', 'rsa-dsc.pem', '--json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).error.code).toBe('ERR_KID_UNKNOWN');
  });

  it('through the real binary, from standard input', () => {
    const root = join(import.meta.dirname, '../../..');
    const r = spawnSync(
      'node',
      [
        '--conditions=source',
        '--import',
        'tsx',
        'packages/cli/src/bin.ts',
        'verify',
        '-',
        '--key',
        join(dir, 'at-dsc.pem'),
        '--at',
        at.TESTCTX.VALIDATIONCLOCK,
        '--json',
      ],
      { cwd: root, input: `${at.PREFIX}\n`, encoding: 'utf8' },
    );
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ valid: true, profile: 'hc1' });
  });
});
