import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { arrayParam, escapeLike, rowsOf } from '../../db/sql';
import { noticeReads, notices } from './notices.table';

export type NoticeRow = typeof notices.$inferSelect;

/** A notice with its region's name, level and current path. */
export interface NoticeViewRow {
  id: string;
  regionId: string;
  regionName: string;
  regionLevel: 'city' | 'street' | 'community' | 'grid';
  regionPath: string;
  communityId: string | null;
  title: string;
  body: string;
  audience: string;
  importance: string;
  publishFrom: string;
  publishUntil: string | null;
  pinned: boolean;
  authorId: string | null;
  authorName: string;
  withdrawnAt: Date | null;
  withdrawnReason: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  /** Whether the reading user has opened it. */
  read: boolean;
}

/**
 * Who is reading, as the queries need it: the region paths of their notices.read grants (staff, and
 * residents apart), the paths where they may write, and their user id (an author sees their own notices).
 */
export interface NoticeReader {
  staffPaths: string[];
  residentPaths: string[];
  writePaths: string[];
  userId: string;
}

export interface NoticeSearch {
  reader: NoticeReader;
  /** Today (YYYY-MM-DD, the city's): decides what is published. */
  day: string;
  q?: string;
  status?: 'current' | 'scheduled' | 'expired' | 'withdrawn';
  audience?: string;
  importance?: string;
  /** Only notices addressed to this region. */
  regionId?: string;
}

/** The view's columns, with whether `userId` has read the notice. */
const view = (userId: string) => sql`n.id, n.region_id AS "regionId", r.name AS "regionName", r.level AS "regionLevel", r.path::text AS "regionPath",
  n.community_id AS "communityId", n.title, n.body, n.audience, n.importance, n.publish_from::text AS "publishFrom",
  n.publish_until::text AS "publishUntil", n.pinned, n.author_id AS "authorId", n.author_name AS "authorName",
  n.withdrawn_at AS "withdrawnAt", n.withdrawn_reason AS "withdrawnReason", n.version, n.created_at AS "createdAt", n.updated_at AS "updatedAt",
  EXISTS (SELECT 1 FROM notice_reads nr WHERE nr.notice_id = n.id AND nr.user_id = ${userId}::uuid) AS read
  FROM notices n JOIN regions r ON r.id = n.region_id`;

/** Published on `day`: not withdrawn, within its window. */
const published = (day: string) =>
  sql`(n.withdrawn_at IS NULL AND n.publish_from <= ${day}::date AND (n.publish_until IS NULL OR n.publish_until >= ${day}::date))`;

const STATUS_SQL = {
  current: (day: string) => published(day),
  scheduled: (day: string) => sql`(n.withdrawn_at IS NULL AND n.publish_from > ${day}::date)`,
  expired: (day: string) => sql`(n.withdrawn_at IS NULL AND n.publish_until < ${day}::date)`,
  withdrawn: () => sql`n.withdrawn_at IS NOT NULL`,
};

/**
 * The notices a reader may see (the rule of shared/domain/notices.ts in SQL): published ones reaching their
 * grants (staff: at, above or below; residents: at or above, for residents or all), and every notice they may
 * manage (a region under a write grant, or their own).
 */
export function visibleSql(reader: NoticeReader, day: string): SQL {
  const reach: SQL[] = [];
  if (reader.staffPaths.length) {
    const paths = arrayParam(reader.staffPaths, 'ltree');
    reach.push(sql`r.path @> ANY(${paths})`, sql`r.path <@ ANY(${paths})`);
  }
  if (reader.residentPaths.length) reach.push(sql`(r.path @> ANY(${arrayParam(reader.residentPaths, 'ltree')}) AND n.audience IN ('residents', 'all'))`);
  const parts: SQL[] = [];
  if (reach.length) parts.push(sql`((${sql.join(reach, sql` OR `)}) AND ${published(day)})`);
  if (reader.writePaths.length) parts.push(sql`r.path <@ ANY(${arrayParam(reader.writePaths, 'ltree')})`);
  parts.push(sql`n.author_id = ${reader.userId}::uuid`);
  return sql`(${sql.join(parts, sql` OR `)})`;
}

const ORDER = sql`ORDER BY n.pinned DESC, (n.importance = 'important') DESC, n.publish_from DESC, n.created_at DESC, n.id`;

/** Queries of notices; the only code that writes the notices table. */
export class NoticesRepository {
  constructor(private readonly db: Db) {}

