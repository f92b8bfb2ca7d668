import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The files in a fixed order: totp.e2e.ts first, because it needs the first sign-in of the city bureau's
 * account (the setup of its second factor), which any other journey signing in as mzj would use up; the rest
 * by name. Vitest's own order (failed first, then slowest) changes from run to run.
 */
class FirstSignInFirst extends BaseSequencer {
  async sort(files: TestSpecification[]) {
    const rank = (f: TestSpecification) => (f.moduleId.endsWith('/totp.e2e.ts') ? 0 : 1);
    return [...files].sort((a, b) => rank(a) - rank(b) || a.moduleId.localeCompare(b.moduleId));
  }
}

/** End-to-end journeys (scripts/e2e.mjs starts the server and sets BASE_URL). One browser at a time. */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    sequence: { concurrent: false, sequencer: FirstSignInFirst },
  },
});
