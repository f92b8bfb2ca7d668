import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratch, freePort, LiveServer, serverEnv, signIn, type Scratch } from '../scripts/live-server';
import { loadConfig } from './config';

/**
 * One request on a connection of its own (no keep-alive): node:cluster hands each new connection to the
 * next server process in turn, so consecutive requests reach both processes.
 */
function request(base: string, method: string, url: string, headers: Record<string, string> = {}, body?: unknown): Promise<number> {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      `${base}${url}`,
      { method, agent: false, headers: { connection: 'close', ...(data ? { 'content-type': 'application/json' } : {}), ...headers } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

/** The answers to `times` requests, each on a new connection. */
async function statuses(times: number, send: () => Promise<number>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < times; i++) out.push(await send());
  return out;
}

describe('SERVER_PROCESSES', () => {
  it('is one on PGlite (it has one owner): asking for more is refused with a reason, in Chinese and English', () => {
    expect(loadConfig({}).processes).toBe(1);
    expect(() => loadConfig({ SERVER_PROCESSES: '2' })).toThrow(/SERVER_PROCESSES: 嵌入式数据库 PGlite 只能由一个进程打开.*set DATABASE_URL/s);
    expect(loadConfig({ SERVER_PROCESSES: '1' }).processes).toBe(1);
  });

  it('is the number of cores on PostgreSQL unless told', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://x@127.0.0.1/db' }).processes).toBe(os.availableParallelism());
    expect(loadConfig({ DATABASE_URL: 'postgres://x@127.0.0.1/db', SERVER_PROCESSES: '3' }).processes).toBe(3);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://x@127.0.0.1/db', SERVER_PROCESSES: 'many' })).toThrow(/SERVER_PROCESSES/);
  });
});

// Several processes need PostgreSQL: this part runs in the PostgreSQL pass (DATABASE_URL set).
describe.runIf(process.env.DATABASE_URL)('two server processes on one PostgreSQL database', () => {
  let scratch: Scratch;
  let server: LiveServer;
  let base: string;

  beforeAll(async () => {
    scratch = await createScratch('pg', 'cluster', process.env.DATABASE_URL);
    const port = await freePort();
    server = new LiveServer(
      serverEnv(scratch, port, {
        SERVER_PROCESSES: '2',
        SEED_RESIDENTS: '300',
        // A minute of session caching: without the processes telling each other, a sign-out would still pass
        // in the other process for that long.
        SESSION_CACHE_SECONDS: '60',
        LOGIN_RATE_LIMIT: '6',
        // The rate-limit test comes from an address of its own (X-Forwarded-For), apart from the sign-ins above.
        TRUST_PROXY: 'true',
        ADMIN_TOTP: 'off',
        PASSWORD_MAX_AGE_DAYS: '0',
      }),
      path.join(scratch.dir, 'server.log'),
    );
    await server.start();
    base = server.base;
  }, 240_000);

  afterAll(async () => {
    const exit = await server?.stop();
    await scratch?.dispose();
    // The primary stops its processes on SIGTERM and exits cleanly.
    expect(exit).toEqual({ code: 0, signal: null });
  }, 180_000);

  it('ends a signed-out session in every process at once, though each had cached it', async () => {
    const { cookie, csrfToken } = await signIn(base, 'mzj');
    const me = () => request(base, 'GET', '/api/auth/me', { cookie });
    expect(await statuses(6, me)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(await request(base, 'POST', '/api/auth/logout', { cookie, 'x-csrf-token': csrfToken }, {})).toBeLessThan(300);
    expect(await statuses(6, me)).toEqual([401, 401, 401, 401, 401, 401]);
  });

  it("ends a user's other sessions in every process when the password changes", async () => {
    const kept = await signIn(base, 'admin');
    const other = await signIn(base, 'admin');
    const otherMe = () => request(base, 'GET', '/api/auth/me', { cookie: other.cookie });
    expect(await statuses(4, otherMe)).toEqual([200, 200, 200, 200]);
    const changed = await request(
      base,
      'POST',
      '/api/auth/password',
      { cookie: kept.cookie, 'x-csrf-token': kept.csrfToken },
      {
        currentPassword: 'Shequ@2026',
        newPassword: 'Changed#2026ab',
      },
    );
    expect(changed).toBeLessThan(300);
    expect(await statuses(4, otherMe)).toEqual([401, 401, 401, 401]);
    expect(await statuses(4, () => request(base, 'GET', '/api/auth/me', { cookie: kept.cookie }))).toEqual([200, 200, 200, 200]);
  });

  it('counts the sign-in rate limit across the processes, not per process', async () => {
    // A fresh minute's window is shared: six tries pass (wrong passwords), the seventh is refused in
    // whichever process it lands; per process, each would have seen three or four.
    const tries = await statuses(8, () =>
      request(base, 'POST', '/api/auth/login', { 'x-forwarded-for': '203.0.113.7' }, { username: 'nobody', password: 'Wrong#2026x' }),
    );
    expect(tries.slice(0, 6).every((s) => s === 401)).toBe(true);
    expect(tries.slice(6)).toEqual([429, 429]);
  });
});
