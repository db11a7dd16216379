import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJsonSchemas, generateRecords, validateRecord } from '@ansinh/core';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'ansinh-generate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ndjson = (text: string) =>
  text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('ansinh generate', () => {
  it('writes NDJSON to standard output, the same records as generateRecords', async () => {
    const r = await runCli(['generate', '--kind', 'social-assistance', '--count', '25', '--seed', '7']);
    expect(r.code).toBe(0);
    const records = ndjson(r.stdout);
    expect(records).toEqual([...generateRecords('social-assistance', { seed: 7, count: 25 })]);
    for (const record of records) expect(validateRecord('social-assistance', record).ok).toBe(true);
  });

  it('writes a single card object that passes the card schema (claims for ansinh issue)', async () => {
    const r = await runCli(['generate', '--kind', 'card', '--count', '1', '--seed', '3']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    const card = JSON.parse(r.stdout);
    expect(validateRecord('card', card).ok).toBe(true);
  });

  it('gives ansinh issue claims it signs (generate --kind card | issue --claims)', async () => {
    const key = join(dir, 'issuer.jwk');
    expect((await runCli(['keygen', '--alg', 'EdDSA', '--out', key])).code).toBe(0);
    for (const seed of ['1', '2', '3']) {
      const card = await runCli(['generate', '--kind', 'card', '--count', '1', '--seed', seed]);
      const issued = await runCli(['issue', '--key', key, '--claims', '-', '--exp', '2030-12-31'], {
        stdin: card.stdout,
      });
      expect(issued.code, issued.stderr).toBe(0);
      expect(issued.stdout).toMatch(/^AS1:/);
    }
  });

  it('writes CSV with a header of dotted columns, read back by ansinh validate', async () => {
    const out = join(dir, 'household.csv');
    const r = await runCli(
      ['generate', '--kind', 'household', '--count', '40', '--seed', '2', '--out', out],
      {
        cwd: dir,
      },
    );
    expect(r.code).toBe(0);
    const [header, ...rows] = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(header).toContain('address.provinceCode');
    expect(header).toContain('members');
    expect(rows).toHaveLength(40);
    const v = await runCli(['validate', out, '--kind', 'household', '--json']);
    expect(v.code).toBe(0);
    expect(JSON.parse(v.stdout)).toMatchObject({ records: 40, valid: 40, invalid: 0 });
  });

  it('plants mistakes and lists them with --planted; validation finds exactly those', async () => {
    const out = join(dir, 'sa.csv');
    const planted = join(dir, 'planted.ndjson');
    const r = await runCli([
      'generate',
      '--kind',
      'social-assistance',
      '--count',
      '600',
      '--seed',
      '4',
      '--error-rate',
      '0.2',
      '--out',
      out,
      '--planted',
      planted,
    ]);
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8').split('\n')[0]).toMatch(/,ghiChu$/);
    const mistakes = ndjson(readFileSync(planted, 'utf8'));
    expect(mistakes.length).toBeGreaterThan(80);
    const expected: Record<string, number> = {};
    for (const m of mistakes) expected[m.code as string] = (expected[m.code as string] ?? 0) + 1;
    const v = await runCli(['validate', out, '--kind', 'social-assistance', '--json']);
    expect(v.code).toBe(1);
    const report = JSON.parse(v.stdout);
    expect(report.invalid).toBe(mistakes.length);
    expect(report.issues).toEqual(expected);
  });

  it('exits 2 on usage errors: unknown kind, bad numbers, unknown format or flag', async () => {
    for (const args of [
      ['--kind', 'nope'],
      [],
      ['--kind', 'person', '--count', '-5'],
      ['--kind', 'person', '--count', 'ten'],
      ['--kind', 'person', '--seed', '1.5'],
      ['--kind', 'person', '--error-rate', '1.5'],
      ['--kind', 'person', '--error-rate', 'abc'],
      ['--kind', 'person', '--format', 'xml'],
      ['--kind', 'person', '--colour'],
    ]) {
      const r = await runCli(['generate', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('ansinh generate:');
    }
  });

  it('prints help with an example', async () => {
    const r = await runCli(['generate', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain('duplicate-personal-id');
  });

  it('runs as the real binary and streams a large count', () => {
    const r = spawnSync(
      process.execPath,
      [
        '--conditions=source',
        '--import',
        'tsx',
        join(import.meta.dirname, '..', 'src', 'bin.ts'),
        'generate',
        '--kind',
        'payment-order',
        '--count',
        '20000',
        '--seed',
        '1',
      ],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(20000);
    expect(JSON.parse(lines[19999]!).orderId).toMatch(/^CT-\d{6}-000019999$/);
  });
});

describe('ansinh schema export', () => {
  it('writes every JSON Schema and the index to --out', async () => {
    const out = join(dir, 'schemas');
    const r = await runCli(['schema', 'export', '--out', out]);
    expect(r.code).toBe(0);
    const files = exportJsonSchemas();
    expect(readdirSync(out).sort()).toEqual([...files.keys()].sort());
    for (const [name, text] of files) expect(readFileSync(join(out, name), 'utf8')).toBe(text);
  });

  it('prints help with an example and exits 2 on a stray argument', async () => {
    const help = await runCli(['schema', 'export', '--help']);
    expect(help.stdout).toContain('Example:');
    expect((await runCli(['schema', 'export', 'extra'])).code).toBe(2);
  });
});
