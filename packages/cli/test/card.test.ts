import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Card } from '@ansinh/core';
import { scanImageFile } from '@ansinh/qr/node';
import { issueCard, signerFromJwk } from '@ansinh/verify';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run.js';

const card: Card = {
  schemaVersion: 1,
  type: 'health-insurance',
  personalId: '079185012345',
  name: 'Đặng Thị Mỹ Hạnh',
  dateOfBirth: '1990-07-02',
  sex: 'female',
  socialInsuranceNumber: '7912345678',
  healthInsurance: { cardNumber: 'HT3797912345678', validFrom: '2025-01-01', validTo: '2025-12-31' },
};

const chromium = process.env.ANSINH_CHROMIUM ?? '/usr/bin/chromium';
const hasChromium = existsSync(chromium);
const mustRun = process.env.ANSINH_REQUIRE_BROWSER === '1';

let dir: string;
let qrText: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ansinh-card-'));
  const pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const signer = await signerFromJwk(await crypto.subtle.exportKey('jwk', pair.privateKey));
  qrText = await issueCard(card, {
    signer,
    iss: 'VSS',
    iat: new Date('2025-01-01T00:00:00Z'),
    exp: new Date('2026-01-01T00:00:00Z'),
  });
  await writeFile(join(dir, 'card.json'), JSON.stringify(card));
  await writeFile(join(dir, 'card.qr.txt'), `${qrText}\n`);
});

describe('ansinh card', () => {
  it('writes the SVG card with the holder and the QR', async () => {
    const r = await runCli(['card', '--claims', 'card.json', '--qr', qrText, '--out', 'card.svg'], {
      cwd: dir,
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^card\.svg: ID-1 card, QR version \d+, ECC Q/);
    const svg = await readFile(join(dir, 'card.svg'), 'utf8');
    expect(svg).toContain('width="85.6mm" height="53.98mm"');
    expect(svg).toContain('ĐẶNG THỊ MỸ HẠNH');
    expect(svg).toContain('3 (95%)');
  });

  it('reads the claims inline or from stdin, the QR text from @FILE, and labels in English', async () => {
    const r = await runCli(
      ['card', '--claims', JSON.stringify(card), '--qr', '@card.qr.txt', '--lang', 'en', '--out', 'en.svg'],
      { cwd: dir },
    );
    expect(r.code).toBe(0);
    expect(await readFile(join(dir, 'en.svg'), 'utf8')).toContain('HEALTH INSURANCE CARD');
    const fromStdin = await runCli(['card', '--claims', '-', '--qr', qrText, '--out', 'stdin.svg'], {
      cwd: dir,
      stdin: JSON.stringify(card),
    });
    expect(fromStdin.code).toBe(0);
  });

  it('exits 1 for invalid claims or QR text, 2 for usage mistakes', async () => {
    const bad = await runCli(['card', '--claims', '{"schemaVersion":1}', '--qr', qrText, '--out', 'x.svg'], {
      cwd: dir,
    });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Không thể in thẻ');
    const notJson = await runCli(['card', '--claims', '{oops', '--qr', qrText, '--out', 'x.svg'], {
      cwd: dir,
    });
    expect(notJson.code).toBe(1);
    const badQr = await runCli(['card', '--claims', 'card.json', '--qr', 'AS1:lower', '--out', 'x.svg'], {
      cwd: dir,
    });
    expect(badQr.code).toBe(1);
    expect((await runCli(['card', '--claims', 'card.json', '--qr', qrText], { cwd: dir })).code).toBe(2);
    expect(
      (await runCli(['card', '--claims', 'card.json', '--qr', qrText, '--out', 'x.pdf'], { cwd: dir })).code,
    ).toBe(2);
    expect(
      (await runCli(['card', '--claims', 'nope.json', '--qr', qrText, '--out', 'x.svg'], { cwd: dir })).code,
    ).toBe(2);
  });

  it('says how to install Chromium when it is missing (real binary)', () => {
    const r = spawnSync(
      process.execPath,
      [
        '--conditions=source',
        '--import',
        'tsx',
        'packages/cli/src/bin.ts',
        'card',
        '--claims',
        join(dir, 'card.json'),
        '--qr',
        qrText,
        '--out',
        join(dir, 'x.png'),
        '--lang',
        'en',
      ],
      { encoding: 'utf8', env: { ...process.env, ANSINH_CHROMIUM: '/nonexistent/chromium' } },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('apt-get install chromium fonts-dejavu-core');
    expect(existsSync(join(dir, 'x.png'))).toBe(false);
  });

  it.skipIf(!hasChromium && !mustRun)(
    'writes a PNG card through Chromium that `ansinh scan` reads back',
    async () => {
      const r = await runCli(['card', '--claims', 'card.json', '--qr', qrText, '--out', 'card.png'], {
        cwd: dir,
      });
      expect(r.code, r.stderr).toBe(0);
      expect(await scanImageFile(join(dir, 'card.png'))).toMatchObject({ found: true, text: qrText });
      const scanned = await runCli(['scan', join(dir, 'card.png')]);
      expect(scanned.stdout).toBe(`${qrText}\n`);
    },
  );
});
