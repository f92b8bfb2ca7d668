/**
 * The test world of the security suites: three places in the demo city with a building, a household,
 * residents and care records each, factories for fresh objects, the demo accounts' scopes, and the
 * multipart/CSV helpers of the import routes. Objects are written straight to the database (no audit).
 *
 * Markers (the ids the leak checks search for) of the registry core are listed here; every other module
 * adds its objects and their markers through its fixtures file's `world` (ModuleFixtures in fixture-kit.ts),
 * called for each place after the core. The organisations and cadres that the typed PlaceObjects fields
 * name (p.organisationId, p.cadreId …) are still made here so those fields stay typed; their modules'
 * `world` hooks contribute their markers.
 */
import { eq } from 'drizzle-orm';
import { makeIdNumber } from '../../shared/domain/id-number';
import { permissionsOf, type Permission } from '../../shared/domain/permissions';
import { IMPORT_COLUMNS } from '../../shared/domain/resident-row';
import { COMMUNITIES, gridCode } from '../db/seed/demo-city';
import { DEMO_ACCOUNTS } from '../db/seed';
import { identityColumns } from '../lib/identity';
import { nameColumns } from '../lib/pinyin';
import { userGrants, users } from '../modules/accounts/accounts.table';
import { buildings } from '../modules/buildings/buildings.table';
import { careRecords } from '../modules/care/care.table';
import { cadres } from '../modules/cadres/cadres.table';
import { organisationMembers, organisations } from '../modules/organisations/organisations.table';
import { households } from '../modules/households/households.table';
import { MODULES } from '../modules';
import { regions } from '../modules/regions/regions.table';
import { residents } from '../modules/residents/residents.table';
import type { TestApp } from '../test/app';

/** Where test objects live: 城东 grid 1 (the grid worker's), 城东 grid 2, 城西 grid 1. */
export const PLACES = {
  dong1: { communityCode: COMMUNITIES[0].code, gridCode: gridCode(COMMUNITIES[0].code, 1) },
  dong2: { communityCode: COMMUNITIES[0].code, gridCode: gridCode(COMMUNITIES[0].code, 2) },
  xi: { communityCode: COMMUNITIES[3].code, gridCode: gridCode(COMMUNITIES[3].code, 1) },
} as const;
export type PlaceKey = keyof typeof PLACES;
export const PLACE_KEYS = Object.keys(PLACES) as PlaceKey[];

/**
 * How an object relates to a grant:
 * - `grid`: the object lies in one grid; a grant covers it when the grid is in the grant's subtree.
 * - `community`: the object belongs to a whole community (an import job); a grid grant does not cover it.
 * - `community-partial`: a community that a grid worker may see in part (its statistics, its region page).
 */
export type Level = 'grid' | 'community' | 'community-partial';

/** The demo accounts by username. */
export const ACCOUNTS = Object.fromEntries(DEMO_ACCOUNTS.map((a) => [a.username, a])) as Record<string, (typeof DEMO_ACCOUNTS)[number]>;
export const USERNAMES = DEMO_ACCOUNTS.map((a) => a.username);

/** What the account may do (its single grant's permissions). */
export function permissionsOfAccount(username: string): Set<Permission> {
  const a = ACCOUNTS[username];
  return new Set(permissionsOf(a.role, a.domain ?? null));
}

/** Whether the account's grant covers an object in `place` (region codes extend their parent's code). */
export function covers(username: string, place: PlaceKey, level: Level = 'grid'): boolean {
  const grant = ACCOUNTS[username].region;
  const p = PLACES[place];
  if (level === 'grid') return p.gridCode.startsWith(grant);
  if (level === 'community') return p.communityCode.startsWith(grant);
  return p.communityCode.startsWith(grant) || grant.startsWith(p.communityCode);
}

/** The shared objects of one place. */
export interface PlaceObjects {
  key: PlaceKey;
  communityId: string;
  gridId: string;
  /** Another grid of the same community (target of building moves). */
  otherGridId: string;
  buildingId: string;
  buildingName: string;
  householdId: string;
  /** Unique 户号, for search filters. */
  householdNumber: string;
  headId: string;
  /** Unique name of the head, for search filters. */
  headName: string;
  memberIds: string[];
  /** An 独居老人 record (care.basic.read). */
  basicCareId: string;
  /** A 刑满释放 record (care.justice.read). */
  justiceCareId: string;
  /** A culture team of the place's community, with one member (by name). */
  organisationId: string;
  organisationName: string;
  memberId: string;
  /** A cadre of the place's community. */
  cadreId: string;
  cadreName: string;
}

export interface Family {
  householdId: string;
  headId: string;
  memberIds: string[];
  communityId: string;
  gridId: string;
}

/** An id that must not appear in a response to a caller outside `place` (or without `needs`). */
export interface Marker {
  id: string;
  place: PlaceKey;
  needs?: Permission;
  /** A region (grid, community) rather than a registry object. */
  region?: boolean;
  what: string;
}

