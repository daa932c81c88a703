'use client';

import {
  IncidentDetail,
  IncidentPage,
  IncidentTimelineEntry,
  type IncidentCreate,
  type IncidentUpdate,
} from '@teamflow/contracts/incidents';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { usePagedFeed } from '@/lib/paged-feed';
import { queryKeys } from '@/lib/query-keys';

/** Incidents, newest first, 100 a page ("Show older incidents" reads the next). */
export function useIncidents(workspaceId: string, filter: { status?: string; severity?: string }) {
  const query = new URLSearchParams(filter).toString();
  return usePagedFeed({
    queryKey: queryKeys.incidentFeed(workspaceId, filter),
    path: `/workspaces/${workspaceId}/incidents${query ? `?${query}` : ''}`,
    schema: IncidentPage,
    pageSize: 100,
  });
}

export function useIncident(incidentId: string) {
  return useQuery({
    queryKey: queryKeys.incident(incidentId),
    queryFn: ({ signal }) =>
      apiRequest('GET', `/incidents/${incidentId}`, { schema: IncidentDetail, signal }),
  });
}

export function useDeclareIncident(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: IncidentCreate) =>
      apiRequest('POST', `/workspaces/${workspaceId}/incidents`, { body, schema: IncidentDetail }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: queryKeys.incidents(workspaceId) }),
  });
}

export function useUpdateIncident(incidentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: IncidentUpdate) =>
      apiRequest('PATCH', `/incidents/${incidentId}`, { body, schema: IncidentDetail }),
    onSuccess: (incident) => queryClient.setQueryData(queryKeys.incident(incidentId), incident),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: queryKeys.incident(incidentId) }),
  });
}

export function useAddIncidentNote(incidentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (message: string) =>
      apiRequest('POST', `/incidents/${incidentId}/events`, {
        body: { message },
        schema: IncidentTimelineEntry,
      }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: queryKeys.incident(incidentId) }),
  });
}

/** The postmortem's open action items become tasks of the chosen project. */
export function useActionItemTasks(incidentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (projectId: string) =>
      apiRequest('POST', `/incidents/${incidentId}/action-items`, {
        body: { projectId },
        schema: IncidentDetail,
      }),
    onSuccess: (incident) => queryClient.setQueryData(queryKeys.incident(incidentId), incident),
  });
}
