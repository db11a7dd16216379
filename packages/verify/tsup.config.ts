import { defineConfig } from 'tsup';

export default defineConfig({
  // `node` is the Node-only entry (node:crypto), with `verify-worker` the script of its batch
  // workers (loaded by file next to the entry, so it is an entry of its own); the others run anywhere.
  entry: {
    index: 'src/index.ts',
    'noble-entry': 'src/noble-entry.ts',
    node: 'src/node/index.ts',
    'verify-worker': 'src/node/verify-worker.ts',
  },
  tsconfig: 'tsconfig.build.json',
  format: ['esm', 'cjs'],
  // Types for the public entries only: the worker script is no module to import.
  dts: { entry: { index: 'src/index.ts', 'noble-entry': 'src/noble-entry.ts', node: 'src/node/index.ts' } },
  sourcemap: true,
  treeshake: true,
  clean: true,
  target: 'es2022',
  // `import.meta.url` in the CJS build, where the Node entry finds its worker script.
  shims: true,
});
