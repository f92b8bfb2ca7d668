import { and, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { arrayParam, escapeLike, rowsOf } from '../../db/sql';
import { regionSql, scopeSql, type DataScope, type RegionFilter } from '../../lib/scope';
import { residents } from '../residents/residents.table';
import { households } from './households.table';

export type HouseholdRow = typeof households.$inferSelect;

/** A household with display names and its active member count. */
export interface HouseholdView {
  id: string;
  householdNumber: string | null;
  address: string;
  room: string | null;
  buildingId: string | null;
  buildingName: string | null;
  communityId: string;
  communityName: string;
  gridId: string;
  gridName: string;
  householdType: string;
  status: string;
  headResidentId: string | null;
  headName: string | null;
  memberCount: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** Filters already resolved by the service. */
export interface HouseholdSearch {
  scope: DataScope;
  /** Where the reader may see residents (residents.read): other heads' names are left out. */
  people: DataScope;
  region?: RegionFilter;
  gridId?: string;
  buildingId?: string;
  householdType?: string;
  /** undefined = every status */
  status?: string;
  q?: string;
}

/** A resident as household changes need it (locked inside the transaction). */
export interface MemberRow {
  id: string;
  householdId: string | null;
  communityId: string;
  gridId: string | null;
  relationToHead: string | null;
  status: string;
}

/** The household columns for display; the head's name only when the reader's resident scope `people` covers the head. */
const VIEW = (
  people: DataScope,
) => sql`h.id, h.household_number AS "householdNumber", h.address, h.room, h.building_id AS "buildingId", b.name AS "buildingName",
  h.community_id AS "communityId", c.name AS "communityName", h.grid_id AS "gridId", g.name AS "gridName", h.household_type AS "householdType",
  h.status, h.head_resident_id AS "headResidentId", CASE WHEN ${scopeSql(people, 'hr')} THEN hr.name END AS "headName", h.version,
  to_json(h.created_at)#>>'{}' AS "createdAt", to_json(h.updated_at)#>>'{}' AS "updatedAt",
  (SELECT count(*)::int FROM residents r WHERE r.household_id = h.id AND r.status = 'active') AS "memberCount"
  FROM households h
  JOIN regions c ON c.id = h.community_id
  JOIN regions g ON g.id = h.grid_id
  LEFT JOIN buildings b ON b.id = h.building_id
  LEFT JOIN residents hr ON hr.id = h.head_resident_id`;

/**
 * Queries on households. Reads join residents, buildings and regions for display (never id_cipher) and
 * lock a household's members for a change; the members themselves are written by ResidentsService.
 */
/** A member as household changes need them (placement, relation, status). */
const MEMBER_COLUMNS = {
  id: residents.id,
  householdId: residents.householdId,
  communityId: residents.communityId,
  gridId: residents.gridId,
  relationToHead: residents.relationToHead,
  status: residents.status,
};

export class HouseholdsRepository {
  constructor(private readonly db: Db) {}

  private where(s: HouseholdSearch): SQL {
    const parts: SQL[] = [scopeSql(s.scope, 'h')];
    if (s.region) parts.push(regionSql(s.region, 'h'));
    if (s.gridId) parts.push(sql`h.grid_id = ${s.gridId}::uuid`);
    if (s.buildingId) parts.push(sql`h.building_id = ${s.buildingId}::uuid`);
    if (s.householdType) parts.push(sql`h.household_type = ${s.householdType}`);
    if (s.status) parts.push(sql`h.status = ${s.status}`);
    if (s.q) parts.push(sql`(h.address ILIKE ${`%${escapeLike(s.q)}%`} OR h.household_number = ${s.q})`);
    return sql.join(parts, sql` AND `);
  }

  async page(s: HouseholdSearch, limit: number, offset: number) {
    const where = this.where(s);
    const [items, [{ total }]] = await Promise.all([
      rowsOf<HouseholdView>(this.db, sql`SELECT ${VIEW(s.people)} WHERE ${where} ORDER BY h.address, h.room NULLS FIRST, h.id LIMIT ${limit} OFFSET ${offset}`),
      rowsOf<{ total: number }>(this.db, sql`SELECT count(*)::int AS total FROM households h WHERE ${where}`),
    ]);
    return { items, total };
  }

  async view(id: string, people: DataScope): Promise<HouseholdView | undefined> {
    const rows = await rowsOf<HouseholdView>(this.db, sql`SELECT ${VIEW(people)} WHERE h.id = ${id}::uuid`);
    return rows[0];
  }

  /**
   * Everyone whose household this is that the reader's resident scope `people` covers: active first, the
   * head first, then by age. Masked identity only.
   */
  members(id: string, headId: string | null, people: DataScope) {
    return rowsOf<{
      id: string;
      name: string;
      idMasked: string;
      sex: 'M' | 'F';
      age: number;
      relationToHead: string | null;
      status: string;
    }>(
      this.db,
      sql`SELECT r.id, r.name, r.id_masked AS "idMasked", r.sex,
                 date_part('year', age(current_date, r.birth_date))::int AS age, r.relation_to_head AS "relationToHead", r.status
          FROM residents r WHERE r.household_id = ${id}::uuid AND ${scopeSql(people, 'r')}
          ORDER BY (r.status = 'active') DESC, (r.id = ${headId}::uuid) IS TRUE DESC, r.birth_date, r.id`,
    );
  }

  /** How many people on record in the household the reader's resident scope does not cover (no personal data). */
  async hiddenMembers(id: string, people: DataScope): Promise<number> {
    if (people.all) return 0;
    const rows = await rowsOf<{ n: number }>(
      this.db,
      sql`SELECT count(*)::int AS n FROM residents r WHERE r.household_id = ${id}::uuid AND NOT ${scopeSql(people, 'r')}`,
    );
    return rows[0].n;
  }

  async byId(id: string): Promise<HouseholdRow | undefined> {
    const rows = await this.db.select().from(households).where(eq(households.id, id)).limit(1);
    return rows[0];
  }

  /** A household with this 户号, other than `exceptId`. */
  async byNumber(householdNumber: string, exceptId?: string) {
    const rows = await this.db
      .select({ id: households.id })
      .from(households)
      .where(exceptId ? and(eq(households.householdNumber, householdNumber), ne(households.id, exceptId)) : eq(households.householdNumber, householdNumber))
      .limit(1);
    return rows[0];
  }

  /** Locks households for the rest of the transaction (in id order, so two changes never deadlock). */
  lock(ids: string[]): Promise<HouseholdRow[]> {
    return this.db.select().from(households).where(inArray(households.id, ids)).orderBy(households.id).for('update');
  }

  /** Locks a household's active members. */
  lockMembers(householdId: string): Promise<MemberRow[]> {
    return this.db
      .select(MEMBER_COLUMNS)
      .from(residents)
      .where(and(eq(residents.householdId, householdId), eq(residents.status, 'active')))
      .orderBy(residents.id)
      .for('update');
  }

  async insert(row: typeof households.$inferInsert): Promise<HouseholdRow> {
    const [h] = await this.db.insert(households).values(row).returning();
    return h;
  }

  /** Updates when the version matches (or always, without a version); bumps the version. */
  async update(id: string, version: number | undefined, patch: Partial<typeof households.$inferInsert>): Promise<HouseholdRow | undefined> {
    const rows = await this.db
      .update(households)
      .set({ ...patch, version: sql`${households.version} + 1`, updatedAt: sql`now()` })
      .where(version === undefined ? eq(households.id, id) : and(eq(households.id, id), eq(households.version, version)))
      .returning();
    return rows[0];
  }

  /** A resident's current household and status (read-only). */
  async resident(id: string): Promise<MemberRow | undefined> {
    const rows = await this.db.select(MEMBER_COLUMNS).from(residents).where(eq(residents.id, id)).limit(1);
    return rows[0];
  }

  /** Active residents per household id. */
  async activeCount(householdId: string) {
    const rows = await rowsOf<{ n: number }>(
      this.db,
      sql`SELECT count(*)::int AS n FROM residents WHERE household_id = ${householdId}::uuid AND status = 'active'`,
    );
    return rows[0].n;
  }

  /** Households in a scope: active now, and those 30 days ago (created before then, active or dissolved/merged since). */
  async workbenchCounts(scope: DataScope): Promise<{ active: number; previous: number }> {
    const rows = await rowsOf<{ active: number; previous: number }>(
      this.db,
      sql`SELECT count(*) FILTER (WHERE h.status = 'active')::int AS active,
                 count(*) FILTER (WHERE h.created_at < now() - interval '30 days'
                                    AND (h.status = 'active' OR h.updated_at >= now() - interval '30 days'))::int AS previous
          FROM households h WHERE ${scopeSql(scope, 'h')}`,
    );
    return rows[0] ?? { active: 0, previous: 0 };
  }

  /** Addresses of the households among `ids` that lie inside a scope. */
  addressesIn(ids: string[], scope: DataScope) {
    if (ids.length === 0) return Promise.resolve([]);
    return rowsOf<{ id: string; address: string }>(
      this.db,
      sql`SELECT h.id, h.address FROM households h WHERE h.id = ANY(${arrayParam(ids, 'uuid')}) AND ${scopeSql(scope, 'h')}`,
    );
  }

  /** Creates households (grid + address) in one statement, for the import's bulk path. */
  async createBulk(wanted: { gridId: string; communityId: string; address: string }[]): Promise<{ id: string; gridId: string; address: string }[]> {
    if (wanted.length === 0) return [];
    return rowsOf<{ id: string; gridId: string; address: string }>(
      this.db,
      sql`INSERT INTO households (community_id, grid_id, address)
          SELECT * FROM unnest(${arrayParam(
            wanted.map((m) => m.communityId),
            'uuid',
          )}, ${arrayParam(
            wanted.map((m) => m.gridId),
            'uuid',
          )}, ${arrayParam(
            wanted.map((m) => m.address),
            'text',
          )})
          RETURNING id, grid_id AS "gridId", address`,
    );
  }

  /** Makes each resident the head of their household where they are not yet (one statement). */
  async setHeads(heads: { residentId: string; householdId: string }[]): Promise<void> {
    if (heads.length === 0) return;
    await this.db.execute(
      sql`UPDATE households h SET head_resident_id = n.resident_id, version = h.version + 1, updated_at = now()
          FROM unnest(${arrayParam(
            heads.map((x) => x.householdId),
            'uuid',
          )}, ${arrayParam(
            heads.map((x) => x.residentId),
            'uuid',
          )}) AS n(household_id, resident_id)
          WHERE h.id = n.household_id AND h.head_resident_id IS DISTINCT FROM n.resident_id`,
    );
  }
}
