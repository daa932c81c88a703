'use client';

import { DndContext, PointerSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import type { Task } from '@teamflow/contracts/tasks';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useMemo, useState } from 'react';
import { ConflictDialog } from '@/modules/tasks/components/conflict-dialog';
import { TaskDrawer } from '@/modules/tasks/components/task-drawer';
import { useBoardTasks } from '@/modules/tasks/hooks/use-board-tasks';
import { ProjectViewTabs } from '@/modules/projects/components/project-view-tabs';
import { useProject } from '@/modules/projects/hooks/use-projects';
import { Button } from '@/modules/ui/components/button';
import { FormError } from '@/modules/ui/components/form-error';
import { Skeleton } from '@/modules/ui/components/skeleton';
import { useCan } from '@/modules/workspaces/hooks/use-permission';
import { useWorkspace } from '@/modules/workspaces/hooks/use-workspaces';
import {
  formatLocalDate,
  formatLocalMonth,
  monthOf,
  monthWeeks,
  parseMonth,
  shiftDate,
  shiftMonth,
  todayIn,
  type LocalDate,
} from '@/lib/local-dates';
import { useTimeZone } from '@/modules/auth/hooks/use-time-zone';
import { useRescheduleTask } from '../hooks/use-reschedule-task';
import { AgendaList } from './agenda-list';
import { MonthGrid, type ChipHandlers } from './month-grid';
import { NO_DUE_DATE, UnscheduledList } from './unscheduled-list';

const PRIORITY_RANK = { critical: 0, high: 1, medium: 2, low: 3 } as const;
const byPriority = (a: Task, b: Task) =>
  PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] || a.number - b.number;

