// Runs every ```ts block of the package READMEs, so a README cannot drift from the code: each
// block is written to a scratch file inside packages/cli (where every workspace package
// resolves, through the `source` condition, to its TypeScript sources), type-checked with the
// repository's compiler settings, and run in its own Node process.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repo = fileURLToPath(new URL('../../../', import.meta.url));
// `.scratch/` is gitignored; inside packages/cli, `@ansinh/*` imports resolve as a user's would.
const scratch = join(repo, 'packages/cli/.scratch/readme-examples');
const READMES = ['core', 'verify', 'qr', 'cli'].map((pkg) => `packages/${pkg}/README.md`);

interface Block {
  readonly readme: string;
  readonly name: string;
  readonly file: string;
  readonly code: string;
}

/** The fenced blocks of a Markdown text: info string and body. */
function fences(markdown: string): { lang: string; code: string }[] {
  return [...markdown.matchAll(/^```([^\n`]*)\n([\s\S]*?)^```[ \t]*$/gm)].map((m) => ({
    lang: (m[1] ?? '').trim(),
    code: m[2] ?? '',
  }));
}

const readmes = READMES.map((readme) => ({ readme, text: readFileSync(join(repo, readme), 'utf8') }));
const blocks: Block[] = readmes.flatMap(({ readme, text }) =>
  fences(text)
    .filter((f) => f.lang === 'ts')
    .map((f, i) => ({
      readme,
      name: `${readme}: ${f.code.split('\n', 1)[0]}`,
      file: join(scratch, `${readme.split('/')[1]}-${i + 1}.ts`),
      code: f.code,
    })),
);

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

beforeAll(() => {
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  for (const b of blocks) writeFileSync(b.file, b.code);
  writeFileSync(
    join(scratch, 'tsconfig.json'),
    JSON.stringify({
      extends: relative(scratch, join(repo, 'tsconfig.base.json')),
      compilerOptions: { noEmit: true, types: ['node'], lib: ['ES2022', 'DOM'] },
      // The packages' ambient declarations (e.g. for qrcode's untyped internals) come along.
      include: ['*.ts', relative(scratch, join(repo, 'packages/*/src/**/*.d.ts'))],
    }),
  );
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('package READMEs', () => {
  it('write TypeScript only in ```ts blocks (other fences are not run)', () => {
    for (const { readme, text } of readmes) {
      const langs = fences(text).map((f) => f.lang);
      expect(langs, readme).not.toContain('');
      for (const lang of ['typescript', 'js', 'javascript', 'tsx', 'mjs'])
        expect(langs, readme).not.toContain(lang);
    }
  });

  it('have ts examples in every package but the CLI', () => {
    for (const pkg of ['core', 'verify', 'qr'])
      expect(blocks.some((b) => b.readme === `packages/${pkg}/README.md`)).toBe(true);
  });

  it('type-check', async () => {
    const result = await run(process.execPath, [tsc, '-p', join(scratch, 'tsconfig.json')], {
      cwd: repo,
      timeout: 120_000,
    }).then(
      () => '',
      (e: { stdout?: string; message: string }) => e.stdout || e.message,
    );
    // Paths in the compiler's output name the README and block, e.g. verify-2.ts(14,7).
    expect(result).toBe('');
  }, 120_000);

  for (const block of blocks) {
    it(block.name, async () => {
      const result = await run(process.execPath, ['--conditions=source', '--import', 'tsx', block.file], {
        cwd: repo,
        timeout: 60_000,
        env: { ...process.env, NO_COLOR: '1' },
      }).then(
        (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
        (e: { code?: number; stdout?: string; stderr?: string; message: string }) => ({
          code: e.code ?? -1,
          stdout: e.stdout ?? '',
          stderr: e.stderr || e.message,
        }),
      );
      expect(result.stderr, `${block.file}\n${block.code}`).toBe('');
      expect(result.code).toBe(0);
      // Each example ends by printing what it got.
      expect(result.stdout.trim()).not.toBe('');
    }, 60_000);
  }
});
