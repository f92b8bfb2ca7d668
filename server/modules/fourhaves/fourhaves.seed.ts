/**
 * The demo city's four haves, as the speech describes them: the 3 pilot communities and 桥西 have built
 * their premises (each meets the standard, and each still has a large funding gap); the other 5 are below
 * 300 m², two of them renting, two with premises under construction or planned; every community has its
 * 5 + 1 + 3 cadres and police; the city's 300,000 yuan a year of 以奖代补 shared by evaluation scores.
 */
import { computeAwards } from '../../../shared/domain/award';
import type { Database } from '../../db/client';
import { COMMUNITIES } from '../../db/seed/demo-city';
import { communityRules, communityStaffing, fundingEntries, premises } from './fourhaves.table';

type Room = { name: string; use: string; areaM2: number; ownership: string; state: string; leaseEnd?: string; rentFen?: number; counterpart?: string };

/** Premises per community (by name). Compliant ones exceed 720 m², enough for 2,349 households. */
const PREMISES: Record<string, Room[]> = {
  城东社区: [
    { name: '城东社区服务中心活动室', use: 'activity', areaM2: 520, ownership: 'owned', state: 'in_use' },
    { name: '城东社区办公室', use: 'office', areaM2: 160, ownership: 'owned', state: 'in_use' },
    { name: '城东社区服务站大厅', use: 'service_hall', areaM2: 120, ownership: 'owned', state: 'in_use' },
    { name: '城东警务室', use: 'police_office', areaM2: 40, ownership: 'owned', state: 'in_use' },
  ],
  城中社区: [
    { name: '城中社区文体活动中心', use: 'activity', areaM2: 480, ownership: 'owned', state: 'in_use' },
    { name: '城中社区办公室', use: 'office', areaM2: 140, ownership: 'owned', state: 'in_use' },
    { name: '城中社区服务站大厅', use: 'service_hall', areaM2: 70, ownership: 'owned', state: 'in_use' },
    { name: '城中警务室', use: 'police_office', areaM2: 40, ownership: 'owned', state: 'in_use' },
  ],
  世纪社区: [
    { name: '世纪广场社区活动中心', use: 'activity', areaM2: 500, ownership: 'owned', state: 'in_use' },
    { name: '世纪社区办公室', use: 'office', areaM2: 150, ownership: 'owned', state: 'in_use' },
    { name: '世纪社区服务站大厅', use: 'service_hall', areaM2: 100, ownership: 'owned', state: 'in_use' },
    { name: '世纪警务室', use: 'police_office', areaM2: 30, ownership: 'owned', state: 'in_use' },
  ],
  桥西社区: [
    { name: '桥西社区活动用房', use: 'activity', areaM2: 460, ownership: 'developer', counterpart: '宁阳桥西置业有限公司', state: 'in_use' },
    { name: '桥西社区办公室', use: 'office', areaM2: 180, ownership: 'developer', counterpart: '宁阳桥西置业有限公司', state: 'in_use' },
    { name: '桥西社区服务站大厅', use: 'service_hall', areaM2: 100, ownership: 'owned', state: 'in_use' },
  ],
  城西社区: [
    { name: '城西社区办公室', use: 'office', areaM2: 80, ownership: 'owned', state: 'in_use' },
    { name: '城西社区活动室', use: 'activity', areaM2: 160, ownership: 'owned', state: 'in_use' },
    { name: '城西新区配建社区用房', use: 'activity', areaM2: 560, ownership: 'developer', counterpart: '宁阳城西房地产开发公司', state: 'under_construction' },
  ],
  城北社区: [
    { name: '城北社区办公室', use: 'office', areaM2: 100, ownership: 'owned', state: 'in_use' },
    { name: '城北社区活动室', use: 'activity', areaM2: 150, ownership: 'owned', state: 'in_use' },
    { name: '城北社区综合服务用房（规划）', use: 'activity', areaM2: 400, ownership: 'owned', state: 'planned' },
  ],
  城南社区: [
    { name: '城南社区租用办公室', use: 'office', areaM2: 140, ownership: 'rented', state: 'in_use', leaseEnd: '2026-12-31', rentFen: 2_400_000 },
    { name: '城南中学共用活动室', use: 'activity', areaM2: 120, ownership: 'shared', counterpart: '宁阳市城南中学', state: 'in_use' },
  ],
  桥东社区: [
    { name: '桥东社区办公室', use: 'office', areaM2: 180, ownership: 'owned', state: 'in_use' },
    { name: '桥东社区活动室', use: 'activity', areaM2: 90, ownership: 'owned', state: 'in_use' },
    { name: '桥东社区活动用房（在建）', use: 'activity', areaM2: 300, ownership: 'owned', state: 'under_construction' },
  ],
  河滨社区: [
    { name: '河滨社区租用办公室', use: 'office', areaM2: 110, ownership: 'rented', state: 'in_use', leaseEnd: '2027-06-30', rentFen: 1_800_000 },
    { name: '河滨社区活动室', use: 'activity', areaM2: 80, ownership: 'owned', state: 'in_use' },
  ],
};

