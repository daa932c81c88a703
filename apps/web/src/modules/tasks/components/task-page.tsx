'use client';

import type { Task } from '@teamflow/contracts/tasks';
import Link from 'next/link';
import { isApiError } from '@/lib/api-error';
import { STATUS_LABEL } from '../task-status';
import { ConflictDialog } from './conflict-dialog';
import { PriorityBadge } from './priority-badge';
import { TaskDetailForm } from './task-detail-form';
import { useBoardTasks } from '../hooks/use-board-tasks';
import { TaskAsyncLinks } from '@/modules/async-updates/components/task-async-links';
import { useProject } from '@/modules/projects/hooks/use-projects';
import { useSearch } from '@/modules/search/hooks/use-search';
import { Button } from '@/modules/ui/components/button';
import { EmptyState } from '@/modules/ui/components/empty-state';
import { FormError } from '@/modules/ui/components/form-error';
import { SkeletonList } from '@/modules/ui/components/skeleton';
import { useCan } from '@/modules/workspaces/hooks/use-permission';
import { useWorkspace } from '@/modules/workspaces/hooks/use-workspaces';
import { useTask } from '../hooks/use-task';
import { TaskExtras } from './task-extras';
import { TaskLinkActions } from './task-link-actions';

const createdFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

const TASK_KEY = /^[A-Za-z][A-Za-z0-9]*-\d+$/;

/**
 * A task at its own URL, by id or by key (/w/:workspaceId/t/KEY-12): the drawer's content with
 * room to breathe. A key is looked up with the workspace search, which matches keys exactly.
 */
export function TaskPage({ workspaceId, taskRef }: { workspaceId: string; taskRef: string }) {
  const isKey = TASK_KEY.test(taskRef);
  const lookup = useSearch(workspaceId, isKey ? taskRef : '');
  const hit = lookup.data?.find((h) => h.type === 'task' && h.key.toUpperCase() === taskRef.toUpperCase());
  if (!isKey) return <TaskById workspaceId={workspaceId} taskId={taskRef} />;
  if (hit) return <TaskById workspaceId={workspaceId} taskId={hit.id} />;
  return (
    <main className="mx-auto flex w-full max-w-5xl flex-col gap-4 px-4 py-6 sm:px-6">
      {lookup.isPending ? (
        <SkeletonList rows={4} label="Loading the task" />
      ) : lookup.error ? (
        <div className="flex flex-col items-start gap-2">
          <FormError message={`The task could not be loaded: ${lookup.error.message}`} />
          <Button variant="secondary" onClick={() => void lookup.refetch()}>
            Retry
          </Button>
        </div>
      ) : (
        <NotFound workspaceId={workspaceId} />
      )}
    </main>
  );
}

function NotFound({ workspaceId }: { workspaceId: string }) {
  return (
    <EmptyState title="This task does not exist, was deleted, or is not shared with you.">
      <Link href={`/w/${workspaceId}`} className="font-medium text-indigo-700 dark:text-indigo-300">
        Back to the workspace
      </Link>
    </EmptyState>
  );
}

function TaskById({ workspaceId, taskId }: { workspaceId: string; taskId: string }) {
  const task = useTask(taskId);
  return (
    <main className="mx-auto flex w-full max-w-5xl flex-col gap-4 px-4 py-6 sm:px-6">
      {task.data ? (
        <TaskPageBody fetched={task.data} />
      ) : task.error ? (
        isApiError(task.error, 404) || isApiError(task.error, 400) ? (
          <NotFound workspaceId={workspaceId} />
        ) : (
          <div className="flex flex-col items-start gap-2">
            <FormError message={`The task could not be loaded: ${task.error.message}`} />
            <Button variant="secondary" onClick={() => void task.refetch()}>
              Retry
            </Button>
          </div>
        )
      ) : (
        <SkeletonList rows={4} label="Loading the task" />
      )}
    </main>
  );
}

function TaskPageBody({ fetched }: { fetched: Task }) {
  // Edits land in the project's task list (the board cache); read the task from there once loaded.
  const tasks = useBoardTasks(fetched.projectId);
  const task = tasks.data?.find((t) => t.id === fetched.id) ?? fetched;
  const project = useProject(task.projectId);
  const { workspace } = useWorkspace(task.workspaceId);
  const canEdit = useCan(task.workspaceId, 'task.update');
  const boardPath = `/w/${task.workspaceId}/p/${task.projectId}`;

  return (
    <>
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500 dark:text-slate-400">
        <Link href={`/w/${task.workspaceId}`} className="hover:text-indigo-700">
          {workspace?.name ?? 'Workspace'}
        </Link>{' '}
        /{' '}
        <Link href={boardPath} className="hover:text-indigo-700">
          {project.data?.name ?? 'Project'}
        </Link>{' '}
        / {task.key}
      </nav>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-2xl font-bold tracking-tight break-words">
            <span className="mr-2 font-mono text-base font-medium text-slate-500 dark:text-slate-400">
              {task.key}
            </span>
            {task.title}
          </h1>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600 dark:text-slate-400">
            <PriorityBadge priority={task.priority} />
            {STATUS_LABEL[task.status]} · version {task.version} · created{' '}
            {createdFormat.format(new Date(task.createdAt))}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Link
            href={`${boardPath}?task=${task.id}`}
            className="inline-flex items-center rounded-md border border-slate-300 px-2 py-1 text-sm font-medium text-indigo-700 hover:bg-slate-50 dark:border-slate-600 dark:text-indigo-300 dark:hover:bg-slate-800"
          >
            Show on board
          </Link>
          <TaskLinkActions
            workspaceId={task.workspaceId}
            taskId={task.id}
            taskKey={task.key}
            showOpen={false}
          />
        </div>
      </div>
      {workspace && !canEdit ? (
        <p className="self-start rounded-md bg-amber-50 px-3 py-1.5 text-sm text-amber-800">
          You are a {workspace.role} here: this task is read-only.
        </p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <section
          aria-label="Details"
          className="rounded-xl border border-slate-200 bg-white p-4 sm:p-6 dark:border-slate-700 dark:bg-slate-900"
        >
          <TaskDetailForm key={task.id} task={task} readOnly={!canEdit} />
        </section>
        <section
          aria-label="Links, comments and activity"
          className="rounded-xl border border-slate-200 bg-white p-4 sm:p-6 dark:border-slate-700 dark:bg-slate-900 [&>div]:mt-0 [&>div]:border-t-0 [&>div]:pt-0"
        >
          <TaskExtras task={task} tasks={tasks.data ?? [task]} readOnly={!canEdit} />
        </section>
      </div>
      <TaskAsyncLinks workspaceId={task.workspaceId} taskId={task.id} />
      <ConflictDialog />
    </>
  );
}
