'use client';

import { useOnline } from '../hooks/use-online';
import { usePendingWrites } from '../hooks/use-pending-writes';
import { syncNow } from '../sync-now';

const changes = (n: number) => `${n} change${n === 1 ? '' : 's'}`;

/**
 * The offline state in words: no network (and how many changes wait), changes still waiting once
 * it is back (with "Sync now"), or a queue paused on a conflict to settle.
 */
export function OfflineBanner() {
  const online = useOnline();
  const pending = usePendingWrites();
  const paused = pending.some((write) => write.state === 'conflict');
  if (online && pending.length === 0) return null;
  const text = !online
    ? `You are offline. ${pending.length > 0 ? `${changes(pending.length)} saved on this device will sync when you are back.` : 'Changes you make are saved on this device.'}`
    : paused
      ? `Sync paused: settle the conflict to send ${changes(pending.length)}.`
      : `${changes(pending.length)} waiting to sync.`;
  return (
    <div
      role="status"
      data-offline-banner
      data-pending-count={pending.length}
      className="sticky top-0 z-30 flex items-center justify-center gap-3 border-b border-amber-300 bg-amber-50 px-4 py-2 text-sm font-medium text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
    >
      <span>{text}</span>
      {online && !paused ? (
        <button
          type="button"
          onClick={syncNow}
          className="rounded border border-amber-500 px-2 py-0.5 text-xs font-semibold hover:bg-amber-100 focus-visible:ring-2 focus-visible:ring-indigo-500 dark:hover:bg-amber-900"
        >
          Sync now
        </button>
      ) : null}
    </div>
  );
}
