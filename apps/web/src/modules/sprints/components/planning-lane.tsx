'use client';

import { useDroppable } from '@dnd-kit/core';
import type { ReactNode } from 'react';

/** A drop target holding a list of tasks: the backlog or one sprint. */
export function PlanningLane({
  id,
  label,
  header,
  children,
  empty,
}: {
  id: string;
  label: string;
  header: ReactNode;
  children: ReactNode[];
  empty: string;
}) {
  const { setNodeRef, isOver } = useDroppable({ id });
  return (
    <section
      ref={setNodeRef}
      aria-label={label}
      data-lane={id}
      className={`flex min-w-0 flex-col gap-2 rounded-xl border p-3 transition-colors ${
        isOver
          ? 'border-indigo-400 bg-indigo-50 dark:bg-indigo-950'
          : 'border-slate-200 bg-slate-50 dark:border-slate-700 dark:bg-slate-900/60'
      }`}
    >
      {header}
      {children.length ? (
        <ul className="flex min-h-10 flex-col gap-1.5">{children}</ul>
      ) : (
        <p className="rounded-md border border-dashed border-slate-300 px-3 py-4 text-center text-sm text-slate-500 dark:text-slate-400 dark:border-slate-600">
          {empty}
        </p>
      )}
    </section>
  );
}
