'use client';

import {
  Notification,
  NotificationPage,
  ReadAllResult,
  UnreadCount,
} from '@teamflow/contracts/notifications';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import { showToast } from '@/modules/ui/toast';

/** The bell's number. Polled every 30 s; a realtime NOTIFICATION event refreshes it at once. */
export function useUnreadCount() {
  return useQuery({
    queryKey: queryKeys.unreadCount,
    queryFn: async ({ signal }) =>
      (await apiRequest('GET', '/notifications/unread-count', { schema: UnreadCount, signal })).count,
    refetchInterval: 30_000,
  });
}

export function useNotificationList(filter: 'all' | 'unread', limit = 20) {
  return useInfiniteQuery({
    queryKey: queryKeys.notificationList(filter),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ limit: String(limit) });
      if (filter === 'unread') params.set('unread', 'true');
      if (pageParam) params.set('cursor', pageParam);
      return apiRequest('GET', `/notifications?${params.toString()}`, { schema: NotificationPage, signal });
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Mark one or all read; the list and the count refresh from the server afterwards. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.notifications });
  const onError = (error: Error) =>
    showToast({ tone: 'error', title: 'Could not mark as read', description: error.message });
  const one = useMutation({
    mutationFn: (id: string) => apiRequest('POST', `/notifications/${id}/read`, { schema: Notification }),
    onMutate: () => {
      // The bell drops at once; the server's answer settles it.
      queryClient.setQueryData<number>(queryKeys.unreadCount, (n) => (n ? n - 1 : n));
    },
    onError,
    onSettled: refresh,
  });
  const all = useMutation({
    mutationFn: () => apiRequest('POST', '/notifications/read-all', { schema: ReadAllResult }),
    onMutate: () => queryClient.setQueryData<number>(queryKeys.unreadCount, 0),
    onError,
    onSettled: refresh,
  });
  return { one, all };
}
