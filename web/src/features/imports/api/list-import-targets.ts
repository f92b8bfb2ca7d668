import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ImportTarget } from '@shared/contracts/imports';
import { api } from '../../../lib/api';
import { importKeys } from './list-imports';

export type ImportTargetT = z.infer<typeof ImportTarget>;

/** GET /api/imports/targets: the communities the caller may import into, with their grids in scope. */
export const listImportTargets = (signal?: AbortSignal) => api<{ items: ImportTargetT[] }>('GET', '/api/imports/targets', undefined, signal);

/** Where the caller may import (a grid worker: their grid's community, their grid only). */
export function useImportTargets(enabled = true) {
  return useQuery({ queryKey: importKeys.of('targets'), queryFn: ({ signal }) => listImportTargets(signal), enabled, staleTime: 60_000 });
}
