import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PremisesFilesList, PremisesFileView } from '@shared/contracts/fourhaves';
import { api, ApiError, getCsrfToken } from '../../../lib/api';
import { getLang } from '../../../lib/i18n-store';
import { fourHavesKey } from './four-haves';

export type { PremisesFileView };

const filesKey = (premisesId: string) => [...fourHavesKey, 'files', premisesId] as const;

/** GET /api/premises/:id/files: the photos and documents of premises, with the upload limit. */
export const listPremisesFiles = (premisesId: string, signal?: AbortSignal) =>
  api<PremisesFilesList>('GET', `/api/premises/${encodeURIComponent(premisesId)}/files`, undefined, signal);
export function usePremisesFiles(premisesId: string) {
  return useQuery({ queryKey: filesKey(premisesId), queryFn: ({ signal }) => listPremisesFiles(premisesId, signal) });
}

/** The bytes of a file (an <img> or a download link; the session cookie goes along). */
export const premisesFileUrl = (id: string) => `/api/premises-files/${encodeURIComponent(id)}`;

/**
 * POST /api/premises/:id/files as multipart (field `file`), through XMLHttpRequest so that the upload's
 * progress can be shown; rejects with the server's ApiError (400 wrong type, 413 too large…).
 */
export function uploadPremisesFile(premisesId: string, file: File, onProgress?: (percent: number) => void): Promise<PremisesFileView> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/premises/${encodeURIComponent(premisesId)}/files`);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('accept-language', getLang() === 'en' ? 'en' : 'zh-CN');
    const token = getCsrfToken();
    if (token) xhr.setRequestHeader('x-csrf-token', token);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress?.(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK_ERROR', getLang() === 'en' ? 'Cannot reach the server' : '无法连接服务器'));
    xhr.onload = () => {
      let data: unknown;
      try {
        data = JSON.parse(xhr.responseText);
      } catch {
        data = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(data as PremisesFileView);
      const e = (data as { error?: { code?: string; message?: string; details?: { message?: string }[] } } | undefined)?.error;
      // The field's own message (wrong type, over the limit) says more than the headline.
      const detail = Array.isArray(e?.details) ? e.details[0]?.message : undefined;
      reject(new ApiError(xhr.status, e?.code ?? `HTTP_${xhr.status}`, detail ?? e?.message ?? xhr.statusText, e?.details));
    };
    const body = new FormData();
    body.append('file', file, file.name);
    xhr.send(body);
  });
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
