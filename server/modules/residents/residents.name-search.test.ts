import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPopulation } from '../../db/seed/population';
import { createTestApp, type Client, type TestApp } from '../../test/app';
import { demoPlaces } from './residents.factory';

/**
 * Name and pinyin searches read the name keys (resident_name_keys) and merge ordered ranges; these tests
 * compare every answer with a brute-force search over the same people, in the same order.
 */
interface Person {
  id: string;
  name: string;
  namePinyin: string;
  nameInitials: string;
  communityId: string;
  status: string;
}

let t: TestApp;
let mzj: Client;
let chengdong: Client;
let chengdongId: string;
let people: Person[];

const byPinyin = (a: Person, b: Person) => (a.namePinyin < b.namePinyin ? -1 : a.namePinyin > b.namePinyin ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

async function loadPeople() {
  people = await t.database.query<Person>(
    `SELECT id, name, name_pinyin AS "namePinyin", name_initials AS "nameInitials", community_id AS "communityId", status FROM residents`,
  );
}

/** What a search must answer: active residents in scope whose name matches, in pinyin order. */
function expected(match: (p: Person) => boolean, communityId?: string): string[] {
  return people
    .filter((p) => p.status === 'active' && (!communityId || p.communityId === communityId) && match(p))
    .sort(byPinyin)
    .map((p) => p.id);
}
const nameHas = (fragment: string) => (p: Person) => p.name.includes(fragment);
const pinyinHas = (q: string) => (p: Person) => p.namePinyin.startsWith(q) || p.nameInitials.startsWith(q);

/** Every page of a search, following the cursors. */
async function walk(client: Client, query: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 100; page++) {
    const res = await client.get(`/api/residents?${query}&pageSize=20${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { items: { id: string }[]; nextCursor: string | null };
    ids.push(...body.items.map((i) => i.id));
    cursor = body.nextCursor;
    if (!cursor) return ids;
  }
  throw new Error('more than 100 pages');
}

beforeAll(async () => {
  t = await createTestApp();
  chengdongId = (await demoPlaces(t)).chengdong.id;
  await seedPopulation(t.database, { residents: 2500, seed: 7, crypto: t.app.services.crypto });
  await loadPeople();
  [mzj, chengdong] = await Promise.all([t.login('mzj'), t.login('chengdong')]);
}, 120_000);
afterAll(() => t.close());

/** The most frequent surname, a frequent given-name character, a two-character pair and a full name. */
function samples() {
  const count = (keys: string[]) => {
    const m = new Map<string, number>();
    for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
    return [...m.entries()].sort((a, b) => b[1] - a[1]);
  };
  const surname = count(people.map((p) => p.name[0]))[0][0];
  const given = count(people.flatMap((p) => [...p.name.slice(1)]))[0][0];
  const pair = count(people.filter((p) => p.name.length === 3).map((p) => p.name.slice(1)))[0][0];
  const full = people.find((p) => p.name.length === 3 && p.status === 'active')!.name;
  return { surname, given, pair, full };
}

describe('name search through the name keys', () => {
  it('finds every resident whose name contains a surname, a given-name character, a pair or a full name, in pinyin order', async () => {
    const { surname, given, pair, full } = samples();
    for (const fragment of [surname, given, pair, full]) {
      const want = expected(nameHas(fragment));
      expect(want.length).toBeGreaterThan(0);
      expect(await walk(mzj, `q=${encodeURIComponent(fragment)}`)).toEqual(want);
    }
  });

  it('counts the matches and pages by offset in the same order', async () => {
    const { surname } = samples();
    const want = expected(nameHas(surname));
    const res = await mzj.get(`/api/residents?q=${encodeURIComponent(surname)}&pageSize=20&page=2`);
    const body = res.json() as { items: { id: string }[]; total: number };
    expect(body.total).toBe(want.length);
    expect(body.items.map((i) => i.id)).toEqual(want.slice(20, 40));
  });

  it('sorts descending by walking the ranges backwards', async () => {
    const { given } = samples();
    const res = await mzj.get(`/api/residents?q=${encodeURIComponent(given)}&pageSize=20&order=desc`);
    expect((res.json() as { items: { id: string }[] }).items.map((i) => i.id)).toEqual(expected(nameHas(given)).reverse().slice(0, 20));
  });

  it("keeps a community worker's search inside the community", async () => {
    const { surname } = samples();
    const want = expected(nameHas(surname), chengdongId);
    expect(want.length).toBeGreaterThan(0);
    expect(await walk(chengdong, `q=${encodeURIComponent(surname)}`)).toEqual(want);
  });

  it('applies the other filters to the matches', async () => {
    const { surname } = samples();
    const female = new Set((await t.database.query<{ id: string }>(`SELECT id FROM residents WHERE sex = 'F'`)).map((r) => r.id));
    const want = expected(nameHas(surname)).filter((id) => female.has(id));
    expect(await walk(mzj, `q=${encodeURIComponent(surname)}&sex=F`)).toEqual(want);
  });
});

describe('pinyin search through the name keys', () => {
  it('finds initials and full-pinyin prefixes of one, two and three letters, each resident once, in pinyin order', async () => {
    const someone = people.find((p) => p.nameInitials.length === 3 && p.status === 'active')!;
    const queries = [
      someone.nameInitials.slice(0, 1),
      someone.nameInitials.slice(0, 2),
      someone.nameInitials,
      someone.namePinyin.slice(0, 4),
      someone.namePinyin,
    ];
    for (const q of queries) {
      const want = expected(pinyinHas(q));
      expect(want.length).toBeGreaterThan(0);
      const got =
        q.length === 1 ? (await mzj.get(`/api/residents?q=${q}&pageSize=50`)).json().items.map((i: { id: string }) => i.id) : await walk(mzj, `q=${q}`);
      expect(got).toEqual(q.length === 1 ? want.slice(0, 50) : want);
    }
  });

  it('counts a letter that is both a pinyin prefix and an initial once per resident', async () => {
    const res = await mzj.get('/api/residents?q=x&pageSize=5');
    expect(res.json().total).toBe(Math.min(expected(pinyinHas('x')).length, 10_000));
  });
});

describe('the name keys follow every change of a resident', () => {
  it('finds a renamed resident by the new name only, and drops one who moved out from the default search', async () => {
    const target = people.find((p) => p.status === 'active' && p.communityId === chengdongId)!;
    const detail = (await chengdong.get(`/api/residents/${target.id}`)).json() as { version: number };
    const renamed = await chengdong.patch(`/api/residents/${target.id}`, { version: detail.version, name: '欧阳测试' });
    expect(renamed.statusCode).toBe(200);
    expect((await mzj.get(`/api/residents?q=${encodeURIComponent('欧阳测')}`)).json().items.map((i: { id: string }) => i.id)).toEqual([target.id]);
    expect((await mzj.get('/api/residents?q=oyc')).json().items.map((i: { id: string }) => i.id)).toContain(target.id);
    const old = (await mzj.get(`/api/residents?q=${encodeURIComponent(target.name)}&pageSize=100`)).json().items.map((i: { id: string }) => i.id);
    expect(old).not.toContain(target.id);

    const moved = await chengdong.patch(`/api/residents/${target.id}`, { version: renamed.json().version, status: 'moved_out' });
    expect(moved.statusCode).toBe(200);
    expect((await mzj.get(`/api/residents?q=${encodeURIComponent('欧阳测试')}`)).json().total).toBe(0);
    expect((await mzj.get(`/api/residents?q=${encodeURIComponent('欧阳测试')}&status=all`)).json().total).toBe(1);
  });

  it('holds exactly the keys of every name after all the writes, batch statements included', async () => {
    // A batch like a re-division (many rows in one statement) and a batch rename, then one unchanged update.
    await t.database.query(
      `UPDATE residents SET community_id = (SELECT id FROM regions WHERE level = 'community' AND id <> $1 LIMIT 1) WHERE id IN (SELECT id FROM residents WHERE community_id = $1 LIMIT 50)`,
      [chengdongId],
    );
    await t.database.query(
      `UPDATE residents SET name = name || '乙', name_pinyin = name_pinyin || 'yi' WHERE id IN (SELECT id FROM residents ORDER BY id LIMIT 30)`,
    );
    await t.database.query(`UPDATE residents SET phone = phone WHERE id IN (SELECT id FROM residents ORDER BY id DESC LIMIT 30)`);
    const drift = await t.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (
         (SELECT k, r.id, r.name_pinyin, r.community_id, r.grid_id, r.status FROM residents r, unnest(shequ_name_keys(r.name, r.name_initials)) k
          EXCEPT SELECT key, resident_id, name_pinyin, community_id, grid_id, status FROM resident_name_keys)
         UNION ALL
         (SELECT key, resident_id, name_pinyin, community_id, grid_id, status FROM resident_name_keys
          EXCEPT SELECT k, r.id, r.name_pinyin, r.community_id, r.grid_id, r.status FROM residents r, unnest(shequ_name_keys(r.name, r.name_initials)) k)
       ) d`,
    );
    expect(drift[0].n).toBe(0);
  });
});
