import { makeIdNumber } from '../../../shared/domain/id-number';
import { identityColumns } from '../../lib/identity';
import { nameColumns } from '../../lib/pinyin';
import type { TestApp } from '../../test/app';
import { buildings } from '../buildings/buildings.table';
import { careRecords } from '../care/care.table';
import { residents } from '../residents/residents.table';
import { households } from './households.table';

/** The demo city's community codes, by the name tests use. */
export const COMMUNITY = { 城东: '341881001001', 城中: '341881001002', 世纪: '341881001003', 城西: '341881002001', 桥西: '341881002002' } as const;

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英';

/**
 * Test data for the registry, inserted directly: buildings, households and residents with valid,
 * encrypted ID numbers. The demo city's regions are seeded already.
 */
export function registryFactory(t: TestApp) {
  const { db } = t.database;
  const crypto = t.app.services.crypto;
  let seq = 0;

  const regionId = async (code: string) => (await t.database.query<{ id: string }>('SELECT id FROM regions WHERE code = $1', [code]))[0].id;

  /** Grid n (1-based) of a community: its id and its community's id. */
  const grid = async (communityCode: string, n = 1) => {
    const [row] = await t.database.query<{ id: string; parentId: string }>('SELECT id, parent_id AS "parentId" FROM regions WHERE code = $1', [
      `${communityCode}${String(n).padStart(2, '0')}`,
    ]);
    return { gridId: row.id, communityId: row.parentId };
  };

  const building = async (place: { gridId: string; communityId: string }, name = `测试小区${++seq}栋`) => {
    const [b] = await db
      .insert(buildings)
      .values({ ...place, name, address: `人民路${seq}号`, floors: 6, units: 2 })
      .returning();
    return b;
  };

  const household = async (
    place: { gridId: string; communityId: string; buildingId?: string | null },
    extra: { room?: string; householdNumber?: string; address?: string } = {},
  ) => {
    const n = ++seq;
    const [h] = await db
      .insert(households)
      .values({
        ...place,
        buildingId: place.buildingId ?? null,
        room: extra.room ?? `${n}室`,
        householdNumber: extra.householdNumber ?? null,
        address: extra.address ?? `人民路${n}号${n}室`,
      })
      .returning();
    return h;
  };

  const resident = async (
    place: { gridId: string; communityId: string; householdId?: string | null },
    opts: { name?: string; birthDate?: string; sex?: 'M' | 'F'; relationToHead?: string | null; status?: string; residenceType?: string } = {},
  ) => {
    const n = ++seq;
    const name = opts.name ?? `${SURNAMES[n % SURNAMES.length]}${GIVEN[(n * 7) % GIVEN.length]}`;
    const sex = opts.sex ?? (n % 2 ? 'M' : 'F');
    const birthDate = opts.birthDate ?? `${1940 + (n % 80)}-0${1 + (n % 9)}-1${n % 10}`;
    const idNumber = makeIdNumber('341881', birthDate, (n * 2) % 998, sex);
    const [r] = await db
      .insert(residents)
      .values({
        communityId: place.communityId,
        gridId: place.gridId,
        householdId: place.householdId ?? null,
        name,
        ...nameColumns(name),
        ...identityColumns(crypto, idNumber),
        relationToHead: opts.relationToHead ?? null,
        status: opts.status ?? 'active',
        residenceType: opts.residenceType ?? 'registered_resident',
      })
      .returning();
    return r;
  };

  /** A household with a head and `others` more members (spouse, then children). */
  const family = async (place: { gridId: string; communityId: string; buildingId?: string | null }, others = 2) => {
    const h = await household(place);
    const at = { ...place, householdId: h.id };
    const head = await resident(at, { relationToHead: 'head', sex: 'M' });
    const members = [head];
    for (let i = 0; i < others; i++) members.push(await resident(at, { relationToHead: i === 0 ? 'spouse' : 'son' }));
    await t.database.query('UPDATE households SET head_resident_id = $1 WHERE id = $2', [head.id, h.id]);
    return { household: { ...h, headResidentId: head.id }, head, members };
  };

  const care = async (residentId: string, communityId: string, groupType: string, endDate: string | null = null) => {
    const [c] = await db.insert(careRecords).values({ residentId, communityId, groupType, startDate: '2020-01-01', endDate }).returning();
    return c;
  };

  return { regionId, grid, building, household, resident, family, care };
}
