import { eq, sql } from 'drizzle-orm';
import type { Role } from '../../../shared/domain/permissions';
import type { Config } from '../../config';
import { loadFieldCrypto, type FieldCrypto } from '../../lib/crypto';
import { hashPassword } from '../../lib/password';
import { userGrants, users } from '../../modules/accounts/accounts.table';
import { regions } from '../../modules/regions/regions.table';
import type { Database, Db } from '../client';
import { CITY, COMMUNITIES, communityBoundaries, GRIDS_PER_COMMUNITY, gridCode, STREETS } from './demo-city';

/** The demo accounts (DOMAIN.md §2), each with one grant. `region` is a region code. */
export const DEMO_ACCOUNTS: { username: string; displayName: string; role: Role; region: string; domain?: string; label: string }[] = [
  { username: 'admin', displayName: '系统管理员', role: 'sysadmin', region: CITY.code, label: '系统管理员 (system administrator)' },
  { username: 'security', displayName: '安全管理员', role: 'secadmin', region: CITY.code, label: '安全管理员 (security administrator)' },
  { username: 'auditor', displayName: '审计管理员', role: 'auditadmin', region: CITY.code, label: '审计管理员 (audit administrator)' },
  { username: 'mzj', displayName: '市民政局 王科长', role: 'city', region: CITY.code, label: '市民政局，全市 (civil affairs bureau, whole city)' },
  {
    username: 'labour',
    displayName: '市人社局 赵科员',
    role: 'department',
    region: CITY.code,
    domain: 'labour',
    label: '劳动部门，全市 (labour department, whole city)',
  },
  { username: 'street1', displayName: '东城街道 李主任', role: 'street', region: STREETS[0].code, label: '东城街道办事处 (first street office)' },
  { username: 'chengdong', displayName: '城东社区 张敏', role: 'worker', region: COMMUNITIES[0].code, label: '城东社区工作者 (community worker, 城东)' },
  { username: 'chengxi', displayName: '城西社区 刘芳', role: 'worker', region: COMMUNITIES[3].code, label: '城西社区工作者 (community worker, 城西)' },
  {
    username: 'grid-chengdong',
    displayName: '城东第一网格 陈刚',
    role: 'gridworker',
    region: gridCode(COMMUNITIES[0].code, 1),
    label: '城东第一网格员 (grid worker, 城东 grid 1)',
  },
  {
    username: 'police-chengdong',
    displayName: '城东警务室 孙警官',
    role: 'police',
    region: COMMUNITIES[0].code,
    label: '城东社区民警 (community police, 城东)',
  },
  { username: 'resident', displayName: '居民 周建国', role: 'resident', region: COMMUNITIES[0].code, label: '城东居民 (a resident of 城东)' },
];

/** Creates the region tree of the demo city: city → 3 streets → 9 communities → 8 grids each. */
export async function seedRegions(db: Db) {
  const boundaries = communityBoundaries();
  const [city] = await db.insert(regions).values({ level: 'city', code: CITY.code, name: CITY.name, nameEn: CITY.nameEn, path: CITY.code }).returning();
  const streetRows = await db
    .insert(regions)
    .values(
      STREETS.map((s, i) => ({
        level: 'street' as const,
        parentId: city.id,
        code: s.code,
        name: s.name,
        nameEn: s.nameEn,
        path: `${city.path}.${s.code}`,
        sort: i,
      })),
    )
    .returning();
  const communityRows = await db
    .insert(regions)
    .values(
      COMMUNITIES.map((c, i) => {
        const street = streetRows[c.street];
        return {
          level: 'community' as const,
          parentId: street.id,
          code: c.code,
          name: c.name,
          nameEn: c.nameEn,
          path: `${street.path}.${c.code}`,
          sort: i,
          boundary: boundaries.get(c.code),
        };
      }),
    )
    .returning();
  const gridValues = communityRows.flatMap((c) =>
    Array.from({ length: GRIDS_PER_COMMUNITY }, (_, k) => {
      const code = gridCode(c.code, k + 1);
      return {
        level: 'grid' as const,
        parentId: c.id,
        code,
        name: `${c.name.replace('社区', '')}第${k + 1}网格`,
        nameEn: `${c.nameEn} grid ${k + 1}`,
        path: `${c.path}.${code}`,
        sort: k,
      };
    }),
  );
  const gridRows = await db.insert(regions).values(gridValues).returning();
  return { city, streets: streetRows, communities: communityRows, grids: gridRows };
}

/** Creates the demo accounts with the demo password. */
export async function seedAccounts(db: Db, password: string) {
  const all = await db.select({ id: regions.id, code: regions.code }).from(regions);
  const byCode = new Map(all.map((r) => [r.code, r.id]));
  const passwordHash = await hashPassword(password);
  for (const a of DEMO_ACCOUNTS) {
    const [u] = await db.insert(users).values({ username: a.username, displayName: a.displayName, passwordHash }).returning();
    await db.insert(userGrants).values({ userId: u.id, role: a.role, regionId: byCode.get(a.region)!, domain: a.domain ?? null });
  }
}

/** Optional extra seeding that later features plug in (population, organisations …), run in order. */
export type SeedStep = (database: Database, options: { residents?: number; seed: number; crypto: FieldCrypto }) => Promise<void>;
/** What seedDemo needs from the config: the demo password and where the field-encryption key comes from. */
export type SeedConfig = Pick<Config, 'demoPassword' | 'encryptionKey' | 'keyFile' | 'inMemory'>;
const steps: SeedStep[] = [];
export function registerSeedStep(step: SeedStep) {
  steps.push(step);
}

/** Seeds the whole demo city into an empty database. */
export async function seedDemo(database: Database, config: SeedConfig, options: { residents?: number; seed?: number; crypto?: FieldCrypto } = {}) {
  await seedRegions(database.db);
  await seedAccounts(database.db, config.demoPassword);
  if (steps.length === 0) return;
  // The app's key (SHEQU_KEY or the key file) so that seeded ID numbers decrypt and match look-ups.
  const crypto = options.crypto ?? loadFieldCrypto(config);
  for (const step of steps) await step(database, { residents: options.residents, seed: options.seed ?? 20261126, crypto });
}

/** Seeds the demo city when the database has no regions yet; returns the demo accounts when they exist. */
export async function seedIfEmpty(database: Database, config: SeedConfig & Pick<Config, 'seedResidents'>, crypto?: FieldCrypto) {
  const [{ n }] = await database.db.select({ n: sql<number>`count(*)::int` }).from(regions);
  if (n === 0) await seedDemo(database, config, { residents: config.seedResidents, crypto });
  const [admin] = await database.db.select({ id: users.id }).from(users).where(eq(users.username, 'admin')).limit(1);
  return admin ? { accounts: DEMO_ACCOUNTS } : null;
}
