import { Skeleton } from '@/modules/ui/components/skeleton';
import { BOARD_STATUSES } from '../board-columns';

export function BoardSkeleton() {
  return (
    <div
      role="status"
      aria-label="Loading the board"
      className="relative flex gap-4 overflow-x-auto px-6 pb-6"
    >
      {BOARD_STATUSES.map((status, column) => (
        <div key={status} className="flex w-72 shrink-0 flex-col gap-2 rounded-xl bg-slate-100 p-2">
          <Skeleton className="h-5 w-24" />
          {Array.from({ length: 3 - (column % 2) }, (_, i) => (
            <Skeleton key={i} className="h-20 w-full" />
          ))}
        </div>
      ))}
    </div>
  );
}
