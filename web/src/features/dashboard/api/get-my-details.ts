import { useQuery } from '@tanstack/react-query';
import type { MyHousehold, MyResident } from '@shared/contracts/me';
import { api } from '../../../lib/api';
import { queryKeys } from '../../../lib/query-keys';

export type { MyHousehold, MyResident };

/** Query keys of the resident's own pages. */
export const myKeys = queryKeys('me');

/** GET /api/me/resident: the signed-in resident's own record (masked). */
export const getMyResident = (signal?: AbortSignal) => api<MyResident>('GET', '/api/me/resident', undefined, signal);
/** GET /api/me/household: their household's members (no identity numbers). */
export const getMyHousehold = (signal?: AbortSignal) => api<MyHousehold>('GET', '/api/me/household', undefined, signal);

/** 我的信息. */
export function useMyResident() {
  return useQuery({ queryKey: myKeys.of('resident'), queryFn: ({ signal }) => getMyResident(signal), retry: false });
}

/** 我的家庭 (404 when the resident belongs to no household). */
export function useMyHousehold() {
  return useQuery({ queryKey: myKeys.of('household'), queryFn: ({ signal }) => getMyHousehold(signal), retry: false });
}
