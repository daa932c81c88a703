'use client';

import { useTaskPending } from '../hooks/use-pending-writes';

/** On a card or row whose change is waiting in the offline queue. */
export function PendingBadge({ taskId }: { taskId: string }) {
  if (!useTaskPending(taskId)) return null;
  return (
    <span
      data-pending-sync
      title="Saved on this device; sent when the connection is back"
      className="rounded-full border border-amber-400 bg-amber-50 px-1.5 py-0.5 text-[10px] font-semibold text-amber-900 dark:border-amber-600 dark:bg-amber-950 dark:text-amber-100"
    >
      Pending
    </span>
  );
}
