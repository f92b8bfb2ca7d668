import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app';
import { COMMUNITY, registryFactory } from './registry.factory';

let t: TestApp;
let f: ReturnType<typeof registryFactory>;
beforeAll(async () => {
  t = await createTestApp();
  f = registryFactory(t);
});
afterAll(() => t.close());

const count = async (sql: string, params: unknown[] = []) => (await t.database.query<{ n: number }>(sql, params))[0].n;

describe('GET /api/households and /api/households/:id', () => {
  it('shows a community worker the household page: address, members with masked ID, age and relation, head first', async () => {
    const place = await f.grid(COMMUNITY.城东, 2);
    const b = await f.building(place);
    const { household, head, members } = await f.family({ ...place, buildingId: b.id }, 2);
    const c = await t.login('chengdong');
    const res = await c.get(`/api/households/${household.id}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.communityName).toBe('城东社区');
    expect(body.buildingName).toBe(b.name);
    expect(body.headName).toBe(head.name);
    expect(body.memberCount).toBe(3);
    expect(body.members.map((m: { id: string }) => m.id)[0]).toBe(head.id);
    expect(body.members).toHaveLength(members.length);
    expect(body.members[0].idMasked).toMatch(/^341881\*{8}\d{3}[\dX]$/);
    expect(body.members[0].relationToHead).toBe('head');
    expect(typeof body.members[0].age).toBe('number');
    expect(JSON.stringify(body)).not.toContain('idCipher');
    expect(body.capabilities).toEqual({ canEdit: true });
  });

  it('tells an account that writes in 城东 and only reads in 城西 (a police grant there) that it may change the one household and not the other', async () => {
    const [worker] = await t.database.query<{ id: string }>(`SELECT id FROM users WHERE username = 'chengdong'`);
    const [grant] = await t.database.query<{ id: string }>(
      `INSERT INTO user_grants (user_id, role, region_id, pending) VALUES ($1, 'police', $2, false) RETURNING id`,
      [worker.id, await f.regionId(COMMUNITY.城西)],
    );
    try {
      const dong = await f.family(await f.grid(COMMUNITY.城东, 1), 1);
      const xi = await f.family(await f.grid(COMMUNITY.城西, 1), 1);
      const c = await t.login('chengdong');
      const inDong = await c.get(`/api/households/${dong.household.id}`);
      const inXi = await c.get(`/api/households/${xi.household.id}`);
      expect([inDong.statusCode, inXi.statusCode]).toEqual([200, 200]);
      expect(inDong.json().capabilities).toEqual({ canEdit: true });
      expect(inXi.json().capabilities).toEqual({ canEdit: false });
      // And what the capability hides, the server refuses.
      expect((await c.patch(`/api/households/${xi.household.id}`, { version: inXi.json().version, room: '999室' })).statusCode).toBe(403);
    } finally {
      await t.database.query('DELETE FROM user_grants WHERE id = $1', [grant.id]);
    }
  });

  it('finds households by address fragment and by household number, within scope only', async () => {
    const dong = await f.grid(COMMUNITY.城东, 3);
    const xi = await f.grid(COMMUNITY.城西, 3);
    await f.household(dong, { address: '幸福路88号3单元', householdNumber: 'HH-88001' });
    await f.household(xi, { address: '幸福路88号4单元' });
    const c = await t.login('chengdong');
    const byAddress = (await c.get(`/api/households?q=${encodeURIComponent('幸福路88号')}`)).json();
    expect(byAddress.total).toBe(1);
    expect(byAddress.items[0].address).toBe('幸福路88号3单元');
    const byNumber = (await c.get('/api/households?q=HH-88001')).json();
    expect(byNumber.items.map((h: { householdNumber: string }) => h.householdNumber)).toEqual(['HH-88001']);
    const city = (await (await t.login('mzj')).get(`/api/households?q=${encodeURIComponent('幸福路88号')}`)).json();
    expect(city.total).toBe(2);
  });

  it('answers 404 when chengxi asks for a 城东 household', async () => {
    const { household } = await f.family(await f.grid(COMMUNITY.城东, 1), 1);
    const c = await t.login('chengxi');
    expect((await c.get(`/api/households/${household.id}`)).statusCode).toBe(404);
    const list = (await c.get('/api/households?status=all&pageSize=200')).json();
    expect(list.items.some((h: { id: string }) => h.id === household.id)).toBe(false);
  });

  it('lets street1 read 城东 and 城中 households but not 城西 ones', async () => {
    const dong = (await f.family(await f.grid(COMMUNITY.城东, 1), 0)).household;
    const zhong = (await f.family(await f.grid(COMMUNITY.城中, 1), 0)).household;
    const xi = (await f.family(await f.grid(COMMUNITY.城西, 1), 0)).household;
    const c = await t.login('street1');
    expect((await c.get(`/api/households/${dong.id}`)).statusCode).toBe(200);
    expect((await c.get(`/api/households/${zhong.id}`)).statusCode).toBe(200);
    expect((await c.get(`/api/households/${xi.id}`)).statusCode).toBe(404);
  });

  it('limits a grid worker to their grid', async () => {
    const inGrid = (await f.family(await f.grid(COMMUNITY.城东, 1), 0)).household;
    const otherGrid = (await f.family(await f.grid(COMMUNITY.城东, 5), 0)).household;
    const c = await t.login('grid-chengdong');
    expect((await c.get(`/api/households/${inGrid.id}`)).statusCode).toBe(200);
    expect((await c.get(`/api/households/${otherGrid.id}`)).statusCode).toBe(404);
  });
});

describe('POST /api/households and PATCH /api/households/:id', () => {
  it('creates a household in a building of the worker’s community and audits it', async () => {
    const place = await f.grid(COMMUNITY.城东, 4);
    const b = await f.building(place);
    const c = await t.login('chengdong');
    const res = await c.post('/api/households', { buildingId: b.id, room: '1单元101室', address: '人民路1号1单元101室', householdNumber: 'HH-NEW-1' });
    expect(res.statusCode).toBe(201);
    expect(res.json().gridId).toBe(place.gridId);
    expect(res.json().communityId).toBe(place.communityId);
    const audit = await t.database.query<{ action: string }>('SELECT action FROM audit_log WHERE object_id = $1', [res.json().id]);
    expect(audit.map((a) => a.action)).toEqual(['households.create']);
    const dup = await c.post('/api/households', { gridId: place.gridId, address: '别处', householdNumber: 'HH-NEW-1' });
    expect(dup.statusCode).toBe(409);
  });

  it('refuses (403) a household created by chengxi in a 城东 grid', async () => {
    const place = await f.grid(COMMUNITY.城东, 4);
    const c = await t.login('chengxi');
    const res = await c.post('/api/households', { gridId: place.gridId, address: '人民路2号' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('OUT_OF_SCOPE');
  });

  it('answers 409 VERSION_CONFLICT to a stale PATCH', async () => {
    const { household } = await f.family(await f.grid(COMMUNITY.城东, 2), 0);
    const c = await t.login('chengdong');
    const first = await c.patch(`/api/households/${household.id}`, { version: household.version, room: '3单元502室' });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(household.version + 1);
    const stale = await c.patch(`/api/households/${household.id}`, { version: household.version, room: '3单元503室' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    expect((await c.get(`/api/households/${household.id}`)).json().room).toBe('3单元502室');
  });

  it('changes the head to another member and gives the former head a relation', async () => {
    const { household, head, members } = await f.family(await f.grid(COMMUNITY.城东, 2), 1);
    const c = await t.login('chengdong');
    const res = await c.patch(`/api/households/${household.id}`, { version: household.version, headResidentId: members[1].id, formerHeadRelation: 'spouse' });
    expect(res.statusCode).toBe(200);
    expect(res.json().headResidentId).toBe(members[1].id);
    const rel = Object.fromEntries(res.json().members.map((m: { id: string; relationToHead: string }) => [m.id, m.relationToHead]));
    expect(rel[members[1].id]).toBe('head');
    expect(rel[head.id]).toBe('spouse');
  });
});

describe('POST /api/households/:id/move-member', () => {
  it('moves a member across communities: community, grid and care records follow, and a history row is written', async () => {
    const from = await f.family(await f.grid(COMMUNITY.城东, 6), 2);
    const toPlace = await f.grid(COMMUNITY.城中, 2);
    const to = await f.family(toPlace, 0);
    const mover = from.members[2];
    await f.care(mover.id, mover.communityId, 'elderly_alone');
    const c = await t.login('street1');
    const res = await c.post(`/api/households/${from.household.id}/move-member`, {
      residentId: mover.id,
      toHouseholdId: to.household.id,
      relationToHead: 'son',
      effectiveDate: '2026-01-15',
      reason: '投亲',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().household.memberCount).toBe(2);
    expect(res.json().other.memberCount).toBe(2);
    const [r] = await t.database.query<{ household_id: string; community_id: string; grid_id: string; relation_to_head: string }>(
      'SELECT * FROM residents WHERE id = $1',
      [mover.id],
    );
    expect(r).toMatchObject({ household_id: to.household.id, community_id: toPlace.communityId, grid_id: toPlace.gridId, relation_to_head: 'son' });
    expect(await count('SELECT count(*)::int AS n FROM care_records WHERE resident_id = $1 AND community_id = $2', [mover.id, toPlace.communityId])).toBe(1);
    const moves = await t.database.query<{
      move_type: string;
      from_community_id: string;
      to_community_id: string;
      community_id: string;
      effective_date: string;
    }>(`SELECT move_type, from_community_id, to_community_id, community_id, effective_date::text FROM resident_moves WHERE resident_id = $1`, [mover.id]);
    expect(moves).toEqual([
      {
        move_type: 'transfer',
        from_community_id: from.household.communityId,
        to_community_id: toPlace.communityId,
        community_id: toPlace.communityId,
        effective_date: '2026-01-15',
      },
    ]);
    const page = (await c.get(`/api/households/${to.household.id}`)).json();
    expect(page.moves.map((m: { residentId: string; moveType: string }) => [m.residentId, m.moveType])).toEqual([[mover.id, 'transfer']]);
    expect(await count(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'households.move_member' AND object_id = $1`, [from.household.id])).toBe(1);
  });

  it('answers 404 when chengxi tries to move a 城东 member, and nothing changes', async () => {
    const from = await f.family(await f.grid(COMMUNITY.城东, 6), 1);
    const to = await f.family(await f.grid(COMMUNITY.城西, 6), 0);
    const c = await t.login('chengxi');
    const res = await c.post(`/api/households/${from.household.id}/move-member`, {
      residentId: from.members[1].id,
      toHouseholdId: to.household.id,
      relationToHead: 'other',
      effectiveDate: '2026-01-15',
    });
    expect(res.statusCode).toBe(404);
    expect(await count('SELECT count(*)::int AS n FROM residents WHERE household_id = $1', [from.household.id])).toBe(2);
  });

  it('refuses (403) moving a member into a household of a foreign community', async () => {
    const from = await f.family(await f.grid(COMMUNITY.城东, 6), 1);
    const to = await f.family(await f.grid(COMMUNITY.城西, 6), 0);
    const c = await t.login('chengdong');
    const res = await c.post(`/api/households/${from.household.id}/move-member`, {
      residentId: from.members[1].id,
      toHouseholdId: to.household.id,
      relationToHead: 'other',
      effectiveDate: '2026-01-15',
    });
    expect(res.statusCode).toBe(403);
  });

  it('refuses to move the head away from remaining members (409)', async () => {
    const from = await f.family(await f.grid(COMMUNITY.城东, 6), 1);
    const to = await f.family(await f.grid(COMMUNITY.城东, 6), 0);
    const c = await t.login('chengdong');
    const res = await c.post(`/api/households/${from.household.id}/move-member`, {
      residentId: from.head.id,
      toHouseholdId: to.household.id,
      relationToHead: 'other',
      effectiveDate: '2026-01-15',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.reason).toBe('head_has_members');
  });
});

