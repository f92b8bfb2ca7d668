import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { OrganisationListItem, OrganisationsExportQuery } from '../../../shared/contracts/organisations';
import type { Db } from '../../db/client';
import { escapeLike, rowsOf } from '../../db/sql';
import { communityScopeSql, type DataScope } from '../../lib/scope';
import { organisationHonours, organisationMembers, organisations } from './organisations.table';

export type OrganisationRow = typeof organisations.$inferSelect;
export type MemberRow = typeof organisationMembers.$inferSelect;

/** Filters already resolved by the service. */
export interface OrganisationSearch extends OrganisationsExportQuery {
  scope: DataScope;
}

const ACTIVE_MEMBERS = sql`(SELECT count(*)::int FROM organisation_members m WHERE m.organisation_id = o.id AND (m.end_date IS NULL OR m.end_date >= current_date))`;

const VIEW = sql`o.id, o.community_id AS "communityId", c.name AS "communityName", o.type, o.name, o.parent_id AS "parentId", p.name AS "parentName",
  o.founded_date::text AS "foundedDate", o.contact_person AS "contactPerson", o.contact_phone AS "contactPhone", o.version,
  o.address, o.contribution, o.description, to_json(o.created_at)#>>'{}' AS "createdAt", to_json(o.updated_at)#>>'{}' AS "updatedAt",
  ${ACTIVE_MEMBERS} AS members
  FROM organisations o JOIN regions c ON c.id = o.community_id LEFT JOIN organisations p ON p.id = o.parent_id`;

const SORTS: Record<OrganisationsExportQuery['sort'], SQL> = {
  name: sql`o.name`,
  type: sql`o.type`,
  foundedDate: sql`o.founded_date`,
  members: sql`members`,
  community: sql`c.sort`,
};

/** One organisation as the page shows it (list columns and the page's own fields). */
export type OrganisationView = OrganisationListItem & {
  address: string | null;
  contribution: string | null;
  description: string | null;
  createdAt: string;
  updatedAt: string;
};

/** Queries on organisations, their members and honours. Read-only joins to regions for names. */
export class OrganisationsRepository {
  constructor(private readonly db: Db) {}

  private where(s: OrganisationSearch): SQL {
    const parts: SQL[] = [communityScopeSql(s.scope, 'o.community_id')];
    if (s.type) parts.push(sql`o.type = ${s.type}`);
    if (s.communityId) parts.push(sql`o.community_id = ${s.communityId}::uuid`);
    if (s.q) {
      const like = `%${escapeLike(s.q)}%`;
      parts.push(sql`(o.name ILIKE ${like} OR o.contact_person ILIKE ${like} OR o.address ILIKE ${like})`);
    }
    return sql.join(parts, sql` AND `);
  }

  private orderBy(s: OrganisationSearch): SQL {
    const dir = sql.raw(s.order === 'desc' ? 'DESC' : 'ASC');
    return sql`${SORTS[s.sort]} ${dir} NULLS LAST, c.sort, o.type, o.name, o.id`;
  }

  async page(s: OrganisationSearch, limit: number, offset: number) {
    const where = this.where(s);
    const [items, [{ total }]] = await Promise.all([
      rowsOf<OrganisationView>(this.db, sql`SELECT ${VIEW} WHERE ${where} ORDER BY ${this.orderBy(s)} LIMIT ${limit} OFFSET ${offset}`),
      rowsOf<{ total: number }>(this.db, sql`SELECT count(*)::int AS total FROM organisations o WHERE ${where}`),
    ]);
    return { items, total };
  }

  /** Every match (the export), capped. */
  all(s: OrganisationSearch, cap: number) {
    return rowsOf<OrganisationView>(this.db, sql`SELECT ${VIEW} WHERE ${this.where(s)} ORDER BY ${this.orderBy(s)} LIMIT ${cap}`);
  }

  async view(id: string): Promise<OrganisationView | undefined> {
    const rows = await rowsOf<OrganisationView>(this.db, sql`SELECT ${VIEW} WHERE o.id = ${id}::uuid`);
    return rows[0];
  }

  async byId(id: string): Promise<OrganisationRow | undefined> {
    const rows = await this.db.select().from(organisations).where(eq(organisations.id, id)).limit(1);
    return rows[0];
  }

  children(id: string) {
    return rowsOf<{ id: string; name: string; type: string }>(
      this.db,
      sql`SELECT id, name, type FROM organisations WHERE parent_id = ${id}::uuid ORDER BY type, name`,
    );
  }

