import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PremisesFilesList, PremisesFileView } from '@shared/contracts/fourhaves';
import { api, upload } from '../../../lib/api';
import { fourHavesKeys } from './four-haves';

export type { PremisesFileView };

const filesKey = (premisesId: string) => fourHavesKeys.of('files', premisesId);

/** GET /api/premises/:id/files: the photos and documents of premises, with the upload limit. */
export const listPremisesFiles = (premisesId: string, signal?: AbortSignal) =>
  api<PremisesFilesList>('GET', `/api/premises/${encodeURIComponent(premisesId)}/files`, undefined, signal);
export function usePremisesFiles(premisesId: string) {
  return useQuery({ queryKey: filesKey(premisesId), queryFn: ({ signal }) => listPremisesFiles(premisesId, signal) });
}

/** The bytes of a file (an <img> or a download link; the session cookie goes along). */
export const premisesFileUrl = (id: string) => `/api/premises-files/${encodeURIComponent(id)}`;

/** POST /api/premises/:id/files as multipart (field `file`), with progress; rejects with the field's message (400 wrong type, 413 too large…). */
export function uploadPremisesFile(premisesId: string, file: File, onProgress?: (percent: number) => void): Promise<PremisesFileView> {
  const body = new FormData();
  body.append('file', file, file.name);
  return upload<PremisesFileView>(`/api/premises/${encodeURIComponent(premisesId)}/files`, body, onProgress, { fieldMessage: true });
}

export function useUploadPremisesFile(premisesId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ file, onProgress }: { file: File; onProgress?: (percent: number) => void }) => uploadPremisesFile(premisesId, file, onProgress),
    onSettled: () => qc.invalidateQueries({ queryKey: filesKey(premisesId) }),
  });
}

/** DELETE /api/premises-files/:id. */
export const deletePremisesFile = (id: string) => api<{ ok: true }>('DELETE', premisesFileUrl(id));
export function useDeletePremisesFile(premisesId: string) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: deletePremisesFile, onSettled: () => qc.invalidateQueries({ queryKey: filesKey(premisesId) }) });
}
