import { once, route, type RouteFixture } from '../../security/fixture-kit';

/** The matrix fixtures of the health module's routes (see server/security/route-fixtures.ts). */
export const fixtures: RouteFixture[] = [
  route(
    'GET /api/health',
    'public',
    once('health', () => ({ url: '/api/health' })),
  ),
];
