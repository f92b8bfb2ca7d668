// Support for the drills and the soak: run the real server (node --import tsx server/main.ts, as
// scripts/start.mjs does) as a child process on a throw-away database, and talk to it over HTTP.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { withDatabase } from '../server/db/backup';

const root = path.resolve(import.meta.dirname, '..');

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** A throw-away place for the server's data: a temporary DATA_DIR, plus a PostgreSQL database for `pg`. */
export interface Scratch {
  kind: 'pglite' | 'pg';
  dir: string;
  dataDir: string;
  databaseUrl?: string;
  /** Removes the directory and drops the database. */
  dispose(): Promise<void>;
}

/** Creates a temporary DATA_DIR and, for `pg`, a database `shequ_rel_<label>_<time>` on `pgServer`. */
export async function createScratch(kind: 'pglite' | 'pg', label: string, pgServer = 'postgres://postgres@127.0.0.1:5432/postgres'): Promise<Scratch> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `shequ-${label}-`));
  const dataDir = path.join(dir, 'data');
  let databaseUrl: string | undefined;
  let name: string | undefined;
  if (kind === 'pg') {
    name = `shequ_rel_${label}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: pgServer });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    databaseUrl = withDatabase(pgServer, name);
  }
  return {
    kind,
    dir,
    dataDir,
    databaseUrl,
    async dispose() {
      if (name) {
        const admin = new pg.Client({ connectionString: pgServer });
        await admin.connect();
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The environment of a server on a scratch database. */
export function serverEnv(scratch: Scratch, port: number, extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  delete env.DATABASE_URL;
  delete env.SHEQU_KEY;
  delete env.KEY_FILE;
  Object.assign(env, {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATA_DIR: scratch.dataDir,
    LOG_LEVEL: 'warn',
    LOGIN_RATE_LIMIT: '1000000',
    SEARCH_RATE_LIMIT: '1000000',
    // Load and drills read far beyond a person's hour: the look-up limit and the personal-read budget step aside.
    LOOKUP_LIMIT_PER_HOUR: '1000000',
    LOOKUP_MISSES_PER_HOUR: '1000000',
    PERSONAL_READ_BUDGET: '1000000',
    // The drills and the soak sign in as mzj (a city-wide role) with a password alone: they are not about TOTP.
    SENSITIVE_TOTP: 'off',
    // One server process, whose pid and RSS the drills and the soak watch (main.cluster.test.ts asks for two).
    SERVER_PROCESSES: '1',
    ...(scratch.databaseUrl ? { DATABASE_URL: scratch.databaseUrl } : {}),
    ...extra,
  });
  return env;
}

/** The real server as a child process; its output goes to `logFile`. */
export class LiveServer {
  child: ChildProcess | null = null;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> = Promise.resolve({ code: null, signal: null });
  /** performance.now() when the process last exited. */
  exitedAt = 0;
  readonly base: string;

  constructor(
    readonly env: Record<string, string>,
    readonly logFile: string,
  ) {
    this.base = `http://127.0.0.1:${env.PORT}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Starts the server and waits until /api/health answers; returns the milliseconds it took. */
  async start(timeoutMs = 180_000): Promise<number> {
    const started = performance.now();
    const log = fs.openSync(this.logFile, 'a');
    fs.writeSync(log, `\n--- start ${new Date().toISOString()}\n`);
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server/main.ts')], { cwd: root, env: this.env, stdio: ['ignore', log, log] });
    fs.closeSync(log);
    this.child = child;
    this.exited = new Promise((resolve) =>
      child.on('exit', (code, signal) => {
        this.exitedAt = performance.now();
        resolve({ code, signal });
      }),
    );
    let gone = false;
    void this.exited.then(() => (gone = true));
    while (performance.now() - started < timeoutMs) {
      if (gone) throw new Error(`the server exited during start; see ${this.logFile}:\n${tail(this.logFile)}`);
      try {
        const res = await fetch(`${this.base}/api/health`);
        if (res.ok) return performance.now() - started;
      } catch {
        /* not listening yet */
      }
      await sleep(100);
    }
    child.kill('SIGKILL');
    throw new Error(`the server did not answer within ${timeoutMs / 1000} s; see ${this.logFile}`);
  }

  /** Sends a signal (SIGKILL: a crash; SIGTERM: a graceful stop). */
  signal(sig: NodeJS.Signals) {
    this.child?.kill(sig);
  }

  /** Stops the server gracefully and waits for it. */
  async stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    if (!this.child || this.child.exitCode !== null || this.child.signalCode !== null) return this.exited;
    this.child.kill('SIGTERM');
    return this.exited;
  }

  /** Resident set size of the server process in bytes (Linux /proc). */
  rss(): number {
    if (!this.child?.pid) return 0;
    const status = fs.readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    const m = /VmRSS:\s+(\d+) kB/.exec(status);
    return m ? Number(m[1]) * 1024 : 0;
  }
}

function tail(file: string, lines = 20): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** An HTTP response, or the network error that replaced it. */
export interface Reply {
  status: number;
  body: unknown;
  /** Set when no HTTP response arrived (connection refused or reset). */
  error?: string;
  ms: number;
}

/** Signs in over HTTP; the session cookie and CSRF token, or an error naming the answer. */
export async function signIn(base: string, username: string, password = 'Shequ@2026'): Promise<{ cookie: string; csrfToken: string }> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie, csrfToken: ((await res.json()) as { csrfToken: string }).csrfToken };
}

/** A signed-in HTTP client (cookie + CSRF token), as the web app is. */
export class ApiClient {
  private cookie = '';
  private csrf = '';

  constructor(readonly base: string) {}

  async login(username: string, password = 'Shequ@2026'): Promise<void> {
    ({ cookie: this.cookie, csrfToken: this.csrf } = await signIn(this.base, username, password));
  }

  /** Never throws: a network failure comes back as `error` with status 0. */
  async request(method: string, url: string, body?: unknown): Promise<Reply> {
    const t = performance.now();
    try {
      const res = await fetch(`${this.base}${url}`, {
        method,
        headers: { cookie: this.cookie, 'x-csrf-token': this.csrf, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        /* not JSON */
      }
      return { status: res.status, body: parsed, ms: performance.now() - t };
    } catch (err) {
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      return { status: 0, body: null, error: cause?.code ?? cause?.message ?? String(err), ms: performance.now() - t };
    }
  }

  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, body?: unknown) {
    return this.request('POST', url, body ?? {});
  }
  patch(url: string, body: unknown) {
    return this.request('PATCH', url, body);
  }
}

/** The grid ids of the caller's part of the region tree. */
export async function gridsOf(api: ApiClient): Promise<string[]> {
  const res = await api.get('/api/regions/tree');
  if (res.status !== 200) throw new Error(`region tree: ${res.status}`);
  type Node = { id: string; level: string; children: Node[] };
  const out: string[] = [];
  const walk = (n: Node) => {
    if (n.level === 'grid') out.push(n.id);
    n.children.forEach(walk);
  };
  (res.body as { roots: Node[] }).roots.forEach(walk);
  return out;
}

/** The p-th percentile of a list of numbers. */
export function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}
