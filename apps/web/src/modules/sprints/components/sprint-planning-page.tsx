'use client';

import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
} from '@dnd-kit/core';
import type { Sprint, SprintRollover } from '@teamflow/contracts/sprints';
import type { Task } from '@teamflow/contracts/tasks';
import Link from 'next/link';
import { useMemo, useState } from 'react';
import { TaskDrawer } from '@/modules/tasks/components/task-drawer';
import { useBoardTasks } from '@/modules/tasks/hooks/use-board-tasks';
import { useProject } from '@/modules/projects/hooks/use-projects';
import { Button } from '@/modules/ui/components/button';
import { FormError } from '@/modules/ui/components/form-error';
import { Skeleton, SkeletonList } from '@/modules/ui/components/skeleton';
import { useCan } from '@/modules/workspaces/hooks/use-permission';
import { useWorkspace } from '@/modules/workspaces/hooks/use-workspaces';
import { useMoveToSprint, useSprints, useUpdateSprint } from '../hooks/use-sprints';
import { CompleteSprintDialog } from './complete-sprint-dialog';
import { CreateSprintForm } from './create-sprint-form';
import { PlanningLane } from './planning-lane';
import { PlanningTaskRow } from './planning-task-row';
import { ProjectViewTabs } from '@/modules/projects/components/project-view-tabs';
import { SprintCharts } from './sprint-charts';
import { QuestBar } from '@/modules/progress/components/quest-bar';
import { SprintHeader, sprintDates } from './sprint-header';

const BACKLOG = 'backlog';
const finished = (t: Task) => t.status === 'done' || t.status === 'archived';
// Pointer drops land on the lane under the pointer; keyboard drops on the lane the card overlaps most.
const laneCollision: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  return hits.length ? hits : rectIntersection(args);
};

