import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The web code imports shared/ as @shared (as in vite.config.ts).
  resolve: { alias: { '@shared': path.join(import.meta.dirname, 'shared') } },
  test: {
    include: ['server/**/*.test.ts', 'shared/**/*.test.ts', 'web/src/**/*.test.ts', 'web/src/**/*.test.tsx'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
