'use client';

import { Label, type LabelCreate, type LabelList } from '@teamflow/contracts/labels';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/** Creates a workspace label; it joins the cached label list at once so pickers show it. */
export function useCreateLabel(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LabelCreate) =>
      apiRequest('POST', `/workspaces/${workspaceId}/labels`, { body, schema: Label }),
    onSuccess: (label) => {
      queryClient.setQueryData<LabelList>(queryKeys.labels(workspaceId), (list) =>
        list ? { ...list, items: [...list.items, label] } : list,
      );
      void queryClient.invalidateQueries({ queryKey: queryKeys.labels(workspaceId) });
    },
  });
}
