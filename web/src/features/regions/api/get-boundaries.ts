import { useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../../lib/api';
import { regionKeys } from './get-region-tree';

/** One region's outline as the server sends it (GeoJSON, lon/lat). */
export interface BoundaryFeature {
  type: 'Feature';
  id: string;
  properties: { id: string; name: string; code: string };
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown[] } | null;
}

/** A GeoJSON FeatureCollection of boundaries. */
export interface BoundaryCollection {
  type: 'FeatureCollection';
  features: BoundaryFeature[];
}

export type BoundaryLevel = 'street' | 'community' | 'grid';

/** GET /api/regions/boundaries?level=… within the caller's scope. */
export const getBoundaries = (level: BoundaryLevel, signal?: AbortSignal) =>
  api<BoundaryCollection>('GET', withQuery('/api/regions/boundaries', { level }), undefined, signal);

/** Boundaries at one level (community by default); they change rarely. */
export function useBoundaries(level: BoundaryLevel = 'community', enabled = true) {
  return useQuery({ queryKey: regionKeys.of('boundaries', level), queryFn: ({ signal }) => getBoundaries(level, signal), enabled, staleTime: 10 * 60_000 });
}
