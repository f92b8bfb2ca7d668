import { PGlite } from '@electric-sql/pglite';
import { sql, type SQL } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Permission } from '../../shared/domain/permissions';
import { rowsOf } from '../db/sql';
import type { Actor, Grant } from './context';
import {
  categoryCovers,
  categoryScopesFor,
  categorySql,
  NO_SCOPE,
  organisationCovers,
  organisationPathsFor,
  organisationSql,
  selfPlaceScope,
  selfSql,
  sensitiveScopesFor,
  sensitiveSql,
  type DataScope,
  type OrganisationScope,
  type SelfScope,
} from './scope';
import { permissionsOf } from '../../shared/domain/permissions';

// Two communities with a grid each; rows of a table that carries community_id, grid_id, a domain and a category.
const DONG = '00000000-0000-4000-8000-000000000001';
const XI = '00000000-0000-4000-8000-000000000002';
const DONG_G1 = '00000000-0000-4000-8000-000000000011';
const XI_G1 = '00000000-0000-4000-8000-000000000021';
const ROWS = [
  { name: 'dong-labour', community: DONG, grid: DONG_G1, domain: 'labour', category: 'unemployed', resident: 'a', household: 'h1' },
  { name: 'dong-police', community: DONG, grid: DONG_G1, domain: 'police', category: 'released', resident: 'b', household: 'h1' },
  { name: 'dong-none', community: DONG, grid: DONG_G1, domain: null, category: 'disability', resident: 'c', household: 'h2' },
  { name: 'xi-labour', community: XI, grid: XI_G1, domain: 'labour', category: 'correction', resident: 'd', household: 'h3' },
  { name: 'xi-plain', community: XI, grid: XI_G1, domain: 'police', category: null, resident: 'e', household: null },
];
const uuidOf = (s: string) => `00000000-0000-4000-9000-${s.padStart(12, '0').replace(/[^0-9a-f]/g, 'f')}`;

