import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CreateFundingEntryRequest, FundingEntryView } from '@shared/contracts/fourhaves';
import { api } from '../../../lib/api';
import { queryKeys } from '../../../lib/query-keys';
import { projectKeys } from './list-projects';

/** POST /api/funding with the project's id (the four-haves ledger); the project and the ledger refresh. */
export function useAddProjectFunding() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof CreateFundingEntryRequest>) => api<FundingEntryView>('POST', '/api/funding', body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: projectKeys.all });
      void qc.invalidateQueries({ queryKey: queryKeys('four-haves').all });
    },
  });
}
