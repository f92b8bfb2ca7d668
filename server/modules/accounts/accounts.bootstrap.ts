import { randomInt } from 'node:crypto';
import { CreateAccountRequest } from '../../../shared/contracts/accounts';
import { checkPassword, type PasswordPolicy } from '../../../shared/domain/password-policy';
import type { Config } from '../../config';
import { transaction, type Database } from '../../db/client';
import { isUniqueViolation } from '../../db/sql';
import { systemContext } from '../../lib/context';
import { hashPassword } from '../../lib/password';
import { AuditService } from '../audit/audit.service';
import { RegionsRepository } from '../regions/regions.repository';
import { AccountsRepository } from './accounts.repository';

/** What `npm run admin:create` asks for. The city fields are needed only while the database has no city. */
export interface BootstrapOptions {
  username: string;
  displayName: string;
  /** Six-digit statistical division code of the city (e.g. 370100). */
  cityCode?: string;
  cityName?: string;
  cityNameEn?: string;
  /** The password policy (PASSWORD_MIN_LENGTH / PASSWORD_MIN_CLASSES) and the audit retention. */
  config: Pick<Config, 'password' | 'audit'>;
}

/** What the bootstrap did: the new account, its one-time password, whether the city was created. */
export interface BootstrapResult {
  userId: string;
  /** The username as stored (trimmed). */
  username: string;
  /** Shown once; only its scrypt hash is stored. */
  password: string;
  cityCreated: boolean;
  city: { id: string; code: string; name: string };
}

/** Why the bootstrap refused; the command line prints the message and exits with code 2. */
export type BootstrapRefusal =
  'invalid_username' | 'invalid_display_name' | 'username_taken' | 'city_required' | 'invalid_city' | 'city_mismatch' | 'city_ambiguous';

/** A refusal with a bilingual message (Chinese first). */
export class BootstrapError extends Error {
  constructor(
    readonly reason: BootstrapRefusal,
    message: string,
  ) {
    super(message);
    this.name = 'BootstrapError';
  }
}

const NewAdministrator = CreateAccountRequest.pick({ username: true, displayName: true });
const CITY_CODE = /^[0-9]{6}$/;

// No look-alikes (0/O, 1/l/I) and no quotes, backslashes or spaces: the password is read off a terminal and typed.
const CLASSES = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnopqrstuvwxyz', '23456789', '!@#$%^&*-_=+?'];

/** A random password of at least 16 characters with every character class that passes `policy` (and does not contain the username). */
export function generatePassword(policy: PasswordPolicy, username?: string): string {
  const length = Math.max(16, policy.minLength);
  const all = CLASSES.join('');
  for (;;) {
    // One of each class, the rest from all of them, then a Fisher–Yates shuffle so the classes are not in a fixed place.
    const chars = CLASSES.map((c) => c[randomInt(c.length)]);
    while (chars.length < length) chars.push(all[randomInt(all.length)]);
    for (let i = chars.length - 1; i > 0; i--) {
      const j = randomInt(i + 1);
      [chars[i], chars[j]] = [chars[j], chars[i]];
    }
    const password = chars.join('');
    if (checkPassword(password, policy, username).length === 0) return password;
  }
}

/**
 * Creates the first system administrator of an install that started without the demo city (SEED_DEMO=never):
 * the city region when there is none yet, the account with a random password it must change at first sign-in,
 * a sysadmin grant on the city, and an audit entry — all in one transaction.
 */
export async function bootstrapAdministrator(database: Database, options: BootstrapOptions): Promise<BootstrapResult> {
  const parsed = NewAdministrator.safeParse({ username: options.username, displayName: options.displayName });
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path[0];
    if (field === 'username')
      throw new BootstrapError(
        'invalid_username',
        `用户名无效：须为 3–32 位小写字母、数字、点、下划线、横线，以字母或数字开头 | invalid --username: 3–32 lowercase letters, digits, . _ -, starting with a letter or digit`,
      );
    throw new BootstrapError('invalid_display_name', '显示名须为 1–50 个字符 | --display-name must be 1–50 characters');
  }
  const { username, displayName } = parsed.data;
  const cityCode = options.cityCode?.trim() || undefined;
  const cityName = options.cityName?.trim() || undefined;
  const cityNameEn = options.cityNameEn?.trim() || undefined;

  const password = generatePassword(options.config.password, username);
  const passwordHash = await hashPassword(password);
  const audit = new AuditService(database.db, options.config.audit.retentionDays);

  try {
    return await transaction(database.db, async () => {
      const accounts = new AccountsRepository(database.db);
      const regions = new RegionsRepository(database.db);
      if (await accounts.byUsername(username)) throw taken(username);

      const cities = (await regions.all()).filter((r) => r.level === 'city');
      let city: { id: string; code: string; name: string };
      let cityCreated = false;
      if (cities.length === 0) {
        if (!cityCode || !cityName)
          throw new BootstrapError(
            'city_required',
            '数据库中还没有城市：请用 --city-code（6 位行政区划代码）和 --city-name 指定 | the database has no city yet: give --city-code (6-digit division code) and --city-name',
          );
        if (!CITY_CODE.test(cityCode))
          throw new BootstrapError('invalid_city', `--city-code 须为 6 位数字，收到 "${cityCode}" | --city-code must be 6 digits, got "${cityCode}"`);
        if (cityName.length > 50) throw new BootstrapError('invalid_city', '--city-name 最多 50 个字符 | --city-name: at most 50 characters');
        if (cityNameEn && cityNameEn.length > 100)
          throw new BootstrapError('invalid_city', '--city-name-en 最多 100 个字符 | --city-name-en: at most 100 characters');
        // A city is the root of the tree: its ltree path is its code (as seedRegions lays it out).
        const [row] = await regions.insert({ level: 'city', code: cityCode, name: cityName, nameEn: cityNameEn ?? null, path: cityCode });
        city = row;
        cityCreated = true;
      } else {
        const match = cityCode ? cities.find((c) => c.code === cityCode) : cities.length === 1 ? cities[0] : undefined;
        if (!match && cityCode)
          throw new BootstrapError(
            'city_mismatch',
            `数据库已有城市 ${describe(cities)}，与 --city-code ${cityCode} 不符；去掉 --city-code 即使用已有城市 | the database already has the city ${describe(cities)}, not --city-code ${cityCode}; leave --city-code out to use it`,
          );
        if (!match)
          throw new BootstrapError(
            'city_ambiguous',
            `数据库有多个城市 ${describe(cities)}：请用 --city-code 指定一个 | the database has several cities ${describe(cities)}: choose one with --city-code`,
          );
        city = match;
      }

      const user = await accounts.insert({ username, displayName, passwordHash, mustChangePassword: true });
      await accounts.replaceGrants(user.id, [{ role: 'sysadmin', regionId: city.id }]);
      await audit.record(systemContext, {
        action: 'accounts.bootstrap',
        objectType: 'user',
        objectId: user.id,
        details: { username, role: 'sysadmin', cityCode: city.code, cityCreated },
      });
      return { userId: user.id, username, password, cityCreated, city: { id: city.id, code: city.code, name: city.name } };
    });
  } catch (err) {
    // Two bootstraps racing for one name: the unique index decides, the loser hears the same refusal.
    if (isUniqueViolation(err, 'users_username_key')) throw taken(username);
    throw err;
  }
}

const taken = (username: string) =>
  new BootstrapError('username_taken', `用户名 "${username}" 已存在，未做任何更改 | the username "${username}" already exists; nothing was changed`);

const describe = (cities: { code: string; name: string }[]) => cities.map((c) => `${c.name} (${c.code})`).join(', ');
