import { and, desc, eq, getTableColumns, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { arrayParam, rowsOf } from '../../db/sql';
import { scopeSql, type DataScope } from '../../lib/scope';
import { importJobs, importMappings } from './imports.table';

/** A job without its (large) encrypted report and upload, plus whether it has a report. */
export type ImportJobRow = Omit<typeof importJobs.$inferSelect, 'reportCipher' | 'uploadCipher' | 'uploadPlan'> & { hasReport: boolean };

/** What a queued import keeps to run (and resume) in the job runner. */
export interface UploadPlan {
  mapping: Record<string, string>;
  defaultGridId: string | null;
  /** The uploader's address, for the audit entries the job writes. */
  ip: string | null;
}

const { reportCipher: _reportCipher, uploadCipher: _uploadCipher, uploadPlan: _uploadPlan, ...jobColumns } = getTableColumns(importJobs);
const jobSelection = { ...jobColumns, hasReport: sql<boolean>`(${importJobs.reportCipher} IS NOT NULL)` };

/** A grid with its community, for resolving the 网格 column. */
export interface GridRef {
  id: string;
  code: string;
  name: string;
  communityId: string;
  communityName: string;
}

/** Household key within a grid: the same address in the same grid is the same household. */
export const householdKey = (gridId: string, address: string) => `${gridId}\u0000${address}`;

export class ImportsRepository {
  constructor(private readonly db: Db) {}

  async insertJob(row: typeof importJobs.$inferInsert): Promise<ImportJobRow> {
    const [job] = await this.db.insert(importJobs).values(row).returning(jobSelection);
    return job;
  }

  /** The stored upload of a queued or running job (null once the job ended). */
  async upload(id: string): Promise<{ cipher: Buffer; plan: UploadPlan } | null> {
    const rows = await this.db.select({ cipher: importJobs.uploadCipher, plan: importJobs.uploadPlan }).from(importJobs).where(eq(importJobs.id, id)).limit(1);
    const r = rows[0];
    return r?.cipher && r.plan ? { cipher: r.cipher, plan: r.plan as UploadPlan } : null;
  }

  /** Imports queued or running, in every process. */
  async activeCount(): Promise<number> {
    const rows = await rowsOf<{ n: number }>(this.db, sql`SELECT count(*)::int AS n FROM import_jobs WHERE status IN ('queued', 'running')`);
    return rows[0]?.n ?? 0;
  }

  async job(id: string): Promise<ImportJobRow | undefined> {
    const rows = await this.db.select(jobSelection).from(importJobs).where(eq(importJobs.id, id)).limit(1);
    return rows[0];
  }

  async reportCipher(id: string): Promise<Buffer | null> {
    const rows = await this.db.select({ c: importJobs.reportCipher }).from(importJobs).where(eq(importJobs.id, id)).limit(1);
    return rows[0]?.c ?? null;
  }

  /** Recent jobs of one user or in the given communities (null: every community). */
  recent(userId: string, communityIds: string[] | null, limit: number) {
    const visible =
      communityIds === null
        ? undefined
        : communityIds.length
          ? or(eq(importJobs.createdBy, userId), inArray(importJobs.communityId, communityIds))
          : eq(importJobs.createdBy, userId);
    return this.db.select(jobSelection).from(importJobs).where(visible).orderBy(desc(importJobs.createdAt)).limit(limit);
  }

  async updateJob(id: string, patch: Partial<typeof importJobs.$inferInsert>) {
    await this.db.update(importJobs).set(patch).where(eq(importJobs.id, id));
  }

  /** Clears stored error reports (they hold personal data) of jobs finished before the cut-off. */
  async purgeReports(before: Date): Promise<number> {
    const rows = await this.db
      .update(importJobs)
      .set({ reportCipher: null })
      .where(sql`${importJobs.finishedAt} < ${before} AND ${importJobs.reportCipher} IS NOT NULL`)
      .returning({ id: importJobs.id });
    return rows.length;
  }

  /**
   * Fails, as INTERRUPTED with their counts kept, the queued or running imports that no runner job will take
   * up any more (its job failed for good, or was lost); returns how many. Reads the runner's `jobs` table.
   */
  async failOrphans(kind: string): Promise<number> {
    const rows = await rowsOf<{ id: string }>(
      this.db,
      sql`UPDATE import_jobs i SET status = 'failed', failure_code = 'INTERRUPTED', finished_at = now(), upload_cipher = NULL
           WHERE i.status IN ('queued', 'running')
             AND NOT EXISTS (SELECT 1 FROM jobs j WHERE j.kind = ${kind} AND j.payload->>'importId' = i.id::text AND j.status IN ('queued', 'running'))
       RETURNING i.id`,
    );
    return rows.length;
  }

  async savedMapping(communityId: string, fingerprint: string): Promise<Record<string, string> | null> {
    const rows = await this.db
      .select({ mapping: importMappings.mapping })
      .from(importMappings)
      .where(and(eq(importMappings.communityId, communityId), eq(importMappings.fingerprint, fingerprint)))
      .limit(1);
    return (rows[0]?.mapping as Record<string, string> | undefined) ?? null;
  }

  /** Saves (or replaces) the mapping of a layout in a community. */
  async saveMapping(communityId: string, fingerprint: string, mapping: Record<string, string>, userId: string) {
    await this.db
      .insert(importMappings)
      .values({ communityId, fingerprint, mapping, createdBy: userId })
      .onConflictDoUpdate({
        target: [importMappings.communityId, importMappings.fingerprint],
        set: { mapping, createdBy: userId, updatedAt: new Date() },
      });
  }

  /** The buildings of a community (name, street address, grid), to place rows by their address. */
  communityBuildings(communityId: string) {
    return rowsOf<{ name: string; address: string; gridId: string }>(
      this.db,
      sql`SELECT name, address, grid_id AS "gridId" FROM buildings WHERE community_id = ${communityId}`,
    );
  }

  /** Registered residents by ID hash, with where they live (for their care records). */
  residentsByHash(hashes: string[]) {
    if (hashes.length === 0) return Promise.resolve([] as { id: string; idHash: string; communityId: string; gridId: string | null }[]);
    return rowsOf<{ id: string; idHash: string; communityId: string; gridId: string | null }>(
      this.db,
      sql`SELECT id, id_hash AS "idHash", community_id AS "communityId", grid_id AS "gridId" FROM residents WHERE id_hash = ANY(${arrayParam(hashes, 'text')})`,
    );
  }

  /** Every grid with its community (a city has a few hundred). */
  grids(): Promise<GridRef[]> {
    return rowsOf<GridRef>(
      this.db,
      sql`SELECT g.id, g.code, g.name, c.id AS "communityId", c.name AS "communityName"
          FROM regions g JOIN regions c ON c.id = g.parent_id
          WHERE g.level = 'grid' AND c.level = 'community'`,
    );
  }

  async community(id: string): Promise<{ id: string; name: string } | undefined> {
    const rows = await rowsOf<{ id: string; name: string }>(this.db, sql`SELECT id, name FROM regions WHERE id = ${id} AND level = 'community'`);
    return rows[0];
  }

  /**
   * Residents with these ID hashes that lie outside `scope`. One index probe per hash (LATERAL … LIMIT 1):
   * the planner would otherwise scan the whole table for a thousand-element list.
   */
  outsideScope(hashes: string[], scope: DataScope) {
    if (scope.all || hashes.length === 0) return Promise.resolve([] as { idHash: string }[]);
    return rowsOf<{ idHash: string }>(
      this.db,
      sql`SELECT r.id_hash AS "idHash" FROM unnest(${arrayParam(hashes, 'text')}) AS u(h)
          CROSS JOIN LATERAL (SELECT id_hash, community_id, grid_id FROM residents WHERE id_hash = u.h LIMIT 1) r
          -- IS NOT TRUE: a resident waiting for a grid (grid_id NULL) makes the OR NULL, which is outside too.
          WHERE ${scopeSql(scope, 'r')} IS NOT TRUE`,
    );
  }

  /** The active households of these grids, by grid + address (the oldest when an address repeats). */
  async gridHouseholds(gridIds: string[]): Promise<Map<string, string>> {
    const rows = await rowsOf<{ id: string; gridId: string; address: string }>(
      this.db,
      sql`SELECT DISTINCT ON (grid_id, address) id, grid_id AS "gridId", address FROM households
          WHERE grid_id = ANY(${arrayParam(gridIds, 'uuid')}) AND status = 'active'
          ORDER BY grid_id, address, created_at`,
    );
    return new Map(rows.map((r) => [householdKey(r.gridId, r.address), r.id]));
  }
}
