import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app';
import { createResident, demoPlaces } from './residents.factory';

let t: TestApp;
let places: Awaited<ReturnType<typeof demoPlaces>>;

beforeAll(async () => {
  t = await createTestApp();
  places = await demoPlaces(t);
});
afterAll(() => t.close());

describe('ResidentsService', () => {
  it('counts residents per community', async () => {
    await createResident(t, { name: '钱进', communityId: places.chengdong.id, gridId: places.chengdong.grids[0] });
    const counts = await t.app.services.residents.countByCommunity();
    expect(counts).toEqual([{ communityId: places.chengdong.id, count: 1 }]);
  });
});
