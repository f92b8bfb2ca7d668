import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASSISTANCE_YEARS } from '../../../shared/domain/registry';
import { parseIdNumber } from '../../../shared/domain/id-number';
import { identityColumns } from '../../lib/identity';
import { createTestApp, type TestApp } from '../../test/app';
import { REFERENCE_DATE, seedPopulation, type PopulationSummary } from './population';

// Both apps share one key, so that the blind indexes of two runs can be compared.
const KEY = 'a1'.repeat(32);
const SEED = 424242;
const RESIDENTS = 3000;

let t: TestApp;
let summary: PopulationSummary;
beforeAll(async () => {
  t = await createTestApp({ config: { encryptionKey: KEY } });
  summary = await seedPopulation(t.database, { residents: RESIDENTS, seed: SEED, crypto: t.app.services.crypto });
}, 120_000);
afterAll(() => t.close());

const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => t.database.query<T>(sql, params);
/** Age in whole years on the demo's reference date, in SQL. */
const AGE = `date_part('year', age(DATE '${REFERENCE_DATE}', r.birth_date))`;

interface Person {
  id: string;
  household_id: string;
  name: string;
  id_hash: string;
  id_masked: string;
  id_tail_rev: string;
  id_cipher: Uint8Array;
  birth_date: string;
  sex: 'M' | 'F';
  relation_to_head: string;
  age: number;
}

async function people(): Promise<Person[]> {
  return q<Person>(
    `SELECT r.id, r.household_id, r.name, r.id_hash, r.id_masked, r.id_tail_rev, r.id_cipher, to_char(r.birth_date, 'YYYY-MM-DD') AS birth_date, r.sex, r.relation_to_head,
            ${AGE}::int AS age
       FROM residents r ORDER BY r.id`,
  );
}

