import { and, desc, eq, getTableColumns, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { ImportColumnKey } from '../../../shared/domain/resident-row';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/sql';
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

/** A row ready for the database: the resident's columns, derived identity columns and placement. */
export interface PreparedResident {
  name: string;
  namePinyin: string;
  nameInitials: string;
  idCipherHex: string;
  idHash: string;
  idMasked: string;
  idTailRev: string;
  birthDate: string;
  sex: 'M' | 'F';
  ethnicity: string;
  phone: string | null;
  education: string | null;
  politicalStatus: string | null;
  maritalStatus: string | null;
  employmentStatus: string | null;
  residenceType: string;
  relationToHead: string | null;
  notes: string | null;
  communityId: string;
  /** null: no grid could be told; the resident waits on the community's 待分配网格 list. */
  gridId: string | null;
  address: string | null;
}

/** Household key within a grid: the same address in the same grid is the same household. */
export const householdKey = (gridId: string, address: string) => `${gridId}\u0000${address}`;

type PgType = 'text' | 'uuid' | 'date';

/** A PostgreSQL array literal, NULLs allowed, as one bound parameter with a cast. */
function pgArray(values: readonly (string | null)[], type: PgType): SQL {
  const literal = `{${values.map((v) => (v === null ? 'NULL' : `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`)).join(',')}}`;
  return sql`${literal}::${sql.raw(type)}[]`;
}

/**
 * Resident columns an import may set, by the spreadsheet column that carries them. A re-import only
 * updates the columns its file has; name and placement are always there (required columns).
 */
const UPDATABLE: { key: ImportColumnKey; columns: string[] }[] = [
  { key: 'name', columns: ['name', 'name_pinyin', 'name_initials'] },
  { key: 'grid', columns: ['community_id', 'grid_id'] },
  { key: 'ethnicity', columns: ['ethnicity'] },
  { key: 'phone', columns: ['phone'] },
  { key: 'education', columns: ['education'] },
  { key: 'politicalStatus', columns: ['political_status'] },
  { key: 'maritalStatus', columns: ['marital_status'] },
  { key: 'employmentStatus', columns: ['employment_status'] },
  { key: 'residenceType', columns: ['residence_type'] },
  { key: 'relationToHead', columns: ['relation_to_head'] },
  { key: 'notes', columns: ['notes'] },
];

/** Queries of the import feature, including its own batched resident upsert (one statement per batch). */
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
      sql`SELECT id, id_hash AS "idHash", community_id AS "communityId", grid_id AS "gridId" FROM residents WHERE id_hash = ANY(${pgArray(hashes, 'text')})`,
    );
  }

  /** Marks registered residents as floating population (人员类别 流动人口 on a row without 居住类型). */
  async setFloating(ids: string[]) {
    if (ids.length === 0) return;
    await this.db.execute(
      sql`UPDATE residents SET residence_type = 'floating', version = version + 1, updated_at = now()
          WHERE id = ANY(${pgArray(ids, 'uuid')}) AND residence_type <> 'floating'`,
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
      sql`SELECT r.id_hash AS "idHash" FROM unnest(${pgArray(hashes, 'text')}) AS u(h)
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
          WHERE grid_id = ANY(${pgArray(gridIds, 'uuid')}) AND status = 'active'
          ORDER BY grid_id, address, created_at`,
    );
    return new Map(rows.map((r) => [householdKey(r.gridId, r.address), r.id]));
  }

  /** Creates households (grid + address), in the caller's transaction; returns key → id. */
  async createHouseholds(wanted: { gridId: string; communityId: string; address: string }[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    if (wanted.length === 0) return out;
    const created = await rowsOf<{ id: string; gridId: string; address: string }>(
      this.db,
      sql`INSERT INTO households (community_id, grid_id, address)
          SELECT * FROM unnest(${pgArray(
            wanted.map((m) => m.communityId),
            'uuid',
          )}, ${pgArray(
            wanted.map((m) => m.gridId),
            'uuid',
          )}, ${pgArray(
            wanted.map((m) => m.address),
            'text',
          )})
          RETURNING id, grid_id AS "gridId", address`,
    );
    for (const c of created) out.set(householdKey(c.gridId, c.address), c.id);
    return out;
  }

  /**
   * Inserts new residents and updates registered ones (same ID hash) in one statement. An existing row
   * is only touched when a column the file carries differs (then version + 1); one outside `scope` is
   * never touched. New residents get a 'register' entry in the move history, and a new or changed
   * resident whose relation is 户主 becomes the head of their household. Returns how many rows
   * were inserted and updated; the rest were unchanged.
   */
  async upsertResidents(
    rows: (PreparedResident & { householdId: string | null })[],
    present: ReadonlySet<ImportColumnKey>,
    scope: DataScope,
    actorId: string,
  ): Promise<{ inserted: number; updated: number }> {
    if (rows.length === 0) return { inserted: 0, updated: 0 };
    const col = <K extends keyof (typeof rows)[number]>(k: K, type: PgType = 'text') =>
      pgArray(
        rows.map((r) => r[k] as string | null),
        type,
      );
    const setColumns = UPDATABLE.filter((u) => present.has(u.key)).flatMap((u) => u.columns);
    // A row that could not be placed (no grid) keeps the community and grid a registered resident has.
    const valueOf = (c: string) =>
      c === 'grid_id'
        ? 'COALESCE(EXCLUDED.grid_id, residents.grid_id)'
        : c === 'community_id'
          ? 'CASE WHEN EXCLUDED.grid_id IS NULL THEN residents.community_id ELSE EXCLUDED.community_id END'
          : `EXCLUDED.${c}`;
    const pairs: [string, string][] = setColumns.map((c) => [`residents.${c}`, valueOf(c)]);
    // A row with no address keeps the household it has.
    if (present.has('address')) pairs.push(['residents.household_id', 'COALESCE(EXCLUDED.household_id, residents.household_id)']);
    const set = sql.raw(pairs.map(([target, value]) => `${target.replace('residents.', '')} = ${value}`).join(', '));
    const before = sql.raw(pairs.map((p) => p[0]).join(', '));
    const after = sql.raw(pairs.map((p) => p[1]).join(', '));
    const inScope = scopeSql(scope, 'residents');
    const result = await rowsOf<{ inserted: boolean; n: number }>(
      this.db,
      sql`WITH input AS (
            SELECT * FROM unnest(
              ${col('name')}, ${col('namePinyin')}, ${col('nameInitials')}, ${col('idCipherHex')}, ${col('idHash')}, ${col('idMasked')},
              ${col('idTailRev')}, ${col('birthDate', 'date')}, ${col('sex')}, ${col('ethnicity')}, ${col('phone')}, ${col('education')},
              ${col('politicalStatus')}, ${col('maritalStatus')}, ${col('employmentStatus')}, ${col('residenceType')}, ${col('relationToHead')},
              ${col('notes')}, ${col('communityId', 'uuid')}, ${col('gridId', 'uuid')}, ${col('householdId', 'uuid')}
            ) AS t(name, name_pinyin, name_initials, id_cipher_hex, id_hash, id_masked, id_tail_rev, birth_date, sex, ethnicity, phone, education,
                   political_status, marital_status, employment_status, residence_type, relation_to_head, notes, community_id, grid_id, household_id)
          ), before AS (
            -- The registered residents as they were (every CTE reads the statement's snapshot).
            SELECT r.id_hash, r.household_id, r.community_id, r.grid_id FROM residents r WHERE r.id_hash IN (SELECT id_hash FROM input)
          ), up AS (
            INSERT INTO residents (name, name_pinyin, name_initials, id_cipher, id_hash, id_masked, id_tail_rev, birth_date, sex, ethnicity, phone,
                   education, political_status, marital_status, employment_status, residence_type, relation_to_head, notes, community_id, grid_id, household_id)
            SELECT name, name_pinyin, name_initials, decode(id_cipher_hex, 'hex'), id_hash, id_masked, id_tail_rev, birth_date, sex, ethnicity, phone,
                   education, political_status, marital_status, employment_status, residence_type, relation_to_head, notes, community_id, grid_id, household_id
            FROM input
            ON CONFLICT (id_hash) DO UPDATE SET ${set}, version = residents.version + 1, updated_at = now()
            WHERE ROW(${before}) IS DISTINCT FROM ROW(${after}) AND ${inScope}
            RETURNING residents.id, residents.id_hash, residents.community_id, residents.grid_id, residents.household_id, residents.relation_to_head, (xmax = 0) AS inserted
          ), heads AS (
            UPDATE households h SET head_resident_id = up.id, version = h.version + 1, updated_at = now()
            FROM up WHERE up.relation_to_head = 'head' AND h.id = up.household_id AND h.head_resident_id IS DISTINCT FROM up.id
          ), moves AS (
            -- New residents are registered; registered ones whose household or grid the file changed have moved.
            INSERT INTO resident_moves (resident_id, community_id, move_type, from_household_id, to_household_id, from_community_id, to_community_id,
                                        effective_date, reason, created_by)
            SELECT id, community_id, 'register', NULL, household_id, NULL, community_id, current_date, '批量导入', ${actorId}::uuid FROM up WHERE inserted
            UNION ALL
            SELECT up.id, up.community_id, CASE WHEN b.community_id <> up.community_id THEN 'move_in' ELSE 'transfer' END,
                   b.household_id, up.household_id, b.community_id, up.community_id, current_date, '批量导入', ${actorId}::uuid
              FROM up JOIN before b ON b.id_hash = up.id_hash
             WHERE NOT up.inserted AND (b.household_id IS DISTINCT FROM up.household_id OR b.grid_id IS DISTINCT FROM up.grid_id)
          )
          SELECT inserted, count(*)::int AS n FROM up GROUP BY inserted`,
    );
    return { inserted: result.find((r) => r.inserted)?.n ?? 0, updated: result.find((r) => !r.inserted)?.n ?? 0 };
  }
}