  members(id: string) {
    return rowsOf<MemberRow>(
      this.db,
      sql`SELECT id, community_id AS "communityId", organisation_id AS "organisationId", resident_id AS "residentId", name, role,
                 start_date::text AS "startDate", end_date::text AS "endDate", notes, version, created_at AS "createdAt"
          FROM organisation_members WHERE organisation_id = ${id}::uuid
          ORDER BY (end_date IS NULL OR end_date >= current_date) DESC, start_date, name, id`,
    );
  }

  honours(id: string) {
    return this.db
      .select({ id: organisationHonours.id, title: organisationHonours.title, year: organisationHonours.year, issuer: organisationHonours.issuer })
      .from(organisationHonours)
      .where(eq(organisationHonours.organisationId, id))
      .orderBy(sql`${organisationHonours.year} DESC, ${organisationHonours.title}`);
  }

  async member(id: string): Promise<MemberRow | undefined> {
    const rows = await this.db.select().from(organisationMembers).where(eq(organisationMembers.id, id)).limit(1);
    return rows[0];
  }

  /** Whether the resident already holds a current membership of the organisation. */
  async hasCurrentMember(organisationId: string, residentId: string): Promise<boolean> {
    const rows = await rowsOf<{ id: string }>(
      this.db,
      sql`SELECT id FROM organisation_members WHERE organisation_id = ${organisationId}::uuid AND resident_id = ${residentId}::uuid
            AND (end_date IS NULL OR end_date >= current_date) LIMIT 1`,
    );
    return rows.length > 0;
  }

  /** Counts of current organisations per community and type, inside the scope. */
  counts(scope: DataScope) {
    return rowsOf<{ communityId: string; communityName: string; type: string; count: number }>(
      this.db,
      sql`SELECT c.id AS "communityId", c.name AS "communityName", o.type, count(o.id)::int AS count
          FROM regions c LEFT JOIN organisations o ON o.community_id = c.id
          WHERE c.level = 'community' AND ${communityScopeSql(scope, 'c.id')}
          GROUP BY c.id, c.name, c.sort, o.type ORDER BY c.sort, o.type`,
    );
  }

  /** One region (read-only), to check that a community id names a community. */
  async region(id: string) {
    const rows = await rowsOf<{ id: string; level: string; name: string }>(this.db, sql`SELECT id, level, name FROM regions WHERE id = ${id}::uuid`);
    return rows[0];
  }

  async insert(row: typeof organisations.$inferInsert): Promise<OrganisationRow> {
    const [o] = await this.db.insert(organisations).values(row).returning();
    return o;
  }

  /** Updates when the version matches; undefined on a stale version. */
  async update(id: string, version: number, patch: Partial<typeof organisations.$inferInsert>): Promise<OrganisationRow | undefined> {
    const rows = await this.db
      .update(organisations)
      .set({ ...patch, version: sql`${organisations.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(organisations.id, id), eq(organisations.version, version)))
      .returning();
    return rows[0];
  }

  /** Deletes the organisation with its members and honours when the version matches; false on a stale version. */
  async delete(id: string, version: number): Promise<boolean> {
    const rows = await this.db
      .delete(organisations)
      .where(and(eq(organisations.id, id), eq(organisations.version, version)))
      .returning({ id: organisations.id });
    if (rows.length === 0) return false;
    await this.db.delete(organisationMembers).where(eq(organisationMembers.organisationId, id));
    await this.db.delete(organisationHonours).where(eq(organisationHonours.organisationId, id));
    return true;
  }

  async insertMember(row: typeof organisationMembers.$inferInsert): Promise<MemberRow> {
    const [m] = await this.db.insert(organisationMembers).values(row).returning();
    return m;
  }

  async endMember(id: string, version: number, endDate: string): Promise<MemberRow | undefined> {
    const rows = await this.db
      .update(organisationMembers)
      .set({ endDate, version: sql`${organisationMembers.version} + 1` })
      .where(and(eq(organisationMembers.id, id), eq(organisationMembers.version, version)))
      .returning();
    return rows[0];
  }

  async insertHonour(row: typeof organisationHonours.$inferInsert) {
    const [h] = await this.db.insert(organisationHonours).values(row).returning();
    return h;
  }

  /** Bulk inserts for the demo seed. */
  async seed(rows: {
    orgs: (typeof organisations.$inferInsert)[];
    members: (typeof organisationMembers.$inferInsert)[];
    honours: (typeof organisationHonours.$inferInsert)[];
  }) {
    if (rows.orgs.length) await this.db.insert(organisations).values(rows.orgs);
    if (rows.members.length) await this.db.insert(organisationMembers).values(rows.members);
    if (rows.honours.length) await this.db.insert(organisationHonours).values(rows.honours);
  }
}