describe('POST /api/households/:id/split and /merge', () => {
  it('splits two members into a new household: everyone is kept, the old head stays, history rows are written', async () => {
    const place = await f.grid(COMMUNITY.城东, 7);
    const b = await f.building(place);
    const { household, head, members } = await f.family(place, 3);
    const [, a, bMember] = members;
    const c = await t.login('chengdong');
    const res = await c.post(`/api/households/${household.id}/split`, {
      residentIds: [a.id, bMember.id],
      newHousehold: { address: '人民路9号2单元201室', room: '2单元201室', buildingId: b.id },
      newHeadId: a.id,
      relations: { [bMember.id]: 'spouse' },
      effectiveDate: '2026-02-01',
    });
    expect(res.statusCode).toBe(200);
    const { household: old, other } = res.json();
    expect(old.headResidentId).toBe(head.id);
    expect(old.memberCount).toBe(2);
    expect(other.headResidentId).toBe(a.id);
    expect(other.buildingId).toBe(b.id);
    expect(other.members.map((m: { id: string; relationToHead: string }) => [m.id, m.relationToHead]).sort()).toEqual(
      [
        [a.id, 'head'],
        [bMember.id, 'spouse'],
      ].sort(),
    );
    const all = members.map((m) => m.id);
    expect(
      await count(`SELECT count(*)::int AS n FROM residents WHERE id = ANY($1::uuid[]) AND household_id = ANY($2::uuid[]) AND status = 'active'`, [
        all,
        [household.id, other.id],
      ]),
    ).toBe(4);
    expect(
      await count(`SELECT count(*)::int AS n FROM resident_moves WHERE move_type = 'split' AND from_household_id = $1 AND to_household_id = $2`, [
        household.id,
        other.id,
      ]),
    ).toBe(2);
  });

  it('refuses a split that takes the head away (409)', async () => {
    const { household, head, members } = await f.family(await f.grid(COMMUNITY.城东, 7), 1);
    const c = await t.login('chengdong');
    const res = await c.post(`/api/households/${household.id}/split`, {
      residentIds: [head.id],
      newHousehold: { address: '别处' },
      newHeadId: head.id,
      effectiveDate: '2026-02-01',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.reason).toBe('head_stays');
    expect(await count('SELECT count(*)::int AS n FROM residents WHERE household_id = $1', [household.id])).toBe(members.length);
    expect(await count('SELECT count(*)::int AS n FROM households WHERE head_resident_id = $1', [head.id])).toBe(1);
  });

  it('merges a household into another: members move, the absorbing head stays, the merged one is kept with status merged', async () => {
    const place = await f.grid(COMMUNITY.城东, 8);
    const into = await f.family(place, 1);
    const gone = await f.family(place, 2);
    const c = await t.login('chengdong');
    const res = await c.post(`/api/households/${gone.household.id}/merge`, { intoHouseholdId: into.household.id, effectiveDate: '2026-03-01', reason: '并户' });
    expect(res.statusCode).toBe(200);
    const { household: merged, other } = res.json();
    expect(merged.status).toBe('merged');
    expect(merged.memberCount).toBe(0);
    expect(other.headResidentId).toBe(into.head.id);
    expect(other.memberCount).toBe(5);
    const rel = Object.fromEntries(other.members.map((m: { id: string; relationToHead: string }) => [m.id, m.relationToHead]));
    expect(rel[gone.head.id]).toBe('other');
    expect(Object.values(rel).filter((r) => r === 'head')).toHaveLength(1);
    expect(await count('SELECT count(*)::int AS n FROM households WHERE id = $1', [gone.household.id])).toBe(1);
    expect(merged.moves).toHaveLength(3);
    expect((await c.post(`/api/households/${gone.household.id}/merge`, { intoHouseholdId: into.household.id, effectiveDate: '2026-03-01' })).statusCode).toBe(
      409,
    );
    expect(await count(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'households.merge' AND object_id = $1`, [gone.household.id])).toBe(1);
  });
});

describe('members registered in another grid than their household (grid-chengdong)', () => {
  /** A household in 城东 grid 1 (grid-chengdong's) with a head there and one member registered in grid 2. */
  const straddling = async () => {
    const own = await f.grid(COMMUNITY.城东, 1);
    const next = await f.grid(COMMUNITY.城东, 2);
    const family = await f.family(own, 1);
    const stranger = await f.resident({ ...next, householdId: family.household.id }, { relationToHead: 'son', name: '邻格人' });
    const target = await f.family(own, 0);
    return { ...family, stranger, target, next };
  };
  const stays = async (residentId: string, householdId: string, gridId: string) => {
    const [r] = await t.database.query<{ household_id: string; grid_id: string; relation_to_head: string | null }>(
      'SELECT household_id, grid_id, relation_to_head FROM residents WHERE id = $1',
      [residentId],
    );
    expect(r).toMatchObject({ household_id: householdId, grid_id: gridId });
    expect(await count('SELECT count(*)::int AS n FROM resident_moves WHERE resident_id = $1', [residentId])).toBe(0);
    return r;
  };

  it('shows the grid worker only the members in its grid, and counts the others without their data', async () => {
    const { household, stranger, members } = await straddling();
    const grid = await t.login('grid-chengdong');
    const res = await grid.get(`/api/households/${household.id}`);
    expect(res.statusCode).toBe(200);
    expect(
      res
        .json()
        .members.map((m: { id: string }) => m.id)
        .sort(),
    ).toEqual(members.map((m) => m.id).sort());
    expect(res.json().hiddenMembers).toBe(1);
    expect(res.body).not.toContain(stranger.id);
    expect(res.body).not.toContain('邻格人');
    expect(res.body).not.toContain(stranger.idMasked);
    const community = (await (await t.login('chengdong')).get(`/api/households/${household.id}`)).json();
    expect(community.members.map((m: { id: string }) => m.id)).toContain(stranger.id);
    expect(community.hiddenMembers).toBe(0);
  });

  it('leaves out the name of a head registered in another grid, in the list, on the page and on the building page', async () => {
    const own = await f.grid(COMMUNITY.城东, 1);
    const next = await f.grid(COMMUNITY.城东, 2);
    const b = await f.building(own);
    const h = await f.household({ ...own, buildingId: b.id }, { address: '邻格户主路1号' });
    const head = await f.resident({ ...next, householdId: h.id }, { relationToHead: 'head', name: '隔壁户主' });
    await t.database.query('UPDATE households SET head_resident_id = $1 WHERE id = $2', [head.id, h.id]);
    const grid = await t.login('grid-chengdong');
    const page = await grid.get(`/api/households/${h.id}`);
    expect(page.json()).toMatchObject({ headResidentId: head.id, headName: null, hiddenMembers: 1, members: [] });
    const list = await grid.get(`/api/households?q=${encodeURIComponent('邻格户主路1号')}`);
    expect(list.json().items).toMatchObject([{ id: h.id, headName: null }]);
    expect(list.body).not.toContain('隔壁户主');
    const building = await grid.get(`/api/buildings/${b.id}`);
    expect(building.json().householdList).toMatchObject([{ id: h.id, headName: null }]);
    expect(building.body).not.toContain('隔壁户主');
    expect((await (await t.login('chengdong')).get(`/api/households/${h.id}`)).json().headName).toBe('隔壁户主');
    expect((await (await t.login('chengdong')).get(`/api/buildings/${b.id}`)).json().householdList[0].headName).toBe('隔壁户主');
  });

  it('refuses (403) the grid worker moving a member of another grid into its own household, and nothing changes', async () => {
    const { household, stranger, target, next } = await straddling();
    const grid = await t.login('grid-chengdong');
    const res = await grid.post(`/api/households/${household.id}/move-member`, {
      residentId: stranger.id,
      toHouseholdId: target.household.id,
      relationToHead: 'other',
      effectiveDate: '2026-01-15',
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({ code: 'OUT_OF_SCOPE', details: [{ path: 'residentId', residentId: stranger.id }] });
    await stays(stranger.id, household.id, next.gridId);
  });

  it('refuses (403) a split that takes a member of another grid into a new household', async () => {
    const { household, stranger, next } = await straddling();
    const grid = await t.login('grid-chengdong');
    const res = await grid.post(`/api/households/${household.id}/split`, {
      residentIds: [stranger.id],
      newHousehold: { address: '人民路99号' },
      newHeadId: stranger.id,
      effectiveDate: '2026-02-01',
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.details).toEqual([{ path: 'residentIds.0', residentId: stranger.id }]);
    await stays(stranger.id, household.id, next.gridId);
    expect(await count(`SELECT count(*)::int AS n FROM households WHERE address = '人民路99号'`)).toBe(0);
  });

  it('refuses (403) making a member of another grid the head, and a merge that would carry them along', async () => {
    const { household, head, stranger, target, next } = await straddling();
    const grid = await t.login('grid-chengdong');
    const patch = await grid.patch(`/api/households/${household.id}`, { version: household.version, headResidentId: stranger.id, formerHeadRelation: 'son' });
    expect(patch.statusCode).toBe(403);
    expect(patch.json().error.details).toEqual([{ path: 'headResidentId', residentId: stranger.id }]);
    expect((await stays(stranger.id, household.id, next.gridId)).relation_to_head).toBe('son');
    const [h] = await t.database.query<{ head_resident_id: string; status: string }>('SELECT head_resident_id, status FROM households WHERE id = $1', [
      household.id,
    ]);
    expect(h.head_resident_id).toBe(head.id);

    const merge = await grid.post(`/api/households/${household.id}/merge`, { intoHouseholdId: target.household.id, effectiveDate: '2026-03-01' });
    expect(merge.statusCode).toBe(403);
    await stays(stranger.id, household.id, next.gridId);
    expect((await t.database.query<{ status: string }>('SELECT status FROM households WHERE id = $1', [household.id]))[0].status).toBe('active');
  });

  it('lets the community worker, whose scope covers both grids, make the same move', async () => {
    const { household, stranger, target, head } = await straddling();
    const res = await (
      await t.login('chengdong')
    ).post(`/api/households/${household.id}/move-member`, {
      residentId: stranger.id,
      toHouseholdId: target.household.id,
      relationToHead: 'other',
      effectiveDate: '2026-01-15',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().household.members.map((m: { id: string }) => m.id)).toContain(head.id);
  });
});