let pg: PGlite;
let db: ReturnType<typeof drizzle>;
beforeAll(async () => {
  pg = new PGlite();
  db = drizzle(pg);
  await pg.exec(`CREATE TABLE t (name text, community_id uuid, grid_id uuid, domain text, category text, resident_id uuid, household_id uuid)`);
  for (const r of ROWS)
    await pg.query(`INSERT INTO t VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
      r.name,
      r.community,
      r.grid,
      r.domain,
      r.category,
      uuidOf(r.resident),
      r.household ? uuidOf(r.household) : null,
    ]);
});
afterAll(() => pg.close());

/** The names of the rows a predicate on alias `a` keeps. */
const kept = async (where: SQL) => (await rowsOf<{ name: string }>(db, sql`SELECT name FROM t a WHERE ${where} ORDER BY name`)).map((r) => r.name);
const scope = (communityIds: string[], gridIds: string[] = []): DataScope => ({ all: false, communityIds, gridIds });
const ALL: DataScope = { all: true, communityIds: [], gridIds: [] };

describe('self scope in SQL', () => {
  const me: SelfScope = { residentId: uuidOf('a'), householdId: uuidOf('h1'), communityId: DONG, gridId: DONG_G1 };

  it('keeps the rows of the resident and of their household', async () => {
    expect(await kept(selfSql(me, { resident: 'a.resident_id', household: 'a.household_id' }))).toEqual(['dong-labour', 'dong-police']);
    expect(await kept(selfSql(me, { resident: 'a.resident_id' }))).toEqual(['dong-labour']);
  });

  it('keeps nothing by household for a resident without one, and nothing when no column is named', async () => {
    expect(await kept(selfSql({ ...me, householdId: null }, { household: 'a.household_id' }))).toEqual([]);
    expect(await kept(selfSql(me, {}))).toEqual([]);
  });

  it('places the resident in their one community', () => {
    expect(selfPlaceScope(me)).toEqual({ all: false, communityIds: [DONG], gridIds: [] });
  });
});

describe('organisation scope: a department’s own domain, wherever its grant reaches', () => {
  const grant = (role: Grant['role'], regionPath: string, domain: string | null = null): Grant => ({
    role,
    regionPath,
    domain,
    regionId: regionPath,
    regionName: regionPath,
    regionLevel: 'city',
  });
  const actor = (...grants: Grant[]) => ({ grants }) as unknown as Actor;
  const perms = (role: string, domain: string | null) => permissionsOf(role as Grant['role'], domain);

  it('splits an actor’s grants holding a permission into unlimited ones and one set of paths per domain', () => {
    const paths = organisationPathsFor(
      actor(grant('worker', 'c.dong'), grant('department', 'c', 'labour'), grant('department', 'c.s', 'labour')),
      'residents.read',
      perms,
    );
    expect(paths.anyDomain).toEqual(['c.dong']);
    expect([...paths.byDomain]).toEqual([['labour', ['c', 'c.s']]]);
    // A grant without the permission, and a department grant without a domain, count for nothing.
    expect(organisationPathsFor(actor(grant('resident', 'c.dong'), grant('department', 'c')), 'residents.read', perms)).toEqual({
      anyDomain: [],
      byDomain: new Map(),
    });
  });

  it('keeps a city-wide labour department to the labour rows of every community', async () => {
    const labour: OrganisationScope = { anyDomain: NO_SCOPE, byDomain: new Map([['labour', ALL]]) };
    expect(await kept(organisationSql(labour, 'a.domain', 'a'))).toEqual(['dong-labour', 'xi-labour']);
    expect(organisationCovers(labour, { domain: 'labour', communityId: XI })).toBe(true);
    expect(organisationCovers(labour, { domain: 'police', communityId: XI })).toBe(false);
    expect(organisationCovers(labour, { domain: null, communityId: XI })).toBe(false);
  });

  it('adds a community worker’s rows of every domain (and of none) to a police department’s in another community', async () => {
    const mixed: OrganisationScope = { anyDomain: scope([DONG]), byDomain: new Map([['police', scope([XI])]]) };
    expect(await kept(organisationSql(mixed, 'a.domain', 'a'))).toEqual(['dong-labour', 'dong-none', 'dong-police', 'xi-plain']);
    expect(organisationCovers(mixed, { domain: null, communityId: DONG })).toBe(true);
    expect(organisationCovers(mixed, { domain: 'labour', communityId: XI })).toBe(false);
  });

  it('keeps everything for a city-wide unlimited grant and nothing for no grant', async () => {
    expect(await kept(organisationSql({ anyDomain: ALL, byDomain: new Map() }, 'a.domain', 'a'))).toHaveLength(ROWS.length);
    expect(await kept(organisationSql({ anyDomain: NO_SCOPE, byDomain: new Map([['labour', NO_SCOPE]]) }, 'a.domain', 'a'))).toEqual([]);
  });
});

describe('category scopes and sensitive categories in SQL', () => {
  /** A scopeFor that answers from a table of permissions, counting its calls. */
  const resolver = (held: Partial<Record<Permission, DataScope>>) => {
    const calls: Permission[] = [];
    const scopeFor = async (p: Permission) => {
      calls.push(p);
      return held[p] ?? NO_SCOPE;
    };
    return { calls, scopeFor };
  };

  it('resolves each permission once and reads a sensitive category with the permission the table names', async () => {
    const { calls, scopeFor } = resolver({ 'care.basic.read': scope([DONG, XI]), 'care.welfare.read': scope([DONG]) });
    const scopes = await categoryScopesFor(['unemployed', 'disability', 'dibao', 'released'], 'care.basic.read', scopeFor);
    expect(calls.sort()).toEqual(['care.basic.read', 'care.justice.read', 'care.welfare.read']);
    // 安置帮教 is read nowhere: the actor holds no justice read.
    expect([...scopes.keys()]).toEqual(['unemployed', 'disability', 'dibao']);
    expect(categoryCovers(scopes, 'disability', { communityId: DONG })).toBe(true);
    expect(categoryCovers(scopes, 'disability', { communityId: XI })).toBe(false);
    expect(categoryCovers(scopes, 'released', { communityId: DONG })).toBe(false);
  });

  it('keeps the rows of the categories each within its own scope', async () => {
    const { scopeFor } = resolver({ 'care.basic.read': scope([DONG, XI]), 'care.welfare.read': scope([DONG]) });
    const scopes = await categoryScopesFor(['unemployed', 'disability', 'released', 'correction'], 'care.basic.read', scopeFor);
    expect(await kept(categorySql(scopes, 'a.category', 'a'))).toEqual(['dong-labour', 'dong-none']);
    expect(await kept(categorySql(new Map(), 'a.category', 'a'))).toEqual([]);
  });

  it('hides a sensitive row from an actor not listed for it and keeps every other row (and rows of no category)', async () => {
    const worker = await sensitiveScopesFor(resolver({ 'care.welfare.read': scope([DONG]) }).scopeFor);
    expect(await kept(sensitiveSql(worker, 'a.category', 'a'))).toEqual(['dong-labour', 'dong-none', 'xi-plain']);
  });

  it('shows a listed reader the sensitive rows inside their grant only: the police of 城东 see 城东’s 安置帮教, not 城西’s correction', async () => {
    const police = await sensitiveScopesFor(resolver({ 'care.justice.read': scope([], [DONG_G1]) }).scopeFor);
    expect(await kept(sensitiveSql(police, 'a.category', 'a'))).toEqual(['dong-labour', 'dong-police', 'xi-plain']);
    const bureau = await sensitiveScopesFor(resolver({ 'care.justice.read': ALL, 'care.welfare.read': ALL }).scopeFor);
    expect(await kept(sensitiveSql(bureau, 'a.category', 'a'))).toHaveLength(ROWS.length);
  });
});
