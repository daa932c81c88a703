'use client';

import {
  AwayRangeList,
  CheckInSettings,
  CheckInsToday,
  type AwayRanges,
  type CheckInSettingsUpdate,
} from '@teamflow/contracts/check-ins';
import {
  StatusUpdate,
  StatusUpdateDraft,
  StatusUpdatePage,
  type StatusUpdateCreate,
  type StatusUpdateUpdate,
} from '@teamflow/contracts/status-updates';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGetAll, apiRequest } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export function useCheckInSettings(workspaceId: string) {
  return useQuery({
    queryKey: queryKeys.checkInSettings(workspaceId),
    queryFn: ({ signal }) =>
      apiRequest('GET', `/workspaces/${workspaceId}/check-ins/settings`, { schema: CheckInSettings, signal }),
  });
}

export function useUpdateCheckInSettings(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CheckInSettingsUpdate) =>
      apiRequest('PATCH', `/workspaces/${workspaceId}/check-ins/settings`, { body, schema: CheckInSettings }),
    onSuccess: (settings) => queryClient.setQueryData(queryKeys.checkInSettings(workspaceId), settings),
  });
}

/** Posted, missing and away for a date of the workspace. */
export function useCheckInsOn(workspaceId: string, date: string) {
  return useQuery({
    queryKey: queryKeys.checkInsOn(workspaceId, date),
    queryFn: ({ signal }) =>
      apiRequest('GET', `/workspaces/${workspaceId}/check-ins/today?date=${date}`, {
        schema: CheckInsToday,
        signal,
      }),
  });
}

/**
 * The team's feed over a range of dates (newest first), every update in it: the range bounds it and
 * the page shows it whole (a team of 30 posting daily passes one page within a week).
 */
export function useStatusUpdates(workspaceId: string, from: string, to: string) {
  return useQuery({
    queryKey: [...queryKeys.statusUpdates(workspaceId), 'range', from, to],
    queryFn: ({ signal }) =>
      apiGetAll(`/workspaces/${workspaceId}/status-updates?from=${from}&to=${to}`, {
        schema: StatusUpdatePage,
        signal,
      }),
  });
}

/** The caller's draft from their own activity (nothing is saved until they post). */
export function useStatusUpdateDraft(workspaceId: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.statusUpdateDraft(workspaceId),
    enabled,
    staleTime: Infinity,
    queryFn: ({ signal }) =>
      apiRequest('GET', `/workspaces/${workspaceId}/status-updates/draft`, {
        schema: StatusUpdateDraft,
        signal,
      }),
  });
}

export function usePostStatusUpdate(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: StatusUpdateCreate) =>
      apiRequest('POST', `/workspaces/${workspaceId}/status-updates`, { body, schema: StatusUpdate }),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.statusUpdates(workspaceId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.checkIns(workspaceId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.blockers(workspaceId) });
    },
  });
}

export function useEditStatusUpdate(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: StatusUpdateUpdate }) =>
      apiRequest('PATCH', `/status-updates/${id}`, { body, schema: StatusUpdate }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: queryKeys.statusUpdates(workspaceId) }),
  });
}

export function useDeleteStatusUpdate(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest('DELETE', `/status-updates/${id}`),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.statusUpdates(workspaceId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.checkIns(workspaceId) });
    },
  });
}

export function useAwayRanges() {
  return useQuery({
    queryKey: queryKeys.awayRanges,
    queryFn: ({ signal }) => apiRequest('GET', '/me/away', { schema: AwayRangeList, signal }),
  });
}

export function useSetAwayRanges() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AwayRanges) => apiRequest('PUT', '/me/away', { body, schema: AwayRangeList }),
    onSuccess: (ranges) => {
      queryClient.setQueryData(queryKeys.awayRanges, ranges);
      void queryClient.invalidateQueries({
        queryKey: ['workspaces'],
        predicate: (q) => q.queryKey[2] === 'check-ins',
      });
    },
  });
}
