// npm test: unit and HTTP tests (Vitest), then the end-to-end tests when Chromium is installed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const run = (args) => spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' }).status ?? 1;

const where = process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : 'in-memory PGlite';
console.log(`Unit and HTTP tests on ${where}`);
const unit = run([path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', ...process.argv.slice(2)]);
if (unit !== 0) process.exit(unit);

// The e2e server always runs on its own temporary PGlite (scripts/e2e.mjs), whatever DATABASE_URL says, so a
// caller that has just run them (CI's second pass, on PostgreSQL) may leave them out.
if (process.env.SHEQU_SKIP_E2E === '1') {
  console.log('\nEnd-to-end tests left out (SHEQU_SKIP_E2E=1): they ran in the first pass; their server is PGlite either way.');
  process.exit(0);
}

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!fs.existsSync(chromium) && process.env.CI !== 'true') {
  console.log(`\nEnd-to-end tests skipped: ${chromium} not found. Install it with: sudo apt-get install -y chromium (then npm run test:e2e).`);
  process.exit(0);
}
process.exit(run([path.join(root, 'scripts/e2e.mjs')]));
