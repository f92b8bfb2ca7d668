import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AwardLine,
  AwardRoundDetail,
  AwardRoundList,
  CreateAwardRoundRequest,
  RecordAwardPaymentRequest,
  SetAwardScoreRequest,
} from '@shared/contracts/awards';
import { api, withQuery } from '../../../lib/api';
import { queryKeys } from '../../../lib/query-keys';

export type { AwardLine, AwardRoundDetail };
export type AwardRoundRow = z.infer<typeof AwardRoundList>['items'][number];

/** Every award query's key is built here; writes invalidate `.all` (and the four-haves ledger a payment feeds). */
export const awardKeys = queryKeys('award-rounds');

/** GET /api/award-rounds. */
export const listAwardRounds = (signal?: AbortSignal) => api<z.infer<typeof AwardRoundList>>('GET', '/api/award-rounds', undefined, signal);
export function useAwardRounds() {
  return useQuery({ queryKey: awardKeys.list(), queryFn: ({ signal }) => listAwardRounds(signal) });
}

/** GET /api/award-rounds/:id: the lines of the user's communities with amounts and reasons. */
export const getAwardRound = (id: string, signal?: AbortSignal) =>
  api<AwardRoundDetail>('GET', `/api/award-rounds/${encodeURIComponent(id)}`, undefined, signal);
export function useAwardRound(id: string) {
  return useQuery({ queryKey: awardKeys.detail(id), queryFn: ({ signal }) => getAwardRound(id, signal) });
}

function useInvalidating<A, R>(fn: (a: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: async () => {
      await qc.invalidateQueries({ queryKey: awardKeys.all });
      await qc.invalidateQueries({ queryKey: queryKeys('four-haves').all });
    },
  });
}

/** POST /api/award-rounds. */
export const createAwardRound = (body: z.input<typeof CreateAwardRoundRequest>) => api<AwardRoundDetail>('POST', '/api/award-rounds', body);
export const useCreateAwardRound = () => useInvalidating(createAwardRound);

/** PUT /api/award-rounds/:id/scores/:communityId. */
export const setAwardScore = ({ id, communityId, ...body }: z.input<typeof SetAwardScoreRequest> & { id: string; communityId: string }) =>
  api<AwardLine>('PUT', `/api/award-rounds/${encodeURIComponent(id)}/scores/${encodeURIComponent(communityId)}`, body);
export const useSetAwardScore = () => useInvalidating(setAwardScore);

/** POST /api/award-rounds/:id/approve. */
export const approveAwardRound = ({ id, version }: { id: string; version: number }) =>
  api<AwardRoundDetail>('POST', `/api/award-rounds/${encodeURIComponent(id)}/approve`, { version });
export const useApproveAwardRound = () => useInvalidating(approveAwardRound);

/** POST /api/award-rounds/:id/payments. */
export const recordAwardPayment = ({ id, ...body }: z.input<typeof RecordAwardPaymentRequest> & { id: string }) =>
  api<AwardRoundDetail>('POST', `/api/award-rounds/${encodeURIComponent(id)}/payments`, body);
export const useRecordAwardPayment = () => useInvalidating(recordAwardPayment);

/** The distribution's .xlsx address (a plain link downloads it with the session cookie). */
export const awardExportUrl = (id: string) => withQuery(`/api/award-rounds/${encodeURIComponent(id)}/export`, {});
