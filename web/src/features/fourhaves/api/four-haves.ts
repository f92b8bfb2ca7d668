import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AwardPreviewRequest,
  AwardPreviewResponse,
  CreatePremisesRequest,
  FourHavesDetail,
  FourHavesResponse,
  FundingLedger,
  PremisesView,
  UpdatePremisesRequest,
} from '@shared/contracts/fourhaves';
import { api, withQuery } from '../../../lib/api';
import { queryKeys } from '../../../lib/query-keys';

export type { AwardPreviewResponse, FourHavesDetail, FundingLedger, PremisesView };
export type FourHavesRow = z.infer<typeof FourHavesResponse>['items'][number];

/** Every four-haves query's key is built here; writes invalidate `.all`. */
export const fourHavesKeys = queryKeys('four-haves');

/** GET /api/four-haves: the communities in the user's scope with their four statuses. */
export const listFourHaves = (signal?: AbortSignal) => api<z.infer<typeof FourHavesResponse>>('GET', '/api/four-haves', undefined, signal);
export function useFourHaves() {
  return useQuery({ queryKey: fourHavesKeys.list(), queryFn: ({ signal }) => listFourHaves(signal) });
}

/** GET /api/four-haves/communities/:id: the drill-down. */
export const getCommunityFourHaves = (id: string, signal?: AbortSignal) =>
  api<FourHavesDetail>('GET', `/api/four-haves/communities/${encodeURIComponent(id)}`, undefined, signal);
export function useCommunityFourHaves(id: string) {
  return useQuery({ queryKey: fourHavesKeys.detail(id), queryFn: ({ signal }) => getCommunityFourHaves(id, signal) });
}

/** POST /api/premises. */
export const createPremises = (body: z.input<typeof CreatePremisesRequest>) => api<PremisesView>('POST', '/api/premises', body);
export function useCreatePremises() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: createPremises, onSettled: () => qc.invalidateQueries({ queryKey: fourHavesKeys.all }) });
}

/** PATCH /api/premises/:id (a hand-over is state → in_use). */
export const updatePremises = ({ id, ...body }: z.input<typeof UpdatePremisesRequest> & { id: string }) =>
  api<PremisesView>('PATCH', `/api/premises/${encodeURIComponent(id)}`, body);
export function useUpdatePremises() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: updatePremises, onSettled: () => qc.invalidateQueries({ queryKey: fourHavesKeys.all }) });
}

/** GET /api/funding: the ledger with balances and gaps. */
export const listFunding = (params: { year?: number }, signal?: AbortSignal) => api<FundingLedger>('GET', withQuery('/api/funding', params), undefined, signal);
export function useFunding(params: { year?: number }) {
  return useQuery({ queryKey: fourHavesKeys.of('funding', params), queryFn: ({ signal }) => listFunding(params, signal) });
}
/** The ledger's .xlsx address (a plain link downloads it with the session cookie). */
export const fundingExportUrl = (params: { year?: number }) => withQuery('/api/funding/export', params);

/** POST /api/awards/preview. */
export const previewAwards = (body: AwardPreviewRequest) => api<AwardPreviewResponse>('POST', '/api/awards/preview', body);
export function usePreviewAwards() {
  return useMutation({ mutationFn: previewAwards });
}
