import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SessionResponse } from '@shared/contracts/auth';
import type { ImportAccepted, ImportMappingProposal, MappingTarget } from '@shared/contracts/imports';
import { ApiError, withQuery } from '../../../lib/api';
import { getLang } from '../../../lib/i18n-store';
import { meKey } from '../../auth/api/get-me';
import { importsKey } from './list-imports';

export interface UploadInput {
  file: File;
  /** The community the rows belong to by default. */
  communityId?: string;
  /** `auto`, or column key → field or `ignore` (the mapping step). */
  mapping?: 'auto' | Record<string, MappingTarget>;
  /** Keep the mapping for the next upload of the same layout. */
  saveMapping?: boolean;
  /** Only answer with the proposal and preview under `mapping`. */
  preview?: boolean;
  /** The grid for rows without a 网格 cell whose address matches no building. */
  defaultGridId?: string;
  /** Called with 0–100 while the file is sent. */
  onProgress?: (percent: number) => void;
}

/** What an upload answers: a job (202), or the columns to confirm (200). */
export type UploadResult = ImportAccepted | ImportMappingProposal;

/** Whether the server asks for the mapping step. */
export const needsMapping = (r: UploadResult): r is ImportMappingProposal => 'status' in r && r.status === 'mapping_required';

/**
 * POST /api/imports/residents as multipart/form-data (field "file"). Sent with XMLHttpRequest for upload
 * progress; same cookie, CSRF token and language as lib/api.ts, and the same ApiError on failure.
 */
export function uploadResidents(
  { file, communityId, mapping, saveMapping, preview, defaultGridId, onProgress }: UploadInput,
  csrfToken: string | undefined,
): Promise<UploadResult> {
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
      if (xhr.status >= 200 && xhr.status < 300) return resolve(data as UploadResult);
      const e = (data as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
      reject(new ApiError(xhr.status, e?.code ?? `HTTP_${xhr.status}`, e?.message ?? xhr.statusText, e?.details));
    };
    const body = new FormData();
    if (communityId) body.append('communityId', communityId);
    if (mapping) body.append('mapping', mapping === 'auto' ? 'auto' : JSON.stringify(mapping));
    if (saveMapping) body.append('saveMapping', 'true');
    if (preview) body.append('preview', 'true');
    if (defaultGridId) body.append('defaultGridId', defaultGridId);
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
