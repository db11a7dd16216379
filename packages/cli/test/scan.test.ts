import { spawnSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderQrPng } from '@ansinh/qr';
import { describe, expect, it } from 'vitest';
import { runCli } from './run.js';

const TEXT = 'AS1:6BFOXN*TS0BI$ZD.P9UOL97O4-2HH77HRM3DSPTLRR+%3';

describe('ansinh scan', () => {
  it('prints the text of the QR code in a PNG and exits 0', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ansinh-scan-'));
    await writeFile(join(dir, 'qr.png'), renderQrPng(TEXT, { scale: 4 }));
    const r = await runCli(['scan', 'qr.png'], { cwd: dir });
    expect(r).toEqual({ code: 0, stdout: `${TEXT}\n`, stderr: '' });
    const json = await runCli(['scan', 'qr.png', '--json'], { cwd: dir });
    expect(JSON.parse(json.stdout)).toMatchObject({ found: true, text: TEXT, ecc: 'Q' });
  });

  it('exits 1 when the image holds no readable QR code', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ansinh-scan-'));
    // A valid PNG, all white.
    const blank = join(dir, 'white.png');
    const { PNG } = await import('pngjs');
    const png = new PNG({ width: 64, height: 64 });
    png.data.fill(255);
    await writeFile(blank, PNG.sync.write(png));
    const r = await runCli(['scan', blank, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('No readable QR code was found in the image.');
  });

  it('exits 2 for a missing file, a file that is not an image, or no argument', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ansinh-scan-'));
    expect((await runCli(['scan', join(dir, 'missing.png')])).code).toBe(2);
    await writeFile(join(dir, 'notes.txt'), 'hello');
    const r = await runCli(['scan', join(dir, 'notes.txt')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Không đọc được ảnh');
    expect((await runCli(['scan'])).code).toBe(2);
  });

  it('reads docs/card.png through the real binary', () => {
    const r = spawnSync(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', 'packages/cli/src/bin.ts', 'scan', 'docs/card.png'],
      { encoding: 'utf8' },
    );
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^AS1:[0-9A-Z $%*+\-./:]+\n$/);
  });
});
