import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { FourHavesStandardsSchema, UpdateStandardsRequest } from '@shared/contracts/fourhaves';
import { api } from '../../../lib/api';
import { fourHavesKeys } from './four-haves';

export type FourHavesStandards = z.infer<typeof FourHavesStandardsSchema>;

/** GET /api/four-haves/standards. */
export const getStandards = (signal?: AbortSignal) => api<FourHavesStandards>('GET', '/api/four-haves/standards', undefined, signal);
export function useStandards() {
  return useQuery({ queryKey: fourHavesKeys.of('standards'), queryFn: ({ signal }) => getStandards(signal) });
}

/** PATCH /api/four-haves/standards (the fields sent change; every verdict follows). */
export const updateStandards = (body: z.input<typeof UpdateStandardsRequest>) => api<FourHavesStandards>('PATCH', '/api/four-haves/standards', body);
export function useUpdateStandards() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: updateStandards, onSettled: () => qc.invalidateQueries({ queryKey: fourHavesKeys.all }) });
}
