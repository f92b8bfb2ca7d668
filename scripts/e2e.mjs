/* global fetch, clearTimeout */
// npm run test:e2e: build the web app if needed, start Shequ on a free port with a throw-away PGlite
// database, run the browser journeys (vitest.e2e.config.ts) against it, then stop it and clean up.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

if (!fs.existsSync(chromium)) {
  console.error(`End-to-end tests need Chromium at ${chromium}, which is missing.`);
  console.error('Install it (sudo apt-get install -y chromium fonts-noto-cjk) or set CHROMIUM_PATH to its executable.');
  process.exit(1);
}

/** Newest modification time of anything under dir (0 if it does not exist). */
function newest(dir) {
  if (!fs.existsSync(dir)) return 0;
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const p = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return latest;
}

const distIndex = path.join(root, 'web/dist/index.html');
const sources = Math.max(newest(path.join(root, 'web')), newest(path.join(root, 'shared')), fs.statSync(path.join(root, 'vite.config.ts')).mtimeMs);
const built = fs.existsSync(distIndex) ? fs.statSync(distIndex).mtimeMs : 0;
if (built < sources) {
  console.log('Building the web app (vite build)…');
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('The web build failed; end-to-end tests not run.');
    process.exit(r.status ?? 1);
  }
}

/** A TCP port nobody listens on right now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const port = await freePort();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shequ-e2e-'));
const baseUrl = `http://127.0.0.1:${port}`;

// The e2e server always uses its own temporary PGlite, even when the caller has DATABASE_URL set.
const env = {
  ...process.env,
  NODE_ENV: 'production',
  PORT: String(port),
  HOST: '127.0.0.1',
  DATA_DIR: dataDir,
  LOG_LEVEL: process.env.E2E_LOG_LEVEL || 'warn',
};
delete env.DATABASE_URL;
delete env.SHEQU_KEY;
delete env.KEY_FILE;
// Seed settings exist in server/config.ts: a small demo city is enough for the journeys.
const config = fs.readFileSync(path.join(root, 'server/config.ts'), 'utf8');
if (config.includes('SEED_DEMO')) env.SEED_DEMO = 'auto';
if (config.includes('SEED_RESIDENTS')) env.SEED_RESIDENTS = '2000';

console.log(`Starting Shequ for the end-to-end tests on ${baseUrl} (data in ${dataDir})…`);
const server = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server/main.ts')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
let serverLog = '';
const keep = (chunk) => {
  serverLog = (serverLog + chunk.toString()).slice(-20_000);
};
server.stdout.on('data', keep);
server.stderr.on('data', (chunk) => {
  keep(chunk);
  process.stderr.write(chunk);
});
let exited = null;
const serverExit = new Promise((resolve) => server.on('exit', (code, signal) => resolve((exited = { code, signal }))));

let cleaned = false;
async function cleanup() {
  if (cleaned) return;
  cleaned = true;
  if (!exited) {
    server.kill('SIGTERM');
    const timer = setTimeout(() => server.kill('SIGKILL'), 10_000);
    await serverExit;
    clearTimeout(timer);
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
}
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    void cleanup().then(() => process.exit(130));
  });
}

async function waitForHealth(timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited) return false;
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) return true;
    } catch {
      // not listening yet
    }
    await sleep(300);
  }
  return false;
}

let code = 1;
try {
  if (!(await waitForHealth(180_000))) {
    console.error(exited ? `The server exited (${exited.code ?? exited.signal}) before it was ready:` : 'The server did not become healthy within 180 s:');
    console.error(serverLog);
  } else {
    // Asynchronous, so that the server's output keeps being read while the tests run.
    const tests = spawn(
      process.execPath,
      [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--config', 'vitest.e2e.config.ts', ...process.argv.slice(2)],
      {
        cwd: root,
        stdio: 'inherit',
        env: { ...process.env, BASE_URL: baseUrl, E2E_BASE_URL: baseUrl, CHROMIUM_PATH: chromium, E2E_STATE_FILE: path.join(dataDir, 'e2e-phones.json') },
      },
    );
    code = await new Promise((resolve) => tests.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0))));
  }
} finally {
  await cleanup();
}
process.exit(code);
