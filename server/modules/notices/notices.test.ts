import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/domain/dates';
import { CITY, COMMUNITIES, gridCode, STREETS } from '../../db/seed/demo-city';
import { today } from '../../lib/clock';
import { createTestApp, type Client, type TestApp } from '../../test/app';
import { noticesModule } from './notices.module';

let t: TestApp;
const id: Record<string, string> = {};
const c: Record<string, Client> = {};
beforeAll(async () => {
  t = await createTestApp();
  for (const r of await t.database.query<{ id: string; code: string }>(`SELECT id, code FROM regions`)) id[r.code] = r.id;
  for (const u of ['mzj', 'labour', 'street1', 'chengdong', 'chengxi', 'grid-chengdong', 'police-chengdong', 'resident', 'admin']) c[u] = await t.login(u);
});
afterAll(() => t.close());

const CITY_ID = () => id[CITY.code];
const STREET1 = () => id[STREETS[0].code];
const DONG = () => id[COMMUNITIES[0].code];
const XI = () => id[COMMUNITIES[3].code];
const DONG_GRID1 = () => id[gridCode(COMMUNITIES[0].code, 1)];

let seq = 0;
/** Publishes a notice as `who` and returns it (a unique title, so lists can be searched for it). */
async function publish(who: string, patch: Record<string, unknown>) {
  seq += 1;
  const res = await c[who].post('/api/notices', { title: `测试通知${seq}号`, body: '请各位居民周知。', ...patch });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; title: string; version: number; status: string };
}
const titles = async (who: string, query = '') =>
  ((await c[who].get(`/api/notices?pageSize=200${query}`)).json().items as { title: string }[]).map((n) => n.title);

describe('POST /api/notices', () => {
  it('publishes a community notice of the worker’s own community, current from today, with the community as its key', async () => {
    const n = await publish('chengdong', { regionId: DONG(), audience: 'residents', importance: 'important' });
    expect(n).toMatchObject({ regionId: DONG(), communityId: DONG(), regionLevel: 'community', status: 'current', canEdit: true, version: 1 });
    expect(n).toMatchObject({ publishFrom: today(), audience: 'residents', importance: 'important', authorName: '城东社区 张敏' });
    const [entry] = await t.database.query<{ action: string }>(`SELECT action FROM audit_log WHERE object_id = $1`, [n.id]);
    expect(entry.action).toBe('notices.create');
  });

  it('refuses a notice addressed outside the writer’s scope with 403: another community, the street above, the city', async () => {
    for (const regionId of [XI(), STREET1(), CITY_ID()]) {
      const res = await c.chengdong.post('/api/notices', { regionId, title: '越权通知', body: '正文' });
      expect(res.statusCode).toBe(403);
    }
    expect((await c.street1.post('/api/notices', { regionId: XI(), title: '越权通知', body: '正文' })).statusCode).toBe(403);
  });

  it('refuses readers without notices.write (grid worker, police, department, resident) with 403', async () => {
    for (const u of ['grid-chengdong', 'police-chengdong', 'labour', 'resident'])
      expect((await c[u].post('/api/notices', { regionId: DONG(), title: '通知', body: '正文' })).statusCode).toBe(403);
  });

  it.each([
    ['an empty title', { title: ' ' }, 'title'],
    ['a title too long', { title: '长'.repeat(101) }, 'title'],
    ['a text too long', { body: '长'.repeat(5001) }, 'body'],
    ['an unknown audience', { audience: 'police' }, 'audience'],
    ['a last day before the first', { publishFrom: '2026-05-02', publishUntil: '2026-05-01' }, 'publishUntil'],
    ['a region that does not exist', { regionId: '00000000-0000-4000-8000-000000000000' }, 'regionId'],
  ])('answers 400 naming the field on %s', async (_what, patch, path) => {
    const res = await c.mzj.post('/api/notices', { regionId: CITY_ID(), title: '通知', body: '正文', ...patch });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
  });
});

