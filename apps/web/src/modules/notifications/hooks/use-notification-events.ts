'use client';

import { NotificationEventData, notificationText } from '@teamflow/contracts/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '@/lib/query-keys';
import { showToast } from '@/modules/ui/toast';
import { useRealtimeEvent } from '@/modules/realtime/hooks/use-realtime-event';

/**
 * Refreshes the bell and the inbox the moment a `NOTIFICATION` event reaches this tab's socket
 * (the api sends it only to the recipient's `user:{id}` room). Polling in useUnreadCount still
 * keeps the bell current while the socket is down.
 */
export function useNotificationEvents(): void {
  const queryClient = useQueryClient();
  useRealtimeEvent('NOTIFICATION', (payload) => {
    const data = NotificationEventData.safeParse((payload as { data?: unknown } | null)?.data);
    if (!data.success) return;
    void queryClient.invalidateQueries({ queryKey: queryKeys.notifications });
    showToast({ tone: 'info', title: notificationText(data.data.notification) });
  });
}