  private where(s: NoticeSearch): SQL {
    const parts: SQL[] = [visibleSql(s.reader, s.day)];
    if (s.status) parts.push(STATUS_SQL[s.status](s.day));
    if (s.audience) parts.push(sql`n.audience = ${s.audience}`);
    if (s.importance) parts.push(sql`n.importance = ${s.importance}`);
    if (s.regionId) parts.push(sql`n.region_id = ${s.regionId}::uuid`);
    if (s.q) {
      const like = `%${escapeLike(s.q)}%`;
      parts.push(sql`(n.title ILIKE ${like} OR n.body ILIKE ${like})`);
    }
    return sql.join(parts, sql` AND `);
  }

  async page(s: NoticeSearch, limit: number, offset: number) {
    const where = this.where(s);
    const [items, [{ total }]] = await Promise.all([
      rowsOf<NoticeViewRow>(this.db, sql`SELECT ${view(s.reader.userId)} WHERE ${where} ${ORDER} LIMIT ${limit} OFFSET ${offset}`),
      rowsOf<{ total: number }>(this.db, sql`SELECT count(*)::int AS total FROM notices n JOIN regions r ON r.id = n.region_id WHERE ${where}`),
    ]);
    return { items, total };
  }

  async view(id: string, userId: string): Promise<NoticeViewRow | undefined> {
    const rows = await rowsOf<NoticeViewRow>(this.db, sql`SELECT ${view(userId)} WHERE n.id = ${id}::uuid`);
    return rows[0];
  }

  /** Records that the user has read the notice (the first time only). */
  async markRead(noticeId: string, userId: string) {
    await this.db.insert(noticeReads).values({ noticeId, userId }).onConflictDoNothing();
  }

  /** How many users have read the notice. */
  async readCount(noticeId: string) {
    const rows = await rowsOf<{ n: number }>(this.db, sql`SELECT count(*)::int AS n FROM notice_reads WHERE notice_id = ${noticeId}::uuid`);
    return rows[0]?.n ?? 0;
  }

  async byId(id: string): Promise<NoticeRow | undefined> {
    const [row] = await this.db.select().from(notices).where(eq(notices.id, id)).limit(1);
    return row;
  }

  async region(id: string) {
    const rows = await rowsOf<{ id: string; level: string; path: string; name: string }>(
      this.db,
      sql`SELECT id, level, path::text AS path, name FROM regions WHERE id = ${id}::uuid`,
    );
    return rows[0];
  }

  async insert(row: typeof notices.$inferInsert): Promise<NoticeRow> {
    const [n] = await this.db.insert(notices).values(row).returning();
    return n;
  }

  /** Updates at the version read; undefined when stale. */
  async update(id: string, version: number, patch: Partial<typeof notices.$inferInsert>): Promise<NoticeRow | undefined> {
    const rows = await this.db
      .update(notices)
      .set({ ...patch, version: sql`${notices.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(notices.id, id), eq(notices.version, version)))
      .returning();
    return rows[0];
  }

  /** The published notices a reader sees (the 工作台): how many, how many not read yet, and the first `limit`. */
  async current(reader: NoticeReader, day: string, limit: number) {
    const where = sql`${visibleSql(reader, day)} AND ${published(day)}`;
    const [items, [counts]] = await Promise.all([
      rowsOf<NoticeViewRow>(this.db, sql`SELECT ${view(reader.userId)} WHERE ${where} ${ORDER} LIMIT ${limit}`),
      rowsOf<{ total: number; unread: number }>(
        this.db,
        sql`SELECT count(*)::int AS total,
                   (count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM notice_reads nr WHERE nr.notice_id = n.id AND nr.user_id = ${reader.userId}::uuid)))::int AS unread
            FROM notices n JOIN regions r ON r.id = n.region_id WHERE ${where}`,
      ),
    ]);
    return { items, total: counts.total, unread: counts.unread };
  }

  /** Titles by id (the audit log's readable names: notices are public, not personal data). */
  async titles(ids: string[]) {
    if (ids.length === 0) return [];
    return rowsOf<{ id: string; title: string }>(this.db, sql`SELECT id, title FROM notices WHERE id = ANY(${arrayParam(ids, 'uuid')})`);
  }

  /** Bulk insert for the demo seed. */
  async seed(rows: (typeof notices.$inferInsert)[]) {
    if (rows.length) await this.db.insert(notices).values(rows);
  }
}
