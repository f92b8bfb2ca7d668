import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/app';
import { createResident, demoPlaces } from './residents.factory';

const N = 12;

let t: TestApp;
let workers: Client[];
let places: Awaited<ReturnType<typeof demoPlaces>>;

beforeAll(async () => {
  t = await createTestApp();
  places = await demoPlaces(t);
  // Two sessions of the same community, as two colleagues editing at once.
  workers = [await t.login('chengdong'), await t.login('chengdong')];
});
afterAll(() => t.close());

const auditedUpdates = async (id: string) =>
  (await t.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'residents.update' AND object_id = $1`, [id]))[0].n;

describe('PATCH /api/residents/:id under concurrent edits', () => {
  it(`lets exactly one of ${N} parallel edits with the same version win; the others get 409 VERSION_CONFLICT and the winner's state stays`, async () => {
    const r = await createResident(t, { name: '并发测试', communityId: places.chengdong.id, gridId: places.chengdong.grids[0], phone: '13600000000' });
    const edits = Array.from({ length: N }, (_, i) => ({ version: 1, name: `并发${i}`, phone: `136000000${String(i).padStart(2, '0')}`, notes: `edit ${i}` }));
    const responses = await Promise.all(edits.map((e, i) => workers[i % 2].patch(`/api/residents/${r.id}`, e)));

    const winners = responses.map((res, i) => ({ res, i })).filter(({ res }) => res.statusCode === 200);
    const losers = responses.filter((res) => res.statusCode !== 200);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(N - 1);
    for (const res of losers) {
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 2 } });
    }
    const winner = edits[winners[0].i];
    expect(winners[0].res.json()).toMatchObject({ name: winner.name, notes: winner.notes, version: 2 });

    const now = await workers[0].get(`/api/residents/${r.id}`);
    expect(now.json()).toMatchObject({ name: winner.name, notes: winner.notes, version: 2 });
    const reveal = await workers[0].post(`/api/residents/${r.id}/reveal`);
    expect(reveal.json().phone).toBe(winner.phone);
    // One change, one audit entry: the refused edits left no trace of a write.
    expect(await auditedUpdates(r.id)).toBe(1);
  });

  it('serialises a chain of edits that each send the version they read: no edit is lost', async () => {
    const r = await createResident(t, { name: '链式编辑', communityId: places.chengdong.id, gridId: places.chengdong.grids[1] });
    // Each client retries on 409 with the current version, as the web client does after reloading.
    const edit = async (client: Client, note: string) => {
      for (let attempt = 0; attempt < 50; attempt++) {
        const current = (await client.get(`/api/residents/${r.id}`)).json() as { version: number; notes: string | null };
        const notes = `${current.notes ?? ''}${note}`;
        const res = await client.patch(`/api/residents/${r.id}`, { version: current.version, notes });
        if (res.statusCode === 200) return attempt;
        expect(res.statusCode).toBe(409);
      }
      throw new Error('no progress after 50 attempts');
    };
    const letters = 'ABCDEFGH'.split('');
    await Promise.all(letters.map((l, i) => edit(workers[i % 2], l)));
    const final = (await workers[0].get(`/api/residents/${r.id}`)).json() as { version: number; notes: string };
    expect(final.version).toBe(1 + letters.length);
    expect([...final.notes].sort()).toEqual(letters);
    expect(await auditedUpdates(r.id)).toBe(letters.length);
  });
});
