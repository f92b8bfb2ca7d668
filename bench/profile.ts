/**
 * Where a request's CPU goes: runs the server (one process) under `node --cpu-prof`, loads one endpoint
 * with autocannon, stops it, and sums the profile's self time by where the code lives (our server code by
 * folder, each npm package, Node's internals, the garbage collector, idle) and by function.
 *
 *   npx tsx bench/profile.ts --scale 100000                       # list page 1, database shequ_bench_100000
 *   npx tsx bench/profile.ts --scale 100000 --path '/api/residents?q=wxm&pageSize=20'
 *   options: --duration 10 --connections 50 --top 25
 *
 * Run `npm run bench -- --scale N --db pg --no-load` first to create and seed the database.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { freePort, signIn, sleep } from '../scripts/live-server';
import { benchEnv } from './bench-env';

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: '100000' },
    path: { type: 'string', default: '/api/residents?pageSize=20' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    top: { type: 'string', default: '25' },
  },
});
const root = path.resolve(import.meta.dirname, '..');

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  /** Microseconds on the monotonic clock, which process.hrtime() also reads (Linux: CLOCK_MONOTONIC). */
  startTime: number;
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a frame's code lives: a package, a folder of ours, Node itself, or the engine's pseudo-frames. */
function placeOf(url: string, fn: string): string {
  if (!url) return fn.startsWith('(') ? fn : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  if (url.startsWith('node:')) return 'node internals';
  const ours = /\/(server|shared)\/(?:modules\/)?([^/]+)/.exec(url);
  if (ours) return `${ours[1]}/${ours[2]}`;
  return url.replace(/^file:\/\//, '').replace(root, '.');
}

async function main() {
  const server = process.env.BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
  const url = new URL(server);
  url.pathname = `/shequ_bench_${args.scale}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shequ-prof-'));
  const port = await freePort();
  const env = benchEnv({
    DATABASE_URL: url.toString(),
    SERVER_PROCESSES: '1',
    PORT: String(port),
    HOST: '127.0.0.1',
    SEED_DEMO: 'never',
    NODE_ENV: 'production',
  });

  const child = spawn(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--import', 'tsx', path.join(root, 'server/main.ts')], {
    cwd: root,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise((r) => child.on('exit', r));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      /* not up yet */
    }
    await sleep(200);
  }
  const { cookie } = await signIn(base, 'mzj');
  // Warm up (JIT, caches), then the measured load.
  await autocannon({ url: base + args.path, connections: 10, duration: 3, headers: { cookie } });
  const from = Number(process.hrtime.bigint() / 1000n);
  const r = await autocannon({ url: base + args.path, connections: Number(args.connections), duration: Number(args.duration), headers: { cookie } });
  const to = Number(process.hrtime.bigint() / 1000n);
  child.kill('SIGTERM');
  await exited;
  const file = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no profile written in ${dir}`);
  const profile = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Profile;

  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  // Only the samples taken during the measured load: not the start (compiling the server), the warm-up or
  // the shutdown. Each sample's time is the profile's start plus the deltas up to it.
  const selfUs = new Map<number, number>();
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (at >= from && at <= to) selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
  });
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const idle = [...selfUs].filter(([id]) => byId.get(id)!.callFrame.functionName === '(idle)').reduce((a, [, us]) => a + us, 0);
  const busy = total - idle;
  const requests = r.requests.total;
  const byPlace = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const { functionName, url: u, lineNumber } = byId.get(id)!.callFrame;
    if (functionName === '(idle)') continue;
    const place = placeOf(u, functionName);
    byPlace.set(place, (byPlace.get(place) ?? 0) + us);
    const fn = `${functionName || '(anonymous)'} ${place}${u ? `:${lineNumber + 1}` : ''}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
  }
  const rows = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([where, us]) => ({ where, share: `${((100 * us) / busy).toFixed(1)} %`, usPerRequest: Math.round(us / requests) }));
  console.log(`\n${args.path}: ${Math.round(r.requests.average)} req/s, p50 ${r.latency.p50} ms, ${requests} requests in ${args.duration} s`);
  console.log(`Server CPU busy ${(busy / 1e6).toFixed(2)} s of ${(total / 1e6).toFixed(2)} s: ${Math.round(busy / requests)} µs per request`);
  console.log('\nSelf time by where the code lives:');
  console.table(rows(byPlace, Number(args.top)));
  console.log('\nSelf time by function:');
  console.table(rows(byFunction, Number(args.top)));
  console.log(`Profile: ${path.join(dir, file)} (open in Chrome DevTools › Performance, or speedscope)`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