/** A project's tasks by due date: a month grid (an agenda at phone width) and the undated ones aside. */
export function CalendarPage({ workspaceId, projectId }: { workspaceId: string; projectId: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  // Today where the user is (their profile's zone), not where the browser or UTC is.
  const today = todayIn(useTimeZone());
  const month = parseMonth(searchParams.get('month'), monthOf(today));
  const project = useProject(projectId);
  const tasks = useBoardTasks(projectId);
  const { workspace } = useWorkspace(workspaceId);
  const canEdit = useCan(workspaceId, 'task.update');
  const reschedule = useRescheduleTask(projectId);
  const [focusTaskId, setFocusTaskId] = useState<string>();
  const [announcement, setAnnouncement] = useState('');
  // A small move threshold keeps a click a click.
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 5 } }));

  const weeks = useMemo(() => monthWeeks(month), [month]);
  const { byDay, unscheduled } = useMemo(() => {
    const map = new Map<LocalDate, Task[]>();
    const none: Task[] = [];
    for (const task of tasks.data ?? []) {
      if (task.status === 'archived') continue;
      if (!task.dueDate) {
        if (task.status !== 'done') none.push(task);
        continue;
      }
      const list = map.get(task.dueDate) ?? [];
      list.push(task);
      map.set(task.dueDate, list);
    }
    for (const list of map.values()) list.sort(byPriority);
    return { byDay: map, unscheduled: none.sort(byPriority) };
  }, [tasks.data]);

  const go = (params: Record<string, string | null>) => {
    const next = new URLSearchParams(searchParams.toString());
    for (const [k, v] of Object.entries(params)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    router.push(`${pathname}?${next.toString()}`, { scroll: false });
  };

  const moveTo = (task: Task, dueDate: string | null) => {
    if (task.dueDate === dueDate) return;
    reschedule(task, dueDate);
    setAnnouncement(
      `${task.key} ${dueDate ? `moved to ${formatLocalDate(dueDate, 'long')}` : 'has no due date now'}`,
    );
  };
  const handlers: ChipHandlers = {
    canEdit,
    focusTaskId,
    onOpen: (task) => go({ task: task.id }),
    onShift: (task, days) => {
      if (!task.dueDate) return;
      const next = shiftDate(task.dueDate, days);
      setFocusTaskId(task.id);
      moveTo(task, next);
      // Follow the task into another month.
      if (monthOf(next) !== month) go({ month: monthOf(next) });
    },
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const task = (active.data.current as { task?: Task } | undefined)?.task;
    if (!task || !over) return;
    moveTo(task, over.id === NO_DUE_DATE ? null : String(over.id));
  };

  const error = project.error ?? tasks.error;
  return (
    <main className="flex flex-col gap-4 px-4 py-6 sm:px-6">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <nav aria-label="Breadcrumb" className="text-sm text-slate-500 dark:text-slate-400">
            <Link href={`/w/${workspaceId}`} className="hover:text-indigo-700">
              {workspace?.name ?? 'Workspace'}
            </Link>{' '}
            / Calendar
          </nav>
          {project.data ? (
            <h1 className="text-2xl font-bold tracking-tight">
              {project.data.name}{' '}
              <span className="text-base font-medium text-slate-500 dark:text-slate-400">
                {project.data.key}
              </span>
            </h1>
          ) : (
            <Skeleton className="mt-1 h-8 w-64" />
          )}
          <div className="mt-2">
            <ProjectViewTabs workspaceId={workspaceId} projectId={projectId} current="calendar" />
          </div>
        </div>
        {workspace && !canEdit ? (
          <p className="rounded-md bg-amber-50 px-3 py-1.5 text-sm text-amber-800">
            You are a {workspace.role} here: the calendar is read-only.
          </p>
        ) : null}
      </div>

      <div className="flex flex-wrap items-center gap-2">
        <h2 aria-live="polite" className="mr-2 min-w-40 text-xl font-semibold">
          {formatLocalMonth(month)}
        </h2>
        <Button
          variant="secondary"
          aria-label="Previous month"
          onClick={() => go({ month: shiftMonth(month, -1) })}
        >
          ‹
        </Button>
        <Button variant="secondary" onClick={() => go({ month: monthOf(today) })}>
          Today
        </Button>
        <Button
          variant="secondary"
          aria-label="Next month"
          onClick={() => go({ month: shiftMonth(month, 1) })}
        >
          ›
        </Button>
      </div>
      <p id="calendar-move-hint" className="sr-only">
        Press Alt and an arrow key to move the task by a day or a week.
      </p>
      <p role="status" className="sr-only">
        {announcement}
      </p>

      {error ? (
        <div className="flex flex-col items-start gap-2">
          <FormError message={error.message} />
          <Button variant="secondary" onClick={() => void Promise.all([project.refetch(), tasks.refetch()])}>
            Retry
          </Button>
        </div>
      ) : !tasks.data ? (
        <div role="status" aria-label="Loading the calendar" className="grid grid-cols-7 gap-1">
          {Array.from({ length: 35 }, (_, i) => (
            <Skeleton key={i} className="h-24" />
          ))}
        </div>
      ) : (
        <DndContext sensors={sensors} onDragEnd={onDragEnd}>
          {tasks.data.length === 0 ? (
            <p className="text-sm text-slate-600 dark:text-slate-400">
              This project has no tasks yet. Tasks with a due date appear on their day.
            </p>
          ) : null}
          <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_16rem]">
            <div className="hidden sm:block">
              <MonthGrid month={month} weeks={weeks} today={today} byDay={byDay} handlers={handlers} />
            </div>
            <div className="sm:hidden">
              <AgendaList
                days={weeks.flat().filter((d) => monthOf(d) === month)}
                byDay={byDay}
                today={today}
                onOpen={handlers.onOpen}
              />
            </div>
            <UnscheduledList tasks={unscheduled} handlers={handlers} />
          </div>
        </DndContext>
      )}
      <TaskDrawer tasks={tasks.data} readOnly={!canEdit} />
      <ConflictDialog />
    </main>
  );
}
