import type { TaskPriority } from '@teamflow/contracts/tasks';

const style: Record<TaskPriority, string> = {
  low: 'bg-slate-100 text-slate-600',
  medium: 'bg-sky-100 text-sky-800',
  high: 'bg-amber-100 text-amber-800',
  critical: 'bg-rose-100 text-rose-800',
};

export function PriorityBadge({ priority }: { priority: TaskPriority }) {
  return (
    <span className={`rounded px-1.5 py-0.5 text-[11px] font-semibold capitalize ${style[priority]}`}>
      <span className="sr-only">Priority: </span>
      {priority}
    </span>
  );
}
