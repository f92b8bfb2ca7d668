import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { buildApp } from '../app';
import { loadConfig, type Config } from '../config';
import { migrateDatabase, openDatabase, type Database } from '../db/client';
import { seedAccounts, seedRegions } from '../db/seed';
import { migratedPgliteTemplate, migratedPostgresTemplate } from './db-templates';

/**
 * A fresh app for one test file: in-memory PGlite, or a brand-new database on the PostgreSQL server
 * named by DATABASE_URL (dropped again by close()).
 */
export async function createTestApp(options: { seed?: 'none' | 'city'; config?: Partial<Config> } = {}) {
  const base = loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    LOGIN_RATE_LIMIT: '100000',
    SEARCH_RATE_LIMIT: '100000',
    PERSONAL_READ_BUDGET: '1000000',
    ADMIN_TOTP: 'off',
    SENSITIVE_TOTP: 'off',
  });
  let dropDatabase: (() => Promise<void>) | undefined;
  let databaseUrl: string | undefined;
  if (base.databaseUrl) {
    const name = `shequ_test_${randomBytes(6).toString('hex')}`;
    const template = await migratedPostgresTemplate(base.databaseUrl);
    const admin = new pg.Client({ connectionString: base.databaseUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    await admin.end();
    const url = new URL(base.databaseUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropDatabase = async () => {
      const c = new pg.Client({ connectionString: base.databaseUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  }
  // No anchor file: a developer's ./data/audit-anchors.jsonl belongs to another database.
  const config: Config = { ...base, databaseUrl, inMemory: !databaseUrl, poolSize: 4, audit: { ...base.audit, anchorFile: null }, ...options.config };
  const database: Database = await openDatabase(config, config.inMemory ? { loadDataDir: await migratedPgliteTemplate() } : {});
  await migrateDatabase(database);
  if ((options.seed ?? 'city') === 'city') {
    await seedRegions(database.db);
    await seedAccounts(database.db, config.demoPassword);
  }
  const app = await buildApp(config, database);
  await app.ready();
  // The job runner, as main.ts starts it (without the housekeeping schedules): imports run as its jobs.
  await app.services.jobs.start();
  return {
    app,
    database,
    config,
    /** Signs in and returns a client that sends the cookie and the CSRF token. */
    login: (username: string, password = config.demoPassword, totpCode?: string) => login(app, username, password, totpCode),
    async close() {
      await app.services.jobs.stop();
      await app.close();
      await database.close();
      await dropDatabase?.();
    },
  };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/** A signed-in client for app.inject(). */
export interface Client {
  username: string;
  csrfToken: string;
  cookie: string;
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  patch(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

export async function login(app: FastifyInstance, username: string, password: string, totpCode?: string): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password, ...(totpCode ? { totpCode } : {}) } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const csrfToken = res.json().csrfToken as string;
  const request = (opts: InjectOptions) => app.inject({ ...opts, headers: { cookie, 'x-csrf-token': csrfToken, ...(opts.headers ?? {}) } });
  return {
    username,
    csrfToken,
    cookie,
    request,
    get: (url, headers) => request({ method: 'GET', url, headers }),
    post: (url, payload, headers) => request({ method: 'POST', url, payload: payload as never, headers }),
    patch: (url, payload) => request({ method: 'PATCH', url, payload: payload as never }),
    delete: (url) => request({ method: 'DELETE', url }),
  };
}
