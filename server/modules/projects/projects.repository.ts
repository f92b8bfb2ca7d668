import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { escapeLike, rowsOf } from '../../db/sql';
import { communityScopeSql, type DataScope } from '../../lib/scope';
import { projectMilestones, projects } from './projects.table';

export type ProjectRow = typeof projects.$inferSelect;
export type MilestoneRow = typeof projectMilestones.$inferSelect;

/** A project with its community's and premises' names, milestone counts and funding sums (fen). */
export interface ProjectViewRow {
  id: string;
  communityId: string;
  communityName: string;
  name: string;
  kind: string;
  premisesId: string | null;
  premisesName: string | null;
  areaM2: number | null;
  budgetFen: number;
  plannedStart: string | null;
  plannedEnd: string | null;
  state: string;
  progressPercent: number;
  notes: string | null;
  version: number;
  milestonesTotal: number;
  milestonesDone: number;
  /** Milestones past their planned day and not done (on `day`). */
  milestonesLate: number;
  allocatedFen: number;
  spentFen: number;
}

export interface ProjectSearch {
  scope: DataScope;
  /** Today (YYYY-MM-DD, the city's): decides which milestones are late. */
  day: string;
  q?: string;
  communityId?: string;
  kind?: string;
  state?: string;
  overdue?: boolean;
}

/**
 * The view reads two tables of the fourhaves module (premises for the name, funding_entries for the sums)
 * in joins; only that module writes them.
 */
const view = (day: string) => sql`p.id, p.community_id AS "communityId", c.name AS "communityName", p.name, p.kind, p.premises_id AS "premisesId",
  pr.name AS "premisesName", p.area_m2::float8 AS "areaM2", p.budget_fen::float8 AS "budgetFen", p.planned_start::text AS "plannedStart",
  p.planned_end::text AS "plannedEnd", p.state, p.progress_percent AS "progressPercent", p.notes, p.version,
  m.total AS "milestonesTotal", m.done AS "milestonesDone", m.late AS "milestonesLate",
  coalesce(f.allocated, 0)::float8 AS "allocatedFen", coalesce(f.spent, 0)::float8 AS "spentFen"
  FROM projects p JOIN regions c ON c.id = p.community_id
  LEFT JOIN premises pr ON pr.id = p.premises_id
  CROSS JOIN LATERAL (SELECT count(*)::int AS total, count(ms.done_on)::int AS done,
      (count(*) FILTER (WHERE ms.done_on IS NULL AND ms.planned_on < ${day}::date))::int AS late
    FROM project_milestones ms WHERE ms.project_id = p.id) m
  LEFT JOIN LATERAL (SELECT sum(fe.amount_fen) FILTER (WHERE fe.kind = 'allocation') AS allocated, sum(fe.amount_fen) FILTER (WHERE fe.kind = 'spending') AS spent
    FROM funding_entries fe WHERE fe.project_id = p.id) f ON true`;

/** Queries of construction projects and their milestones. */
export class ProjectsRepository {
  constructor(private readonly db: Db) {}

  private where(s: ProjectSearch): SQL {
    const parts: SQL[] = [communityScopeSql(s.scope, 'p.community_id')];
    if (s.communityId) parts.push(sql`p.community_id = ${s.communityId}::uuid`);
    if (s.kind) parts.push(sql`p.kind = ${s.kind}`);
    if (s.state) parts.push(sql`p.state = ${s.state}`);
    if (s.q) parts.push(sql`p.name ILIKE ${`%${escapeLike(s.q)}%`}`);
    if (s.overdue) parts.push(sql`p.state IN ('planned', 'under_way') AND m.late > 0`);
    return sql.join(parts, sql` AND `);
  }

  async page(s: ProjectSearch, limit: number, offset: number) {
    const where = this.where(s);
    const [items, [{ total }]] = await Promise.all([
      rowsOf<ProjectViewRow>(
        this.db,
        sql`SELECT ${view(s.day)} WHERE ${where} ORDER BY c.path, p.planned_start NULLS LAST, p.name, p.id LIMIT ${limit} OFFSET ${offset}`,
      ),
      rowsOf<{ total: number }>(
        this.db,
        sql`SELECT count(*)::int AS total FROM projects p
            CROSS JOIN LATERAL (SELECT (count(*) FILTER (WHERE ms.done_on IS NULL AND ms.planned_on < ${s.day}::date))::int AS late
              FROM project_milestones ms WHERE ms.project_id = p.id) m
            WHERE ${where}`,
      ),
    ]);
    return { items, total };
  }

  async view(id: string, day: string): Promise<ProjectViewRow | undefined> {
    const rows = await rowsOf<ProjectViewRow>(this.db, sql`SELECT ${view(day)} WHERE p.id = ${id}::uuid`);
    return rows[0];
  }

  async byId(id: string): Promise<ProjectRow | undefined> {
    const [row] = await this.db.select().from(projects).where(eq(projects.id, id)).limit(1);
    return row;
  }

