import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ config: { searchRateLimit: 3 } });
});
afterAll(() => t.close());

describe('the search rate limit (SEARCH_RATE_LIMIT per user per minute)', () => {
  it('answers 429 in the error shape once a user exceeds it, and leaves other users alone', async () => {
    const worker = await t.login('chengdong');
    for (let i = 0; i < 3; i++) expect((await worker.get(`/api/residents?q=${i}王`)).statusCode).toBe(200);
    const over = await worker.get('/api/residents?q=王');
    expect(over.statusCode).toBe(429);
    expect(over.json().error.code).toBe('RATE_LIMITED');
    // The export has a budget of its own.
    for (let i = 0; i < 3; i++) expect((await worker.get('/api/residents/export')).statusCode).toBe(200);
    expect((await worker.get('/api/residents/export')).statusCode).toBe(429);

    const other = await t.login('chengxi');
    expect((await other.get('/api/residents')).statusCode).toBe(200);
  });
});
