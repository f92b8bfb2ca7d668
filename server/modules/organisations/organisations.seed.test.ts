import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPopulation } from '../../db/seed/population';
import { createTestApp, type TestApp } from '../../test/app';
import { seedCadres } from '../cadres/cadres.seed';
import { seedOrganisations } from './organisations.seed';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedPopulation(t.database, { residents: 9000, seed: 7, crypto: t.app.services.crypto });
  await seedOrganisations(t.database, 7);
  await seedCadres(t.database, 7);
}, 180_000);
afterAll(() => t.close());

const q = <T = Record<string, unknown>>(sql: string) => t.database.query<T>(sql);

describe('the demo city’s organisations (the speech)', () => {
  it('has 9 党总支 (one per community) and 11 党支部, each under its community’s 党总支', async () => {
    const rows = await q<{ type: string; n: number }>(
      `SELECT type, count(*)::int AS n FROM organisations WHERE type LIKE 'party%' GROUP BY type ORDER BY type`,
    );
    expect(rows).toEqual([
      { type: 'party_branch', n: 11 },
      { type: 'party_general_branch', n: 9 },
    ]);
    const orphans = await q(`SELECT b.id FROM organisations b LEFT JOIN organisations g ON g.id = b.parent_id
                             WHERE b.type = 'party_branch' AND (g.type IS DISTINCT FROM 'party_general_branch' OR g.community_id <> b.community_id)`);
    expect(orphans).toEqual([]);
  });

  it('gives 世纪社区 the square’s five culture teams, and every party organisation’s members are party members', async () => {
    const teams = await q<{ name: string }>(`SELECT o.name FROM organisations o JOIN regions c ON c.id = o.community_id
                                             WHERE c.name = '世纪社区' AND o.type = 'culture_team' ORDER BY o.name`);
    expect(teams.map((t) => t.name)).toEqual(expect.arrayContaining(['世纪老年腰鼓队', '世纪花环队', '世纪太极扇队', '世纪太极剑队', '世纪京剧票友协会']));
    const [{ n, bad }] = await q<{
      n: number;
      bad: number;
    }>(`SELECT count(*)::int AS n, count(*) FILTER (WHERE r.political_status <> 'party_member')::int AS bad
      FROM organisation_members m JOIN organisations o ON o.id = m.organisation_id JOIN residents r ON r.id = m.resident_id WHERE o.type LIKE 'party%'`);
    expect(n).toBeGreaterThan(50);
    expect(bad).toBe(0);
    const units = await q<{ n: number }>(`SELECT count(*)::int AS n FROM organisations WHERE type = 'resident_unit' AND contribution IS NOT NULL`);
    expect(units[0].n).toBe(18);
  });

  it('gives every residents’ group 2–3 representatives, registered voters of its community, so a group-representative election has a roll', async () => {
    const groups = await q<{ community_id: string; n: number; outsiders: number }>(
      `SELECT o.community_id, count(m.id)::int AS n,
              count(m.id) FILTER (WHERE r.community_id <> o.community_id OR r.residence_type NOT IN ('registered_resident', 'registered_away'))::int AS outsiders
       FROM organisations o LEFT JOIN organisation_members m ON m.organisation_id = o.id AND m.role = 'representative' AND m.end_date IS NULL
       LEFT JOIN residents r ON r.id = m.resident_id
       WHERE o.type = 'residents_group' GROUP BY o.id, o.community_id`,
    );
    expect(groups).toHaveLength(36);
    expect(groups.every((g) => g.n >= 2 && g.n <= 3 && g.outsiders === 0)).toBe(true);
    const c = await t.login('chengdong');
    const detail = (await c.get(`/api/organisations?type=residents_group&pageSize=1`)).json();
    expect((await c.get(`/api/organisations/${detail.items[0].id}`)).json().representatives).toMatchObject({ ok: true });
    const [dong] = await q<{ id: string }>(`SELECT id FROM regions WHERE name = '城东社区'`);
    const perCommunity = groups.filter((g) => g.community_id === dong!.id).reduce((n, g) => n + g.n, 0);
    const e = (
      await c.post('/api/elections', {
        communityId: dong!.id,
        term: 8,
        mode: 'group_reps',
        seatsDirector: 1,
        seatsDeputy: 1,
        seatsMember: 3,
        electionDate: '2026-05-16',
      })
    ).json();
    const roll = await c.post(`/api/elections/${e.id}/derive-roll`);
    expect(roll.json().groupRepCount).toBe(perCommunity);
    expect(perCommunity).toBe(10);
  });

  it('staffs every community with 5 full-time, 1 part-time and 3 police: 9 seconded teachers and 18 auxiliary police in all', async () => {
    const [{ seconded, aux, total }] = await q<{ seconded: number; aux: number; total: number }>(
      `SELECT count(*) FILTER (WHERE source = 'seconded')::int AS seconded, count(*) FILTER (WHERE post = 'auxiliary_police')::int AS aux, count(*)::int AS total FROM cadres`,
    );
    expect({ seconded, aux, total }).toEqual({ seconded: 9, aux: 18, total: 81 });
    const staffing = (await (await t.login('mzj')).get('/api/cadres/staffing')).json();
    expect(staffing.items.every((i: { totalVacancies: number }) => i.totalVacancies === 0)).toBe(true);
  });
});
