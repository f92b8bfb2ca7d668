import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app';
import { COMMUNITY, registryFactory } from '../households/registry.factory';
import { importsModule } from '../imports/imports.module';
import { noticesModule } from '../notices/notices.module';
import { addDays } from '../../../shared/domain/workbench';
import { today } from '../../lib/clock';

let t: TestApp;
let f: ReturnType<typeof registryFactory>;
beforeAll(async () => {
  t = await createTestApp();
  f = registryFactory(t);
});
afterAll(() => t.close());

interface Card {
  key: string;
  value: number;
  previous?: number;
  tone?: string;
  link?: string;
}
interface Todo {
  id: string;
  dueDate: string;
  overdue: boolean;
  link: string;
  title: { zh: string };
}
const card = (body: { cards: Card[] }, key: string) => body.cards.find((c) => c.key === key);
const count = async (sql: string, params: unknown[]) => (await t.database.query<{ n: number }>(sql, params))[0].n;
const userId = async (username: string) => (await t.database.query<{ id: string }>('SELECT id FROM users WHERE username = $1', [username]))[0].id;

describe('GET /api/workbench', () => {
  it('shows a community worker the numbers of their community only, and a worker of another community other numbers', async () => {
    const dong = await f.grid(COMMUNITY.城东, 1);
    const xi = await f.grid(COMMUNITY.城西, 1);
    await f.family({ ...dong }, 2);
    await f.resident(dong); // no household: 未入户
    await f.family({ ...xi }, 0);
    const dongBody = (await (await t.login('chengdong')).get('/api/workbench')).json();
    const xiBody = (await (await t.login('chengxi')).get('/api/workbench')).json();
    const inCommunity = (code: string) =>
      count(`SELECT count(*)::int AS n FROM residents r JOIN regions c ON c.id = r.community_id WHERE c.code = $1 AND r.status = 'active'`, [code]);
    expect(card(dongBody, 'registry.residents')?.value).toBe(await inCommunity(COMMUNITY.城东));
    expect(card(xiBody, 'registry.residents')?.value).toBe(await inCommunity(COMMUNITY.城西));
    expect(card(dongBody, 'registry.residents')?.value).toBe(4);
    expect(card(xiBody, 'registry.residents')?.value).toBe(1);
    expect(card(dongBody, 'registry.homeless')).toMatchObject({ value: 1, tone: 'warning' });
    expect(card(xiBody, 'registry.homeless')).toMatchObject({ value: 0, tone: 'normal' });
    expect(card(dongBody, 'registry.households')?.value).toBe(1);
    expect(card(xiBody, 'registry.households')?.value).toBe(1);
    // The registry's counts first; nobody was registered 30 days ago, so there is no trend to draw.
    const keys = dongBody.cards.map((c: Card) => c.key);
    expect(keys.slice(0, 5)).toEqual(['registry.residents', 'registry.households', 'care.people', 'registry.homeless', 'imports.failed']);
    // …then the cards of the other modules the worker may read (organisations, cadres, 四有, elections).
    expect(keys).toEqual(expect.arrayContaining(['elections.open', 'cadres.inPost', 'fourhaves.fundingGap']));
    expect(card(dongBody, 'registry.residents')?.previous).toBeUndefined();
  });

  it('counts 30 days ago from when residents were registered (the trend)', async () => {
    const place = await f.grid(COMMUNITY.世纪, 1);
    const old = await f.resident(place);
    await f.resident(place);
    await t.database.query(`UPDATE residents SET created_at = now() - interval '60 days', updated_at = now() - interval '60 days' WHERE id = $1`, [old.id]);
    const body = (await (await t.login('mzj')).get('/api/workbench')).json();
    const all = await count(`SELECT count(*)::int AS n FROM residents WHERE status = 'active'`, []);
    const before = await count(`SELECT count(*)::int AS n FROM residents WHERE created_at < now() - interval '30 days'`, []);
    expect(card(body, 'registry.residents')).toMatchObject({ value: all, previous: before });
    expect(before).toBeGreaterThanOrEqual(1);
  });

  it('counts care groups within the scope of each group’s permission', async () => {
    const dong = await f.grid(COMMUNITY.城东, 2);
    const xi = await f.grid(COMMUNITY.城西, 2);
    const a = await f.resident(dong);
    const b = await f.resident(xi);
    await f.care(a.id, a.communityId, 'elderly_alone');
    await f.care(b.id, b.communityId, 'elderly_alone');
    const before = card((await (await t.login('chengdong')).get('/api/workbench')).json(), 'care.people')?.value ?? 0;
    const c = await f.resident(dong);
    await f.care(c.id, c.communityId, 'dibao');
    await f.care(c.id, c.communityId, 'elderly_alone');
    const after = card((await (await t.login('chengdong')).get('/api/workbench')).json(), 'care.people')?.value;
    // One more person, though in two groups.
    expect(after).toBe(before + 1);
  });

  it('lists 待办 by due date with the overdue first and marked, each opening its record, for those who may see them', async () => {
    const place = await f.grid(COMMUNITY.城东, 3);
    const late = await f.resident(place, { name: '帮教甲' });
    const soon = await f.resident(place, { name: '帮教乙' });
    const day = today();
    const released = async (residentId: string, periodEnd: string) =>
      t.database.query(
        `INSERT INTO care_records (resident_id, community_id, group_type, attributes, start_date) VALUES ($1, $2, 'released', $3, '2020-01-01')`,
        [residentId, place.communityId, JSON.stringify({ releaseDate: '2020-01-01', periodEnd })],
      );
    await released(soon.id, addDays(day, 10));
    await released(late.id, addDays(day, -3));
    const police = (await (await t.login('police-chengdong')).get('/api/workbench')).json();
    const titles = police.todos.map((x: Todo) => x.title.zh);
    expect(titles.indexOf('安置帮教期满：帮教甲')).toBeLessThan(titles.indexOf('安置帮教期满：帮教乙'));
    const lateTodo = police.todos.find((x: Todo) => x.title.zh === '安置帮教期满：帮教甲');
    expect(lateTodo).toMatchObject({ dueDate: addDays(day, -3), overdue: true, link: `/residents/${late.id}` });
    expect(police.todos.find((x: Todo) => x.title.zh === '安置帮教期满：帮教乙')).toMatchObject({ overdue: false });
    const dues = police.todos.map((x: Todo) => x.dueDate);
    expect(dues).toEqual([...dues].sort());
    // A community worker does not see the justice groups; a worker of 城西 not 城东's people.
    const worker = (await (await t.login('chengdong')).get('/api/workbench')).json();
    expect(worker.todos.some((x: Todo) => x.title.zh.includes('帮教甲'))).toBe(false);
  });

  it('turns an import with failed rows into a card and a 待办 for the one who imported it', async () => {
    const dong = (await t.database.query<{ id: string }>('SELECT id FROM regions WHERE code = $1', [COMMUNITY.城东]))[0].id;
    await t.database.query(
      `INSERT INTO import_jobs (community_id, created_by, file_name, file_type, status, total_rows, processed_rows, failed, finished_at)
       VALUES ($1, $2, '城东台账.xlsx', 'xlsx', 'done', 10, 10, 3, now())`,
      [dong, await userId('chengdong')],
    );
    const mine = (await (await t.login('chengdong')).get('/api/workbench')).json();
    expect(card(mine, 'imports.failed')).toMatchObject({ value: 1, tone: 'danger' });
    const todo = mine.todos.find((x: Todo) => x.id.startsWith('imports:failed:'));
    expect(todo.title.zh).toBe('导入「城东台账.xlsx」有 3 行未导入');
    expect(todo.dueDate).toBe(addDays(today(), 7));
    const other = (await (await t.login('chengxi')).get('/api/workbench')).json();
    expect(card(other, 'imports.failed')?.value).toBe(0);
    expect(other.todos.some((x: Todo) => x.id.startsWith('imports:failed:'))).toBe(false);
  });

  it('answers the other modules when one module’s hook fails, naming it as unavailable', async () => {
    const spy = vi.spyOn(importsModule, 'workbench').mockRejectedValue(new Error('boom'));
    try {
      const res = await (await t.login('chengdong')).get('/api/workbench');
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.unavailable).toEqual(['imports']);
      expect(card(body, 'imports.failed')).toBeUndefined();
      expect(card(body, 'registry.residents')).toBeDefined();
      expect(spy).toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });

  it('gathers the modules’ notices, pinned and important first, and leaves the list out when no module gives one', async () => {
    const notice = (id: string, over: Record<string, unknown>) => ({
      id,
      title: id,
      importance: 'normal' as const,
      audience: 'all' as const,
      pinned: false,
      read: false,
      publishFrom: '2026-03-01',
      regionName: '城东社区',
      link: `/notices/${id}`,
      ...over,
    });
    const ids = ['00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-00000000000b', '00000000-0000-4000-8000-00000000000c'];
    const spy = vi.spyOn(noticesModule, 'workbench').mockResolvedValue({
      notices: [notice(ids[0], { publishFrom: '2026-03-09' }), notice(ids[1], { importance: 'important' }), notice(ids[2], { pinned: true })],
    });
    try {
      const body = (await (await t.login('chengdong')).get('/api/workbench')).json();
      expect(body.notices.map((n: { id: string }) => n.id)).toEqual([ids[2], ids[1], ids[0]]);
      spy.mockResolvedValue({});
      expect((await (await t.login('chengdong')).get('/api/workbench')).json().notices).toBeUndefined();
    } finally {
      spy.mockRestore();
    }
  });

  it('lists the records the user changed lately, newest first, and only while they may still read them', async () => {
    const place = await f.grid(COMMUNITY.城东, 4);
    const first = await f.resident(place, { name: '最近甲' });
    const second = await f.resident(place, { name: '最近乙' });
    const c = await t.login('chengdong');
    for (const r of [first, second]) {
      const res = await c.patch(`/api/residents/${r.id}`, { version: r.version, notes: '工作台测试' });
      expect(res.statusCode).toBe(200);
    }
    const body = (await c.get('/api/workbench')).json();
    expect(body.recent.slice(0, 2).map((r: { title: string }) => r.title)).toEqual(['最近乙', '最近甲']);
    expect(body.recent[0]).toMatchObject({ type: 'resident', id: second.id, action: 'residents.update', link: `/residents/${second.id}` });
    // Someone else's edits are not this user's recent records.
    const other = (await (await t.login('street1')).get('/api/workbench')).json();
    expect(other.recent.some((r: { id: string }) => r.id === second.id)).toBe(false);
    // Moved to 城西: out of chengdong's scope, so out of the list.
    const xi = await f.grid(COMMUNITY.城西, 4);
    await t.database.query('UPDATE residents SET community_id = $1, grid_id = $2 WHERE id = $3', [xi.communityId, xi.gridId, second.id]);
    const after = (await c.get('/api/workbench')).json();
    expect(after.recent.some((r: { id: string }) => r.id === second.id)).toBe(false);
    expect(after.recent.some((r: { id: string }) => r.id === first.id)).toBe(true);
  });

  it('gives each role the shortcuts of its permissions, and a resident no staff numbers', async () => {
    const worker = (await (await t.login('chengdong')).get('/api/workbench')).json();
    expect(worker.shortcuts.map((s: { key: string }) => s.key)).toEqual(expect.arrayContaining(['findResident', 'registerResident', 'import']));
    const police = (await (await t.login('police-chengdong')).get('/api/workbench')).json();
    expect(police.shortcuts.map((s: { key: string }) => s.key)).not.toContain('registerResident');
    const resident = (await (await t.login('resident')).get('/api/workbench')).json();
    expect(resident.shortcuts.map((s: { key: string }) => s.key)).toEqual(['self']);
    expect(resident.cards).toEqual([]);
    expect(resident.todos).toEqual([]);
  });

  it('puts residents an import could not place on the community’s 待分配网格 card and 待办, not on another community’s', async () => {
    const dong = await f.grid(COMMUNITY.城东, 2);
    const waiting = await f.resident(dong);
    await t.database.query(`UPDATE residents SET grid_id = NULL, created_at = now() - interval '10 days' WHERE id = $1`, [waiting.id]);
    const dongBody = (await (await t.login('chengdong')).get('/api/workbench')).json();
    expect(card(dongBody, 'registry.gridless')).toMatchObject({ value: 1, tone: 'warning', link: '/residents?unplaced=true' });
    const todo = dongBody.todos.find((d: Todo) => d.link === '/residents?unplaced=true');
    expect(todo.title.zh).toBe('1 名居民待分配网格');
    // Due a week after the oldest one was registered: three days ago.
    expect(todo.overdue).toBe(true);
    const xiBody = (await (await t.login('chengxi')).get('/api/workbench')).json();
    expect(card(xiBody, 'registry.gridless')).toBeUndefined();
    expect(xiBody.todos.some((d: Todo) => d.link === '/residents?unplaced=true')).toBe(false);
  });

  it('refuses a caller who is not signed in', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/workbench' })).statusCode).toBe(401);
  });
});
