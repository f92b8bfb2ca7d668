import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLE_LABELS, permissionsOf } from '../../../shared/domain/permissions';
import { gridCode, COMMUNITIES } from '../../db/seed/demo-city';
import { createTestApp, type TestApp } from '../../test/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const regionId = async (code: string) => (await t.database.query<{ id: string }>('SELECT id FROM regions WHERE code = $1', [code]))[0].id;

describe('the grid worker role (网格员)', () => {
  it('is labelled 网格员 and does a community worker’s registry work, but not the community-wide registers nor publishing notices', () => {
    expect(ROLE_LABELS.gridworker).toEqual({ zh: '网格员', en: 'Grid worker' });
    const communityWide = /^((orgs|cadres|fourhaves|funding|elections|awards)\.|notices\.write$)/;
    expect(permissionsOf('gridworker')).toEqual(permissionsOf('worker').filter((p) => !communityWide.test(p)));
    expect(permissionsOf('gridworker').some((p) => communityWide.test(p))).toBe(false);
  });

  it('is the demo grid worker’s role, on their grid', async () => {
    const me = (await (await t.login('grid-chengdong')).get('/api/auth/me')).json();
    expect(me.user.grants).toEqual([expect.objectContaining({ role: 'gridworker', regionName: '城东第1网格' })]);
  });

  it('is granted on a grid only: a community names the field', async () => {
    const admin = await t.login('admin');
    const onCommunity = await admin.post('/api/accounts', {
      username: 'grid.wrong',
      displayName: '网格员 错',
      password: 'Temp#2026x',
      grants: [{ role: 'gridworker', regionId: await regionId(COMMUNITIES[0].code) }],
    });
    expect(onCommunity.statusCode).toBe(400);
    expect(onCommunity.json().error.details[0]).toMatchObject({ path: 'grants.0.regionId', code: 'wrong_level' });
    const onGrid = await admin.post('/api/accounts', {
      username: 'grid.right',
      displayName: '网格员 对',
      password: 'Temp#2026x',
      grants: [{ role: 'gridworker', regionId: await regionId(gridCode(COMMUNITIES[0].code, 2)) }],
    });
    expect(onGrid.statusCode).toBe(201);
  });
});

describe('GET /api/imports/targets', () => {
  type Target = { id: string; name: string; whole: boolean; grids: { id: string; name: string }[] };

  it('names the grid worker’s community and only their grid', async () => {
    const res = await (await t.login('grid-chengdong')).get('/api/imports/targets');
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      {
        id: await regionId(COMMUNITIES[0].code),
        name: '城东社区',
        whole: false,
        grids: [{ id: await regionId(gridCode(COMMUNITIES[0].code, 1)), name: '城东第1网格' }],
      },
    ]);
  });

  it('gives a community worker their whole community, and nothing of another', async () => {
    const items = (await (await t.login('chengxi')).get('/api/imports/targets')).json().items as Target[];
    expect(items.map((c) => [c.name, c.whole])).toEqual([['城西社区', true]]);
    expect(items[0].grids.length).toBeGreaterThan(1);
  });

  it('is refused to roles that do not import', async () => {
    for (const u of ['auditor', 'police-chengdong']) expect((await (await t.login(u)).get('/api/imports/targets')).statusCode, u).toBe(403);
  });
});
