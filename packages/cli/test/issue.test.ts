import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateRecords } from '@ansinh/core';
import { createVerifier, generateSigningKey } from '@ansinh/verify';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run.js';

let dir: string;
let publicJwk: JsonWebKey;
const cards = [...generateRecords('card', { seed: 11, count: 3 })];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ansinh-issue-'));
  const key = await generateSigningKey('ES256');
  publicJwk = key.publicJwk;
  await writeFile(join(dir, 'vss.jwk'), JSON.stringify(key.privateJwk));
  await writeFile(join(dir, 'vss.jwk.pub'), JSON.stringify(key.publicJwk));
  // What `ansinh generate --kind card --count 1` prints: one NDJSON line.
  await writeFile(join(dir, 'one.ndjson'), `${JSON.stringify(cards[0])}\n`);
  await writeFile(join(dir, 'three.ndjson'), cards.map((c) => `${JSON.stringify(c)}\n`).join(''));
  await writeFile(join(dir, 'card.json'), JSON.stringify(cards[1], null, 2));
});

describe('ansinh issue', () => {
  it('prints one line of QR text that verifies, with the given iss, iat and exp', async () => {
    const r = await runCli(
      [
        'issue',
        '--key',
        'vss.jwk',
        '--claims',
        'one.ndjson',
        '--iss',
        'VSS',
        '--iat',
        '2025-01-01',
        '--exp',
        '2030-01-01',
      ],
      { cwd: dir },
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^AS1:[0-9A-Z $%*+\-./:]+\n$/);
    const v = await createVerifier({ keys: [publicJwk], now: new Date('2026-01-01') }).verify(
      r.stdout.trimEnd(),
    );
    expect(v).toMatchObject({ valid: true, card: cards[0], issuer: 'VSS' });
    expect(v.valid && v.claims).toMatchObject({
      iat: Date.parse('2025-01-01') / 1000,
      exp: Date.parse('2030-01-01') / 1000,
    });
  });

  it('reads pretty JSON, inline JSON and standard input, with a status reference', async () => {
    for (const [claims, stdin] of [
      ['card.json'],
      [JSON.stringify(cards[2])],
      ['-', JSON.stringify(cards[2])],
    ] as const) {
      const r = await runCli(
        [
          'issue',
          '--key',
          'vss.jwk',
          '--claims',
          claims,
          '--status-uri',
          'https://bhxh.example/sl/1',
          '--status-index',
          '9',
        ],
        { cwd: dir, ...(stdin ? { stdin } : {}) },
      );
      expect(r.code, claims).toBe(0);
      const v = await createVerifier({ keys: [publicJwk] }).verify(r.stdout.trimEnd());
      expect(v.valid && v.profile === 'ansinh' && v.claims.status).toEqual({
        idx: 9,
        uri: 'https://bhxh.example/sl/1',
      });
    }
  });

  it('exits 1 with coded, localized issues for invalid claims', async () => {
    const bad = { ...cards[0], personalId: '12345', dateOfBirth: '1990-02-30' };
    const r = await runCli(['issue', '--key', 'vss.jwk', '--claims', JSON.stringify(bad), '--lang', 'en'], {
      cwd: dir,
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('invalid card claims');
    expect(r.stderr).toContain('personalId');
  });

  it('exits 2 on usage mistakes', async () => {
    const cases = [
      ['issue', '--claims', 'card.json'],
      ['issue', '--key', 'vss.jwk'],
      ['issue', '--key', 'vss.jwk.pub', '--claims', 'card.json'],
      ['issue', '--key', 'vss.jwk', '--claims', 'three.ndjson'],
      ['issue', '--key', 'vss.jwk', '--claims', 'card.json', '--exp', 'next year'],
      ['issue', '--key', 'vss.jwk', '--claims', 'card.json', '--iat', '2030-01-01', '--exp', '2029-01-01'],
      ['issue', '--key', 'vss.jwk', '--claims', 'card.json', '--status-uri', 'https://x.example/1'],
      ['issue', '--key', 'missing.jwk', '--claims', 'card.json'],
      ['issue', '--key', 'vss.jwk', '--claims', '{not json'],
    ];
    for (const argv of cases) {
      const r = await runCli(argv, { cwd: dir });
      expect(r.code, argv.join(' ')).toBe(2);
    }
  });
});
