import { useQuery } from '@tanstack/react-query';
import type { BuildingDetail } from '@shared/contracts/buildings';
import { api } from '../../../lib/api';
import { buildingKeys } from './list-buildings';

export type { BuildingDetail };

/** GET /api/buildings/:id: the building and its households. */
export const getBuilding = (id: string, signal?: AbortSignal) => api<BuildingDetail>('GET', `/api/buildings/${encodeURIComponent(id)}`, undefined, signal);

/** One building. */
export function useBuilding(id: string) {
  return useQuery({ queryKey: buildingKeys.detail(id), queryFn: ({ signal }) => getBuilding(id, signal) });
}
