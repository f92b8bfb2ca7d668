// npm run admin:create -- --username NAME --display-name 显示名 [--city-code 370100 --city-name 示例市 [--city-name-en NAME]]
// The first system administrator of an install that runs with SEED_DEMO=never (an empty database has no way to sign in).
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/config';
import { migrateDatabase, openDatabase } from '../server/db/client';
import { bootstrapAdministrator, BootstrapError } from '../server/modules/accounts/accounts.bootstrap';

const USAGE =
  '用法 | usage: npm run admin:create -- --username <name> --display-name <显示名> [--city-code <6 digits> --city-name <名称> [--city-name-en <name>]]';

let values: { username?: string; 'display-name'?: string; 'city-code'?: string; 'city-name'?: string; 'city-name-en'?: string };
try {
  ({ values } = parseArgs({
    options: {
      username: { type: 'string' },
      'display-name': { type: 'string' },
      'city-code': { type: 'string' },
      'city-name': { type: 'string' },
      'city-name-en': { type: 'string' },
    },
  }));
} catch (err) {
  console.error(`${(err as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (!values.username || !values['display-name']) {
  console.error(`缺少 --username 或 --display-name | --username and --display-name are required\n${USAGE}`);
  process.exit(2);
}

const config = loadConfig();
const database = await openDatabase(config).catch((err: unknown) => {
  // e.g. the server holds the PGlite data directory: its message already says what to do.
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
let exitCode = 0;
try {
  await migrateDatabase(database);
  const result = await bootstrapAdministrator(database, {
    username: values.username,
    displayName: values['display-name'],
    cityCode: values['city-code'],
    cityName: values['city-name'],
    cityNameEn: values['city-name-en'],
    config,
  });
  const totp =
    config.adminTotp === 'required'
      ? ['首次登录时还须在身份验证器应用（TOTP）中设置第二因素。', 'At first sign-in the administrator also sets up an authenticator app (TOTP).']
      : [];
  console.log(
    [
      result.cityCreated
        ? `已创建城市 | city created: ${result.city.name} (${result.city.code})`
        : `使用已有城市 | using the city: ${result.city.name} (${result.city.code})`,
      `已创建系统管理员 | system administrator created: ${result.username} (${database.kind})`,
      '',
      `初始密码 | initial password: ${result.password}`,
      '',
      '此密码只显示这一次，首次登录时必须修改。',
      'This password is shown only once and must be changed at first sign-in.',
      ...totp,
    ].join('\n'),
  );
} catch (err) {
  if (err instanceof BootstrapError) {
    console.error(err.message);
    exitCode = 2;
  } else {
    console.error('创建系统管理员失败 | could not create the system administrator:', err);
    exitCode = 1;
  }
} finally {
  await database.close();
}
process.exit(exitCode);
