import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

describe('the server process', () => {
  it('starts on PGlite, answers health, and on SIGTERM drains, anchors the audit chain, closes the database and releases its lock', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shequ-main-'));
    const port = 20000 + Math.floor(Math.random() * 20000);
    const env: Record<string, string> = {
      ...(process.env as Record<string, string>),
      DATA_DIR: dir,
      PORT: String(port),
      SEED_DEMO: 'never',
      LOG_LEVEL: 'warn',
    };
    delete env.DATABASE_URL;
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server/main.ts')], { cwd: root, env });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Starting compiles the server with tsx: allow a loaded machine 90 s.
    for (let i = 0; i < 360 && !output.includes('running'); i++) await new Promise((r) => setTimeout(r, 250));
    expect(output).toContain(`http://localhost:${port}`);
    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(await health.json()).toEqual({ status: 'ok' });
    expect(fs.existsSync(path.join(dir, 'pglite', 'shequ.lock'))).toBe(true);
    expect(fs.statSync(path.join(dir, 'shequ.key')).mode & 0o777).toBe(0o600);
    // A failed sign-in is an audit entry: the head the shutdown anchors.
    await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'nobody', password: 'Wrong#2026x' }),
    });
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(fs.existsSync(path.join(dir, 'pglite', 'shequ.lock'))).toBe(false);
    const anchors = fs.readFileSync(path.join(dir, 'audit-anchors.jsonl'), 'utf8').trim().split('\n');
    expect(anchors.map((l) => JSON.parse(l))).toEqual([expect.objectContaining({ seq: expect.any(Number), hash: expect.stringMatching(/^[0-9a-f]{64}$/) })]);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 150_000);
});
