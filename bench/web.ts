/**
 * Web benchmark in headless Chromium with the demo city: the JavaScript each route loads on a cold cache
 * (raw and gzipped), and the time from navigating to /residents to a rendered resident table.
 *
 *   npx tsx bench/web.ts [--runs 15]       (npm run bench:web; needs /usr/bin/chromium)
 *
 * Starts Shequ through scripts/start.mjs (which builds the web app when its sources changed) on a free
 * port with a fresh PGlite directory (seeded with the demo city), prints a table and writes
 * bench/results/web.json.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import zlib from 'node:zlib';
import type { BrowserContext } from 'playwright-core';
import { launch } from '../e2e/helpers';
import { freePort } from '../scripts/live-server';

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '15' } } });
const runs = Number(args.runs);
const root = path.resolve(import.meta.dirname, '..');
const PASSWORD = process.env.DEMO_PASSWORD || 'Shequ@2026';
/** Routes as a community worker opens them, each with what shows it is rendered. */
const ROUTES: { path: string; ready: string }[] = [
  { path: '/residents', ready: '.ant-table-row' },
  { path: '/households', ready: '.ant-table-row' },
  { path: '/buildings', ready: '.ant-table-row' },
  { path: '/statistics', ready: 'canvas' },
  { path: '/imports', ready: '.ant-upload' },
];

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;

/** Records every script a page loads: raw and gzipped bytes. */
function recordScripts(context: BrowserContext) {
  const seen: { url: string; raw: number; gzip: number }[] = [];
  const pending: Promise<void>[] = [];
  context.on('response', (res) => {
    if (res.request().resourceType() !== 'script') return;
    pending.push(
      res.body().then((body) => {
        seen.push({ url: res.url(), raw: body.length, gzip: zlib.gzipSync(body, { level: 9 }).length });
      }),
    );
  });
  return async () => {
    await Promise.all(pending);
    return { files: seen.length, raw: seen.reduce((a, s) => a + s.raw, 0), gzip: seen.reduce((a, s) => a + s.gzip, 0) };
  };
}

async function main() {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shequ-web-bench-'));
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, [path.join(root, 'scripts/start.mjs')], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      LOGIN_RATE_LIMIT: '100000',
      SEARCH_RATE_LIMIT: '100000',
      // Load and drills read far beyond a person's hour: the look-up limit and the personal-read budget step aside.
      LOOKUP_LIMIT_PER_HOUR: '100000',
      LOOKUP_MISSES_PER_HOUR: '100000',
      PERSONAL_READ_BUDGET: '100000',
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const session = await launch();
  try {
    for (let i = 0; ; i++) {
      if (i > 600) throw new Error('the server did not start within 5 minutes');
      try {
        if ((await fetch(`${base}/api/health`)).ok) break;
      } catch {
        /* not up yet */
      }
      await new Promise((r) => setTimeout(r, 500));
    }

    // The sign-in route, cold.
    const bundles: Record<string, string | number>[] = [];
    {
      const context = await session.browser.newContext({ locale: 'zh-CN' });
      const done = recordScripts(context);
      const page = await context.newPage();
      await page.goto(`${base}/login`);
      await page.getByRole('textbox', { name: /用户名|Username/ }).waitFor();
      await page.waitForLoadState('networkidle');
      const js = await done();
      bundles.push({ route: '/login', files: js.files, rawKB: kb(js.raw), gzipKB: kb(js.gzip) });
      await context.close();
    }

    // A signed-in state to start every later measurement from, with an empty cache.
    const signIn = await session.browser.newContext({ locale: 'zh-CN' });
    const login = await signIn.request.post(`${base}/api/auth/login`, { data: { username: 'chengdong', password: PASSWORD } });
    if (!login.ok()) throw new Error(`sign-in failed: ${login.status()}`);
    const storageState = await signIn.storageState();
    await signIn.close();

    for (const route of ROUTES) {
      const context = await session.browser.newContext({ locale: 'zh-CN', storageState });
      const done = recordScripts(context);
      const page = await context.newPage();
      await page.goto(`${base}${route.path}`);
      await page.locator(route.ready).first().waitFor({ state: 'visible', timeout: 30_000 });
      await page.waitForLoadState('networkidle');
      const js = await done();
      bundles.push({ route: route.path, files: js.files, rawKB: kb(js.raw), gzipKB: kb(js.gzip) });
      await context.close();
    }
    console.log('\nJavaScript loaded by each route on a cold cache (KB):');
    console.table(bundles);

    // Navigation to a rendered resident table: cold (new context, empty cache) and warm (same page, reload).
    const cold: number[] = [];
    const warm: number[] = [];
    const context = await session.browser.newContext({ locale: 'zh-CN', storageState });
    const warmPage = await context.newPage();
    for (let i = 0; i < runs; i++) {
      const fresh = await session.browser.newContext({ locale: 'zh-CN', storageState });
      const page = await fresh.newPage();
      let t0 = performance.now();
      await page.goto(`${base}/residents`);
      await page.locator('.ant-table-row').first().waitFor({ state: 'visible', timeout: 30_000 });
      cold.push(performance.now() - t0);
      await fresh.close();

      t0 = performance.now();
      await warmPage.goto(`${base}/residents`);
      await warmPage.locator('.ant-table-row').first().waitFor({ state: 'visible', timeout: 30_000 });
      warm.push(performance.now() - t0);
    }
    await context.close();
    const timing = [
      { navigation: 'cold cache', p50: Math.round(pct(cold, 50)), p95: Math.round(pct(cold, 95)) },
      { navigation: 'warm cache', p50: Math.round(pct(warm, 50)), p95: Math.round(pct(warm, 95)) },
    ];
    console.log(`\nNavigation to a rendered resident table (ms, ${runs} runs, 城东 community worker, demo city on PGlite):`);
    console.table(timing);

    const dir = path.join(root, 'bench/results');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'web.json'), JSON.stringify({ date: new Date().toISOString(), bundles, timing, runs }, null, 2));
    console.log('Results written to bench/results/web.json');
  } finally {
    await session.close();
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
