'use client';

import {
  Notification,
  NotificationPage,
  ReadAllResult,
  UnreadCount,
} from '@teamflow/contracts/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { usePagedFeed } from '@/lib/paged-feed';
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

/** The inbox, newest first, 20 a page ("Show older notifications" reads the next). */
export function useNotificationList(filter: 'all' | 'unread') {
  return usePagedFeed({
    queryKey: queryKeys.notificationList(filter),
    path: `/notifications${filter === 'unread' ? '?unread=true' : ''}`,
    schema: NotificationPage,
    pageSize: 20,
  });
}

/** The bell's menu: the 8 latest ("All notifications…" opens the inbox for the rest). */
export function useLatestNotifications() {
  return useQuery({
    queryKey: queryKeys.latestNotifications,
    queryFn: async ({ signal }) =>
      (await apiRequest('GET', '/notifications?limit=8', { schema: NotificationPage, signal })).items,
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
