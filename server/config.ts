import os from 'node:os';
import { z } from 'zod';
import { DEFAULT_TIME_ZONE } from '../shared/domain/dates';

const bool = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1');

/** Every environment variable Shequ reads, parsed once. Nothing else reads process.env. */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  SERVER_PROCESSES: z.union([z.literal('auto'), z.coerce.number().int().min(1).max(64)]).default('auto'),
  SHEQU_KEY: z.string().optional(),
  KEY_FILE: z.string().optional(),
  DEMO_PASSWORD: z.string().default('Shequ@2026'),
  SEED_DEMO: z.enum(['auto', 'never']).default('auto'),
  SEED_RESIDENTS: z.coerce.number().int().min(0).optional(),
  TIME_ZONE: z
    .string()
    .default(DEFAULT_TIME_ZONE)
    .refine((tz) => isTimeZone(tz), 'not an IANA time zone, e.g. Asia/Shanghai'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: bool,
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  PASSWORD_MIN_LENGTH: z.coerce.number().int().min(6).max(128).default(8),
  PASSWORD_MIN_CLASSES: z.coerce.number().int().min(1).max(4).default(3),
  PASSWORD_MAX_AGE_DAYS: z.coerce.number().int().min(0).max(3650).default(90),
  ADMIN_TOTP: z.enum(['required', 'off']).default('required'),
  SENSITIVE_TOTP: z.enum(['required', 'off']).default('required'),
  PASSWORD_HISTORY: z.coerce.number().int().min(0).max(24).default(5),
  LOCKOUT_THRESHOLD: z.coerce.number().int().min(1).max(100).default(5),
  LOCKOUT_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(72).default(12),
  SESSION_CACHE_SECONDS: z.coerce.number().int().min(0).max(60).default(10),
  AUDIT_RETENTION_DAYS: z.coerce.number().int().min(180).max(3650).default(180),
  AUDIT_ANCHOR_MINUTES: z.coerce.number().int().min(1).max(1440).default(10),
  AUDIT_ANCHOR_FILE: z.string().optional(),
  UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(20 * 1024 * 1024),
  PREMISES_FILE_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(5 * 1024 * 1024),
  IMPORT_REPORT_DAYS: z.coerce.number().int().min(1).max(365).default(7),
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(60),
  SEARCH_RATE_LIMIT: z.coerce.number().int().min(1).default(300),
  LOOKUP_LIMIT_PER_HOUR: z.coerce.number().int().min(1).default(60),
  LOOKUP_MISSES_PER_HOUR: z.coerce.number().int().min(1).default(10),
  PERSONAL_READ_BUDGET: z.coerce.number().int().min(1).default(2000),
  IMPORT_MAX_ROWS: z.coerce.number().int().min(1).default(200_000),
});

export type Env = z.infer<typeof schema>;

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** The application's settings, derived from the environment. */
export interface Config {
  env: Env['NODE_ENV'];
  port: number;
  host: string;
  dataDir: string;
  /** PostgreSQL connection string; when absent Shequ embeds PGlite in dataDir. */
  databaseUrl?: string;
  /** Use a throw-away in-memory PGlite (tests). */
  inMemory: boolean;
  poolSize: number;
  /** Server processes sharing the port (node:cluster): 1 on PGlite (one owner), the cores by default on PostgreSQL. */
  processes: number;
  encryptionKey?: string;
  keyFile: string;
  demoPassword: string;
  seedDemo: 'auto' | 'never';
  seedResidents?: number;
  /** The city's time zone: "today", ages, due dates and schedules turn over at its midnight. */
  timeZone: string;
  logLevel: Env['LOG_LEVEL'];
  trustProxy: boolean;
  cookieSecure: 'auto' | 'true' | 'false';
  /** maxAgeDays: a password older than this must be changed at the next request (0: never). */
  /** history: a new password may not be the current one nor one of the last `history` (0: only not the current). */
  password: { minLength: number; minClasses: number; maxAgeDays: number; history: number };
  lockout: { threshold: number; minutes: number };
  /** `required`: system, security and audit administrators must sign in with a TOTP code (等保 level 3). */
  adminTotp: 'required' | 'off';
  /** `required`: roles that read personal data city-wide (city, department) also sign in with a TOTP code. */
  sensitiveTotp: 'required' | 'off';
  /** cacheSeconds: how long a process reuses a resolved session (0: look it up on every request). */
  session: { idleMinutes: number; absoluteHours: number; cacheSeconds: number };
  /**
   * anchorMinutes: how often the chain's head is anchored (audit_anchors, the server log, anchorFile);
   * anchorFile: null turns the file off.
   */
  audit: { retentionDays: number; anchorMinutes: number; anchorFile: string | null };
  upload: { maxBytes: number; maxRows: number; reportDays: number };
  /** The largest photo or document of premises (四有 有房), in bytes. */
  premisesFileMaxBytes: number;
  /** Sign-in attempts per minute per client address. */
  loginRateLimit: number;
  /** Resident searches and exports per minute per user. */
  searchRateLimit: number;
  /** Exact ID-number and full-phone look-ups per user per hour, and the misses (nothing found) that lock them. */
  lookup: { perHour: number; missesPerHour: number };
  /** Reads of personal data (resident lists, details, household pages, exports) per user per hour. */
  personalReadBudget: number;
}

