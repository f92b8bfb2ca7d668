import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDigit } from '../../../shared/domain/id-number';
import { createTestApp, type Client, type TestApp } from '../../test/app';
import { createHousehold, createResident, demoPlaces, makeIdNumber } from './residents.factory';

/**
 * The search oracle (issue 11 item 1): the masked ID shows the first 6 and last 4 characters; the hidden
 * 8 are the birth date, and the check digit rules out 10 of 11 dates. With the exact age beside it, ~34
 * exact-ID searches recovered the number. These tests play the attack as `labour` (a department, no
 * residents.reveal) and show it stopped, and show the window worker's search still working.
 */

let t: TestApp;
let places: Awaited<ReturnType<typeof demoPlaces>>;
let labour: Client;
let chengdong: Client;
let chengxi: Client;
let mzj: Client;
let target: Awaited<ReturnType<typeof createResident>>;
let householdId: string;

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const yearsAgo = (years: number, days = 0) => {
  const d = new Date();
  d.setFullYear(d.getFullYear() - years);
  d.setDate(d.getDate() - days);
  return d;
};

/** Every ID number that agrees with what a masked ID shows, for birth dates from `from` to `to` (inclusive). */
function candidates(masked: string, from: Date, to: Date): string[] {
  const out: string[] = [];
  for (const d = new Date(from); d <= to; d.setDate(d.getDate() + 1)) {
    const first17 = `${masked.slice(0, 6)}${iso(d).replace(/-/g, '')}${masked.slice(14, 17)}`;
    if (checkDigit(first17) === masked.slice(17)) out.push(first17 + masked.slice(17));
  }
  return out;
}

async function auditOf(username: string, action: string) {
  return t.database.query<{ outcome: string; object_id: string | null; details: Record<string, unknown> }>(
    `SELECT outcome, object_id, details FROM audit_log WHERE username = $1 AND action = $2 ORDER BY seq`,
    [username, action],
  );
}

beforeAll(async () => {
  t = await createTestApp();
  places = await demoPlaces(t);
  const cd = places.chengdong;
  const home = await createHousehold(t, { communityId: cd.id, gridId: cd.grids[0], address: '城东和平路1号' });
  householdId = home.id;
  // 35 years and 10 days old: the youngest end of the 35–39 band, so an attacker walking the band's dates
  // from its start meets the right one last.
  target = await createResident(t, {
    name: '赵目标',
    communityId: cd.id,
    gridId: cd.grids[0],
    householdId: home.id,
    relationToHead: 'head',
    birthDate: iso(yearsAgo(35, 10)),
    sex: 'F',
    phone: '13955501234',
  });
  await createResident(t, { name: '钱邻居', communityId: cd.id, gridId: cd.grids[1], birthDate: '1970-03-04' });
  [labour, chengdong, chengxi, mzj] = await Promise.all(['labour', 'chengdong', 'chengxi', 'mzj'].map((u) => t.login(u)));
});
afterAll(() => t.close());

