#!/usr/bin/env node
// The README's demo: generate a synthetic social-assistance dataset with a few planted mistakes,
// validate it with the real `ansinh` command, and print the quality report. Then, when the verify
// and qr packages are present, issue an e-card for one generated person, verify it offline and
// show its QR code in the terminal.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'ansinh-demo-'));
const lang = process.env.ANSINH_LANG === 'en' ? 'en' : 'vi';

function ansinh(args, { capture = false, allow = [0] } = {}) {
  const r = spawnSync(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', 'packages/cli/src/bin.ts', ...args],
    {
      cwd: root,
      stdio: capture ? ['ignore', 'pipe', 'inherit'] : 'inherit',
      encoding: 'utf8',
    },
  );
  if (!allow.includes(r.status)) {
    console.error(`\nansinh ${args.join(' ')} exited with ${r.status}`);
    process.exit(1);
  }
  return r.stdout;
}

function step(title, ...args) {
  console.log(`\n\x1b[1m▶ ${title}\x1b[0m\n  $ ansinh ${args.join(' ')}`);
}

try {
  const data = join(dir, 'social-assistance.ndjson');
  const args = [
    'generate',
    '--kind',
    'social-assistance',
    '--count',
    '20000',
    '--seed',
    '708',
    '--error-rate',
    '0.01',
    '--out',
    data,
  ];
  step('1. Generate 20,000 synthetic social-assistance records, 1% with planted mistakes', ...args);
  ansinh(args);
  const validate = ['validate', data, '--lang', lang];
  step(
    '2. Validate the dataset against the national data standard (exit 1: some records are invalid)',
    ...validate,
  );
  ansinh(validate, { allow: [0, 1] });

  const help = ansinh(['--help'], { capture: true });
  const has = (name) => new RegExp(`^\\s+${name}\\s`, 'm').test(help);
  if (has('issue') && has('verify')) {
    const key = join(dir, 'issuer.jwk');
    const card = join(dir, 'card.json');
    step(
      '3. Create an issuer key and issue a signed e-card for one generated person',
      'keygen',
      '--alg',
      'ES256',
      '--out',
      key,
    );
    ansinh(['keygen', '--alg', 'ES256', '--out', key], { capture: true });
    ansinh(['generate', '--kind', 'card', '--count', '1', '--seed', '43', '--out', card]);
    const qrText = ansinh(['issue', '--key', key, '--claims', card], { capture: true }).trim();
    console.log(`  QR text (${qrText.length} characters): ${qrText.slice(0, 60)}…`);
    step("4. Verify it offline with the issuer's public key", 'verify', '<QR text>', '--key', `${key}.pub`);
    ansinh(['verify', qrText, '--key', `${key}.pub`]);
    if (has('qr')) {
      step('5. The QR code a citizen would carry', 'qr', '<QR text>', '--format', 'terminal', '--ecc', 'Q');
      ansinh(['qr', qrText, '--format', 'terminal', '--ecc', 'Q']);
    }
  }
  if (!existsSync(data)) process.exit(1);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
