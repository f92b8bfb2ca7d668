import { defineConfig } from 'vitest/config';

/** End-to-end journeys (scripts/e2e.mjs starts the server and sets BASE_URL). One browser at a time. */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    sequence: { concurrent: false },
  },
});
