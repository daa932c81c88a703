'use client';

import { Task, type TaskStatus } from '@teamflow/contracts/tasks';
import { TaskTemplate, TaskTemplateList, type TaskTemplateCreate } from '@teamflow/contracts/templates';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import { addTask } from '@/modules/task-cache/task-cache';

/** The templates offered in a project: the workspace's, then the project's own (none without a project). */
export function useProjectTemplates(projectId: string) {
  return useQuery({
    queryKey: queryKeys.projectTemplates(projectId),
    enabled: projectId !== '',
    queryFn: ({ signal }) =>
      apiRequest('GET', `/projects/${projectId}/templates`, { schema: TaskTemplateList, signal }),
  });
}

/** Creates a template for the project, or for the whole workspace (`scope: 'workspace'`). */
export function useCreateTemplate(projectId: string, workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      scope,
      ...body
    }: Partial<TaskTemplateCreate> & {
      name: string;
      titlePattern: string;
      scope: 'project' | 'workspace';
    }) =>
      apiRequest(
        'POST',
        scope === 'workspace' ? `/workspaces/${workspaceId}/templates` : `/projects/${projectId}/templates`,
        { body, schema: TaskTemplate },
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.projectTemplates(projectId) }),
  });
}

export function useDeleteTemplate(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (templateId: string) => apiRequest('DELETE', `/templates/${templateId}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.projectTemplates(projectId) }),
  });
}

/** "New from template": the server fills the template in (placeholders in the team's zone) and adds its sub-tasks. */
export function useCreateFromTemplate(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { templateId: string; status?: TaskStatus; title?: string }) =>
      apiRequest('POST', `/projects/${projectId}/tasks`, { body, schema: Task }),
    onSuccess: (created) => addTask(queryClient, created),
  });
}
