import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { asc, gte } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { hashEntry } from '../../../shared/domain/audit-chain';
import { systemContext } from '../../lib/context';
import { createTestApp, type TestApp } from '../../test/app';
import { auditLog } from './audit.table';

const DAY = 86_400_000;
let open: TestApp[] = [];
afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(open.map((t) => t.close()));
  open = [];
});

/** A fresh app (no audit entries yet), optionally with an anchor file. */
async function fresh(anchorFile: string | null = null) {
  const t = await createTestApp({ config: { audit: { retentionDays: 180, anchorMinutes: 10, anchorFile } } });
  open.push(t);
  return t;
}

/** Appends `n` entries dated `daysAgo` days back (the app's clock only; the database keeps its own). */
async function entries(t: TestApp, n: number, daysAgo = 0) {
  if (daysAgo) {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() - daysAgo * DAY);
  }
  try {
    for (let i = 0; i < n; i++) await t.app.services.audit.record(systemContext, { action: 'test.entry', details: { i, daysAgo } });
  } finally {
    vi.useRealTimers();
  }
}

const seqs = async (t: TestApp) => (await t.database.query<{ seq: string }>('SELECT seq FROM audit_log ORDER BY seq')).map((r) => Number(r.seq));

/** Deletes entries as a database owner can: the append-only trigger switched off for it. */
async function forceDelete(t: TestApp, table: 'audit_log' | 'audit_anchors', where: string) {
  await t.database.query(`ALTER TABLE ${table} DISABLE TRIGGER ${table}_no_update`);
  await t.database.query(`DELETE FROM ${table} WHERE ${where}`);
  await t.database.query(`ALTER TABLE ${table} ENABLE TRIGGER ${table}_no_update`);
}

const tmpFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'shequ-anchors-')), 'audit-anchors.jsonl');

