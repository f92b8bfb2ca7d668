import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The web code imports shared/ as @shared (as in vite.config.ts).
  resolve: { alias: { '@shared': path.join(import.meta.dirname, 'shared') } },
  test: {
    include: ['server/**/*.test.ts', 'shared/**/*.test.ts', 'web/src/**/*.test.ts', 'web/src/**/*.test.tsx'],
    // Generous: on a shared 2-core CI machine with the e2e run beside the PostgreSQL pass, one HTTP test
    // has taken over 30 s. A limit is no assertion; the tests assert what happens, not how fast.
    testTimeout: 60_000,
    hookTimeout: 90_000,
    pool: 'forks',
  },
});