/** SERVER_PROCESSES resolved: PGlite has one owner (one process); PostgreSQL takes one per core unless told. */
function serverProcesses(e: Env): number {
  if (!e.DATABASE_URL) {
    if (e.SERVER_PROCESSES !== 'auto' && e.SERVER_PROCESSES > 1)
      throw new Error(
        'Invalid configuration / 配置无效:\n  SERVER_PROCESSES: 嵌入式数据库 PGlite 只能由一个进程打开；多进程请设置 DATABASE_URL 使用 PostgreSQL / ' +
          'PGlite is opened by one process only; set DATABASE_URL (PostgreSQL) to run several',
      );
    return 1;
  }
  return e.SERVER_PROCESSES === 'auto' ? os.availableParallelism() : e.SERVER_PROCESSES;
}

/** Parses an environment (process.env by default) into a Config, failing loudly on bad values. */
export function loadConfig(source: Record<string, string | undefined> = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration / 配置无效:\n${lines}`);
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL || undefined,
    inMemory: false,
    poolSize: e.DATABASE_POOL_SIZE,
    processes: serverProcesses(e),
    encryptionKey: e.SHEQU_KEY,
    keyFile: e.KEY_FILE ?? `${e.DATA_DIR}/shequ.key`,
    demoPassword: e.DEMO_PASSWORD,
    seedDemo: e.SEED_DEMO,
    seedResidents: e.SEED_RESIDENTS,
    timeZone: e.TIME_ZONE,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    cookieSecure: e.COOKIE_SECURE,
    password: { minLength: e.PASSWORD_MIN_LENGTH, minClasses: e.PASSWORD_MIN_CLASSES, maxAgeDays: e.PASSWORD_MAX_AGE_DAYS, history: e.PASSWORD_HISTORY },
    lockout: { threshold: e.LOCKOUT_THRESHOLD, minutes: e.LOCKOUT_MINUTES },
    adminTotp: e.ADMIN_TOTP,
    sensitiveTotp: e.SENSITIVE_TOTP,
    session: { idleMinutes: e.SESSION_IDLE_MINUTES, absoluteHours: e.SESSION_ABSOLUTE_HOURS, cacheSeconds: e.SESSION_CACHE_SECONDS },
    audit: {
      retentionDays: e.AUDIT_RETENTION_DAYS,
      anchorMinutes: e.AUDIT_ANCHOR_MINUTES,
      anchorFile: e.AUDIT_ANCHOR_FILE === 'off' ? null : (e.AUDIT_ANCHOR_FILE ?? `${e.DATA_DIR}/audit-anchors.jsonl`),
    },
    upload: { maxBytes: e.UPLOAD_MAX_BYTES, maxRows: e.IMPORT_MAX_ROWS, reportDays: e.IMPORT_REPORT_DAYS },
    premisesFileMaxBytes: e.PREMISES_FILE_MAX_BYTES,
    loginRateLimit: e.LOGIN_RATE_LIMIT,
    searchRateLimit: e.SEARCH_RATE_LIMIT,
    lookup: { perHour: e.LOOKUP_LIMIT_PER_HOUR, missesPerHour: e.LOOKUP_MISSES_PER_HOUR },
    personalReadBudget: e.PERSONAL_READ_BUDGET,
    ...overrides,
  };
}
