/**
 * Soak: N concurrent users (default 100) against the real server process for a long time (default 600 s),
 * mixing reads (list 35 %, search 25 %, detail 30 %) and writes (PATCH with the version just read, 10 %).
 * Each user signs in (community workers of 城东 and 城西, and the civil affairs bureau) and waits a random
 * think time (mean --think ms) between requests. Reports per minute: requests, errors (no answer, 5xx, or
 * an unexpected 4xx; 409 VERSION_CONFLICT is counted apart), p50 and p99; and the server's RSS at start,
 * after the first minute and at the end.
 *
 *   npm run bench:soak -- --db pglite|pg --users 100 --duration 600 --residents 5000 --think 100
 *
 * The server runs on a throw-away database (a temporary DATA_DIR, or shequ_rel_soak_<time> on
 * DATABASE_URL's server or 127.0.0.1), seeded with --residents. Writes JSON to bench/results/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/config';
import { ApiClient, createScratch, freePort, LiveServer, percentile, serverEnv, sleep } from '../scripts/live-server';

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'pglite' },
    users: { type: 'string', default: '100' },
    duration: { type: 'string', default: '600' },
    residents: { type: 'string', default: '5000' },
    think: { type: 'string', default: '100' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (args.help) {
  console.log('usage: npm run bench:soak -- [--db pglite|pg] [--users 100] [--duration 600] [--residents 5000] [--think 100]');
  process.exit(0);
}
const kind = args.db === 'pg' || args.db === 'postgres' ? 'pg' : 'pglite';
const users = Number(args.users);
const durationMs = Number(args.duration) * 1000;
const thinkMs = Number(args.think);
const ACCOUNTS = ['chengdong', 'chengxi', 'mzj'];
const SEARCHES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', 'wang', 'li', 'zh', 'wx', 'lj', 'zw'];
type Op = 'list' | 'search' | 'detail' | 'write';

interface Minute {
  requests: number;
  errors: number;
  conflicts: number;
  latencies: number[];
  byOp: Record<Op, number[]>;
}
const minutes: Minute[] = [];
const errorSamples: string[] = [];
const bucket = (start: number): Minute => {
  // Requests still running when the time is up count in the last minute.
  const i = Math.min(Math.floor((performance.now() - start) / 60_000), Math.ceil(durationMs / 60_000) - 1);
  while (minutes.length <= i) minutes.push({ requests: 0, errors: 0, conflicts: 0, latencies: [], byOp: { list: [], search: [], detail: [], write: [] } });
  return minutes[i];
};

async function main() {
  const pgServer = kind === 'pg' ? (loadConfig().databaseUrl ?? 'postgres://postgres@127.0.0.1:5432/postgres') : undefined;
  const scratch = await createScratch(kind, 'soak', pgServer);
  const port = await freePort();
  const server = new LiveServer(serverEnv(scratch, port, { SEED_RESIDENTS: args.residents! }), path.join(scratch.dir, 'server.log'));
  const rss: { at: number; bytes: number }[] = [];
  let sampler: NodeJS.Timeout | undefined;
  try {
    const startMs = await server.start(600_000);
    console.log(
      `Soak on ${kind === 'pg' ? 'PostgreSQL' : 'PGlite'}: server up in ${(startMs / 1000).toFixed(1)} s with ${args.residents} residents; ${users} users for ${durationMs / 1000} s`,
    );

    // Sign in and pick the residents each user will read and edit (its own scope).
    const clients = await Promise.all(
      Array.from({ length: users }, async (_, u) => {
        const api = new ApiClient(server.base);
        await api.login(ACCOUNTS[u % ACCOUNTS.length]);
        return api;
      }),
    );
    const samples = new Map<string, string[]>();
    for (const account of ACCOUNTS) {
      const api = clients[ACCOUNTS.indexOf(account)];
      const res = await api.get('/api/residents?pageSize=200');
      samples.set(
        account,
        ((res.body as { items: { id: string }[] }).items ?? []).map((i) => i.id),
      );
    }

    const loadStart = performance.now();
    rss.push({ at: 0, bytes: server.rss() });
    sampler = setInterval(() => rss.push({ at: (performance.now() - loadStart) / 1000, bytes: server.rss() }), 5_000);
    let writes = 0;
    const record = (op: Op, status: number, ms: number, detail: string) => {
      const m = bucket(loadStart);
      m.requests += 1;
      if (status === 409) m.conflicts += 1;
      else if (status === 0 || status >= 400) {
        m.errors += 1;
        if (errorSamples.length < 20) errorSamples.push(`${op} ${status} ${detail}`.slice(0, 200));
      }
      m.latencies.push(ms);
      m.byOp[op].push(ms);
    };

    const user = async (u: number) => {
      const api = clients[u];
      const ids = samples.get(ACCOUNTS[u % ACCOUNTS.length]) ?? [];
      const pick = () => ids[Math.floor(Math.random() * ids.length)];
      while (performance.now() - loadStart < durationMs) {
        const r = Math.random();
        if (r < 0.35) {
          const res = await api.get(`/api/residents?page=${1 + Math.floor(Math.random() * 5)}&pageSize=20`);
          record('list', res.status, res.ms, res.error ?? JSON.stringify(res.body));
        } else if (r < 0.6) {
          const q = SEARCHES[Math.floor(Math.random() * SEARCHES.length)];
          const res = await api.get(`/api/residents?q=${encodeURIComponent(q)}&pageSize=20`);
          record('search', res.status, res.ms, res.error ?? JSON.stringify(res.body));
        } else if (r < 0.9 || ids.length === 0) {
          const res = await api.get(`/api/residents/${pick()}`);
          record('detail', res.status, res.ms, res.error ?? JSON.stringify(res.body));
        } else {
          const id = pick();
          const read = await api.get(`/api/residents/${id}`);
          record('detail', read.status, read.ms, read.error ?? JSON.stringify(read.body));
          if (read.status === 200) {
            const version = (read.body as { version: number }).version;
            writes += 1;
            const res = await api.patch(`/api/residents/${id}`, { version, notes: `soak ${u}-${writes}` });
            record('write', res.status, res.ms, res.error ?? JSON.stringify(res.body));
          }
        }
        if (thinkMs > 0) await sleep(Math.random() * 2 * thinkMs);
      }
    };
    const progress = setInterval(() => {
      const i = Math.round((performance.now() - loadStart) / 60_000) - 1;
      const m = minutes[i];
      if (m) console.log(`  minute ${i + 1}: ${m.requests} requests, ${m.errors} errors, RSS ${(server.rss() / 2 ** 20).toFixed(0)} MiB`);
    }, 60_000);
    await Promise.all(Array.from({ length: users }, (_, u) => user(u)));
    clearInterval(progress);
    clearInterval(sampler);
    rss.push({ at: (performance.now() - loadStart) / 1000, bytes: server.rss() });

    const mib = (b: number) => (b / 2 ** 20).toFixed(0);
    const start = rss[0].bytes;
    const afterWarmup = rss.find((s) => s.at >= 60)?.bytes ?? start;
    const end = rss[rss.length - 1].bytes;
    const peak = Math.max(...rss.map((s) => s.bytes));
    console.log('\nminute  requests  req/s  errors  409  p50 ms  p99 ms');
    minutes.forEach((m, i) => {
      const secs = Math.min(60, (durationMs - i * 60_000) / 1000);
      console.log(
        [
          String(i + 1).padEnd(6),
          String(m.requests).padStart(8),
          (m.requests / secs).toFixed(0).padStart(5),
          String(m.errors).padStart(6),
          String(m.conflicts).padStart(4),
          percentile(m.latencies, 50).toFixed(1).padStart(6),
          percentile(m.latencies, 99).toFixed(1).padStart(6),
        ].join('  '),
      );
    });
    const all = minutes.flatMap((m) => m.latencies);
    const total = { requests: all.length, errors: minutes.reduce((n, m) => n + m.errors, 0), conflicts: minutes.reduce((n, m) => n + m.conflicts, 0) };
    const ops = (['list', 'search', 'detail', 'write'] as Op[]).map((op) => {
      const xs = minutes.flatMap((m) => m.byOp[op]);
      return { op, n: xs.length, p50: +percentile(xs, 50).toFixed(1), p99: +percentile(xs, 99).toFixed(1) };
    });
    console.log(`\n${ops.map((o) => `${o.op}: ${o.n} (p50 ${o.p50} ms, p99 ${o.p99} ms)`).join(' · ')}`);
    console.log(`total: ${total.requests} requests, ${total.errors} errors, ${total.conflicts} version conflicts`);
    console.log(
      `server RSS: start ${mib(start)} MiB, after 1 min ${mib(afterWarmup)} MiB, end ${mib(end)} MiB, peak ${mib(peak)} MiB; ` +
        `growth ${(((end - start) / start) * 100).toFixed(1)} % from start, ${(((end - afterWarmup) / afterWarmup) * 100).toFixed(1)} % after the first minute`,
    );
    if (errorSamples.length) console.log(`error samples:\n  ${errorSamples.join('\n  ')}`);

    const resultsDir = path.resolve(import.meta.dirname, 'results');
    fs.mkdirSync(resultsDir, { recursive: true });
    const out = path.join(resultsDir, `soak-${kind}-${new Date().toISOString().slice(0, 19).replace(/:/g, '')}.json`);
    fs.writeFileSync(
      out,
      JSON.stringify(
        {
          date: new Date().toISOString(),
          db: kind,
          users,
          durationSeconds: durationMs / 1000,
          residents: Number(args.residents),
          thinkMs,
          total,
          ops,
          minutes: minutes.map((m, i) => ({
            minute: i + 1,
            requests: m.requests,
            errors: m.errors,
            conflicts: m.conflicts,
            p50: percentile(m.latencies, 50),
            p99: percentile(m.latencies, 99),
          })),
          rss: { start, afterFirstMinute: afterWarmup, end, peak, samples: rss },
        },
        null,
        2,
      ),
    );
    console.log(`wrote ${out}`);
    const stop = await server.stop();
    console.log(`server stopped (${stop.signal ?? `code ${stop.code}`})`);
    if (total.errors > 0) process.exitCode = 1;
  } finally {
    if (sampler) clearInterval(sampler);
    if (server.child && server.child.exitCode === null && server.child.signalCode === null) server.signal('SIGKILL');
    await server.exited;
    await scratch.dispose();
  }
}

await main();
