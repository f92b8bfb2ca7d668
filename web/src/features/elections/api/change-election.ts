import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AnswerObjectionRequest,
  CreateElectionRequest,
  DeriveRollResponse,
  ElectionDetail,
  EnterTallyRequest,
  FileObjectionRequest,
  NominateRequest,
  ProposeRecallRequest,
  RecordRecallVoteRequest,
  RoundResult,
  UpdateElectionRequest,
  WithdrawElectionRequest,
} from '@shared/contracts/elections';
import { api } from '../../../lib/api';
import { electionKeys } from './list-elections';

const path = (id: string, rest = '') => `/api/elections/${encodeURIComponent(id)}${rest}`;

/** Refreshes the election and the lists after a change. */
function useElectionMutation<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void qc.invalidateQueries({ queryKey: electionKeys.all }) });
}

/** POST /api/elections. */
export function useCreateElection() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof CreateElectionRequest>) => api<ElectionDetail>('POST', '/api/elections', input),
    onSuccess: (e) => {
      qc.setQueryData(electionKeys.detail(e.id), e);
      void qc.invalidateQueries({ queryKey: electionKeys.all });
    },
  });
}

/** POST /api/elections/:id/derive-roll. */
export const useDeriveRoll = (id: string) => useElectionMutation(() => api<z.infer<typeof DeriveRollResponse>>('POST', path(id, '/derive-roll')));

/** POST /api/elections/:id/voters (add) or /voters/remove, with a reason. */
export const useChangeVoter = (id: string) =>
  useElectionMutation((input: { action: 'add' | 'remove'; residentId: string; reason: string }) =>
    api<{ ok: true }>('POST', path(id, input.action === 'add' ? '/voters' : '/voters/remove'), { residentId: input.residentId, reason: input.reason }),
  );

/** POST /api/elections/:id/candidates. */
export const useNominate = (id: string) =>
  useElectionMutation((input: z.input<typeof NominateRequest>) => api<{ id: string }>('POST', path(id, '/candidates'), input));

/** POST /api/elections/:id/tallies: one polling station's count. */
export const useEnterTally = (id: string) =>
  useElectionMutation((input: z.input<typeof EnterTallyRequest>) => api<{ id: string }>('POST', path(id, '/tallies'), input));

/** POST /api/elections/:id/result. */
export const useComputeResult = (id: string) => useElectionMutation((round: 1 | 2) => api<z.infer<typeof RoundResult>>('POST', path(id, '/result'), { round }));

/** PATCH /api/elections/:id at the version read (409 when someone changed it since). */
export const useUpdateElection = (id: string) =>
  useElectionMutation((input: z.input<typeof UpdateElectionRequest>) => api<ElectionDetail>('PATCH', path(id), input));

/** POST /api/elections/:id/withdraw: cancel before the count, with the reason. */
export const useWithdrawElection = (id: string) =>
  useElectionMutation((input: z.input<typeof WithdrawElectionRequest>) => api<ElectionDetail>('POST', path(id, '/withdraw'), input));

/** POST /api/elections/:id/objections: an objection to the published roll. */
export const useFileObjection = (id: string) =>
  useElectionMutation((input: z.input<typeof FileObjectionRequest>) => api<{ id: string }>('POST', path(id, '/objections'), input));

/** POST /api/elections/:id/objections/:objectionId/answer; an upheld one corrects the roll. */
export const useAnswerObjection = (id: string) =>
  useElectionMutation((input: z.input<typeof AnswerObjectionRequest> & { objectionId: string }) => {
    const { objectionId, ...body } = input;
    return api<{ ok: true }>('POST', path(id, `/objections/${encodeURIComponent(objectionId)}/answer`), body);
  });

/** POST /api/elections/:id/recalls: a recall proposal. */
export const useProposeRecall = (id: string) =>
  useElectionMutation((input: z.input<typeof ProposeRecallRequest>) => api<{ id: string }>('POST', path(id, '/recalls'), input));

/** POST /api/elections/:id/recalls/:recallId/result: the recall vote. */
export const useRecordRecallVote = (id: string) =>
  useElectionMutation((input: z.input<typeof RecordRecallVoteRequest> & { recallId: string }) => {
    const { recallId, ...body } = input;
    return api<{ valid: boolean; passed: boolean; status: string }>('POST', path(id, `/recalls/${encodeURIComponent(recallId)}/result`), body);
  });
