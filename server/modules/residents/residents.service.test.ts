import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../lib/context';
import { createTestApp, type TestApp } from '../../test/app';
import { createHousehold, demoPlaces, makeIdNumber } from './residents.factory';

let t: TestApp;
let places: Awaited<ReturnType<typeof demoPlaces>>;

beforeAll(async () => {
  t = await createTestApp();
  places = await demoPlaces(t);
});
afterAll(() => t.close());

describe('ResidentsService.upsertByIdNumber', () => {
  it('creates, then reports unchanged, then updates only what differs', async () => {
    const residents = t.app.services.residents;
    const idNumber = makeIdNumber({ birthDate: '1966-06-06', sex: 'M' });
    const input = { idNumber, name: '钱进', gridId: places.chengdong.grids[0], phone: '13600000000' };
    const created = await residents.upsertByIdNumber(systemContext, input);
    expect(created.outcome).toBe('created');
    expect(await residents.upsertByIdNumber(systemContext, input)).toEqual({ id: created.id, outcome: 'unchanged' });
    const home = await createHousehold(t, { communityId: places.chengdong.id, gridId: places.chengdong.grids[1], address: '新华路8号' });
    const updated = await residents.upsertByIdNumber(systemContext, { idNumber, name: '钱进', gridId: places.chengdong.grids[1], householdId: home.id });
    expect(updated).toEqual({ id: created.id, outcome: 'updated' });
    const row = await residents.findByIdNumber(idNumber);
    expect(row).toMatchObject({ id: created.id, gridId: places.chengdong.grids[1], householdId: home.id, phone: '13600000000', version: 2 });
    const audit = await t.database.query<{ action: string }>(`SELECT action FROM audit_log WHERE object_id = $1 ORDER BY seq`, [created.id]);
    expect(audit.map((a) => a.action)).toEqual(['residents.create', 'residents.update']);
  });

  it('checks the actor’s write scope', async () => {
    const chengxi = await t.login('chengxi');
    const me = (await chengxi.get('/api/auth/me')).json();
    expect(me.user.username).toBe('chengxi');
    const actor = (await t.app.services.auth.resolve(chengxi.cookie.split('=')[1])) as { actor: Parameters<typeof t.app.services.residents.getForActor>[0] };
    await expect(
      t.app.services.residents.upsertByIdNumber(
        { actor: actor.actor, ip: null },
        { idNumber: makeIdNumber(), name: '越界', gridId: places.chengdong.grids[0] },
      ),
    ).rejects.toMatchObject({ code: 'OUT_OF_SCOPE' });
  });

  it('names idNumber for an invalid number', async () => {
    await expect(
      t.app.services.residents.upsertByIdNumber(systemContext, { idNumber: '123', name: '错', gridId: places.chengdong.grids[0] }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [expect.objectContaining({ path: 'idNumber' })],
    });
  });

  it('counts residents per community', async () => {
    const counts = await t.app.services.residents.countByCommunity();
    expect(counts).toEqual([{ communityId: places.chengdong.id, count: 1 }]);
  });
});
