'use client';

import { Project, ProjectList, type ProjectCreate, type ProjectUpdate } from '@teamflow/contracts/projects';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGetAll, apiRequest } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export function useProjects(workspaceId: string) {
  return useQuery({
    queryKey: queryKeys.projects(workspaceId),
    enabled: workspaceId !== '',
    queryFn: async ({ signal }) =>
      (await apiGetAll(`/workspaces/${workspaceId}/projects`, { schema: ProjectList, signal })).items,
  });
}

/** One project: what `useProject` reads, and what a page load prefetches while the session restores. */
export function projectQuery(projectId: string) {
  return queryOptions({
    queryKey: queryKeys.project(projectId),
    queryFn: ({ signal }) => apiRequest('GET', `/projects/${projectId}`, { schema: Project, signal }),
  });
}

export function useProject(projectId: string) {
  return useQuery(projectQuery(projectId));
}

export function useCreateProject(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProjectCreate) =>
      apiRequest('POST', `/workspaces/${workspaceId}/projects`, { body, schema: Project }),
    onSuccess: (created) => {
      queryClient.setQueryData(queryKeys.project(created.id), created);
      void queryClient.invalidateQueries({ queryKey: queryKeys.projects(workspaceId) });
    },
  });
}

export function useUpdateProject(workspaceId: string, projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProjectUpdate) =>
      apiRequest('PATCH', `/projects/${projectId}`, { body, schema: Project }),
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKeys.project(projectId), saved);
      void queryClient.invalidateQueries({ queryKey: queryKeys.projects(workspaceId) });
    },
  });
}
