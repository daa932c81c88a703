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
import { queryKeys } from '@/lib/query-keys';

export function useIncidents(workspaceId: string, filter: { status?: string; severity?: string }) {
  const query = new URLSearchParams({ limit: '100', ...filter }).toString();
  return useQuery({
    queryKey: [...queryKeys.incidents(workspaceId), filter],
    queryFn: ({ signal }) =>
      apiRequest('GET', `/workspaces/${workspaceId}/incidents?${query}`, { schema: IncidentPage, signal }),
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
