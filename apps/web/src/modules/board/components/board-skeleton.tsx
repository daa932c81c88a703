import { Skeleton } from '@/modules/ui/components/skeleton';
import { BOARD_STATUSES } from '@/modules/tasks/task-status';

/** The board's shape while its first page loads: same columns, widths and card heights, no jump. */
export function BoardSkeleton() {
  return (
    <div
      role="status"
      aria-label="Loading the board"
      className="relative flex items-start gap-4 overflow-x-auto px-4 pb-6 sm:px-6"
    >
      {BOARD_STATUSES.map((status, column) => (
        <div
          key={status}
          className="flex w-72 shrink-0 flex-col gap-2 rounded-xl bg-slate-100 p-2 dark:bg-slate-800"
        >
          <div className="flex h-6 items-center justify-between px-2 pt-1">
            <Skeleton className="h-4 w-20" />
            <Skeleton className="h-4 w-6 rounded-full" />
          </div>
          {Array.from({ length: 3 - (column % 2) }, (_, i) => (
            <Skeleton key={i} className="h-[104px] w-full rounded-lg" />
          ))}
        </div>
      ))}
    </div>
  );
}
