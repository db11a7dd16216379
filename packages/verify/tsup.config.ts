import { defineConfig } from 'tsup';

export default defineConfig({
  // `node` is the Node-only entry (node:crypto); the other two run anywhere.
  entry: { index: 'src/index.ts', 'noble-entry': 'src/noble-entry.ts', node: 'src/node/index.ts' },
  tsconfig: 'tsconfig.build.json',
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  treeshake: true,
  clean: true,
  target: 'es2022',
});
