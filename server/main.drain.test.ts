import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { seedAccounts, seedRegions } from './db/seed';
import { loadConfig } from './config';
import { migrateDatabase, openDatabase } from './db/client';

const root = path.resolve(import.meta.dirname, '..');

describe('the server process under load', () => {
  it('on SIGTERM answers every request in flight on keep-alive connections, then exits promptly with code 0', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shequ-drain-'));
    // Accounts to sign in with: sign-in hashes with scrypt off the event loop, so requests are truly in flight.
    const config = { ...loadConfig({ DATA_DIR: dir }), inMemory: false };
    const database = await openDatabase(config);
    await migrateDatabase(database);
    await seedRegions(database.db);
    await seedAccounts(database.db, config.demoPassword);
    await database.close();

    const port = 20000 + Math.floor(Math.random() * 20000);
    const env: Record<string, string> = {
      ...(process.env as Record<string, string>),
      DATA_DIR: dir,
      PORT: String(port),
      HOST: '127.0.0.1',
      SEED_DEMO: 'never',
    };
    Object.assign(env, { LOG_LEVEL: 'warn', LOGIN_RATE_LIMIT: '100000' });
    delete env.DATABASE_URL;
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server/main.ts')], { cwd: root, env, stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    onTestFinished(async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
      fs.rmSync(dir, { recursive: true, force: true });
    });
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 240; i++) {
      if (
        await fetch(`${base}/api/health`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const signIn = () =>
      fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'chengdong', password: config.demoPassword }),
      }).then(
        (r) => r.status,
        (err: Error) => `${err.message}`,
      );
    // Open keep-alive connections first, as a browser or a proxy holds them.
    expect(await Promise.all(Array.from({ length: 6 }, signIn))).toEqual(Array(6).fill(200));

    const inFlight = Array.from({ length: 6 }, signIn);
    await new Promise((r) => setTimeout(r, 15));
    const signalled = Date.now();
    child.kill('SIGTERM');
    expect(await Promise.all(inFlight)).toEqual(Array(6).fill(200));
    // Before the fix, the connections served during the drain kept the process alive for the 72 s keep-alive timeout.
    const code = await Promise.race([exited, new Promise<string>((r) => setTimeout(() => r('still running after 10 s'), 10_000))]);
    expect(code).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(10_000);
    expect(fs.existsSync(path.join(dir, 'pglite', 'shequ.lock'))).toBe(false);
  }, 90_000);
});
