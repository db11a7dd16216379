#!/usr/bin/env node
// The one test command (README, .ci/run): lint, type-check, unit and integration tests, build,
// then the checks that need built output. Each step prints its own result; the first failure stops.
import { spawnSync } from 'node:child_process';

const steps = [
  ['lint (biome)', 'pnpm', ['exec', 'biome', 'check', '.']],
  ['type-check (tsc)', 'pnpm', ['exec', 'tsc', '-p', 'tsconfig.json', '--noEmit']],
  // The browser-safe packages again, alone, without Node's types: a stray Buffer or process fails here.
  ...['core', 'verify', 'qr'].map((p) => [
    `type-check ${p} without Node types`,
    'pnpm',
    ['exec', 'tsc', '-p', `packages/${p}/tsconfig.json`],
  ]),
  ['tests (vitest)', 'pnpm', ['exec', 'vitest', 'run']],
  // Issue 4's budget: the default browser verifier stays under 30 KB gzipped (exits 1 when over).
  ['browser bundle size (esbuild)', 'node', ['scripts/bundle-size.mjs']],
  ['build (tsup)', 'pnpm', ['-r', '--filter', './packages/**', 'run', 'build']],
];

let passed = 0;
for (const [name, cmd, args] of steps) {
  const started = Date.now();
  process.stdout.write(`\n=== ${name}\n`);
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status !== 0) {
    process.stdout.write(`\n=== FAILED: ${name} (${secs} s); ${passed} of ${steps.length} steps passed\n`);
    process.exit(1);
  }
  passed++;
  process.stdout.write(`=== ok: ${name} (${secs} s)\n`);
}
process.stdout.write(`\n=== all ${passed} steps passed\n`);
