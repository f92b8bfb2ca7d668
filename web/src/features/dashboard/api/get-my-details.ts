import { useQuery } from '@tanstack/react-query';
import type { MyHousehold, MyResident } from '@shared/contracts/me';
import { api } from '../../../lib/api';

export type { MyHousehold, MyResident };

/** Query keys of the resident's own pages. */
export const myKey = ['me'] as const;

/** GET /api/me/resident: the signed-in resident's own record (masked). */
export const getMyResident = (signal?: AbortSignal) => api<MyResident>('GET', '/api/me/resident', undefined, signal);
/** GET /api/me/household: their household's members (no identity numbers). */
export const getMyHousehold = (signal?: AbortSignal) => api<MyHousehold>('GET', '/api/me/household', undefined, signal);

/** 我的信息. */
export function useMyResident() {
  return useQuery({ queryKey: [...myKey, 'resident'], queryFn: ({ signal }) => getMyResident(signal), retry: false });
}

/** 我的家庭 (404 when the resident belongs to no household). */
export function useMyHousehold() {
  return useQuery({ queryKey: [...myKey, 'household'], queryFn: ({ signal }) => getMyHousehold(signal), retry: false });
}
