import { defineConfig } from 'vitest/config';

// One project per package. The `source` condition resolves workspace packages to their
// TypeScript sources, so tests never depend on a prior build.
const project = (name: string) => ({
  extends: true as const,
  test: { name, root: `packages/${name}`, include: ['test/**/*.test.ts'] },
});

export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    projects: [
      ...['core', 'cli', 'verify', 'qr'].map(project),
      {
        extends: true as const,
        test: { name: 'examples', root: 'examples', include: ['*/test/**/*.test.ts'] },
      },
    ],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
