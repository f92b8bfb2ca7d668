/**
 * The environment a benchmark runs Shequ in: the limits meant for a person step aside (autocannon pages
 * through residents far faster than anyone would), the benchmark signs in as mzj (a city-wide role) with a
 * password alone, and a fixed key, so that a database seeded by one script and reused by another (for months)
 * still decrypts and matches its ID numbers, and its demo passwords do not expire.
 */
export const BENCH_KEY = 'b3'.repeat(32);

export function benchEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    ...(process.env as Record<string, string>),
    LOG_LEVEL: 'warn',
    SHEQU_KEY: BENCH_KEY,
    LOGIN_RATE_LIMIT: '100000',
    SEARCH_RATE_LIMIT: '1000000',
    LOOKUP_LIMIT_PER_HOUR: '1000000',
    LOOKUP_MISSES_PER_HOUR: '1000000',
    PERSONAL_READ_BUDGET: '1000000',
    PASSWORD_MAX_AGE_DAYS: '0',
    SENSITIVE_TOTP: 'off',
    ...extra,
  };
}
