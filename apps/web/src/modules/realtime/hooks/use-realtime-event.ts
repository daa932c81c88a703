'use client';

import { useEffect, useRef } from 'react';
import { onRealtime } from '../realtime-client';

/**
 * Calls `handler` for every event of `type` the tab's socket receives (e.g. 'NOTIFICATION',
 * 'TASK_UPDATED'; '*' for all). The handler may change between renders; the subscription stays.
 */
export function useRealtimeEvent(type: string, handler: (payload: unknown, type: string) => void): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => onRealtime(type, (payload, name) => latest.current(payload, name)), [type]);
}
