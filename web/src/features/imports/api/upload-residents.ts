import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ImportAccepted, ImportMappingProposal, MappingTarget } from '@shared/contracts/imports';
import { upload, withQuery } from '../../../lib/api';
import { importKeys } from './list-imports';

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

/** POST /api/imports/residents as multipart/form-data (field "file"), with upload progress. */
export function uploadResidents({ file, communityId, mapping, saveMapping, preview, defaultGridId, onProgress }: UploadInput): Promise<UploadResult> {
  const body = new FormData();
  if (communityId) body.append('communityId', communityId);
  if (mapping) body.append('mapping', mapping === 'auto' ? 'auto' : JSON.stringify(mapping));
  if (saveMapping) body.append('saveMapping', 'true');
  if (preview) body.append('preview', 'true');
  if (defaultGridId) body.append('defaultGridId', defaultGridId);
  body.append('file', file, file.name);
  return upload<UploadResult>(withQuery('/api/imports/residents', { communityId }), body, onProgress);
}

/** Uploads a file; the recent-jobs list refreshes. */
export function useUploadResidents() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: uploadResidents,
    onSuccess: () => qc.invalidateQueries({ queryKey: importKeys.all }),
  });
}
