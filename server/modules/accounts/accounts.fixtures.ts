import { expect } from 'vitest';
import { type Ctx, once, route, type RouteFixture, STRONG_PASSWORD, FORGED_ID, fromAnswer, type Mass, segment } from '../../security/fixture-kit';

/** A new pending grant (a worker of 城东) on the spare account, for one approval or rejection. */
async function pendingGrant(c: Ctx): Promise<string> {
  const [row] = await c.w.t.database.query<{ id: string }>(
    `INSERT INTO user_grants (user_id, role, region_id, pending) VALUES ($1, 'worker', $2, true) RETURNING id`,
    [c.w.spareUserId, c.w.places.dong1.communityId],
  );
  return row.id;
}

let accountSeq = 0;

/** The matrix fixtures of the accounts module's routes (see server/security/route-fixtures.ts). */
export const fixtures: RouteFixture[] = [
  route(
    'GET /api/accounts',
    'accounts.manage',
    once('the list', () => ({ url: '/api/accounts' })),
  ),
  route(
    'GET /api/accounts/:id',
    'accounts.manage',
    once('an account', (c) => ({ url: `/api/accounts/${c.w.spareUserId}` })),
  ),
  route(
    'POST /api/accounts',
    'accounts.manage',
    once('a community worker', (c) => ({
      url: '/api/accounts',
      body: {
        username: `matrix-${++accountSeq}`,
        displayName: '矩阵账户',
        password: STRONG_PASSWORD,
        grants: [{ role: 'worker', regionId: c.w.places.dong1.communityId }],
      },
    })),
  ),
  route(
    'PATCH /api/accounts/:id',
    'accounts.manage',
    once('a display name', async (c) => ({
      url: `/api/accounts/${c.w.spareUserId}`,
      body: { version: await c.w.version('users', c.w.spareUserId), displayName: '矩阵备用账户' },
    })),
  ),
  route(
    'POST /api/accounts/:id/reset-password',
    'accounts.manage',
    once('a password', (c) => ({ url: `/api/accounts/${c.w.spareUserId}/reset-password`, body: { newPassword: STRONG_PASSWORD } })),
  ),
  route(
    'POST /api/accounts/:id/reset-totp',
    'accounts.manage',
    once('an account', (c) => ({ url: `/api/accounts/${c.w.spareUserId}/reset-totp` })),
  ),
  route(
    'POST /api/accounts/:id/unlock',
    'accounts.manage',
    once('an account', (c) => ({ url: `/api/accounts/${c.w.spareUserId}/unlock` })),
  ),
  // 三员: the security administrator approves grants that carry personal data.
  route(
    'GET /api/accounts/pending-grants',
    'accounts.approve',
    once('the list', () => ({ url: '/api/accounts/pending-grants' })),
  ),
  route(
    'POST /api/accounts/pending-grants/:id/approve',
    'accounts.approve',
    once('a pending grant of the spare account', async (c) => ({ url: `/api/accounts/pending-grants/${await pendingGrant(c)}/approve` })),
  ),
  route(
    'POST /api/accounts/pending-grants/:id/reject',
    'accounts.approve',
    once('a pending grant of the spare account', async (c) => ({ url: `/api/accounts/pending-grants/${await pendingGrant(c)}/reject` })),
  ),
];

/** The fuzzer's mass-assignment targets of its write routes (see server/security/fuzz.test.ts). */
export const mass: Record<string, Mass> = {
  'PATCH /api/accounts/:id': {
    table: 'users',
    rowId: segment(3),
    extras: (w) => ({
      username: 'hijacked',
      passwordHash: 'forged',
      mustChangePassword: true,
      failedAttempts: 99,
      residentId: w.places.xi.headId,
      id: FORGED_ID,
    }),
    frozen: ['id', 'username', 'password_hash', 'must_change_password', 'failed_attempts', 'resident_id'],
  },
  'POST /api/accounts': {
    table: 'users',
    rowId: fromAnswer,
    extras: (w) => ({ id: FORGED_ID, mustChangePassword: false, passwordHash: 'forged', residentId: w.places.xi.headId, disabled: true, version: 3 }),
    created: (row) => {
      expect(row.id).not.toBe(FORGED_ID);
      expect(row.must_change_password).toBe(true);
      expect(row.password_hash).not.toBe('forged');
      expect(row.resident_id).toBeNull();
      expect(row.disabled).toBe(false);
      expect(row.version).toBe(1);
    },
  },
};
