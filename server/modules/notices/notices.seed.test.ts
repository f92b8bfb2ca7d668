import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app';
import { NOTICE_PLANS, seedNotices } from './notices.seed';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedNotices(t.database);
});
afterAll(() => t.close());

type Item = { title: string; status: string; regionName: string };
const list = async (who: string, query = '') =>
  ((await (await t.login(who)).get(`/api/notices?pageSize=50${query}`)).json().items as Item[]).map((i) => i.title);

describe('the demo city’s notices', () => {
  it('gives the civil affairs bureau every notice, one of them scheduled and one withdrawn', async () => {
    expect((await list('mzj')).length).toBe(NOTICE_PLANS.length);
    expect(await list('mzj', '&status=scheduled')).toEqual(['城西社区春季绿化卫生活动']);
    expect(await list('mzj', '&status=withdrawn')).toEqual(['城西社区活动室临时停用']);
  });

  it('shows the 城东 resident the city’s, the street’s and 城东’s current notices for residents, the pinned city notice first', async () => {
    const seen = await list('resident');
    expect(seen).toEqual([
      '关于深入推进社区建设工作的通知',
      '城东社区服务站各部门窗口办事指南',
      '下岗职工再就业服务专场',
      '东城街道开展安全小区创建和“四五”普法宣传月活动',
    ]);
  });

  it('puts the current notices on the 城西 worker’s 工作台, without another community’s', async () => {
    const wb = (await (await t.login('chengxi')).get('/api/workbench')).json();
    const titles = wb.notices.map((n: { title: string }) => n.title);
    expect(titles).toEqual(['关于深入推进社区建设工作的通知', '社区居委会干部公开招聘工作安排']);
    expect(wb.cards.find((c: { key: string }) => c.key === 'notices.current').value).toBe(2);
  });
});
