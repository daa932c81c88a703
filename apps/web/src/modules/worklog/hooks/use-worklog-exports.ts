'use client';

import { WorklogExport, WorklogExportAccepted, type WorklogExportCreate } from '@teamflow/contracts/worklog';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiDownload, apiRequest } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/** An export's state, polled every second while the job runs. */
export function useExport(id: string | undefined) {
  return useQuery({
    queryKey: queryKeys.worklogExport(id ?? 'none'),
    enabled: !!id,
    queryFn: ({ signal }) => apiRequest('GET', `/worklog/exports/${id}`, { schema: WorklogExport, signal }),
    refetchInterval: (query) =>
      query.state.data?.status === 'done' || query.state.data?.status === 'failed' ? false : 1000,
  });
}

export function useRequestExport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: WorklogExportCreate) =>
      apiRequest('POST', '/worklog/exports', { body: input, schema: WorklogExportAccepted }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.worklogExports }),
  });
}

/** Saves a file the api serves behind the token (the browser's download, from a Blob). */
export async function saveDownload(path: string, filename: string): Promise<void> {
  const blob = await apiDownload(path);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