describe('who reads what (GET /api/notices)', () => {
  const made: Record<string, string> = {};
  beforeAll(async () => {
    made.city = (await publish('mzj', { regionId: CITY_ID(), audience: 'all' })).title;
    made.cityStaff = (await publish('mzj', { regionId: CITY_ID(), audience: 'staff' })).title;
    made.street = (await publish('street1', { regionId: STREET1(), audience: 'all' })).title;
    made.dong = (await publish('chengdong', { regionId: DONG(), audience: 'residents' })).title;
    made.dongGrid = (await publish('chengdong', { regionId: DONG_GRID1(), audience: 'all' })).title;
    made.xi = (await publish('chengxi', { regionId: XI(), audience: 'all' })).title;
    made.dongLater = (await publish('chengdong', { regionId: DONG(), audience: 'all', publishFrom: addDays(today(), 3) })).title;
    made.dongOver = (await publish('chengdong', { regionId: DONG(), audience: 'all', publishFrom: '2024-01-01', publishUntil: '2024-02-01' })).title;
  });

  it('shows a resident only the published notices for residents or all of their community, street and city', async () => {
    const seen = await titles('resident');
    expect(seen).toEqual(expect.arrayContaining([made.city, made.street, made.dong]));
    for (const hidden of [made.cityStaff, made.dongGrid, made.xi, made.dongLater, made.dongOver]) expect(seen).not.toContain(hidden);
  });

  it('shows a community worker the notices above and below their community, drafts of their own scope included, and not a neighbour’s', async () => {
    const seen = await titles('chengdong');
    expect(seen).toEqual(expect.arrayContaining([made.city, made.cityStaff, made.street, made.dong, made.dongGrid, made.dongLater, made.dongOver]));
    expect(seen).not.toContain(made.xi);
    const current = await titles('chengdong', '&status=current');
    expect(current).not.toContain(made.dongLater);
    expect(await titles('chengdong', '&status=scheduled')).toContain(made.dongLater);
  });

  it('shows a street office its communities’ and grids’ notices, published only where it cannot write', async () => {
    const seen = await titles('street1');
    expect(seen).toEqual(expect.arrayContaining([made.city, made.street, made.dong, made.dongGrid, made.dongLater]));
    expect(seen).not.toContain(made.xi);
    // The police read what is published in reach, never a scheduled one.
    const police = await titles('police-chengdong');
    expect(police).toEqual(expect.arrayContaining([made.city, made.street, made.dong, made.dongGrid]));
    expect(police).not.toContain(made.dongLater);
    expect(police).not.toContain(made.xi);
  });

  it('refuses the 三员 (no notices.read) with 403', async () => {
    expect((await c.admin.get('/api/notices')).statusCode).toBe(403);
  });
});

describe('GET /api/notices/:id', () => {
  it('answers a notice in reach, and 404 to a reader out of reach (another community, or a resident for a staff notice)', async () => {
    const xi = await publish('chengxi', { regionId: XI() });
    expect((await c.chengxi.get(`/api/notices/${xi.id}`)).json()).toMatchObject({ body: '请各位居民周知。', canEdit: true });
    for (const u of ['chengdong', 'resident', 'grid-chengdong', 'street1']) expect((await c[u].get(`/api/notices/${xi.id}`)).statusCode).toBe(404);
    const staffOnly = await publish('chengdong', { regionId: DONG(), audience: 'staff' });
    expect((await c.resident.get(`/api/notices/${staffOnly.id}`)).statusCode).toBe(404);
    expect((await c['police-chengdong'].get(`/api/notices/${staffOnly.id}`)).json().canEdit).toBe(false);
  });
});

describe('PATCH /api/notices/:id', () => {
  it('edits at the version read, and answers a stale version with 409 naming the field', async () => {
    const n = await publish('chengdong', { regionId: DONG() });
    const ok = await c.chengdong.patch(`/api/notices/${n.id}`, { version: 1, title: '停水通知（更正）', pinned: true });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ title: '停水通知（更正）', pinned: true, version: 2 });
    const stale = await c.street1.patch(`/api/notices/${n.id}`, { version: 1, title: '旧版本' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'VERSION_CONFLICT', details: { field: 'version', currentVersion: 2 } });
  });

  it('refuses a worker editing the city’s notice they can read with 403, another community’s with 404, a move out of scope with 403', async () => {
    const city = await publish('mzj', { regionId: CITY_ID() });
    expect((await c.chengdong.patch(`/api/notices/${city.id}`, { version: 1, title: '改' })).statusCode).toBe(403);
    const xi = await publish('chengxi', { regionId: XI() });
    expect((await c.chengdong.patch(`/api/notices/${xi.id}`, { version: 1, title: '改' })).statusCode).toBe(404);
    const dong = await publish('chengdong', { regionId: DONG() });
    expect((await c.chengdong.patch(`/api/notices/${dong.id}`, { version: 1, regionId: XI() })).statusCode).toBe(403);
    const moved = await c.chengdong.patch(`/api/notices/${dong.id}`, { version: 1, regionId: DONG_GRID1() });
    expect(moved.json()).toMatchObject({ regionId: DONG_GRID1(), communityId: null, regionLevel: 'grid' });
  });

  it('names publishUntil when the new window ends before it starts', async () => {
    const n = await publish('chengdong', { regionId: DONG(), publishFrom: '2026-05-01' });
    const res = await c.chengdong.patch(`/api/notices/${n.id}`, { version: 1, publishUntil: '2026-04-30' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('publishUntil');
  });
});

