import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { categorySql, type CategoryScopes } from '../../lib/scope';
import type { Db } from '../../db/client';
import { arrayParam, rowsOf } from '../../db/sql';
import { careRecords } from './care.table';

export type CareRow = typeof careRecords.$inferSelect;

/** A record is current while it has no end date or the end date is today or later. */
const current = sql`(${careRecords.endDate} IS NULL OR ${careRecords.endDate} >= current_date)`;

/** Queries on care_records. */
export class CareRepository {
  constructor(private readonly db: Db) {}

  forResident(residentId: string) {
    return this.db.select().from(careRecords).where(eq(careRecords.residentId, residentId)).orderBy(asc(careRecords.startDate), asc(careRecords.createdAt));
  }

  async byId(id: string): Promise<CareRow | undefined> {
    const rows = await this.db.select().from(careRecords).where(eq(careRecords.id, id)).limit(1);
    return rows[0];
  }

  /** Current groups of many residents at once (list badges). */
  async currentGroups(residentIds: string[]): Promise<{ residentId: string; groupType: string }[]> {
    if (residentIds.length === 0) return [];
    return rowsOf<{ residentId: string; groupType: string }>(
      this.db,
      sql`SELECT DISTINCT resident_id AS "residentId", group_type AS "groupType" FROM care_records
          WHERE resident_id = ANY(${arrayParam(residentIds, 'uuid')}) AND (end_date IS NULL OR end_date >= current_date)`,
    );
  }

  async hasCurrent(residentId: string, groupType: string): Promise<boolean> {
    const rows = await this.db
      .select({ id: careRecords.id })
      .from(careRecords)
      .where(and(eq(careRecords.residentId, residentId), eq(careRecords.groupType, groupType), current))
      .limit(1);
    return rows.length > 0;
  }

  async insertMany(rows: (typeof careRecords.$inferInsert)[]): Promise<{ id: string; residentId: string; communityId: string; groupType: string }[]> {
    if (rows.length === 0) return [];
    return this.db
      .insert(careRecords)
      .values(rows)
      .returning({ id: careRecords.id, residentId: careRecords.residentId, communityId: careRecords.communityId, groupType: careRecords.groupType });
  }

  async insert(row: typeof careRecords.$inferInsert): Promise<CareRow> {
    const [r] = await this.db.insert(careRecords).values(row).returning();
    return r;
  }

  /** Updates when the version matches; undefined on a stale version. */
  async update(id: string, version: number, patch: Partial<Pick<CareRow, 'attributes' | 'startDate' | 'endDate' | 'notes'>>): Promise<CareRow | undefined> {
    const rows = await this.db
      .update(careRecords)
      .set({ ...patch, version: sql`${careRecords.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(careRecords.id, id), eq(careRecords.version, version)))
      .returning();
    return rows[0];
  }

  /** Rewrites the community of the residents' records (community_id is their scope key). */
  async moveToCommunity(residentIds: string[], communityId: string) {
    await this.db
      .update(careRecords)
      .set({ communityId, updatedAt: sql`now()` })
      .where(and(inArray(careRecords.residentId, residentIds), ne(careRecords.communityId, communityId)));
  }

  /**
   * People in the register with a current record in one of the groups the category scopes reach, each
   * group read inside the scope of its permission (sensitive groups: only their listed readers').
   */
  async peopleInGroups(scopes: CategoryScopes): Promise<number> {
    if (scopes.size === 0) return 0;
    const rows = await rowsOf<{ n: number }>(
      this.db,
      sql`SELECT count(DISTINCT c.resident_id)::int AS n FROM care_records c JOIN residents r ON r.id = c.resident_id
          WHERE (c.end_date IS NULL OR c.end_date >= current_date) AND r.status = 'active' AND ${categorySql(scopes, 'c.group_type', 'r')}`,
    );
    return rows[0]?.n ?? 0;
  }

  /** Current 安置帮教 records (released, correction) whose period ends on or before `until`, where the category scopes reach them. */
  assistanceEnding(until: string, scopes: CategoryScopes, limit: number) {
    return rowsOf<{ id: string; residentId: string; name: string; groupType: string; periodEnd: string; communityName: string | null }>(
      this.db,
      sql`SELECT c.id, c.resident_id AS "residentId", r.name, c.group_type AS "groupType", c.attributes->>'periodEnd' AS "periodEnd",
                 g.name AS "communityName"
          FROM care_records c JOIN residents r ON r.id = c.resident_id LEFT JOIN regions g ON g.id = r.community_id
          WHERE c.group_type IN ('released', 'correction') AND c.end_date IS NULL AND r.status = 'active'
            AND c.attributes->>'periodEnd' <= ${until} AND ${categorySql(scopes, 'c.group_type', 'r')}
          ORDER BY c.attributes->>'periodEnd', c.id LIMIT ${limit}`,
    );
  }
}
