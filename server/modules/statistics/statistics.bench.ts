// Statistics at scale: DATABASE_URL=postgres://…/db npx tsx server/modules/statistics/statistics.bench.ts [residents]
// Creates a throw-away database, fills it with N residents (default 1,000,000) spread over the demo city's
// 72 grids (interleaved: the worst case for heap locality), then times the community page and overview.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { loadConfig } from '../../config';
import { migrateDatabase, openDatabase } from '../../db/client';
import { seedRegions } from '../../db/seed';
import type { Actor } from '../../lib/context';
import { AuditService } from '../audit/audit.service';
import { CareRepository } from '../care/care.repository';
import { CareService } from '../care/care.service';
import { RegionsRepository } from '../regions/regions.repository';
import { RegionsService } from '../regions/regions.service';
import { StatisticsRepository } from './statistics.repository';
import { StatisticsService } from './statistics.service';

const N = Number(process.argv[2] ?? 1_000_000);
const base = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
if (!base.databaseUrl) throw new Error('Set DATABASE_URL to a PostgreSQL server');
// KEEP_DB=name keeps (or reuses) the database instead of dropping it.
const keep = process.env.KEEP_DB;
const name = keep ?? `shequ_bench_stats_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: base.databaseUrl });
await admin.connect();
const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount! > 0;
if (!exists) await admin.query(`CREATE DATABASE ${name}`);
const url = new URL(base.databaseUrl);
url.pathname = `/${name}`;
const database = await openDatabase({ ...base, databaseUrl: url.toString(), poolSize: 4 });
try {
  await migrateDatabase(database);
  const fresh = (await database.query<{ n: number }>('SELECT count(*)::int AS n FROM regions'))[0].n === 0;
  if (fresh) await seedRegions(database.db);
  const communities = await database.query<{ id: string; path: string; name: string }>(
    `SELECT id, path::text AS path, name FROM regions WHERE level = 'community' ORDER BY sort`,
  );
  const t0 = Date.now();
  if (fresh)
    await database.query(`
    CREATE TEMP TABLE g AS SELECT row_number() OVER (ORDER BY path) - 1 AS k, id, parent_id FROM regions WHERE level = 'grid';
    INSERT INTO buildings (community_id, grid_id, name, address)
      SELECT g.parent_id, g.id, 'B' || s, 'A' || s FROM g, generate_series(1, 40) s;
    INSERT INTO households (community_id, grid_id, address, head_resident_id)
      SELECT g.parent_id, g.id, 'H' || i, NULL FROM generate_series(0, ${Math.round(N / 3.2)} - 1) i JOIN g ON g.k = i % 72;
    INSERT INTO residents (community_id, grid_id, household_id, name, name_pinyin, name_initials, id_cipher, id_hash, id_masked, id_tail_rev, birth_date, sex, residence_type, status)
      SELECT g.parent_id, g.id, NULL, '张三', 'zhangsan', 'zs', '\\x00'::bytea, md5(i::text), 'x', 'x',
             date '1920-01-01' + (random() * 38000)::int, CASE WHEN random() < 0.5 THEN 'M' ELSE 'F' END,
             (ARRAY['registered_resident','registered_resident','registered_resident','floating','temporary'])[1 + (random() * 4)::int],
             CASE WHEN random() < 0.95 THEN 'active' WHEN random() < 0.5 THEN 'moved_out' ELSE 'deceased' END
      FROM generate_series(0, ${N} - 1) i JOIN g ON g.k = i % 72;
    INSERT INTO care_records (resident_id, community_id, group_type, start_date)
      SELECT id, community_id, (ARRAY['elderly_alone','disability','dibao','released','floating'])[1 + (random() * 4)::int], date '2020-01-01'
      FROM residents TABLESAMPLE BERNOULLI (5);
    ANALYZE;
  `);
  console.log(`loaded ${N} residents in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const audit = new AuditService(database.db, 365);
  const regions = new RegionsService(new RegionsRepository(database.db), audit);
  const care = new CareService(database.db, new CareRepository(database.db), regions, audit);
  const stats = new StatisticsService(new StatisticsRepository(database.db), regions, care);
  const [city] = await database.query<{ path: string; id: string; name: string }>(`SELECT id, path::text AS path, name FROM regions WHERE level = 'city'`);
  const actorOf = (role: 'worker' | 'city', r: { id: string; path: string; name: string }, level: 'community' | 'city'): Actor => ({
    userId: '00000000-0000-0000-0000-000000000000',
    username: 'bench',
    displayName: 'bench',
    residentId: null,
    mustChangePassword: false,
    totpEnabled: false,
    totpSetupRequired: false,
    grants: [{ role, regionId: r.id, regionPath: r.path, regionName: r.name, regionLevel: level, domain: null }],
    permissions: new Set(),
    sessionTokenHash: '',
    csrfToken: '',
  });
  const c0 = communities[0];
  const worker = actorOf('worker', { id: c0.id, path: c0.path, name: c0.name }, 'community');
  const cityActor = actorOf('city', city, 'city');
  const time = async (label: string, fn: () => Promise<unknown>, runs = 7) => {
    await fn();
    const ms: number[] = [];
    for (let i = 0; i < runs; i++) {
      const s = performance.now();
      await fn();
      ms.push(performance.now() - s);
    }
    ms.sort((a, b) => a - b);
    console.log(`${label}: median ${ms[Math.floor(runs / 2)].toFixed(0)} ms, max ${ms[runs - 1].toFixed(0)} ms`);
  };
  await time(`community page (${c0.name}, ~${Math.round(N / 9)} residents)`, () => stats.community(worker, c0.id));
  await time('overview, community worker', () => stats.overview(worker));
  await time('overview, whole city', () => stats.overview(cityActor), 3);
} finally {
  await database.close();
  if (!keep) await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.end();
}