export function SprintPlanningPage({ workspaceId, projectId }: { workspaceId: string; projectId: string }) {
  const project = useProject(projectId);
  const { workspace } = useWorkspace(workspaceId);
  const sprints = useSprints(projectId);
  const tasks = useBoardTasks(projectId);
  const canEdit = useCan(workspaceId, 'sprint.update');
  const canCreate = useCan(workspaceId, 'sprint.create');
  const canEditTasks = useCan(workspaceId, 'task.update');
  const move = useMoveToSprint(projectId);
  const update = useUpdateSprint(projectId);
  const [completing, setCompleting] = useState<Sprint | null>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor),
  );

  const all = useMemo(() => sprints.data ?? [], [sprints.data]);
  const open = all.filter((s) => s.state !== 'completed');
  const completed = all.filter((s) => s.state === 'completed');
  const active = all.find((s) => s.state === 'active');
  const planned = all.filter((s) => s.state === 'planned');
  const taskList = useMemo(() => (tasks.data ?? []).filter((t) => t.parentId === null), [tasks.data]);
  const backlog = taskList.filter((t) => t.sprintId === null && !finished(t));
  const inSprint = (id: string) => taskList.filter((t) => t.sprintId === id);
  const byId = useMemo(() => new Map(taskList.map((t) => [t.id, t])), [taskList]);
  const laneName = (id: string | number | undefined) =>
    id === BACKLOG ? 'the backlog' : (all.find((s) => s.id === id)?.name ?? 'nowhere');
  const taskName = (id: string | number) => byId.get(String(id))?.key ?? 'the task';

  const moveTask = (task: Task, to: string | null) => {
    if (task.sprintId === to) return;
    move.mutate({ taskIds: [task.id], to, from: task.sprintId });
  };
  const onDragEnd = ({ active: dragged, over }: DragEndEvent) => {
    const task = byId.get(String(dragged.id));
    if (!task || !over) return;
    moveTask(task, over.id === BACKLOG ? null : String(over.id));
  };
  const announcements: Announcements = {
    onDragStart: ({ active: a }) => `Picked up ${taskName(a.id)}.`,
    onDragOver: ({ active: a, over }) =>
      over ? `${taskName(a.id)} is over ${laneName(over.id)}.` : `${taskName(a.id)} is over no list.`,
    onDragEnd: ({ active: a, over }) =>
      over ? `${taskName(a.id)} dropped in ${laneName(over.id)}.` : `${taskName(a.id)} was not moved.`,
    onDragCancel: ({ active: a }) => `Moving ${taskName(a.id)} was cancelled.`,
  };
  const row = (t: Task) => (
    <PlanningTaskRow
      key={t.id}
      task={t}
      targets={canEdit ? open : undefined}
      onMove={canEdit ? (to) => moveTask(t, to) : undefined}
    />
  );
  const start = (s: Sprint) =>
    update.mutate({ sprintId: s.id, body: { version: s.version, state: 'active' } });
  const complete = (rollover: SprintRollover) => {
    if (!completing) return;
    update.mutate(
      { sprintId: completing.id, body: { version: completing.version, state: 'completed', rollover } },
      { onSuccess: () => setCompleting(null) },
    );
  };
  const error = project.error ?? sprints.error ?? tasks.error;
  const base = `/w/${workspaceId}/p/${projectId}`;

  return (
    <main className="flex flex-col gap-6 px-4 py-6 sm:px-6">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <nav aria-label="Breadcrumb" className="text-sm text-slate-500 dark:text-slate-400">
            <Link href={`/w/${workspaceId}`} className="hover:text-indigo-700">
              {workspace?.name ?? 'Workspace'}
            </Link>{' '}
            / Sprints
          </nav>
          {project.data ? (
            <h1 className="text-2xl font-bold tracking-tight">
              {project.data.name}{' '}
              <span className="text-base font-medium text-slate-500 dark:text-slate-400">sprints</span>
            </h1>
          ) : (
            <Skeleton className="mt-1 h-8 w-64" />
          )}
          <ProjectViewTabs workspaceId={workspaceId} projectId={projectId} current="sprints" />
        </div>
        {workspace && !canEdit ? (
          <p className="rounded-md bg-amber-50 px-3 py-1.5 text-sm text-amber-800">
            You are a {workspace.role} here: sprints are read-only.
          </p>
        ) : null}
      </div>

      <QuestBar workspaceId={workspaceId} projectId={projectId} />
      {canCreate ? (
        <CreateSprintForm projectId={projectId} suggestedName={`Sprint ${all.length + 1}`} />
      ) : null}
      {update.error ? <FormError message={update.error.message} /> : null}

      {error ? (
        <div className="flex flex-col items-start gap-2">
          <FormError message={error.message} />
          <Button
            variant="secondary"
            onClick={() => {
              void sprints.refetch();
              void tasks.refetch();
            }}
          >
            Try again
          </Button>
        </div>
      ) : !sprints.data || !tasks.data ? (
        <SkeletonList rows={4} label="Loading sprints" />
      ) : (
        <DndContext
          sensors={sensors}
          collisionDetection={laneCollision}
          onDragEnd={onDragEnd}
          accessibility={{
            announcements,
            screenReaderInstructions: {
              draggable:
                'To move a task, press Space or Enter, use the arrow keys to reach the backlog or a sprint, and press Space or Enter again. Or choose its sprint from the list next to it.',
            },
          }}
        >
          <div className="grid gap-4 lg:grid-cols-2">
            <PlanningLane
              id={BACKLOG}
              label="Backlog"
              header={
                <h2 className="font-semibold">
                  Backlog{' '}
                  <span className="text-sm font-normal text-slate-500 dark:text-slate-400">
                    {backlog.length} {backlog.length === 1 ? 'task' : 'tasks'} ·{' '}
                    {backlog.reduce((n, t) => n + (t.storyPoints ?? 0), 0)} points
                  </span>
                </h2>
              }
              empty="Nothing in the backlog."
            >
              {backlog.map(row)}
            </PlanningLane>
            <div className="flex min-w-0 flex-col gap-4">
              <h2 className="sr-only">Sprints</h2>
              {open.length === 0 ? (
                <p className="rounded-xl border border-dashed border-slate-300 px-4 py-8 text-center text-sm text-slate-600 dark:border-slate-600 dark:text-slate-400">
                  {canCreate
                    ? 'No sprint planned. Create one above, then drag tasks from the backlog into it.'
                    : 'No sprint is planned or running.'}
                </p>
              ) : null}
              {open.map((s) => (
                <PlanningLane
                  key={s.id}
                  id={s.id}
                  label={s.name}
                  header={
                    <SprintHeader
                      sprint={s}
                      reportHref={`${base}/sprints/${s.id}`}
                      canEdit={canEdit}
                      canStart={!active}
                      pending={update.isPending}
                      onStart={() => start(s)}
                      onComplete={() => setCompleting(s)}
                    />
                  }
                  empty={canEdit ? 'Drag tasks here from the backlog.' : 'No tasks yet.'}
                >
                  {inSprint(s.id).map(row)}
                </PlanningLane>
              ))}
            </div>
          </div>
        </DndContext>
      )}

      {sprints.data ? <SprintCharts projectId={projectId} focus={active ?? completed[0]} /> : null}

      {completed.length ? (
        <section aria-labelledby="completed-sprints" className="flex flex-col gap-2">
          <h2 id="completed-sprints" className="font-semibold">
            Completed sprints
          </h2>
          <ul className="flex flex-col gap-1 text-sm">
            {completed.map((s) => (
              <li key={s.id} className="flex flex-wrap gap-2">
                <Link
                  href={`${base}/sprints/${s.id}`}
                  className="text-indigo-700 hover:underline dark:text-indigo-300"
                >
                  {s.name}
                </Link>
                <span className="text-slate-500 dark:text-slate-400">
                  {sprintDates(s)} · {s.donePoints} points done
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <CompleteSprintDialog
        key={completing?.id ?? 'none'}
        sprint={completing}
        unfinished={completing ? inSprint(completing.id).filter((t) => !finished(t)).length : 0}
        plannedSprints={planned}
        pending={update.isPending}
        error={update.error?.message}
        onClose={() => setCompleting(null)}
        onComplete={complete}
      />
      <TaskDrawer tasks={tasks.data} readOnly={!canEditTasks} />
    </main>
  );
}
