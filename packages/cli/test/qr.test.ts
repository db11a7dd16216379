import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scanImageFile } from '@ansinh/qr/node';
import { describe, expect, it } from 'vitest';
import { runCli } from './run.js';

const TEXT = 'AS1:6BFOXN*TS0BI$ZD.P9UOL97O4-2HH77HRM3DSPTLRR+%3';

describe('ansinh qr', () => {
  it('draws the text in the terminal by default, black on white', async () => {
    const r = await runCli(['qr', TEXT, '--ecc', 'M']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('\x1b[30;107m');
    expect(r.stdout).toMatch(/[▀▄█]/);
  });

  it('writes SVG to stdout with --format svg', async () => {
    const r = await runCli(['qr', TEXT, '--format', 'svg']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  });

  it('writes a PNG file that scans back, and reports version and mode on stderr', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ansinh-qr-cli-'));
    const r = await runCli(['qr', TEXT, '--out', 'qr.png', '--ecc', 'h'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /^qr\.png: QR version \d+, ECC H, \d+×\d+ modules \+ 4-module quiet zone, alphanumeric mode/,
    );
    expect(await scanImageFile(join(dir, 'qr.png'))).toMatchObject({ found: true, text: TEXT, ecc: 'H' });
  });

  it('exits 1 with a Vietnamese or English message for a text that cannot be a QR code', async () => {
    const r = await runCli(['qr', 'AS1:abc']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('không thuộc bảng chữ-số');
    const en = await runCli(['qr', `AS1:${'A'.repeat(3000)}`, '--ecc', 'Q', '--lang', 'en']);
    expect(en.code).toBe(1);
    expect(en.stderr).toContain('does not fit one QR code at error-correction level Q');
  });

  it('exits 2 on usage mistakes', async () => {
    expect((await runCli(['qr'])).code).toBe(2);
    expect((await runCli(['qr', TEXT, '--ecc', 'X'])).stderr).toContain('--ecc must be one of L, M, Q, H');
    expect((await runCli(['qr', TEXT, '--format', 'gif'])).code).toBe(2);
    expect((await runCli(['qr', TEXT, '--bogus'])).code).toBe(2);
  });

  it('runs as the real binary', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ansinh-qr-bin-'));
    const r = spawnSync(
      process.execPath,
      [
        '--conditions=source',
        '--import',
        'tsx',
        'packages/cli/src/bin.ts',
        'qr',
        TEXT,
        '--out',
        join(dir, 'qr.svg'),
      ],
      { encoding: 'utf8' },
    );
    expect(r.status).toBe(0);
    expect(await readFile(join(dir, 'qr.svg'), 'utf8')).toContain('<path fill="#000"');
  });
});