describe('seedPopulation (the demo city generator)', () => {
  it('creates about the requested number of residents in ~3.2-person households across all 9 communities and 72 grids', async () => {
    const [n] = await q<{ residents: number; households: number; communities: number; grids: number; buildings: number }>(
      `SELECT (SELECT count(*)::int FROM residents) AS residents, (SELECT count(*)::int FROM households) AS households,
              (SELECT count(DISTINCT community_id)::int FROM residents) AS communities, (SELECT count(DISTINCT grid_id)::int FROM residents) AS grids,
              (SELECT count(*)::int FROM buildings) AS buildings`,
    );
    expect(n.residents).toBe(summary.residents);
    expect(n.residents).toBeGreaterThanOrEqual(RESIDENTS);
    expect(n.residents).toBeLessThan(RESIDENTS * 1.1);
    expect(n.residents / n.households).toBeGreaterThan(2.8);
    expect(n.residents / n.households).toBeLessThan(3.6);
    expect(n.communities).toBe(9);
    expect(n.grids).toBe(72);
    expect(n.buildings).toBe(summary.buildings);
  });

  it('is deterministic: the same seed gives the same keys, names and ID hashes; another seed gives other people', async () => {
    const again = await createTestApp({ config: { encryptionKey: KEY } });
    const other = await createTestApp({ config: { encryptionKey: KEY } });
    try {
      await seedPopulation(again.database, { residents: RESIDENTS, seed: SEED, crypto: again.app.services.crypto });
      await seedPopulation(other.database, { residents: RESIDENTS, seed: SEED + 1, crypto: other.app.services.crypto });
      const sql = `SELECT r.id, r.household_id, r.name, r.id_hash, r.birth_date::text, r.phone, r.relation_to_head, h.address
                     FROM residents r JOIN households h ON h.id = r.household_id ORDER BY r.id`;
      const first = await t.database.query(sql);
      const second = await again.database.query(sql);
      expect(second).toEqual(first);
      const care = `SELECT id, resident_id, group_type, attributes, start_date::text, end_date::text FROM care_records ORDER BY id`;
      expect(await again.database.query(care)).toEqual(await t.database.query(care));
      const otherHashes = new Set((await other.database.query<{ id_hash: string }>('SELECT id_hash FROM residents')).map((x) => x.id_hash));
      const shared = first.filter((x) => otherHashes.has(x.id_hash as string)).length;
      expect(shared / first.length).toBeLessThan(0.05);
    } finally {
      await again.close();
      await other.close();
    }
  }, 120_000);

  it('gives every resident a unique, valid ID number that agrees with the stored birth date and sex', async () => {
    const all = await people();
    const crypto = t.app.services.crypto;
    let local = 0;
    for (const p of all) {
      const number = crypto.decrypt(Buffer.from(p.id_cipher));
      const parsed = parseIdNumber(number);
      expect(parsed.ok, number).toBe(true);
      if (!parsed.ok) continue;
      expect(parsed.value.number).toBe(number);
      expect(parsed.value.birthDate).toBe(p.birth_date);
      expect(parsed.value.sex).toBe(p.sex);
      const stored = identityColumns(crypto, number);
      expect([p.id_hash, p.id_masked, p.id_tail_rev]).toEqual([stored.idHash, stored.idMasked, stored.idTailRev]);
      if (parsed.value.regionCode === '341881') local++;
    }
    expect(new Set(all.map((p) => p.id_hash)).size).toBe(all.length);
    // Most are registered here; the floating population and some spouses were born elsewhere.
    expect(local / all.length).toBeGreaterThan(0.8);
    expect(local / all.length).toBeLessThan(0.97);
  });

  it('gives each household exactly one head, and relations whose ages and sexes fit', async () => {
    const all = await people();
    const byHousehold = new Map<string, Person[]>();
    for (const p of all) byHousehold.set(p.household_id, [...(byHousehold.get(p.household_id) ?? []), p]);
    const heads = await q<{ id: string; head_resident_id: string }>('SELECT id, head_resident_id FROM households');
    expect(heads).toHaveLength(byHousehold.size);
    for (const h of heads) {
      const members = byHousehold.get(h.id)!;
      const head = members.filter((m) => m.relation_to_head === 'head');
      expect(head).toHaveLength(1);
      expect(h.head_resident_id).toBe(head[0].id);
      expect(head[0].age).toBeGreaterThanOrEqual(18);
      for (const m of members) {
        const older = head[0].age - m.age;
        switch (m.relation_to_head) {
          case 'spouse':
            expect(m.sex).not.toBe(head[0].sex);
            expect(m.age).toBeGreaterThanOrEqual(20);
            expect(Math.abs(older)).toBeLessThanOrEqual(6);
            break;
          case 'son':
          case 'daughter':
            expect(m.sex).toBe(m.relation_to_head === 'son' ? 'M' : 'F');
            expect(older).toBeGreaterThanOrEqual(20);
            break;
          case 'grandson':
          case 'granddaughter':
            expect(m.sex).toBe(m.relation_to_head === 'grandson' ? 'M' : 'F');
            expect(older).toBeGreaterThanOrEqual(40);
            break;
          case 'father':
          case 'mother':
            expect(m.sex).toBe(m.relation_to_head === 'father' ? 'M' : 'F');
            expect(-older).toBeGreaterThanOrEqual(20);
            break;
          case 'daughter_in_law':
          case 'son_in_law':
            expect(m.sex).toBe(m.relation_to_head === 'son_in_law' ? 'M' : 'F');
            expect(m.age).toBeGreaterThanOrEqual(20);
            break;
        }
      }
    }
  });

  it('has the age pyramid of an ageing county-level city: about a fifth 60+, few children, a 1960s bulge', async () => {
    const [s] = await q<{ p60: number; p0_14: number; p55_66: number; p70_79: number; male: number }>(
      `SELECT avg((${AGE} >= 60)::int)::float AS p60, avg((${AGE} < 15)::int)::float AS p0_14,
              avg((date_part('year', r.birth_date) BETWEEN 1960 AND 1969)::int)::float AS p55_66,
              avg((date_part('year', r.birth_date) BETWEEN 1940 AND 1949)::int)::float AS p70_79,
              avg((r.sex = 'M')::int)::float AS male
         FROM residents r`,
    );
    expect(s.p60).toBeGreaterThan(0.15);
    expect(s.p60).toBeLessThan(0.28);
    expect(s.p0_14).toBeGreaterThan(0.08);
    expect(s.p0_14).toBeLessThan(0.2);
    expect(s.p55_66).toBeGreaterThan(s.p70_79 * 1.5);
    expect(s.male).toBeGreaterThan(0.46);
    expect(s.male).toBeLessThan(0.55);
  });

  it('keeps employment, marriage and phones consistent with age', async () => {
    const bad = await q<{ name: string; age: number; employment_status: string; marital_status: string }>(
      `SELECT r.name, ${AGE}::int AS age, r.employment_status, r.marital_status FROM residents r
        WHERE (${AGE} < 6 AND r.employment_status <> 'preschool')
           OR (r.employment_status = 'preschool' AND ${AGE} >= 6)
           OR (r.employment_status = 'student' AND (${AGE} < 6 OR ${AGE} > 22))
           OR (${AGE} >= 60 AND r.employment_status NOT IN ('retired', 'unable'))
           OR (r.employment_status = 'retired' AND ${AGE} < 50)
           OR (${AGE} < 20 AND r.marital_status <> 'single')
           OR (${AGE} < 18 AND r.phone IS NOT NULL)`,
    );
    expect(bad).toEqual([]);
    const [party] = await q<{ p: number }>(`SELECT avg((political_status = 'party_member')::int)::float AS p FROM residents r WHERE ${AGE} >= 18`);
    expect(party.p).toBeGreaterThan(0.05);
    expect(party.p).toBeLessThan(0.12);
  });

  it('records the care groups at realistic rates, with their dates', async () => {
    const [r] = await q<Record<string, number>>(
      `SELECT (SELECT count(*) FROM residents)::float AS people,
              (SELECT count(*) FROM residents r WHERE ${AGE} >= 65)::float AS old,
              (SELECT count(*) FROM households)::float AS households,
              (SELECT count(*) FROM care_records WHERE group_type = 'disability')::float AS disability,
              (SELECT count(*) FROM care_records WHERE group_type = 'elderly_alone')::float AS elderly_alone,
              (SELECT count(DISTINCT r.household_id) FROM care_records c JOIN residents r ON r.id = c.resident_id WHERE c.group_type = 'dibao')::float AS dibao_households,
              (SELECT count(*) FROM care_records WHERE group_type = 'youfu')::float AS youfu,
              (SELECT count(*) FROM care_records WHERE group_type = 'released')::float AS released,
              (SELECT count(*) FROM residents WHERE residence_type = 'floating')::float AS floating_people,
              (SELECT count(*) FROM care_records WHERE group_type = 'floating')::float AS floating`,
    );
    expect(r.disability / r.people).toBeGreaterThan(0.03);
    expect(r.disability / r.people).toBeLessThan(0.1);
    expect(r.elderly_alone / r.old).toBeGreaterThan(0.03);
    expect(r.elderly_alone / r.old).toBeLessThan(0.15);
    expect(r.dibao_households / r.households).toBeGreaterThan(0.005);
    expect(r.dibao_households / r.households).toBeLessThan(0.05);
    expect(r.youfu / r.people).toBeGreaterThan(0.003);
    expect(r.youfu / r.people).toBeLessThan(0.025);
    expect(r.released / r.people).toBeLessThan(0.005);
    expect(r.floating_people / r.people).toBeGreaterThan(0.04);
    expect(r.floating_people / r.people).toBeLessThan(0.14);
    expect(r.floating).toBe(r.floating_people);

    // Elderly living alone are 65+ and alone in their household.
    const [alone] = await q<{ wrong: number }>(
      `SELECT count(*)::int AS wrong FROM care_records c JOIN residents r ON r.id = c.resident_id
        WHERE c.group_type = 'elderly_alone' AND (${AGE} < 65 OR (SELECT count(*) FROM residents m WHERE m.household_id = r.household_id) <> 1)`,
    );
    expect(alone.wrong).toBe(0);
    // 低保 covers every member of the household.
    const [dibao] = await q<{ wrong: number }>(
      `SELECT count(*)::int AS wrong FROM residents r
        WHERE r.household_id IN (SELECT r2.household_id FROM care_records c JOIN residents r2 ON r2.id = c.resident_id WHERE c.group_type = 'dibao')
          AND NOT EXISTS (SELECT 1 FROM care_records c WHERE c.resident_id = r.id AND c.group_type = 'dibao')`,
    );
    expect(dibao.wrong).toBe(0);
    // The unemployed and laid-off are exactly those with that employment status.
    const [jobless] = await q<{ statuses: number; records: number }>(
      `SELECT (SELECT count(*) FROM residents WHERE employment_status IN ('unemployed', 'laid_off'))::int AS statuses,
              (SELECT count(*) FROM care_records WHERE group_type = 'unemployed')::int AS records`,
    );
    expect(jobless.records).toBe(jobless.statuses);
    // Disability records carry a category and a level 1–4.
    const disability = await q<{ attributes: { category: string; level: number } }>(`SELECT attributes FROM care_records WHERE group_type = 'disability'`);
    for (const d of disability) {
      expect(d.attributes.category).toMatch(/^(visual|hearing|speech|physical|intellectual|mental|multiple)$/);
      expect([1, 2, 3, 4]).toContain(d.attributes.level);
    }
  });

  it('dates 安置帮教 periods from release (+5 years) and floating residents from their arrival', async () => {
    const released = await q<{ start_date: string; end_date: string | null; attributes: { releaseDate: string; periodEnd: string } }>(
      `SELECT start_date::text, end_date::text, attributes FROM care_records WHERE group_type = 'released'`,
    );
    expect(released.length).toBeGreaterThan(0);
    for (const x of released) {
      expect(x.attributes.releaseDate).toBe(x.start_date);
      const end = `${Number(x.start_date.slice(0, 4)) + ASSISTANCE_YEARS.released}${x.start_date.slice(4)}`.replace(/-02-29$/, '-02-28');
      expect(x.attributes.periodEnd).toBe(end);
      expect(x.end_date).toBe(end <= REFERENCE_DATE ? end : null);
    }
    const floating = await q<{ start_date: string; birth_date: string; attributes: { arrivalDate: string; plannedStayMonths: number; origin: string } }>(
      `SELECT c.start_date::text, r.birth_date::text, c.attributes FROM care_records c JOIN residents r ON r.id = c.resident_id WHERE c.group_type = 'floating'`,
    );
    expect(floating.length).toBeGreaterThan(0);
    for (const f of floating) {
      expect(f.attributes.arrivalDate).toBe(f.start_date);
      expect(f.start_date >= f.birth_date).toBe(true);
      expect(f.start_date <= REFERENCE_DATE).toBe(true);
      expect(f.attributes.plannedStayMonths).toBeGreaterThan(0);
      expect(f.attributes.origin).not.toBe('341881');
    }
  });

  it('keeps every building, household, resident and care record inside its grid’s community', async () => {
    const [bad] = await q<{ buildings: number; households: number; residents: number; care: number }>(
      `SELECT
         (SELECT count(*)::int FROM buildings b JOIN regions g ON g.id = b.grid_id WHERE g.level <> 'grid' OR g.parent_id <> b.community_id) AS buildings,
         (SELECT count(*)::int FROM households h JOIN regions g ON g.id = h.grid_id JOIN buildings b ON b.id = h.building_id
           WHERE g.parent_id <> h.community_id OR b.grid_id <> h.grid_id) AS households,
         (SELECT count(*)::int FROM residents r JOIN regions g ON g.id = r.grid_id JOIN households h ON h.id = r.household_id
           WHERE g.parent_id <> r.community_id OR h.grid_id <> r.grid_id) AS residents,
         (SELECT count(*)::int FROM care_records c JOIN residents r ON r.id = c.resident_id WHERE c.community_id <> r.community_id) AS care`,
    );
    expect(bad).toEqual({ buildings: 0, households: 0, residents: 0, care: 0 });
    const [orphans] = await q<{ n: number }>(
      `SELECT ((SELECT count(*) FROM residents r WHERE NOT EXISTS (SELECT 1 FROM regions g WHERE g.id = r.grid_id))
             + (SELECT count(*) FROM households h WHERE NOT EXISTS (SELECT 1 FROM buildings b WHERE b.id = h.building_id)))::int AS n`,
    );
    expect(orphans.n).toBe(0);
  });

  it('gives households street addresses with compound, building, unit and room', async () => {
    const rows = await q<{ address: string; room: string; household_number: string | null; household_type: string }>(
      'SELECT address, room, household_number, household_type FROM households',
    );
    for (const h of rows) {
      expect(h.room).toMatch(/^\d单元\d{3,4}室$/);
      expect(h.address).toMatch(/^\S+?(路|街|大道)\d+号\S+\d+栋\d单元\d{3,4}室$/);
    }
    const numbers = rows.map((h) => h.household_number).filter(Boolean);
    expect(new Set(numbers).size).toBe(numbers.length);
    const collective = rows.filter((h) => h.household_type === 'collective').length / rows.length;
    expect(collective).toBeGreaterThan(0.005);
    expect(collective).toBeLessThan(0.1);
  });

  it('links the demo resident account to a head of household in 城东 that the app can find by ID number and pinyin', async () => {
    const [me] = await q<{ id: string; name: string; name_pinyin: string; relation_to_head: string; community: string; id_cipher: Uint8Array }>(
      `SELECT r.id, r.name, r.name_pinyin, r.relation_to_head, g.name AS community, r.id_cipher
         FROM users u JOIN residents r ON r.id = u.resident_id JOIN regions g ON g.id = r.community_id WHERE u.username = 'resident'`,
    );
    expect(me).toMatchObject({ id: summary.demoResidentId, name: '周建国', name_pinyin: 'zhoujianguo', relation_to_head: 'head', community: '城东社区' });
    const worker = await t.login('chengdong');
    const idNumber = t.app.services.crypto.decrypt(Buffer.from(me.id_cipher));
    const byId = await worker.get(`/api/residents?q=${idNumber}`);
    expect(byId.statusCode).toBe(200);
    expect(byId.json().items.map((x: { id: string }) => x.id)).toEqual([me.id]);
    const byPinyin = await worker.get('/api/residents?q=zhoujianguo');
    expect(byPinyin.json().items.map((x: { id: string }) => x.id)).toContain(me.id);
  });
});

describe('a seed that fails half-way', () => {
  it('leaves the name-key trigger enabled, so residents registered later still get their search keys', async () => {
    const other = await createTestApp();
    try {
      let calls = 0;
      const crypto = t.app.services.crypto;
      const failing = Object.assign(Object.create(Object.getPrototypeOf(crypto)), crypto, {
        encrypt: (v: string) => {
          if (++calls > 500) throw new Error('disk full');
          return crypto.encrypt(v);
        },
      });
      await expect(seedPopulation(other.database, { residents: 2000, seed: 1, crypto: failing })).rejects.toThrow('disk full');
      const [trigger] = await other.database.query<{ enabled: string }>(
        `SELECT tgenabled AS enabled FROM pg_trigger WHERE tgname = 'residents_name_keys_insert'`,
      );
      expect(trigger.enabled).toBe('O');
    } finally {
      await other.close();
    }
  }, 180_000);
});
