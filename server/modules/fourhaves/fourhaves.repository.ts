import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { arrayParam, rowsOf } from '../../db/sql';
import { communityScopeSql, type DataScope } from '../../lib/scope';
import { communityRules, communityStaffing, fourHavesSettings, fundingEntries, housingProjects, premises, premisesFiles } from './fourhaves.table';

export type PremisesRow = typeof premises.$inferSelect;
export type RuleRow = typeof communityRules.$inferSelect;
export type StaffingRow = typeof communityStaffing.$inferSelect;
/** A housing project as lists show it (before its verdict). */
export interface HousingProjectRow {
  id: string;
  communityId: string;
  communityName: string;
  name: string;
  developer: string;
  floorAreaM2: number;
  plannedHouseholds: number | null;
  plannedPremisesM2: number;
  handedOverM2: number;
  approvalOn: string | null;
  planningOn: string | null;
  permitOn: string | null;
  completionOn: string | null;
  handoverOn: string | null;
  version: number;
}

const PREMISES_VIEW = sql`p.id, p.community_id AS "communityId", c.name AS "communityName", p.name, p.use, p.area_m2::float8 AS "areaM2", p.ownership,
  CASE WHEN p.rent_fen IS NULL THEN NULL ELSE p.rent_fen / 100.0 END::float8 AS "rentYuan", p.lease_end::text AS "leaseEnd", p.counterpart, p.state,
  p.in_use_since::text AS "inUseSince", p.address, p.notes, p.version
  FROM premises p JOIN regions c ON c.id = p.community_id`;

/** Queries of the four haves. Read-only joins to regions (names) and households (counts). */
export class FourHavesRepository {
  constructor(private readonly db: Db) {}

  /** The communities of a scope, in the city's order; optionally one of them. */
  communities(scope: DataScope, communityId?: string) {
    return rowsOf<{ id: string; name: string; nameEn: string | null }>(
      this.db,
      sql`SELECT c.id, c.name, c.name_en AS "nameEn" FROM regions c
          WHERE c.level = 'community' AND ${communityScopeSql(scope, 'c.id')} ${communityId ? sql`AND c.id = ${communityId}::uuid` : sql``}
          ORDER BY c.path`,
    );
  }

  async community(id: string) {
    const rows = await rowsOf<{ id: string; name: string; level: string }>(this.db, sql`SELECT id, name, level FROM regions WHERE id = ${id}::uuid`);
    return rows[0];
  }

  /** Active households per community (the registry's count). */
  async householdCounts(ids: string[]): Promise<Map<string, number>> {
    const rows = await rowsOf<{ communityId: string; n: number }>(
      this.db,
      sql`SELECT community_id AS "communityId", count(*)::int AS n FROM households
          WHERE status = 'active' AND community_id = ANY(${arrayParam(ids, 'uuid')}) GROUP BY community_id`,
    );
    return new Map(rows.map((r) => [r.communityId, r.n]));
  }

  premisesOf(ids: string[]) {
    return rowsOf<{
      id: string;
      communityId: string;
      communityName: string;
      name: string;
      use: string;
      areaM2: number;
      ownership: string;
      rentYuan: number | null;
      leaseEnd: string | null;
      counterpart: string | null;
      state: string;
      inUseSince: string | null;
      address: string | null;
      notes: string | null;
      version: number;
    }>(this.db, sql`SELECT ${PREMISES_VIEW} WHERE p.community_id = ANY(${arrayParam(ids, 'uuid')}) ORDER BY c.path, p.state, p.area_m2 DESC, p.id`);
  }

  async premisesById(id: string): Promise<PremisesRow | undefined> {
    const [row] = await this.db.select().from(premises).where(eq(premises.id, id)).limit(1);
    return row;
  }

  async insertPremises(row: typeof premises.$inferInsert) {
    const [p] = await this.db.insert(premises).values(row).returning();
    return p;
  }

