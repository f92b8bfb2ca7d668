import { and, asc, desc, eq, gte, inArray, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/sql';
import { auditAnchors, auditLog } from './audit.table';

export type AuditRow = typeof auditLog.$inferSelect;

/** Filters on the log; `actions` is a set of codes (from words typed in either language). */
export interface AuditFilter {
  action?: string;
  actions?: string[];
  username?: string;
  outcome?: 'success' | 'failure' | 'denied';
  objectType?: string;
  objectId?: string;
  from?: Date;
  to?: Date;
}

/** Queries on the audit log. Inserts go through AuditService so that the chain stays whole. */
export class AuditRepository {
  constructor(private readonly db: Db) {}

  /** Serialises chain appends until the surrounding transaction ends. */
  async lockChain() {
    await this.db.execute(sql`SELECT pg_advisory_xact_lock(72658)`);
  }

  async last(): Promise<{ seq: number; hash: string } | undefined> {
    const rows = await this.db.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
    return rows[0];
  }

  async nextSeq(): Promise<number> {
    const [row] = await rowsOf<{ seq: string | number }>(this.db, sql`SELECT nextval(pg_get_serial_sequence('audit_log', 'seq'))::bigint AS seq`);
    return Number(row.seq);
  }

  async insert(row: typeof auditLog.$inferInsert) {
    await this.db.insert(auditLog).values(row);
  }

  async page(filter: AuditFilter, limit: number, offset: number) {
    const cond = this.where(filter);
    const [items, [{ total }]] = await Promise.all([
      this.db.select().from(auditLog).where(cond).orderBy(desc(auditLog.seq)).limit(limit).offset(offset),
      this.db
        .select({ total: sql<number>`count(*)::int` })
        .from(auditLog)
        .where(cond),
    ]);
    return { items, total };
  }

  /** Entries of a filter, newest first, after `beforeSeq` (the export's batches). */
  batchOf(filter: AuditFilter, beforeSeq: number | null, size: number): Promise<AuditRow[]> {
    const cond = and(this.where(filter), beforeSeq === null ? undefined : lt(auditLog.seq, beforeSeq));
    return this.db.select().from(auditLog).where(cond).orderBy(desc(auditLog.seq)).limit(size);
  }

  /** How many entries a filter has, counted up to `cap + 1`. */
  async countCapped(filter: AuditFilter, cap: number): Promise<number> {
    const inner = this.db
      .select({ one: sql`1` })
      .from(auditLog)
      .where(this.where(filter))
      .limit(cap + 1)
      .as('c');
    const [{ n }] = await this.db.select({ n: sql<number>`count(*)::int` }).from(inner);
    return n;
  }

  private where(filter: AuditFilter): SQL | undefined {
    const where: SQL[] = [];
    if (filter.action) where.push(eq(auditLog.action, filter.action));
    // No action matches the words: nothing is found (not everything).
    if (filter.actions) where.push(filter.actions.length ? inArray(auditLog.action, filter.actions) : sql`false`);
    if (filter.username) where.push(eq(auditLog.username, filter.username));
    if (filter.outcome) where.push(eq(auditLog.outcome, filter.outcome));
    if (filter.objectType) where.push(eq(auditLog.objectType, filter.objectType));
    if (filter.objectId) where.push(eq(auditLog.objectId, filter.objectId));
    if (filter.from) where.push(gte(auditLog.at, filter.from));
    if (filter.to) where.push(lte(auditLog.at, filter.to));
    return where.length ? and(...where) : undefined;
  }

  /** Entries in chain order, a batch at a time. */
  async batchAfter(seq: number, size: number): Promise<AuditRow[]> {
    return this.db
      .select()
      .from(auditLog)
      .where(sql`${auditLog.seq} > ${seq}`)
      .orderBy(asc(auditLog.seq))
      .limit(size);
  }

  /**
   * Deletes the oldest entries up to the cut-off (the only sanctioned delete), as a prefix of the chain:
   * it stops before the first entry younger than the cut-off, so a clock that went back never leaves a
   * hole. Runs in the caller's transaction; the trigger refuses any entry younger than 180 days.
   * Returns how many, and the last entry deleted.
   */
  async purgePrefix(cutoff: Date): Promise<{ count: number; last?: { seq: number; at: Date; hash: string } }> {
    await this.db.execute(sql`SELECT set_config('shequ.audit_purge', 'on', true)`);
    const rows = await rowsOf<{ seq: string | number; at: Date | string; hash: string; n: number }>(
      this.db,
      sql`WITH d AS (
            DELETE FROM audit_log
            WHERE seq < coalesce((SELECT min(seq) FROM audit_log WHERE at > least(${cutoff.toISOString()}::timestamptz, now() - interval '180 days')), 9223372036854775807)
            RETURNING seq, at, hash)
          SELECT seq, at, hash, (SELECT count(*) FROM d)::int AS n FROM d ORDER BY seq DESC LIMIT 1`,
    );
    await this.db.execute(sql`SELECT set_config('shequ.audit_purge', 'off', true)`);
    const r = rows[0];
    return r ? { count: r.n, last: { seq: Number(r.seq), at: new Date(r.at), hash: r.hash } } : { count: 0 };
  }

  /** The oldest surviving entry. */
  async first(): Promise<{ seq: number; hash: string } | undefined> {
    const rows = await this.db.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).orderBy(asc(auditLog.seq)).limit(1);
    return rows[0];
  }

  /** The latest purge record (objectType audit_log, objectId purge: the object index finds it). */
  async lastPurge(): Promise<AuditRow | undefined> {
    const rows = await this.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectType, 'audit_log'), eq(auditLog.objectId, 'purge')))
      .orderBy(desc(auditLog.seq))
      .limit(1);
    return rows[0];
  }

  async insertAnchor(anchor: { seq: number; hash: string; at: Date }) {
    await this.db.insert(auditAnchors).values(anchor);
  }

  /** Every anchor recorded in the database, oldest first. */
  anchors(): Promise<{ seq: number; hash: string; at: Date }[]> {
    return this.db.select({ seq: auditAnchors.seq, hash: auditAnchors.hash, at: auditAnchors.at }).from(auditAnchors).orderBy(asc(auditAnchors.id));
  }
}
