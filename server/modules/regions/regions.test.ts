import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Node = { name: string; level: string; id: string; children: Node[] };
const names = (nodes: Node[]): string[] => nodes.flatMap((n) => [n.name, ...names(n.children)]);
const idOf = async (code: string) => (await t.database.query<{ id: string }>('SELECT id FROM regions WHERE code = $1', [code]))[0].id;

describe('GET /api/regions/tree', () => {
  it('gives the city-wide bureau the whole tree: 3 streets, 9 communities, 72 grids', async () => {
    const c = await t.login('mzj');
    const res = await c.get('/api/regions/tree');
    expect(res.statusCode).toBe(200);
    const [city] = res.json().roots as Node[];
    expect(city.level).toBe('city');
    expect(city.children).toHaveLength(3);
    expect(city.children.flatMap((s) => s.children)).toHaveLength(9);
    expect(city.children.flatMap((s) => s.children).flatMap((m) => m.children)).toHaveLength(72);
  });

  it('gives a street office only its street', async () => {
    const c = await t.login('street1');
    const roots = (await c.get('/api/regions/tree')).json().roots as Node[];
    expect(roots.map((r) => r.name)).toEqual(['东城街道']);
    expect(names(roots)).toContain('城东社区');
    expect(names(roots)).not.toContain('城西社区');
  });

  it('gives a community worker only their community', async () => {
    const c = await t.login('chengxi');
    const roots = (await c.get('/api/regions/tree')).json().roots as Node[];
    expect(roots.map((r) => r.name)).toEqual(['城西社区']);
    expect(roots[0].children).toHaveLength(8);
  });

  it('refuses the audit administrator (no regions.read)', async () => {
    const c = await t.login('auditor');
    expect((await c.get('/api/regions/tree')).statusCode).toBe(403);
  });
});

describe('GET /api/regions/:id', () => {
  it('answers 404 for a region outside the caller’s scope', async () => {
    const c = await t.login('chengxi');
    const res = await c.get(`/api/regions/${await idOf('341881001001')}`);
    expect(res.statusCode).toBe(404);
  });

  it('returns a community with its GeoJSON boundary', async () => {
    const c = await t.login('chengdong');
    const res = await c.get(`/api/regions/${await idOf('341881001001')}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().boundary.type).toBe('Polygon');
  });
});

describe('GET /api/regions/boundaries', () => {
  it('returns the nine community polygons to the city, one to a community worker', async () => {
    const city = (await (await t.login('mzj')).get('/api/regions/boundaries?level=community')).json();
    expect(city.features).toHaveLength(9);
    const one = (await (await t.login('chengdong')).get('/api/regions/boundaries?level=community')).json();
    expect(one.features.map((f: { properties: { name: string } }) => f.properties.name)).toEqual(['城东社区']);
  });
});

describe('POST /api/regions and PATCH /api/regions/:id', () => {
  it('lets the bureau add a grid and audits it', async () => {
    const c = await t.login('mzj');
    const res = await c.post('/api/regions', { parentId: await idOf('341881002001'), code: '34188100200109', name: '城西第9网格' });
    expect(res.statusCode).toBe(201);
    expect(res.json().level).toBe('grid');
    const audit = await t.database.query<{ action: string }>(`SELECT action FROM audit_log WHERE object_id = $1`, [res.json().id]);
    expect(audit.map((a) => a.action)).toEqual(['regions.create']);
  });

  it('refuses a community worker (no regions.manage)', async () => {
    const c = await t.login('chengxi');
    const res = await c.post('/api/regions', { parentId: await idOf('341881002001'), code: '34188100200110', name: 'x' });
    expect(res.statusCode).toBe(403);
  });

  it('rejects a duplicate code naming the field', async () => {
    const c = await t.login('mzj');
    const res = await c.post('/api/regions', { parentId: await idOf('341881002001'), code: '34188100200101', name: 'dup' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details[0].path).toBe('code');
  });

  it('refuses a region under a grid in one language at a time', async () => {
    const c = await t.login('mzj');
    const body = { parentId: await idOf('34188100200101'), code: '3418810020010101', name: '楼组' };
    const zh = await c.post('/api/regions', body);
    expect(zh.statusCode).toBe(400);
    expect(zh.json().error.details[0]).toMatchObject({ path: 'parentId', message: '网格下不能再建下级区域' });
    const en = await c.post('/api/regions', body, { 'accept-language': 'en' });
    expect(en.json().error.details[0].message).toBe('a grid cannot have child regions');
  });

  it('answers 409 to a stale version and keeps the saved name', async () => {
    const c = await t.login('mzj');
    const id = await idOf('341881003003');
    const fresh = (await c.get(`/api/regions/${id}`)).json();
    expect((await c.patch(`/api/regions/${id}`, { version: fresh.version, name: '河滨社区（新）' })).statusCode).toBe(200);
    const stale = await c.patch(`/api/regions/${id}`, { version: fresh.version, name: '覆盖' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    expect((await c.get(`/api/regions/${id}`)).json().name).toBe('河滨社区（新）');
  });
});
