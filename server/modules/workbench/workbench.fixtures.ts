import { once, route, type RouteFixture } from '../../security/fixture-kit';

/** The matrix fixtures of the workbench module's routes (see server/security/route-fixtures.ts). */
export const fixtures: RouteFixture[] = [
  route(
    'GET /api/workbench',
    'authenticated',
    // Each module's hook limits the numbers to the caller's scope (workbench.test.ts compares two communities).
    once('own workbench', () => ({ url: '/api/workbench' })),
  ),
];
