import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts', 'src/noble-entry.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  treeshake: true,
  clean: true,
  target: 'es2022',
});
