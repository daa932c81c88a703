'use client';

import { TaskRecurrence, TaskSeries, type RecurrenceSet } from '@teamflow/contracts/recurrence';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/** The series a task belongs to (null when it does not recur). */
export function useRecurrence(taskId: string) {
  return useQuery({
    queryKey: queryKeys.taskRecurrence(taskId),
    queryFn: ({ signal }) =>
      apiRequest('GET', `/tasks/${taskId}/recurrence`, { schema: TaskRecurrence, signal }),
  });
}

/** Set, skip and stop: each answers the series as it now is, which replaces the cached one. */
export function useRecurrenceActions(taskId: string) {
  const queryClient = useQueryClient();
  const onSuccess = (series: TaskSeries) =>
    queryClient.setQueryData(queryKeys.taskRecurrence(taskId), { series });
  return {
    set: useMutation({
      mutationFn: (body: Partial<RecurrenceSet> & { rule: string }) =>
        apiRequest('PUT', `/tasks/${taskId}/recurrence`, { body, schema: TaskSeries }),
      onSuccess,
    }),
    skip: useMutation({
      mutationFn: () => apiRequest('POST', `/tasks/${taskId}/recurrence/skip`, { schema: TaskSeries }),
      onSuccess,
    }),
    stop: useMutation({
      mutationFn: () => apiRequest('DELETE', `/tasks/${taskId}/recurrence`, { schema: TaskSeries }),
      onSuccess,
    }),
  };
}