/** Inspection scores for the 以奖代补 of each year (until the evaluation module computes them); the awards seed enters them. */
export const SCORES: Record<string, [number, number]> = {
  城东社区: [92, 94],
  城中社区: [90, 91],
  世纪社区: [88, 90],
  桥西社区: [85, 88],
  城西社区: [72, 76],
  城北社区: [68, 70],
  城南社区: [58, 66],
  桥东社区: [70, 73],
  河滨社区: [62, 64],
};

/** The 以奖代补 years (from last year, three years) and the pot of each. */
export const AWARD_YEARS = [2025, 2026, 2027];
export const AWARD_POT_YUAN = 300_000;

/** Seeds premises, rules, head-counts and the funding ledger of the 9 demo communities. */
export async function seedFourHaves(database: Database) {
  const { db } = database;
  const rows = await database.query<{ id: string; name: string }>(`SELECT id, name FROM regions WHERE level = 'community'`);
  const idOf = new Map(rows.map((r) => [r.name, r.id]));
  const names = COMMUNITIES.map((c) => c.name).filter((n) => idOf.has(n));
  if (names.length === 0) return;
  const compliant = new Set(['城东社区', '城中社区', '世纪社区', '桥西社区']);

  await db.insert(premises).values(
    names.flatMap((n) =>
      PREMISES[n].map((r) => ({
        communityId: idOf.get(n)!,
        name: r.name,
        use: r.use,
        areaM2: r.areaM2,
        ownership: r.ownership,
        state: r.state,
        leaseEnd: r.leaseEnd ?? null,
        rentFen: r.rentFen ?? null,
        counterpart: r.counterpart ?? null,
        inUseSince: r.state === 'in_use' ? (compliant.has(n) ? '2025-10-01' : '2016-05-01') : null,
      })),
    ),
  );

  await db.insert(communityStaffing).values(names.map((n) => ({ communityId: idOf.get(n)!, fullTime: 5, partTime: 1, police: 3 })));

  await db.insert(communityRules).values(
    names.flatMap((n) => {
      const id = idOf.get(n)!;
      const short = n.replace('社区', '');
      const out = [{ communityId: id, kind: 'residents_convention', title: `${short}社区居民公约`, adoptedOn: n === '河滨社区' ? '2019-09-20' : '2025-03-15' }];
      // 桥东 has not registered its work rules yet.
      if (n !== '桥东社区') out.push({ communityId: id, kind: 'work_rules', title: `${short}社区居委会工作制度`, adoptedOn: '2025-04-01' });
      return out;
    }),
  );

  // Funding: each year's 以奖代补 pot shared by the year's scores (floor 60, no one above 20%), plus the
  // street, resident units and the community's own money; the need is the year's budget.
  const ledger: (typeof fundingEntries.$inferInsert)[] = [];
  for (const [k, year] of AWARD_YEARS.slice(0, 2).entries()) {
    const award = computeAwards({ pot: AWARD_POT_YUAN, floorScore: 60, maxShare: 0.2, communities: names.map((n) => ({ id: n, score: SCORES[n][k] })) });
    for (const item of award.items) {
      const id = idOf.get(item.id)!;
      const built = compliant.has(item.id);
      const entry = (kind: string, source: string | null, yuan: number, day: string, description: string, voucher: string | null = null) =>
        ledger.push({ communityId: id, year, kind, source, amountFen: Math.round(yuan * 100), entryDate: `${year}-${day}`, description, voucher });
      entry('budget', null, built ? 380_000 : 220_000, '01-10', built ? '社区服务设施运行与活动经费' : '办公用房建设及运行经费');
      // Only last year's award is paid (the awards seed records its payment against this entry); this
      // year's round is still a draft: its payments will enter the ledger when the bureau records them.
      if (item.fen > 0 && k === 0) entry('allocation', 'reward', item.amount, '12-20', `${year} 年度以奖代补（考评得分 ${SCORES[item.id][k]}）`);
      entry('allocation', 'street', built ? 40_000 : 30_000, '03-01', '街道补贴');
      entry('allocation', 'resident_units', built ? 25_000 : 10_000, '05-15', '驻区单位配套');
      entry('allocation', 'self_raised', 8_000, '06-30', '社区自筹');
      entry(
        'spending',
        null,
        built ? 52_000 : 26_000,
        '09-10',
        built ? '活动室设备购置' : '租金及办公开支',
        `${year}-PZ-${String(k * 100 + (names as string[]).indexOf(item.id) + 1).padStart(3, '0')}`,
      );
    }
  }
  await db.insert(fundingEntries).values(ledger);
}

/** Ledger entries another module's demo seed adds (the projects' money): written here, by the table's owner. */
export async function insertFundingEntries(database: Database, rows: (typeof fundingEntries.$inferInsert)[]) {
  if (rows.length) await database.db.insert(fundingEntries).values(rows);
}
