import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SessionResponse } from '@shared/contracts/auth';
import type { ImportAccepted } from '@shared/contracts/imports';
import { ApiError, withQuery } from '../../../lib/api';
import { getLang } from '../../../lib/i18n-store';
import { meKey } from '../../auth/api/get-me';
import { importsKey } from './list-imports';

export interface UploadInput {
  file: File;
  /** The community the rows belong to by default. */
  communityId?: string;
  /** Called with 0–100 while the file is sent. */
  onProgress?: (percent: number) => void;
}

/**
 * POST /api/imports/residents as multipart/form-data (field "file"). Sent with XMLHttpRequest for upload
 * progress; same cookie, CSRF token and language as lib/api.ts, and the same ApiError on failure.
 */
export function uploadResidents({ file, communityId, onProgress }: UploadInput, csrfToken: string | undefined): Promise<ImportAccepted> {
  const lang = getLang();
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', withQuery('/api/imports/residents', { communityId }));
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('accept-language', lang === 'en' ? 'en' : 'zh-CN');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress?.(Math.round((e.loaded / e.total) * 100));
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK_ERROR', lang === 'en' ? 'Cannot reach the server' : '无法连接服务器'));
    xhr.onload = () => {
      let data: unknown;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        data = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(data as ImportAccepted);
      const e = (data as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
      reject(new ApiError(xhr.status, e?.code ?? `HTTP_${xhr.status}`, e?.message ?? xhr.statusText, e?.details));
    };
    const body = new FormData();
    if (communityId) body.append('communityId', communityId);
    body.append('file', file, file.name);
    xhr.send(body);
  });
}

/** Uploads a file; the recent-jobs list refreshes. */
export function useUploadResidents() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: UploadInput) => uploadResidents(input, qc.getQueryData<SessionResponse | null>(meKey)?.csrfToken),
    onSuccess: () => qc.invalidateQueries({ queryKey: importsKey }),
  });
}
