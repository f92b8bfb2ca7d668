/**
 * Registry benchmark: seeds (or reuses) a city of N residents, then measures through HTTP and, beside
 * each, the very same SQL replayed directly through the driver (the limit; Shequ's overhead is the ratio):
 * search by name fragment, pinyin initials and ID suffix, resident detail, household page, community
 * statistics. Then authenticated HTTP load (autocannon, 50 connections) on list, search and detail beside
 * a bare Fastify route (the HTTP floor), and the server's RSS at rest and under load.
 *
 *   npm run bench -- --scale 100000 --db pg        # PostgreSQL (database shequ_bench_100000 on BENCH_PG or 127.0.0.1)
 *   npm run bench -- --db pglite                   # PGlite with the demo city (~67k residents)
 *   options: --runs 200 (per scenario) --duration 10 (seconds of load per endpoint) --no-load --fresh
 *            --stat-runs 10 (runs of the statistics scenarios; default: --runs; at 10M a city's take seconds each)
 *            --processes 1,2,4 (server processes of the load test, SERVER_PROCESSES; PostgreSQL only; default 1)
 *
 * Prints a table and writes JSON to bench/results/registry-<db>-<scale>.json.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import pg from 'pg';
import { buildApp } from '../server/app';
import { loadConfig, type Config } from '../server/config';
import { migrateDatabase, openDatabase, type Database } from '../server/db/client';
import { seedDemo } from '../server/db/seed';
import { signIn } from '../scripts/live-server';
import { benchEnv } from './bench-env';
import '../server/db/seed/steps';

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string' },
    db: { type: 'string', default: 'pg' },
    runs: { type: 'string', default: '200' },
    duration: { type: 'string', default: '10' },
    'no-load': { type: 'boolean', default: false },
    fresh: { type: 'boolean', default: false },
    processes: { type: 'string', default: '1' },
    'stat-runs': { type: 'string' },
  },
});
const kind = args.db === 'pglite' ? 'pglite' : 'pg';
const scale = args.scale ? Number(args.scale) : undefined;
const runs = Number(args.runs);
const root = path.resolve(import.meta.dirname, '..');
const resultsDir = path.join(root, 'bench/results');
fs.mkdirSync(resultsDir, { recursive: true });

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const ms = (x: number) => Math.round(x * 100) / 100;

async function prepare(): Promise<{
  config: Config;
  database: Database;
  captured: { text: string; params: unknown[] }[];
  capture: { on: boolean };
  seedSeconds: number | null;
}> {
  const tag = scale ?? 'demo';
  const env: Record<string, string | undefined> = benchEnv();

  if (kind === 'pg') {
    const server = process.env.BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
    const dbName = `shequ_bench_${tag}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    if (args.fresh) await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [dbName]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${dbName}`);
    await admin.end();
    const url = new URL(server);
    url.pathname = `/${dbName}`;
    env.DATABASE_URL = url.toString();
  } else {
    delete env.DATABASE_URL;
    env.DATA_DIR = path.join(resultsDir, `pglite-${tag}`);
    if (args.fresh) fs.rmSync(env.DATA_DIR, { recursive: true, force: true });
  }
  const config = loadConfig(env);
  const captured: { text: string; params: unknown[] }[] = [];
  const capture = { on: false };
  const database = await openDatabase(config, { onQuery: (text, params) => capture.on && captured.push({ text, params }) });
  await migrateDatabase(database);
  const [{ n }] = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM regions');
  let seedSeconds: number | null = null;
  if (n === 0) {
    const t0 = performance.now();
    console.log(`Seeding ${scale ?? 'the demo city'} residents on ${kind}…`);
    await seedDemo(database, config, { residents: scale });
    seedSeconds = (performance.now() - t0) / 1000;
    if (kind === 'pg') await database.query('ANALYZE');
  }
  return { config, database, captured, capture, seedSeconds };
}

async function main() {
  const { config, database, captured, capture, seedSeconds } = await prepare();
  const [{ residents }] = await database.query<{ residents: number }>('SELECT count(*)::int AS residents FROM residents');
  const app = await buildApp(config, database);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;

  const { cookie } = await signIn(base, 'mzj', config.demoPassword);
  // The street office of 城东, 城中 and 世纪: its overview is the statistics of one street.
  const street = await signIn(base, 'street1', config.demoPassword);

  // Parameters drawn from the data itself, so every query finds something.
  const sample = await database.query<{ id: string; name: string; initials: string; tail: string; household_id: string | null; community_id: string }>(
    `SELECT id, name, name_initials AS initials, reverse(id_tail_rev) AS tail, household_id, community_id FROM residents TABLESAMPLE SYSTEM (5) WHERE status = 'active' LIMIT ${runs}`,
  );
  const pick = <T>(xs: T[], i: number) => xs[i % xs.length];
  const statRuns = Number(args['stat-runs'] ?? runs);
  const scenarios: { name: string; url: (i: number) => string; cookie?: string; runs?: number }[] = [
    {
      name: 'search: name fragment',
      url: (i) => `/api/residents?q=${encodeURIComponent(pick(sample, i).name.slice(1, 3) || pick(sample, i).name)}&pageSize=20`,
    },
    { name: 'search: pinyin initials', url: (i) => `/api/residents?q=${pick(sample, i).initials}&pageSize=20` },
    { name: 'search: ID suffix (6)', url: (i) => `/api/residents?q=${pick(sample, i).tail}&pageSize=20` },
    { name: 'resident detail', url: (i) => `/api/residents/${pick(sample, i).id}` },
    {
      name: 'household page',
      url: (i) =>
        `/api/households/${
          pick(
            sample.filter((s) => s.household_id),
            i,
          ).household_id
        }`,
    },
    { name: 'community statistics', url: (i) => `/api/statistics/communities/${pick(sample, i).community_id}`, runs: statRuns },
    { name: 'street statistics', url: () => '/api/statistics/overview', cookie: street.cookie, runs: statRuns },
    { name: 'city statistics', url: () => '/api/statistics/overview', runs: statRuns },
  ];

  // The HTTP floor of this client: a bare Fastify route in the same process, asked the same way.
  const bareApp = Fastify();
  bareApp.get('/bare', async () => ({ ok: true }));
  await bareApp.listen({ port: 0, host: '127.0.0.1' });
  const bareUrl = `http://127.0.0.1:${(bareApp.server.address() as { port: number }).port}/bare`;
  const floor: number[] = [];
  for (let i = 0; i < runs + 5; i++) {
    const t0 = performance.now();
    await (await fetch(bareUrl)).arrayBuffer();
    if (i >= 5) floor.push(performance.now() - t0);
  }
  await bareApp.close();

  const isAuthQuery = (text: string) => /"sessions"|"users"|"user_grants"|from "regions"|audit_log|pg_advisory/i.test(text);
  const rows: Record<string, number | string>[] = [];
  for (const s of scenarios) {
    const http: number[] = [];
    const direct: number[] = [];
    const inProcess: number[] = [];
    const headers = { cookie: s.cookie ?? cookie };
    for (let i = 0; i < Math.min(5, s.runs ?? runs); i++) await (await fetch(base + s.url(i), { headers })).arrayBuffer(); // warm-up
    for (let i = 0; i < (s.runs ?? runs); i++) {
      const url = base + s.url(i);
      captured.length = 0;
      capture.on = true;
      const t0 = performance.now();
      const res = await fetch(url, { headers });
      await res.arrayBuffer();
      http.push(performance.now() - t0);
      capture.on = false;
      if (res.status !== 200) throw new Error(`${s.name}: ${res.status} for ${url}`);
      const queries = captured.filter((q) => !isAuthQuery(q.text));
      const t1 = performance.now();
      for (const q of queries) await database.query(q.text, q.params as unknown[]);
      direct.push(performance.now() - t1);
      // The same request without the network: app.inject() into the same app.
      const t2 = performance.now();
      await app.inject({ url: s.url(i), headers });
      inProcess.push(performance.now() - t2);
    }
    rows.push({
      scenario: s.name,
      p50: ms(pct(http, 50)),
      p95: ms(pct(http, 95)),
      p99: ms(pct(http, 99)),
      sqlP50: ms(pct(direct, 50)),
      sqlP95: ms(pct(direct, 95)),
      ratioP50: ms(pct(http, 50) / Math.max(pct(direct, 50), 0.01)),
      // Less what this client needs for a bare route (fetch, the socket, HTTP parsing): what the server adds.
      netRatioP50: ms((pct(http, 50) - pct(floor, 50)) / Math.max(pct(direct, 50), 0.01)),
      injectP50: ms(pct(inProcess, 50)),
      injectRatio: ms(pct(inProcess, 50) / Math.max(pct(direct, 50), 0.01)),
    });
  }
  console.log(`\nLatency over ${runs} requests each (statistics: ${statRuns}) (ms), ${residents.toLocaleString()} residents on ${kind}:`);
  console.table(rows);
  const floorP50 = ms(pct(floor, 50));
  console.log(`HTTP floor of this client (a bare Fastify route, same process, fetch): p50 ${floorP50} ms.`);
  console.log('injectP50: the same request through app.inject() (no network); injectRatio = injectP50 / sqlP50.');
  console.log("netRatioP50 = (p50 - the HTTP floor) / sqlP50: the server's share over HTTP, without the client's own cost.");

  const load: Record<string, number | string>[] = [];
  const rss: Record<string, number> = {};
  // The disk the data takes (PostgreSQL: the database; PGlite: its directory).
  const databaseMB =
    kind === 'pg' ? Number((await database.query<{ b: string }>('SELECT pg_database_size(current_database())::text AS b'))[0].b) / 1048576 : null;
  if (databaseMB !== null) console.log(`Database size: ${Math.round(databaseMB).toLocaleString()} MB.`);
  // Closed before the load test: its server is a separate process, and PGlite's directory takes one owner.
  await app.close();
  await database.close();
  if (!args['no-load']) for (const n of args.processes.split(',').map(Number)) load.push(...(await loadTest(config, n, sample, rss)).load);

  const result = {
    date: new Date().toISOString(),
    db: kind,
    residents,
    seedSeconds,
    databaseMB,
    runs,
    latency: rows,
    httpFloorP50: floorP50,
    load,
    rssMB: rss,
    node: process.version,
  };
  const file = path.join(resultsDir, `registry-${kind}-${scale ?? 'demo'}.json`);
  fs.writeFileSync(file, JSON.stringify(result, null, 2));
  if (seedSeconds !== null) console.log(`Seeding took ${seedSeconds.toFixed(1)} s.`);
  console.log(`Results written to ${path.relative(root, file)}`);
}

/** Runs the server as its own process (so its RSS is its own) and loads it with autocannon. */
async function loadTest(config: Config, processes: number, sample: { id: string; initials: string }[], rss: Record<string, number>) {
  const port = 31000 + Math.floor(Math.random() * 2000);
  const env = benchEnv({ PORT: String(port), HOST: '127.0.0.1', SEED_DEMO: 'never', NODE_ENV: 'production', SERVER_PROCESSES: String(processes) });

  if (config.databaseUrl) env.DATABASE_URL = config.databaseUrl;
  else env.DATA_DIR = config.dataDir;
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server/main.ts')], { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  // With several processes: the primary and its workers together.
  const treeOf = (pid: number): number[] => [
    pid,
    ...fs
      .readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .flatMap((c) => treeOf(Number(c))),
  ];
  const rssOf = () =>
    treeOf(child.pid!).reduce((sum, pid) => {
      try {
        return sum + Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
      } catch {
        return sum;
      }
    }, 0);
  const { cookie } = await signIn(base, 'mzj', config.demoPassword);
  const tag = processes > 1 ? `${processes} processes` : '1 process';
  rss[`atRest (${tag})`] = Math.round(rssOf());
  const duration = Number(args.duration);
  // A typical three-letter query (wxm), the same one every run of the same data.
  const initials = sample.find((s) => s.initials.length === 3)?.initials ?? sample[0].initials;
  const targets = [
    { name: 'list (page 1)', path: '/api/residents?pageSize=20' },
    { name: `search (initials ${initials})`, path: `/api/residents?q=${initials}&pageSize=20` },
    { name: 'detail', path: `/api/residents/${sample[0].id}` },
  ];
  const load: Record<string, number | string>[] = [];
  let peak = 0;
  for (const t of targets) {
    const timer = setInterval(() => (peak = Math.max(peak, rssOf())), 500);
    const r = await autocannon({ url: base + t.path, connections: 50, duration, headers: { cookie } });
    clearInterval(timer);
    load.push({
      endpoint: t.name,
      processes,
      reqPerSec: Math.round(r.requests.average),
      p50: r.latency.p50,
      p99: r.latency.p99,
      non2xx: r.non2xx,
      errors: r.errors,
    });
  }
  rss[`underLoadPeak (${tag})`] = Math.round(peak);
  child.kill('SIGTERM');
  await new Promise((r) => child.on('exit', r));

  // The HTTP floor: a bare Fastify route on the same machine.
  const bare = Fastify();
  bare.get('/bare', async () => ({ ok: true }));
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const r = await autocannon({ url: `http://127.0.0.1:${(bare.server.address() as { port: number }).port}/bare`, connections: 50, duration });
  load.push({
    endpoint: 'bare Fastify (floor)',
    processes: 1,
    reqPerSec: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors,
  });
  await bare.close();
  console.log(`\nHTTP load, ${tag}, 50 connections, ${duration} s each:`);
  console.table(load);
  console.log(`Server RSS (${tag}): ${rss[`atRest (${tag})`]} MB at rest, ${rss[`underLoadPeak (${tag})`]} MB peak under load`);
  return { load };
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
