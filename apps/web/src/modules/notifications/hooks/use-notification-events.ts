'use client';

import { NotificationEventData } from '@teamflow/contracts/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { queryKeys } from '@/lib/query-keys';

/**
 * The seam between the realtime client and the inbox: whoever holds the Socket.io connection
 * forwards each `NOTIFICATION` event's data with `publishNotificationEvent(data)`; this hook
 * refreshes the bell and the inbox when one arrives. Without a socket, polling still keeps the
 * bell current (useUnreadCount).
 */
const EVENT = 'teamflow:notification';

export function publishNotificationEvent(data: unknown): void {
  const parsed = NotificationEventData.safeParse(data);
  if (parsed.success) window.dispatchEvent(new CustomEvent(EVENT, { detail: parsed.data }));
}

export function useNotificationEvents(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const onEvent = () => void queryClient.invalidateQueries({ queryKey: queryKeys.notifications });
    window.addEventListener(EVENT, onEvent);
    return () => window.removeEventListener(EVENT, onEvent);
  }, [queryClient]);
}
