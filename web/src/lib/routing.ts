import type { Permission } from '@shared/domain/permissions';

/**
 * What a route may declare in its `handle`: the permission it needs. The signed-in layout shows the 403
 * page instead of the route when the user lacks it (the server refuses the data anyway).
 */
export interface RouteHandle {
  permission?: Permission;
}
