import { defineConfig } from 'tsup';

export default defineConfig({
  // `node` is the Node-only entry (file reading, the scanner's .wasm from disk).
  entry: { index: 'src/index.ts', node: 'src/node/index.ts' },
  tsconfig: 'tsconfig.build.json',
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  treeshake: true,
  clean: true,
  target: 'es2022',
  // import.meta.url in the Node entry's CommonJS build.
  shims: true,
});
