import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app';
import { COMMUNITY, registryFactory } from '../households/registry.factory';

let t: TestApp;
let f: ReturnType<typeof registryFactory>;
beforeAll(async () => {
  t = await createTestApp();
  f = registryFactory(t);
});
afterAll(() => t.close());

const link = (username: string, residentId: string | null) => t.database.query('UPDATE users SET resident_id = $1 WHERE username = $2', [residentId, username]);

describe('GET /api/me/resident and /api/me/household', () => {
  it('shows a resident their own record, masked, and their household’s members without identity numbers', async () => {
    const { household, head, members } = await f.family(await f.grid(COMMUNITY.城东, 1), 2);
    await link('resident', head.id);
    const c = await t.login('resident');
    const me = await c.get('/api/me/resident');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ id: head.id, name: head.name, idMasked: head.idMasked, communityName: '城东社区', address: household.address });
    expect(me.json().idMasked).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    expect(JSON.stringify(me.json())).not.toMatch(/idCipher|idHash/);
    const home = await c.get('/api/me/household');
    expect(home.statusCode).toBe(200);
    expect(home.json().address).toBe(household.address);
    expect(
      home
        .json()
        .members.map((m: { name: string }) => m.name)
        .sort(),
    ).toEqual(members.map((m) => m.name).sort());
    expect(home.json().members.filter((m: { self: boolean }) => m.self)).toHaveLength(1);
    expect(JSON.stringify(home.json())).not.toMatch(/idMasked|phone|\d{6}\*{8}/);
  });

  it('refuses a resident another resident’s record: the registry routes are closed to them and /api/me takes no id', async () => {
    const mine = await f.resident(await f.grid(COMMUNITY.城东, 2));
    const other = await f.resident(await f.grid(COMMUNITY.城东, 2), { name: '别人家' });
    await link('resident', mine.id);
    const c = await t.login('resident');
    expect((await c.get(`/api/residents/${other.id}`)).statusCode).toBe(403);
    expect((await c.get(`/api/residents?q=${encodeURIComponent('别人家')}`)).statusCode).toBe(403);
    expect((await c.get(`/api/households/${other.householdId ?? mine.id}`)).statusCode).toBe(403);
    // Query strings are ignored: the record is always the account's own.
    const me = await c.get(`/api/me/resident?id=${other.id}`);
    expect(me.json().id).toBe(mine.id);
    // Without a household there is no 我的家庭.
    expect((await c.get('/api/me/household')).statusCode).toBe(404);
  });

  it('answers 404 to a resident account linked to nobody, and 403 to staff', async () => {
    await link('resident', null);
    expect((await (await t.login('resident')).get('/api/me/resident')).statusCode).toBe(404);
    expect((await (await t.login('chengdong')).get('/api/me/resident')).statusCode).toBe(403);
    expect((await (await t.login('chengdong')).get('/api/me/household')).statusCode).toBe(403);
  });
});

describe('GET /api/residents/:id capabilities', () => {
  it('tells a community worker they may edit, correct the ID and reveal, and the community police they may only reveal', async () => {
    const r = await f.resident(await f.grid(COMMUNITY.城东, 3));
    const worker = (await (await t.login('chengdong')).get(`/api/residents/${r.id}`)).json();
    expect(worker.capabilities).toEqual({ canEdit: true, canCorrectId: true, canReveal: true, canWriteCare: true });
    const police = (await (await t.login('police-chengdong')).get(`/api/residents/${r.id}`)).json();
    expect(police.capabilities).toEqual({ canEdit: false, canCorrectId: false, canReveal: true, canWriteCare: false });
    const city = (await (await t.login('mzj')).get(`/api/residents/${r.id}`)).json();
    expect(city.capabilities.canEdit).toBe(true);
  });
});