  milestones(projectId: string) {
    return rowsOf<{ id: string; name: string; plannedOn: string; doneOn: string | null; note: string | null }>(
      this.db,
      sql`SELECT id, name, planned_on::text AS "plannedOn", done_on::text AS "doneOn", note FROM project_milestones
          WHERE project_id = ${projectId}::uuid ORDER BY planned_on, created_at, id`,
    );
  }

  /** Allocations linked to the project, per source (fen). */
  allocationsBySource(projectId: string) {
    return rowsOf<{ source: string | null; fen: number }>(
      this.db,
      sql`SELECT source, sum(amount_fen)::float8 AS fen FROM funding_entries WHERE project_id = ${projectId}::uuid AND kind = 'allocation' GROUP BY source`,
    );
  }

  /** How many funding entries name the project (a project with money on the ledger is never deleted). */
  async fundingEntryCount(projectId: string) {
    const rows = await rowsOf<{ n: number }>(this.db, sql`SELECT count(*)::int AS n FROM funding_entries WHERE project_id = ${projectId}::uuid`);
    return rows[0]?.n ?? 0;
  }

  async region(id: string) {
    const rows = await rowsOf<{ id: string; level: string }>(this.db, sql`SELECT id, level FROM regions WHERE id = ${id}::uuid`);
    return rows[0];
  }

  async insert(row: typeof projects.$inferInsert): Promise<ProjectRow> {
    const [p] = await this.db.insert(projects).values(row).returning();
    return p;
  }

  /** Updates at the version read; undefined when stale. */
  async update(id: string, version: number, patch: Partial<typeof projects.$inferInsert>): Promise<ProjectRow | undefined> {
    const rows = await this.db
      .update(projects)
      .set({ ...patch, version: sql`${projects.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(projects.id, id), eq(projects.version, version)))
      .returning();
    return rows[0];
  }

  /** Deletes at the version read (milestones go with it); false when stale. */
  async delete(id: string, version: number) {
    const rows = await this.db
      .delete(projects)
      .where(and(eq(projects.id, id), eq(projects.version, version)))
      .returning({ id: projects.id });
    return rows.length > 0;
  }

  async insertMilestone(row: typeof projectMilestones.$inferInsert): Promise<MilestoneRow> {
    const [m] = await this.db.insert(projectMilestones).values(row).returning();
    return m;
  }

  async milestoneById(id: string): Promise<MilestoneRow | undefined> {
    const [m] = await this.db.select().from(projectMilestones).where(eq(projectMilestones.id, id)).limit(1);
    return m;
  }

  async completeMilestone(id: string, doneOn: string, note: string | null | undefined) {
    await this.db
      .update(projectMilestones)
      .set({ doneOn, ...(note !== undefined ? { note } : {}) })
      .where(eq(projectMilestones.id, id));
  }

  /** Milestones not done of active projects in scope, planned on or before `until` (the 待办). */
  milestonesDue(scope: DataScope, until: string) {
    return rowsOf<{ id: string; projectId: string; projectName: string; name: string; plannedOn: string; communityName: string }>(
      this.db,
      sql`SELECT ms.id, p.id AS "projectId", p.name AS "projectName", ms.name, ms.planned_on::text AS "plannedOn", c.name AS "communityName"
          FROM project_milestones ms JOIN projects p ON p.id = ms.project_id JOIN regions c ON c.id = p.community_id
          WHERE ${communityScopeSql(scope, 'p.community_id')} AND p.state IN ('planned', 'under_way') AND ms.done_on IS NULL AND ms.planned_on <= ${until}::date
          ORDER BY ms.planned_on, c.path, p.name, ms.id LIMIT 200`,
    );
  }

  /** Active projects in scope: how many, and how many with a late milestone. */
  async activeCounts(scope: DataScope, day: string) {
    const rows = await rowsOf<{ active: number; overdue: number }>(
      this.db,
      sql`SELECT count(*)::int AS active,
                 count(*) FILTER (WHERE EXISTS (SELECT 1 FROM project_milestones ms WHERE ms.project_id = p.id AND ms.done_on IS NULL AND ms.planned_on < ${day}::date))::int AS overdue
          FROM projects p WHERE ${communityScopeSql(scope, 'p.community_id')} AND p.state IN ('planned', 'under_way')`,
    );
    return rows[0] ?? { active: 0, overdue: 0 };
  }

  /** Bulk inserts for the demo seed; returns the projects' ids in order. */
  async seed(rows: (typeof projects.$inferInsert)[], milestones: (id: string, i: number) => Omit<typeof projectMilestones.$inferInsert, 'projectId'>[]) {
    const inserted = await this.db.insert(projects).values(rows).returning({ id: projects.id });
    const ms = inserted.flatMap((r, i) => milestones(r.id, i).map((m) => ({ ...m, projectId: r.id })));
    if (ms.length) await this.db.insert(projectMilestones).values(ms);
    return inserted.map((r) => r.id);
  }
}