describe('the search oracle, played by a department without residents.reveal', () => {
  it('shows labour a masked ID beside a 5-year age band, never the age, in the list, the detail and the household page', async () => {
    const list = (await labour.get(`/api/residents?q=${encodeURIComponent('赵目标')}`)).json();
    expect(list.items[0]).toMatchObject({ idMasked: target.idMasked, age: null, ageBand: '35–39' });
    const detail = (await labour.get(`/api/residents/${target.id}`)).json();
    expect(detail).toMatchObject({ age: null, ageBand: '35–39' });
    expect(detail.household.members[0]).toMatchObject({ age: null, ageBand: '35–39' });
    const household = (await labour.get(`/api/households/${householdId}`)).json();
    expect(household.members[0]).toMatchObject({ age: null, ageBand: '35–39' });
    // A worker who may reveal the number anyway sees the age.
    expect((await chengdong.get(`/api/residents/${target.id}`)).json()).toMatchObject({ age: 35, ageBand: '35–39' });
  });

  it('refuses labour the filters that would narrow the birth date below the band: birth-date sort, a one-year age range', async () => {
    const sorted = await labour.get('/api/residents?sort=birthDate');
    expect(sorted.statusCode).toBe(400);
    expect(sorted.json().error.details[0]).toMatchObject({ path: 'sort', code: 'needs_reveal' });
    const oneYear = await labour.get('/api/residents?ageMin=35&ageMax=35');
    expect(oneYear.statusCode).toBe(400);
    expect(oneYear.json().error.details[0]).toMatchObject({ path: 'ageMax', code: 'needs_reveal' });
    expect((await labour.get('/api/residents?ageMin=37')).json().error.details[0]).toMatchObject({ path: 'ageMin' });
    const band = await labour.get(`/api/residents?ageMin=35&ageMax=39&communityId=${places.chengdong.id}`);
    expect(band.statusCode).toBe(200);
    expect(band.json().items.map((i: { id: string }) => i.id)).toContain(target.id);
    const exported = await labour.get('/api/residents/export?sort=birthDate');
    expect(exported.statusCode).toBe(400);
  });

  it('refuses labour a 5–6 character ID suffix (the last birth-date digits) and keeps the 4-character one', async () => {
    for (const n of [5, 6]) {
      const res = await labour.get(`/api/residents?q=${target.idNumber.slice(-n)}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0]).toMatchObject({ path: 'q', code: 'needs_reveal' });
    }
    const four = await labour.get(`/api/residents?q=${target.idNumber.slice(-4)}`);
    expect(four.json().items.map((i: { id: string }) => i.id)).toContain(target.id);
  });

  it('stops the 34-guess attack: after 10 misses the look-up locks, the right guess included, and the security administrator is alerted', async () => {
    // Even an attacker who knows the exact age (what the list used to show) has ~33 candidates.
    const guesses = candidates(target.idMasked, yearsAgo(36, -1), yearsAgo(35));
    expect(guesses.length).toBeGreaterThan(20);
    expect(guesses.length).toBeLessThan(45);
    expect(guesses.indexOf(target.idNumber)).toBeGreaterThan(10);
    const statuses: number[] = [];
    let found = false;
    for (const guess of guesses) {
      const res = await labour.get(`/api/residents?q=${guess}`);
      statuses.push(res.statusCode);
      if (res.statusCode === 200 && res.json().total > 0) found = true;
    }
    expect(found).toBe(false);
    expect(statuses.slice(0, 10).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(10).every((s) => s === 429)).toBe(true);
    const locked = await labour.get(`/api/residents?q=${target.idNumber}`);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('LOOKUP_LOCKED');
    expect(locked.json().error.message).toMatch(/分钟/);
    // The export is no way around the lock.
    expect((await labour.get(`/api/residents/export?q=${target.idNumber}`)).statusCode).toBe(429);

    const lookups = await auditOf('labour', 'residents.lookup');
    expect(lookups.filter((e) => e.outcome === 'failure')).toHaveLength(10);
    expect(lookups.filter((e) => e.outcome === 'denied').length).toBeGreaterThan(20);
    // The entries keep an HMAC of each guess; none of the guesses themselves.
    const logged = JSON.stringify(lookups);
    for (const guess of guesses) expect(logged).not.toContain(guess);
    expect(lookups[0].details).toMatchObject({ kind: 'id_number', found: 0 });
    expect(lookups[0].details.hash).toMatch(/^[0-9a-f]{64}$/);
    const alerts = await auditOf('labour', 'security.alert');
    expect(alerts).toHaveLength(1);
    expect(alerts[0].details).toMatchObject({ reason: 'lookup_locked', misses: 10 });

    const security = await t.login('security');
    const listed = (await security.get('/api/security/alerts')).json();
    expect(listed.items.some((e: { username: string; details: { reason: string } }) => e.username === 'labour' && e.details.reason === 'lookup_locked')).toBe(
      true,
    );
  });

  it('refuses labour a phone prefix walk, and locks full-phone guesses like ID guesses', async () => {
    const prefix = await labour.get('/api/residents?q=1395550');
    expect(prefix.statusCode).toBe(400);
    expect(prefix.json().error.details[0]).toMatchObject({ path: 'q', code: 'needs_reveal' });
    // labour's look-up is locked by now (previous test): a full number is refused before it is searched.
    const full = await labour.get('/api/residents?q=13955501234');
    expect(full.statusCode).toBe(429);
    const police = await t.login('police-chengdong');
    for (let i = 0; i < 10; i++) expect((await police.get(`/api/residents?q=1395550${String(2000 + i)}`)).json().total).toBe(0);
    expect((await police.get('/api/residents?q=13955501234')).statusCode).toBe(429);
    const lookups = await auditOf('police-chengdong', 'residents.lookup');
    expect(lookups[0].details).toMatchObject({ kind: 'phone', found: 0 });
    expect(JSON.stringify(lookups.map(({ details: { hash: _hash, ...rest }, ...e }) => ({ ...e, rest })))).not.toContain('1395550');
  });

  it('leaves the birth date out of the sort cursor of a worker who may sort by it', async () => {
    const res = (await chengdong.get(`/api/residents?sort=birthDate&pageSize=1&communityId=${places.chengdong.id}`)).json();
    expect(res.nextCursor).toBeTruthy();
    expect(Buffer.from(res.nextCursor, 'base64url').toString('latin1')).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    const next = await chengdong.get(`/api/residents?sort=birthDate&pageSize=1&communityId=${places.chengdong.id}&cursor=${res.nextCursor}`);
    expect(next.statusCode).toBe(200);
  });
});

describe('the window worker’s look-up', () => {
  it('finds the person by the full ID number typed at the window — also in full-width digits — and audits it hashed', async () => {
    const exact = (await chengdong.get(`/api/residents?q=${target.idNumber}`)).json();
    expect(exact.items.map((i: { id: string }) => i.id)).toEqual([target.id]);
    const fullWidth = target.idNumber.replace(/[0-9X]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    const typed = (await chengdong.get(`/api/residents?q=${encodeURIComponent(fullWidth)}`)).json();
    expect(typed.items.map((i: { id: string }) => i.id)).toEqual([target.id]);
    const byPhone = (await chengdong.get('/api/residents?q=13955501234')).json();
    expect(byPhone.items.map((i: { id: string }) => i.id)).toEqual([target.id]);
    const lookups = await auditOf('chengdong', 'residents.lookup');
    expect(lookups.slice(-3).map((e) => [e.outcome, e.object_id])).toEqual([
      ['success', target.id],
      ['success', target.id],
      ['success', target.id],
    ]);
    expect(JSON.stringify(lookups)).not.toContain(target.idNumber);
    expect(lookups[0].details.hash).toBe(lookups[1].details.hash);
  });

  it('is its own permission: the city bureau, which serves no window, searches by name and reveals instead', async () => {
    const res = await mzj.get(`/api/residents?q=${target.idNumber}`);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.details).toMatchObject({ permission: 'residents.lookup' });
    expect((await auditOf('mzj', 'residents.lookup')).at(-1)).toMatchObject({ outcome: 'denied', details: { code: 'FORBIDDEN', kind: 'id_number' } });
    expect((await mzj.get(`/api/residents?q=${target.idNumber.slice(-6)}`)).json().items.map((i: { id: string }) => i.id)).toContain(target.id);
  });

  it('stops after LOOKUP_LIMIT_PER_HOUR look-ups, hits or not, with a clear 429 and one alert', async () => {
    const limits = t.app.services.residents.lookups.limits;
    const before = limits.perHour;
    limits.perHour = 3;
    try {
      const street = await t.login('street1');
      for (let i = 0; i < 3; i++) expect((await street.get(`/api/residents?q=${target.idNumber}`)).statusCode).toBe(200);
      const over = await street.get(`/api/residents?q=${target.idNumber}`);
      expect(over.statusCode).toBe(429);
      expect(over.json().error.code).toBe('LOOKUP_LIMIT');
      expect(over.json().error.message).toMatch(/3/);
      expect((await street.get(`/api/residents?q=${encodeURIComponent('赵目标')}`)).statusCode).toBe(200);
      expect(await auditOf('street1', 'security.alert')).toHaveLength(1);
    } finally {
      limits.perHour = before;
    }
  });
});

describe('POST /api/residents with an ID number already registered', () => {
  it('tells a worker whose scope holds the resident that it is registered, with a link to the record', async () => {
    const res = await chengdong.post('/api/residents', { name: '重复', idNumber: target.idNumber, gridId: places.chengdong.grids[0] });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('DUPLICATE');
    expect(res.json().error.details[0]).toMatchObject({ path: 'idNumber', existingId: target.id });
  });

  it('tells a worker of another community only that it cannot be registered here, and audits the attempt', async () => {
    const res = await chengxi.post('/api/residents', { name: '重复', idNumber: target.idNumber, gridId: places.chengxi.grids[0] });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('ID_NOT_REGISTRABLE');
    expect(res.body).not.toContain(target.id);
    expect(res.json().error.message).not.toMatch(/已登记|already registered/);
    const denied = await auditOf('chengxi', 'residents.create');
    expect(denied.at(-1)).toMatchObject({ outcome: 'denied', object_id: target.id, details: { code: 'ID_NOT_REGISTRABLE' } });
    expect(JSON.stringify(denied)).not.toContain(target.idNumber);
    // A new number is still registered.
    const fresh = await chengxi.post('/api/residents', { name: '新人', idNumber: makeIdNumber(), gridId: places.chengxi.grids[0] });
    expect(fresh.statusCode).toBe(201);
  });

  it('answers the same to a correction of an ID number into one registered elsewhere', async () => {
    const own = (await chengxi.get(`/api/residents?q=${encodeURIComponent('新人')}`)).json().items[0];
    const detail = (await chengxi.get(`/api/residents/${own.id}`)).json();
    const res = await chengxi.patch(`/api/residents/${own.id}`, { version: detail.version, idNumber: target.idNumber });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('ID_NOT_REGISTRABLE');
  });
});
