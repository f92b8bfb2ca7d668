/**
 * Test data for the registry: households, residents and care records written straight to the database
 * (no HTTP, no audit), with valid ID numbers encrypted by the app's own key.
 */
import { eq } from 'drizzle-orm';
import { checkDigit } from '../../../shared/domain/id-number';
import type { CareGroup } from '../../../shared/domain/registry';
import { COMMUNITIES, gridCode } from '../../db/seed/demo-city';
import { identityColumns } from '../../lib/identity';
import { nameColumns } from '../../lib/pinyin';
import type { TestApp } from '../../test/app';
import { careRecords } from '../care/care.table';
import { households } from '../households/households.table';
import { regions } from '../regions/regions.table';
import { residents } from './residents.table';

let sequence = 0;

/** A valid 18-digit ID number for a birth date and sex (region 341881 unless given); unique per process. */
export function makeIdNumber(opts: { birthDate?: string; sex?: 'M' | 'F'; region?: string } = {}): string {
  const birth = (opts.birthDate ?? '1980-01-01').replace(/-/g, '');
  sequence += 1;
  const seq = ((sequence % 500) * 2 + (opts.sex === 'F' ? 0 : 1)) % 1000;
  // Vary the region's last digits with the counter so that more than 500 numbers stay unique.
  const region = opts.region ?? `3418${String(81 + Math.floor(sequence / 500)).padStart(2, '0')}`;
  const first17 = `${region}${birth}${String(seq).padStart(3, '0')}`;
  return first17 + checkDigit(first17);
}

/** The demo city's community and grid ids by community name key (chengdong, chengxi …). */
export async function demoPlaces(t: TestApp) {
  const rows = await t.database.db.select({ id: regions.id, code: regions.code, name: regions.name }).from(regions);
  const byCode = new Map(rows.map((r) => [r.code, r.id]));
  const place = (index: number) => {
    const c = COMMUNITIES[index];
    return { id: byCode.get(c.code)!, name: c.name, grids: [1, 2, 3].map((n) => byCode.get(gridCode(c.code, n))!) };
  };
  return {
    chengdong: place(0),
    chengzhong: place(1),
    shiji: place(2),
    chengxi: place(3),
    qiaoxi: place(4),
    streetDongcheng: byCode.get('341881001')!,
    city: byCode.get('341881')!,
  };
}

/** Creates a household in a grid. */
export async function createHousehold(t: TestApp, input: { communityId: string; gridId: string; address?: string; room?: string; householdNumber?: string }) {
  const [row] = await t.database.db
    .insert(households)
    .values({
      communityId: input.communityId,
      gridId: input.gridId,
      address: input.address ?? '人民路1号1栋101室',
      room: input.room ?? null,
      householdNumber: input.householdNumber ?? null,
    })
    .returning();
  return row;
}

export interface ResidentFactoryInput {
  name: string;
  communityId: string;
  gridId: string;
  householdId?: string | null;
  idNumber?: string;
  birthDate?: string;
  sex?: 'M' | 'F';
  phone?: string | null;
  residenceType?: string;
  status?: string;
  relationToHead?: string | null;
}

/** Creates a resident; returns the row with its plain ID number. */
export async function createResident(t: TestApp, input: ResidentFactoryInput) {
  const idNumber = input.idNumber ?? makeIdNumber({ birthDate: input.birthDate, sex: input.sex });
  const identity = identityColumns(t.app.services.crypto, idNumber);
  const [row] = await t.database.db
    .insert(residents)
    .values({
      communityId: input.communityId,
      gridId: input.gridId,
      householdId: input.householdId ?? null,
      name: input.name,
      ...nameColumns(input.name),
      ...identity,
      phone: input.phone ?? null,
      residenceType: input.residenceType ?? 'registered_resident',
      status: input.status ?? 'active',
      relationToHead: input.relationToHead ?? null,
    })
    .returning();
  if (input.relationToHead === 'head' && input.householdId) {
    await t.database.db.update(households).set({ headResidentId: row.id }).where(eq(households.id, input.householdId));
  }
  return { ...row, idNumber };
}

/** Adds a care record. */
export async function createCareRecord(
  t: TestApp,
  resident: { id: string; communityId: string },
  groupType: CareGroup,
  attributes: Record<string, unknown> = {},
  dates: { startDate?: string; endDate?: string | null } = {},
) {
  const [row] = await t.database.db
    .insert(careRecords)
    .values({
      residentId: resident.id,
      communityId: resident.communityId,
      groupType,
      attributes,
      startDate: dates.startDate ?? '2020-01-01',
      endDate: dates.endDate ?? null,
    })
    .returning();
  return row;
}
