'use client';

import { TaskPriority, type Task } from '@teamflow/contracts/tasks';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useRef } from 'react';

export interface BoardFilters {
  assignee?: string;
  label?: string;
  priority?: TaskPriority;
  /** A sprint id, or `backlog` for tasks in no sprint (the api's `sprintId` / `sprintId=none`). */
  sprint?: string;
  q?: string;
  /** Swimlanes; kept in the URL too, but "Clear filters" leaves it alone. */
  group?: 'assignee';
}
export type BoardFilterName = keyof BoardFilters;

/** Board filters live in the URL (?assignee=&label=&priority=&sprint=&q=&group=), so a filtered board can be shared. */
export function useBoardFilters(): {
  filters: BoardFilters;
  setFilter: (name: BoardFilterName, value: string) => void;
  clear: () => void;
} {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const priority = TaskPriority.safeParse(params.get('priority'));
  const filters: BoardFilters = {
    assignee: params.get('assignee') ?? undefined,
    label: params.get('label') ?? undefined,
    priority: priority.success ? priority.data : undefined,
    sprint: params.get('sprint') ?? undefined,
    q: params.get('q') ?? undefined,
    group: params.get('group') === 'assignee' ? 'assignee' : undefined,
  };
  // The query last sent, until the URL shows it: router.replace lands a render later, so a second
  // change made before then (two selects in quick succession, typing, then a select) built on the
  // old URL and dropped the first.
  const sent = useRef<string | null>(null);
  useEffect(() => {
    if (params.toString() === sent.current) sent.current = null;
  }, [params]);
  const latest = () => new URLSearchParams(sent.current ?? params.toString());
  const go = (query: URLSearchParams) => {
    const search = query.toString();
    sent.current = search;
    router.replace(search ? `${pathname}?${search}` : pathname, { scroll: false });
  };
  return {
    filters,
    setFilter: (name, value) => {
      const query = latest();
      if (value) query.set(name, value);
      else query.delete(name);
      go(query);
    },
    clear: () => {
      const query = latest();
      (['assignee', 'label', 'priority', 'sprint', 'q'] as const).forEach((name) => query.delete(name));
      go(query);
    },
  };
}

export function applyBoardFilters(tasks: Task[], filters: BoardFilters): Task[] {
  const q = filters.q?.trim().toLowerCase();
  return tasks.filter(
    (t) =>
      (!filters.assignee || t.assigneeIds.includes(filters.assignee)) &&
      (!filters.label || t.labelIds.includes(filters.label)) &&
      (!filters.priority || t.priority === filters.priority) &&
      (!filters.sprint || t.sprintId === (filters.sprint === 'backlog' ? null : filters.sprint)) &&
      (!q || t.title.toLowerCase().includes(q) || t.key.toLowerCase().includes(q)),
  );
}