describe('the retention purge', () => {
  it('purges the entries older than the retention, records the purge with the new first seq and its hash, and still verifies', async () => {
    const t = await fresh();
    await entries(t, 4, 200);
    await entries(t, 3, 100);
    await entries(t, 2);
    const before = await seqs(t);
    expect(await t.app.services.audit.purgeExpired()).toBe(4);
    const after = await seqs(t);
    expect(after.slice(0, 5)).toEqual(before.slice(4));
    const [purge] = await t.database.query<{ details: Record<string, unknown> }>(`SELECT details FROM audit_log WHERE action = 'audit.purge'`);
    const [first] = await t.database.query<{ seq: string; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq LIMIT 1');
    expect(purge.details).toMatchObject({ purged: 4, lastPurgedSeq: before[3], firstSeq: Number(first.seq), firstHash: first.hash });
    expect(await t.app.services.audit.verify()).toMatchObject({ ok: true, firstSeq: before[4], checked: after.length });
    // Nothing more is old enough: no second purge record.
    expect(await t.app.services.audit.purgeExpired()).toBe(0);
    const auditor = await t.login('auditor');
    expect((await auditor.get('/api/audit/verify')).json()).toMatchObject({ ok: true, firstSeq: before[4] });
  });

  it('refuses, in the database, a purge-flagged DELETE of entries younger than 180 days, whatever the app’s clock says', async () => {
    const t = await fresh();
    await entries(t, 3, 179);
    await expect(
      t.database.db.transaction(async (tx) => {
        await tx.execute(`SELECT set_config('shequ.audit_purge', 'on', true)`);
        await tx.execute(`DELETE FROM audit_log`);
      }),
    ).rejects.toThrow();
    // An app whose clock runs ahead asks for no more than the database's 180 days: nothing goes, nothing fails.
    expect(await t.app.services.audit.purgeExpired(new Date(Date.now() + 181 * DAY))).toBe(0);
    expect(await seqs(t)).toHaveLength(3);
    expect(await t.app.services.audit.anchor()).not.toBeNull();
    await expect(t.database.query('DELETE FROM audit_anchors')).rejects.toThrow(/append-only/);
    await expect(t.database.query(`UPDATE audit_anchors SET hash = 'x'`)).rejects.toThrow(/append-only/);
  });
});

describe('cutting the chain', () => {
  it('detects entries deleted at the start outside the purge (head cut), with or without an earlier purge', async () => {
    const t = await fresh();
    await entries(t, 5);
    const s = await seqs(t);
    await forceDelete(t, 'audit_log', `seq <= ${s[1]}`);
    expect(await t.app.services.audit.verify()).toMatchObject({ ok: false, reason: 'head_cut', brokenAt: s[2] });

    const p = await fresh();
    await entries(p, 3, 200);
    await entries(p, 3);
    expect(await p.app.services.audit.purgeExpired()).toBe(3);
    expect((await p.app.services.audit.verify()).ok).toBe(true);
    const [first] = await seqs(p);
    await forceDelete(p, 'audit_log', `seq = ${first}`);
    expect(await p.app.services.audit.verify()).toMatchObject({ ok: false, reason: 'head_cut' });
  });

  it('detects a cut tail: the chain ends before the newest anchor, kept in the table and in the anchor file', async () => {
    const file = tmpFile();
    const t = await fresh(file);
    const auditor = await t.login('auditor');
    await entries(t, 3);
    const anchor = await t.app.services.audit.anchor();
    expect(anchor).toMatchObject({ seq: (await seqs(t)).at(-1) });
    expect(await t.app.services.audit.anchor()).toBeNull(); // the head has not moved
    expect(
      fs
        .readFileSync(file, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).seq),
    ).toEqual([anchor!.seq]);
    await entries(t, 2);
    expect(await t.app.services.audit.verify()).toMatchObject({ ok: true, anchors: 2, lastAnchor: { seq: anchor!.seq } });

    await forceDelete(t, 'audit_log', `seq >= ${anchor!.seq}`);
    expect(await t.app.services.audit.verify()).toMatchObject({ ok: false, reason: 'tail_cut', brokenAt: anchor!.seq });
    // The database's anchors removed as well: the file still tells.
    await forceDelete(t, 'audit_anchors', 'TRUE');
    const verdict = (await auditor.get('/api/audit/verify')).json();
    expect(verdict).toMatchObject({ ok: false, reason: 'tail_cut', brokenAt: anchor!.seq, anchors: 1 });
  });

  it('detects a chain rewritten consistently from an anchored entry on (anchor mismatch)', async () => {
    const t = await fresh();
    await entries(t, 3);
    const anchor = (await t.app.services.audit.anchor())!;
    await entries(t, 2);
    // Rewrite from the anchored entry on, every hash recomputed: the links alone no longer tell.
    const rows = await t.database.db.select().from(auditLog).where(gte(auditLog.seq, anchor.seq)).orderBy(asc(auditLog.seq));
    const [{ prev_hash: start }] = await t.database.query<{ prev_hash: string }>('SELECT prev_hash FROM audit_log WHERE seq = $1', [anchor.seq]);
    let prev = start;
    await t.database.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update');
    for (const r of rows) {
      const fields = {
        seq: r.seq,
        at: r.at.toISOString(),
        userId: r.userId,
        username: r.seq === anchor.seq ? 'mallory' : r.username,
        ip: r.ip,
        action: r.action,
        objectType: r.objectType,
        objectId: r.objectId,
        communityId: r.communityId,
        outcome: r.outcome,
        details: r.details ?? null,
      };
      const hash = hashEntry(prev, fields);
      await t.database.query('UPDATE audit_log SET username = $1, prev_hash = $2, hash = $3 WHERE seq = $4', [fields.username, prev, hash, r.seq]);
      prev = hash;
    }
    await t.database.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update');
    expect(await t.app.services.audit.verify()).toMatchObject({ ok: false, reason: 'anchor_mismatch', brokenAt: anchor.seq });
  });
});
