'use client';

import { useRealtimeStore } from '../stores/realtime-store';

/** Shown while a connection that was up is down: changes made meanwhile arrive once it is back. */
export function ReconnectingBanner() {
  const status = useRealtimeStore((s) => s.status);
  if (status !== 'reconnecting') return null;
  return (
    <div
      role="status"
      className="sticky top-0 z-30 border-b border-amber-300 bg-amber-50 px-4 py-2 text-center text-sm font-medium text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
    >
      Reconnecting… changes will sync when the connection is back
    </div>
  );
}