let idSeq = 0;
/** A fresh valid ID number (Beijing region code, so it never meets the demo population's numbers). */
export function freshIdNumber(sex: 'M' | 'F' = 'M'): string {
  idSeq += 1;
  const birth = new Date(Date.UTC(1950, 0, 1) + idSeq * 86_400_000 * 3).toISOString().slice(0, 10);
  return makeIdNumber('110101', birth, (idSeq * 2) % 998, sex);
}

const CHARS = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥';
let nameSeq = 0;
/** A unique Chinese name: 矩 + two characters from a counter. */
export function freshName(prefix = '矩'): string {
  nameSeq += 1;
  const n = nameSeq;
  return `${prefix}${CHARS[Math.floor(n / CHARS.length) % CHARS.length]}${CHARS[n % CHARS.length]}${n >= CHARS.length * CHARS.length ? n : ''}`;
}

let codeSeq = 0;
/** A fresh region code under a community (grids extend the community's code). */
export function freshGridCode(communityCode: string): string {
  codeSeq += 1;
  return `${communityCode}9${String(codeSeq).padStart(3, '0')}`;
}

export type World = Awaited<ReturnType<typeof buildWorld>>;

/** Builds the shared objects of every place; returns them with factories for fresh ones. */
export async function buildWorld(t: TestApp) {
  const { db } = t.database;
  const crypto = t.app.services.crypto;
  const regionRows = await db.select({ id: regions.id, code: regions.code, path: regions.path }).from(regions);
  const byCode = new Map(regionRows.map((r) => [r.code, r]));
  const regionId = (code: string) => {
    const r = byCode.get(code);
    if (!r) throw new Error(`no region ${code}`);
    return r.id;
  };

  const building = async (p: { communityId: string; gridId: string }) => {
    const [b] = await db
      .insert(buildings)
      .values({ communityId: p.communityId, gridId: p.gridId, name: `${freshName('楼')}栋`, address: '矩阵路1号', floors: 6, units: 2 })
      .returning();
    return b;
  };

  let addressSeq = 0;
  const household = async (p: { communityId: string; gridId: string; buildingId?: string | null }, householdNumber?: string) => {
    const [h] = await db
      .insert(households)
      .values({
        communityId: p.communityId,
        gridId: p.gridId,
        buildingId: p.buildingId ?? null,
        address: `矩阵路${++addressSeq}号`,
        room: '101室',
        householdNumber,
      })
      .returning();
    return h;
  };

  const resident = async (
    p: { communityId: string; gridId: string | null; householdId?: string | null },
    opts: { name?: string; relationToHead?: string } = {},
  ) => {
    const name = opts.name ?? freshName();
    const [r] = await db
      .insert(residents)
      .values({
        communityId: p.communityId,
        gridId: p.gridId,
        householdId: p.householdId ?? null,
        name,
        ...nameColumns(name),
        ...identityColumns(crypto, freshIdNumber()),
        relationToHead: opts.relationToHead ?? null,
      })
      .returning();
    return r;
  };

  /** A household with a head and `others` more members. */
  const family = async (
    p: { communityId: string; gridId: string; buildingId?: string | null },
    others = 2,
    shared?: { headName: string; householdNumber: string },
  ): Promise<Family> => {
    const h = await household(p, shared?.householdNumber);
    const at = { ...p, householdId: h.id };
    const head = await resident(at, { relationToHead: 'head', name: shared?.headName });
    const members = [head.id];
    for (let i = 0; i < others; i++) members.push((await resident(at, { relationToHead: i === 0 ? 'spouse' : 'son' })).id);
    await db.update(households).set({ headResidentId: head.id }).where(eq(households.id, h.id));
    return { householdId: h.id, headId: head.id, memberIds: members, communityId: p.communityId, gridId: p.gridId };
  };

  const care = async (r: { id: string; communityId: string }, groupType: string, attributes: Record<string, unknown> = {}) => {
    const [c] = await db
      .insert(careRecords)
      .values({ residentId: r.id, communityId: r.communityId, groupType, attributes, startDate: '2020-01-01' })
      .returning();
    return c;
  };

  /** A culture team of a community (organisations belong to a community, not a grid). */
  const organisation = async (p: { communityId: string }, type = 'culture_team') => {
    const [o] = await db
      .insert(organisations)
      .values({ communityId: p.communityId, type, name: freshName('队') })
      .returning();
    return o;
  };
  const member = async (org: { id: string; communityId: string }) => {
    const [m] = await db
      .insert(organisationMembers)
      .values({ communityId: org.communityId, organisationId: org.id, name: freshName('员'), role: 'member', startDate: '2020-01-01' })
      .returning();
    return m;
  };
  const cadre = async (p: { communityId: string }) => {
    const [k] = await db
      .insert(cadres)
      .values({
        communityId: p.communityId,
        name: freshName('干'),
        sex: 'F',
        birthDate: '1985-01-01',
        post: 'full_time_worker',
        source: 'recruited',
        startDate: '2020-01-01',
      })
      .returning();
    return k;
  };

  /** A grid created for one test (re-division moves it away). */
  const grid = async (key: PlaceKey) => {
    const community = byCode.get(PLACES[key].communityCode)!;
    const code = freshGridCode(PLACES[key].communityCode);
    const [g] = await db
      .insert(regions)
      .values({ level: 'grid', parentId: community.id, code, name: `矩阵网格${code.slice(-3)}`, path: `${community.path}.${code}` })
      .returning();
    return g;
  };

  const places = {} as Record<PlaceKey, PlaceObjects>;
  for (const key of PLACE_KEYS) {
    const communityId = regionId(PLACES[key].communityCode);
    const gridId = regionId(PLACES[key].gridCode);
    const otherGridId = regionId(gridCode(PLACES[key].communityCode, 3));
    const b = await building({ communityId, gridId });
    const headName = freshName('卫');
    const householdNumber = `MX-${key}`;
    const f = await family({ communityId, gridId, buildingId: b.id }, 2, { headName, householdNumber });
    const basic = await care({ id: f.headId, communityId }, 'elderly_alone');
    const justice = await care({ id: f.memberIds[1], communityId }, 'released', { releaseDate: '2023-01-01', periodEnd: '2028-01-01' });
    const org = await organisation({ communityId });
    const orgMember = await member(org);
    const k = await cadre({ communityId });
    places[key] = {
      key,
      communityId,
      gridId,
      otherGridId,
      buildingId: b.id,
      buildingName: b.name,
      householdId: f.householdId,
      householdNumber,
      headId: f.headId,
      headName,
      memberIds: f.memberIds,
      basicCareId: basic.id,
      justiceCareId: justice.id,
      organisationId: org.id,
      organisationName: org.name,
      memberId: orgMember.id,
      cadreId: k.id,
      cadreName: k.name,
    };
  }

  /** Ids that a caller outside the place (or without the permission) must never receive. */
  const markers: Marker[] = [];
  for (const key of PLACE_KEYS) {
    const p = places[key];
    if (key === 'xi') markers.push({ id: p.communityId, place: key, region: true, what: '城西 community' });
    markers.push(
      { id: p.gridId, place: key, region: true, what: `${key} grid` },
      { id: p.buildingId, place: key, what: `${key} building` },
      { id: p.householdId, place: key, what: `${key} household` },
      ...p.memberIds.map((id, i) => ({ id, place: key, what: `${key} resident ${i}` })),
      { id: p.basicCareId, place: key, what: `${key} 独居老人 record` },
      { id: p.justiceCareId, place: key, needs: 'care.justice.read' as const, what: `${key} 刑满释放 record` },
    );
  }

  /** An account for the administrators' routes to change (never signs in). */
  const [spare] = await db.insert(users).values({ username: 'matrix-spare', displayName: '矩阵备用账户', passwordHash: 'not-a-hash' }).returning();
  await db.insert(userGrants).values({ userId: spare.id, role: 'worker', regionId: places.dong1.communityId });

  const version = async (table: 'residents' | 'households' | 'buildings' | 'regions' | 'users' | 'care_records' | 'organisations' | 'cadres', id: string) =>
    (await t.database.query<{ version: number }>(`SELECT version FROM ${table} WHERE id = $1`, [id]))[0].version;

  /** Import jobs created by mzj (route-fixtures prepare()). */
  const jobs: Partial<Record<PlaceKey, string>> = {};

  const w = {
    t,
    places,
    markers,
    jobs,
    spareUserId: spare.id,
    regionId,
    building,
    household,
    resident,
    family,
    care,
    grid,
    version,
    organisation,
    member,
    cadre,
  };

  // Each module's objects in every place and their markers (its fixtures file's `world`, via its manifest):
  // a new module's objects are searched for leaks without an edit here.
  for (const m of MODULES) {
    const hook = (await m.fixtures?.())?.world;
    if (hook) for (const key of PLACE_KEYS) markers.push(...(await hook(w, places[key])));
  }
  return w;
}

/** One resident row in the import template's column order, as CSV. */
export function importCsv(rows: Partial<Record<(typeof IMPORT_COLUMNS)[number]['header'], string>>[]): Buffer {
  const headers = IMPORT_COLUMNS.map((c) => c.header);
  const esc = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [headers, ...rows.map((r) => headers.map((h) => r[h] ?? ''))].map((r) => r.map(esc).join(','));
  return Buffer.from(lines.join('\r\n') + '\r\n');
}

/** A multipart/form-data body with one file (field `file`) and optional fields sent before it. */
export function multipart(file: { name: string; data: Buffer; type?: string }, fields: Record<string, string> = {}) {
  const boundary = `----shequsecurity${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'text/csv'}\r\n\r\n`),
    file.data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
