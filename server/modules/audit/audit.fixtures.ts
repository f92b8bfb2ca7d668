import { once, route, type RouteFixture } from '../../security/fixture-kit';

/** The matrix fixtures of the audit module's routes (see server/security/route-fixtures.ts). */
export const fixtures: RouteFixture[] = [
  route(
    'GET /api/audit',
    'audit.read',
    once('the log', () => ({ url: '/api/audit', query: { pageSize: '5' } })),
  ),
  route(
    'GET /api/security/alerts',
    'security.manage',
    once('the security alerts', () => ({ url: '/api/security/alerts', query: { pageSize: '5' } })),
  ),
  route(
    'GET /api/audit/verify',
    'audit.verify',
    once('the hash chain', () => ({ url: '/api/audit/verify' })),
  ),
  route(
    'GET /api/audit/labels',
    'authenticated',
    once('the labels', () => ({ url: '/api/audit/labels' })),
  ),
  route(
    'GET /api/audit/export',
    'audit.read',
    once('the sign-ins', () => ({ url: '/api/audit/export', query: { actionText: '登录' } })),
  ),
];
