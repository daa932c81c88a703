'use client';

import {
  ImportPreview,
  ImportResult,
  type ExportFormat,
  type ImportMapping,
  type ImportMappingInput,
} from '@teamflow/contracts/project-import-export';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiDownload, apiUpload } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/** The mapping as the api takes it back: the values still unmapped (null) are left out. */
export function mappingInput(mapping: ImportMapping): ImportMappingInput {
  const mapped = <T>(table: Record<string, T | null>) =>
    Object.fromEntries(Object.entries(table).filter(([, v]) => v !== null)) as Record<string, T>;
  return {
    source: mapping.source,
    columns: mapping.columns,
    statuses: mapped(mapping.statuses),
    priorities: mapped(mapping.priorities),
  };
}

const fieldsFor = (mapping: ImportMappingInput | undefined): Record<string, string> =>
  mapping ? { mapping: JSON.stringify(mapping) } : {};

/** A dry run: the file checked against the mapping (the detected one when none is given); nothing written. */
export function useImportDryRun(projectId: string) {
  return useMutation({
    mutationFn: ({ file, mapping }: { file: File; mapping?: ImportMappingInput }) =>
      apiUpload(
        `/projects/${projectId}/import?dryRun=true`,
        file,
        ImportPreview,
        undefined,
        fieldsFor(mapping),
      ),
  });
}

/** The commit: every row written in one transaction, or none (422 with the rows' errors). */
export function useImportCommit(workspaceId: string, projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, mapping }: { file: File; mapping: ImportMappingInput }) =>
      apiUpload(`/projects/${projectId}/import`, file, ImportResult, undefined, fieldsFor(mapping)),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.boardTasks(projectId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.labels(workspaceId), exact: true });
    },
  });
}

/** Saves the project's tasks through the browser (the api needs the session's token, so no plain link). */
export async function downloadProjectExport(
  projectId: string,
  format: ExportFormat,
  fileStem: string,
): Promise<void> {
  const blob = await apiDownload(`/projects/${projectId}/export?format=${format}`);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `${fileStem}.${format}`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