  /** Updates when the version matches; undefined on a stale version. */
  async updatePremises(id: string, version: number, patch: Partial<typeof premises.$inferInsert>) {
    const rows = await this.db
      .update(premises)
      .set({ ...patch, version: sql`${premises.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(premises.id, id), eq(premises.version, version)))
      .returning();
    return rows[0];
  }

  rulesOf(ids: string[]) {
    return rowsOf<{ id: string; communityId: string; kind: string; title: string; adoptedOn: string; notes: string | null; version: number }>(
      this.db,
      sql`SELECT id, community_id AS "communityId", kind, title, adopted_on::text AS "adoptedOn", notes, version FROM community_rules
          WHERE community_id = ANY(${arrayParam(ids, 'uuid')}) ORDER BY adopted_on DESC, id`,
    );
  }

  async insertRule(row: typeof communityRules.$inferInsert) {
    const [r] = await this.db.insert(communityRules).values(row).returning();
    return r;
  }

  staffingOf(ids: string[]) {
    return rowsOf<{ communityId: string; fullTime: number; partTime: number; police: number; version: number }>(
      this.db,
      sql`SELECT community_id AS "communityId", full_time AS "fullTime", part_time AS "partTime", police, version FROM community_staffing
          WHERE community_id = ANY(${arrayParam(ids, 'uuid')})`,
    );
  }

  /** Inserts the first record (version absent) or updates at the version read; undefined when stale. */
  async setStaffing(communityId: string, counts: { fullTime: number; partTime: number; police: number }, version: number | undefined) {
    if (version === undefined) {
      const rows = await this.db
        .insert(communityStaffing)
        .values({ communityId, ...counts })
        .onConflictDoNothing()
        .returning();
      return rows[0];
    }
    const rows = await this.db
      .update(communityStaffing)
      .set({ ...counts, version: sql`${communityStaffing.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(communityStaffing.communityId, communityId), eq(communityStaffing.version, version)))
      .returning();
    return rows[0];
  }

  /** Sums per community, year and kind/source (fen). */
  fundingTotals(ids: string[], years: number[] | null) {
    return rowsOf<{ communityId: string; year: number; kind: string; source: string | null; fen: number }>(
      this.db,
      sql`SELECT community_id AS "communityId", year, kind, source, sum(amount_fen)::float8 AS fen FROM funding_entries
          WHERE community_id = ANY(${arrayParam(ids, 'uuid')}) ${years ? sql`AND year = ANY(${arrayParam(years.map(String), 'text')}::int[])` : sql``}
          GROUP BY community_id, year, kind, source`,
    );
  }

  fundingEntriesOf(ids: string[], year: number | undefined, projectId?: string) {
    return rowsOf<{
      id: string;
      communityId: string;
      communityName: string;
      year: number;
      kind: string;
      source: string | null;
      amountFen: number;
      entryDate: string;
      description: string;
      voucher: string | null;
      projectId: string | null;
    }>(
      this.db,
      sql`SELECT f.id, f.community_id AS "communityId", c.name AS "communityName", f.year, f.kind, f.source, f.amount_fen::float8 AS "amountFen",
                 f.entry_date::text AS "entryDate", f.description, f.voucher, f.project_id AS "projectId"
          FROM funding_entries f JOIN regions c ON c.id = f.community_id
          WHERE f.community_id = ANY(${arrayParam(ids, 'uuid')}) ${year ? sql`AND f.year = ${year}` : sql``}
                ${projectId ? sql`AND f.project_id = ${projectId}::uuid` : sql``}
          ORDER BY c.path, f.year, f.entry_date, f.created_at, f.id
          LIMIT 5000`,
    );
  }

  /** The community of a construction project (a read of the projects module's table), to check a link. */
  async projectCommunity(projectId: string): Promise<string | undefined> {
    const rows = await rowsOf<{ communityId: string }>(this.db, sql`SELECT community_id AS "communityId" FROM projects WHERE id = ${projectId}::uuid`);
    return rows[0]?.communityId;
  }

  async insertFunding(row: typeof fundingEntries.$inferInsert) {
    const [f] = await this.db.insert(fundingEntries).values(row).returning();
    return f;
  }

  housingProjectsOf(ids: string[]) {
    return rowsOf<HousingProjectRow>(
      this.db,
      sql`SELECT h.id, h.community_id AS "communityId", c.name AS "communityName", h.name, h.developer, h.floor_area_m2::float8 AS "floorAreaM2",
                 h.planned_households AS "plannedHouseholds", h.planned_premises_m2::float8 AS "plannedPremisesM2", h.handed_over_m2::float8 AS "handedOverM2",
                 h.approval_on::text AS "approvalOn", h.planning_on::text AS "planningOn", h.permit_on::text AS "permitOn",
                 h.completion_on::text AS "completionOn", h.handover_on::text AS "handoverOn", h.version
          FROM housing_projects h JOIN regions c ON c.id = h.community_id
          WHERE h.community_id = ANY(${arrayParam(ids, 'uuid')}) ORDER BY c.path, h.approval_on NULLS LAST, h.id`,
    );
  }

  async housingProjectById(id: string) {
    const [row] = await this.db.select().from(housingProjects).where(eq(housingProjects.id, id)).limit(1);
    return row;
  }

  async insertHousingProject(row: typeof housingProjects.$inferInsert) {
    const [h] = await this.db.insert(housingProjects).values(row).returning();
    return h;
  }

  async updateHousingProject(id: string, version: number, patch: Partial<typeof housingProjects.$inferInsert>) {
    const rows = await this.db
      .update(housingProjects)
      .set({ ...patch, version: sql`${housingProjects.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(housingProjects.id, id), eq(housingProjects.version, version)))
      .returning();
    return rows[0];
  }

  /** The files of premises, newest first, without their bytes. */
  filesOf(premisesId: string) {
    return rowsOf<{
      id: string;
      premisesId: string;
      communityId: string;
      kind: 'photo' | 'document';
      contentType: string;
      fileName: string;
      sizeBytes: number;
      createdAt: string;
    }>(
      this.db,
      sql`SELECT id, premises_id AS "premisesId", community_id AS "communityId", kind, content_type AS "contentType", file_name AS "fileName",
                 size_bytes AS "sizeBytes", to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "createdAt"
          FROM premises_files WHERE premises_id = ${premisesId}::uuid ORDER BY created_at DESC, id`,
    );
  }

  /** One file with its bytes. */
  async fileById(id: string) {
    const [row] = await this.db.select().from(premisesFiles).where(eq(premisesFiles.id, id)).limit(1);
    return row;
  }

  async insertFile(row: typeof premisesFiles.$inferInsert) {
    const [f] = await this.db.insert(premisesFiles).values(row).returning({ id: premisesFiles.id });
    return f;
  }

  async deleteFile(id: string) {
    const rows = await this.db.delete(premisesFiles).where(eq(premisesFiles.id, id)).returning({ id: premisesFiles.id });
    return rows.length > 0;
  }

  async settings(): Promise<Record<string, unknown>> {
    const rows = await this.db.select().from(fourHavesSettings);
    return Object.fromEntries(rows.map((r) => [r.key, r.value]));
  }

  async putSetting(key: string, value: unknown) {
    await this.db
      .insert(fourHavesSettings)
      .values({ key, value })
      .onConflictDoUpdate({ target: fourHavesSettings.key, set: { value, updatedAt: sql`now()` } });
  }
}
