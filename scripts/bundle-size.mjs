#!/usr/bin/env node
// Browser bundle sizes of @ansinh/verify, built with esbuild as an app bundler would (ES
// modules, minified, tree-shaken) and gzipped:
//   - the default verifier: createVerifier (verify, trust and status lists, the card schema from
//     @ansinh/core, the hc1 profile) on WebCrypto. Budget: 30 KB gzipped.
//   - the noble fallback (@ansinh/verify/noble): the same verifier on @noble/curves, for
//     runtimes without WebCrypto; its own entry, so WebCrypto users never download it.
//   - the issuer side (issueCard + signerFromJwk), for reference.
// Prints each size and the modules that weigh most; exits 1 when the default verifier is over
// its budget.
//
//   pnpm size        (= node scripts/bundle-size.mjs)
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const BUDGET_GZ = 30 * 1024;

const entries = [
  { name: 'default verifier', code: "export { createVerifier } from '@ansinh/verify';", budget: BUDGET_GZ },
  { name: 'noble fallback verifier', code: "export { createVerifier } from '@ansinh/verify/noble';" },
  {
    name: 'issuer (issueCard, signerFromJwk)',
    code: "export { issueCard, signerFromJwk } from '@ansinh/verify';",
  },
];

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

async function bundle(code) {
  const result = await build({
    // Resolved from bench/, the workspace package that depends on @ansinh/verify.
    stdin: { contents: code, resolveDir: fileURLToPath(new URL('../bench', import.meta.url)), loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    // Workspace packages resolve to their TypeScript sources, as in tests: no build needed.
    conditions: ['source'],
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const bytes = result.outputFiles[0].contents;
  const inputs = Object.entries(result.metafile.outputs[Object.keys(result.metafile.outputs)[0]].inputs)
    .map(([path, { bytesInOutput }]) => ({ path, bytesInOutput }))
    .sort((a, b) => b.bytesInOutput - a.bytesInOutput);
  return { minified: bytes.length, gzipped: gzipSync(bytes, { level: 9 }).length, inputs };
}

/** Groups module paths by package (or by workspace package folder) for the breakdown. */
function group(path) {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules)/.exec(path);
  if (pkg) return pkg[1];
  const own = /packages\/([^/]+)\/src\/([^/]+)/.exec(path);
  return own ? `@ansinh/${own[1]} ${own[2]}` : path;
}

let over = false;
process.stdout.write('| bundle | minified | gzipped | budget (gzipped) |\n| --- | ---: | ---: | ---: |\n');
const details = [];
for (const entry of entries) {
  const r = await bundle(entry.code);
  const verdict =
    entry.budget === undefined ? '—' : `${kb(entry.budget)} ${r.gzipped <= entry.budget ? 'ok' : 'OVER'}`;
  if (entry.budget !== undefined && r.gzipped > entry.budget) over = true;
  process.stdout.write(`| ${entry.name} | ${kb(r.minified)} | ${kb(r.gzipped)} | ${verdict} |\n`);
  const byGroup = new Map();
  for (const { path, bytesInOutput } of r.inputs)
    byGroup.set(group(path), (byGroup.get(group(path)) ?? 0) + bytesInOutput);
  details.push({ name: entry.name, groups: [...byGroup].sort((a, b) => b[1] - a[1]).slice(0, 8) });
}
for (const { name, groups } of details) {
  process.stdout.write(`\n${name}, heaviest parts (minified bytes before gzip):\n`);
  for (const [g, bytes] of groups) process.stdout.write(`  ${kb(bytes).padStart(9)}  ${g}\n`);
}
process.exitCode = over ? 1 : 0;
