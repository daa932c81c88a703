'use client';

import {
  Workspace,
  WorkspaceList,
  type WorkspaceCreate,
  type WorkspaceUpdate,
} from '@teamflow/contracts/workspaces';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGetAll, apiRequest } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/** The caller's workspaces, each with the caller's role in it. */
export function useWorkspaces() {
  return useQuery({
    queryKey: queryKeys.workspaces,
    queryFn: async ({ signal }) => (await apiGetAll('/workspaces', { schema: WorkspaceList, signal })).items,
  });
}

export function useWorkspace(workspaceId: string): { workspace: Workspace | undefined; isPending: boolean } {
  const { data, isPending } = useWorkspaces();
  return { workspace: data?.find((w) => w.id === workspaceId), isPending };
}

export function useCreateWorkspace() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: WorkspaceCreate) => apiRequest('POST', '/workspaces', { body, schema: Workspace }),
    onSuccess: (created) => {
      queryClient.setQueryData<Workspace[]>(queryKeys.workspaces, (list) => [...(list ?? []), created]);
      void queryClient.invalidateQueries({ queryKey: queryKeys.workspaces, exact: true });
    },
  });
}

/** Renames the workspace, changes its URL slug or its time zone (owners); the header and lists follow at once. */
export function useUpdateWorkspace(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: WorkspaceUpdate) =>
      apiRequest('PATCH', `/workspaces/${workspaceId}`, { body, schema: Workspace }),
    onSuccess: (saved) => {
      queryClient.setQueryData<Workspace[]>(queryKeys.workspaces, (list) =>
        list?.map((w) => (w.id === saved.id ? saved : w)),
      );
    },
  });
}
