import { and, asc, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/sql';
import { auditLog } from './audit.table';

export type AuditRow = typeof auditLog.$inferSelect;

/** Queries on the audit log. Inserts go through AuditService so that the chain stays whole. */
export class AuditRepository {
  constructor(private readonly db: Db) {}

  /** Serialises chain appends until the surrounding transaction ends. */
  async lockChain(tx: Db) {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(72658)`);
  }

  async last(tx: Db): Promise<{ seq: number; hash: string } | undefined> {
    const rows = await tx.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
    return rows[0];
  }

  async nextSeq(tx: Db): Promise<number> {
    const [row] = await rowsOf<{ seq: string | number }>(tx, sql`SELECT nextval(pg_get_serial_sequence('audit_log', 'seq'))::bigint AS seq`);
    return Number(row.seq);
  }

  async insert(tx: Db, row: typeof auditLog.$inferInsert) {
    await tx.insert(auditLog).values(row);
  }

  async page(filter: { action?: string; username?: string; objectType?: string; objectId?: string; from?: Date; to?: Date }, limit: number, offset: number) {
    const where: SQL[] = [];
    if (filter.action) where.push(eq(auditLog.action, filter.action));
    if (filter.username) where.push(eq(auditLog.username, filter.username));
    if (filter.objectType) where.push(eq(auditLog.objectType, filter.objectType));
    if (filter.objectId) where.push(eq(auditLog.objectId, filter.objectId));
    if (filter.from) where.push(gte(auditLog.at, filter.from));
    if (filter.to) where.push(lte(auditLog.at, filter.to));
    const cond = where.length ? and(...where) : undefined;
    const [items, [{ total }]] = await Promise.all([
      this.db.select().from(auditLog).where(cond).orderBy(desc(auditLog.seq)).limit(limit).offset(offset),
      this.db
        .select({ total: sql<number>`count(*)::int` })
        .from(auditLog)
        .where(cond),
    ]);
    return { items, total };
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

  /** Deletes entries older than the cut-off (the only sanctioned delete). Returns how many. */
  async purgeBefore(cutoff: Date): Promise<number> {
    return this.db.transaction(async (tx) => {
      await tx.execute(sql`SELECT set_config('shequ.audit_purge', 'on', true)`);
      const res = await tx.delete(auditLog).where(lte(auditLog.at, cutoff)).returning({ seq: auditLog.seq });
      return res.length;
    });
  }
}
