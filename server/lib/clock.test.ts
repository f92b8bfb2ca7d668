import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app';
import { timeZone, today } from './clock';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ seed: 'none', config: { timeZone: 'Asia/Shanghai' } });
});
afterAll(() => t.close());

describe("the city's clock", () => {
  it('runs the services and the database session in the configured time zone', async () => {
    expect(timeZone()).toBe('Asia/Shanghai');
    const [row] = await t.database.query<{ zone: string; day: string }>(`SELECT current_setting('TimeZone') AS zone, current_date::text AS day`);
    expect(row!.zone).toBe('Asia/Shanghai');
    expect(row!.day).toBe(today());
  });

  it('turns the day over at midnight Beijing time', () => {
    expect(today(new Date('2026-11-29T15:59:59Z'))).toBe('2026-11-29');
    expect(today(new Date('2026-11-29T16:00:00Z'))).toBe('2026-11-30');
  });
});