describe('POST /api/notices/:id/withdraw', () => {
  it('withdraws with a reason: readers lose it, the writer still sees it withdrawn, and it cannot be changed any more', async () => {
    const n = await publish('chengdong', { regionId: DONG(), audience: 'all' });
    expect((await c.resident.get(`/api/notices/${n.id}`)).statusCode).toBe(200);
    const res = await c.chengdong.post(`/api/notices/${n.id}/withdraw`, { version: 1, reason: '时间有变' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'withdrawn', withdrawnReason: '时间有变', version: 2 });
    expect((await c.resident.get(`/api/notices/${n.id}`)).statusCode).toBe(404);
    expect(await titles('chengdong', '&status=withdrawn')).toContain(n.title);
    expect((await c.chengdong.patch(`/api/notices/${n.id}`, { version: 2, title: '改' })).statusCode).toBe(400);
    expect((await c.chengdong.post(`/api/notices/${n.id}/withdraw`, { version: 2, reason: '再撤' })).statusCode).toBe(409);
    const [entry] = await t.database.query<{ details: { reason: string } }>(
      `SELECT details FROM audit_log WHERE object_id = $1 AND action = 'notices.withdraw'`,
      [n.id],
    );
    expect(entry.details.reason).toBe('时间有变');
  });

  it('needs a reason, the current version, and the scope', async () => {
    const n = await publish('chengdong', { regionId: DONG() });
    expect((await c.chengdong.post(`/api/notices/${n.id}/withdraw`, { version: 1, reason: ' ' })).statusCode).toBe(400);
    expect((await c.chengdong.post(`/api/notices/${n.id}/withdraw`, { version: 9, reason: '原因' })).statusCode).toBe(409);
    expect((await c.chengxi.post(`/api/notices/${n.id}/withdraw`, { version: 1, reason: '原因' })).statusCode).toBe(404);
    expect((await c['grid-chengdong'].post(`/api/notices/${n.id}/withdraw`, { version: 1, reason: '原因' })).statusCode).toBe(403);
  });
});

describe('POST /api/notices/:id/read', () => {
  it('records that a reader opened a notice, once, and tells its writer how many have read it', async () => {
    const n = await publish('chengdong', { regionId: DONG(), audience: 'all' });
    expect((await c.resident.get(`/api/notices/${n.id}`)).json().read).toBe(false);
    for (let i = 0; i < 2; i++) expect((await c.resident.post(`/api/notices/${n.id}/read`, {})).json()).toEqual({ ok: true });
    expect((await c['police-chengdong'].post(`/api/notices/${n.id}/read`, {})).statusCode).toBe(200);
    expect((await c.resident.get(`/api/notices/${n.id}`)).json()).toMatchObject({ read: true, readCount: null });
    const items = (await c.resident.get(`/api/notices?q=${encodeURIComponent(n.title)}`)).json().items;
    expect(items[0]).toMatchObject({ id: n.id, read: true });
    expect((await c.chengdong.get(`/api/notices/${n.id}`)).json()).toMatchObject({ read: false, readCount: 2 });
  });

  it('answers 404 for a notice out of reach, and records nothing', async () => {
    const n = await publish('chengxi', { regionId: XI() });
    expect((await c.resident.post(`/api/notices/${n.id}/read`, {})).statusCode).toBe(404);
    const [row] = await t.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM notice_reads WHERE notice_id = $1`, [n.id]);
    expect(row.n).toBe(0);
  });
});

describe('the 工作台', () => {
  it('gives staff a 通知公告 card and the current notices, and a resident the list of theirs without a card', async () => {
    const important = await publish('chengdong', { regionId: DONG(), audience: 'all', importance: 'important', pinned: true });
    const wb = (await c.chengdong.get('/api/workbench')).json();
    const card = wb.cards.find((k: { key: string }) => k.key === 'notices.current');
    expect(card.value).toBeGreaterThan(0);
    expect(card.tone).toBe('warning');
    expect(wb.notices[0]).toMatchObject({ id: important.id, importance: 'important', pinned: true, read: false, link: `/notices/${important.id}` });
    const res = (await c.resident.get('/api/workbench')).json();
    expect(res.cards).toEqual([]);
    expect(res.notices.map((n: { id: string }) => n.id)).toContain(important.id);
    const xi = (await c.chengxi.get('/api/workbench')).json();
    expect(xi.notices.map((n: { id: string }) => n.id)).not.toContain(important.id);
  });

  it('leaves the notices out for a user who reads none', async () => {
    expect((await c.admin.get('/api/workbench')).json().notices).toBeUndefined();
  });
});

describe('the manifest', () => {
  it('labels every audit action and declares the table’s scope key', () => {
    expect(Object.keys(noticesModule.auditActions ?? {})).toEqual(['notices.create', 'notices.update', 'notices.withdraw']);
    expect(noticesModule.scopeKeys).toEqual({ notices: 'reference' });
  });
});
