'use client';

import Link from 'next/link';
import { useMemo } from 'react';
import { AiProjectPanel } from '@/modules/ai/components/ai-project-panel';
import { QuestBar } from '@/modules/progress/components/quest-bar';
import { ProjectViewTabs } from '@/modules/projects/components/project-view-tabs';
import { useProject } from '@/modules/projects/hooks/use-projects';
import { PresenceAvatars } from '@/modules/realtime/components/presence-avatars';
import { useSprints } from '@/modules/sprints/hooks/use-sprints';
import { FormError } from '@/modules/ui/components/form-error';
import { Skeleton } from '@/modules/ui/components/skeleton';
import { useCan } from '@/modules/workspaces/hooks/use-permission';
import { useWorkspace } from '@/modules/workspaces/hooks/use-workspaces';
import { applyBoardFilters, useBoardFilters } from '../hooks/use-board-filters';
import { useBoardTasks } from '@/modules/tasks/hooks/use-board-tasks';
import { useWorkspaceDirectory } from '@/modules/workspaces/hooks/use-workspace-directory';
import { Board } from './board';
import { BoardFilters } from './board-filters';
import { BoardSkeleton } from './board-skeleton';
import { ConflictDialog } from '@/modules/tasks/components/conflict-dialog';
import { TaskDrawer } from '@/modules/tasks/components/task-drawer';

export function BoardPage({ workspaceId, projectId }: { workspaceId: string; projectId: string }) {
  const project = useProject(projectId);
  const tasks = useBoardTasks(projectId);
  const directory = useWorkspaceDirectory(workspaceId);
  const { workspace } = useWorkspace(workspaceId);
  const canEdit = useCan(workspaceId, 'task.update');
  const canCreate = useCan(workspaceId, 'task.create');
  const error = project.error ?? tasks.error;
  const { filters, setFilter, clear } = useBoardFilters();
  const sprints = useSprints(projectId);
  const visible = useMemo(
    () => (tasks.data ? applyBoardFilters(tasks.data, filters) : undefined),
    [tasks.data, filters],
  );

  return (
    <main className="flex min-w-0 flex-col gap-4 py-6">
      <div className="flex flex-wrap items-end justify-between gap-2 px-4 sm:px-6">
        <div>
          <nav aria-label="Breadcrumb" className="text-sm text-slate-500 dark:text-slate-400">
            <Link href={`/w/${workspaceId}`} className="hover:text-indigo-700">
              {workspace?.name ?? 'Workspace'}
            </Link>{' '}
            / Board
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
            <ProjectViewTabs workspaceId={workspaceId} projectId={projectId} current="board" />
          </div>
        </div>
        <div className="flex flex-wrap items-center gap-4">
          <PresenceAvatars workspaceId={workspaceId} label="Online" />
          <PresenceAvatars
            workspaceId={workspaceId}
            room={`project:${projectId}`}
            label="Viewing this board"
          />
        </div>
        {workspace && !canEdit ? (
          <p className="rounded-md bg-amber-50 px-3 py-1.5 text-sm text-amber-800">
            You are a {workspace.role} here: the board is read-only.
          </p>
        ) : null}
      </div>
      <BoardFilters
        filters={filters}
        directory={directory}
        sprints={sprints.data ?? []}
        setFilter={setFilter}
        clear={clear}
        progress={
          tasks.data && !tasks.complete && !error ? `Loading tasks… ${tasks.loaded} so far` : undefined
        }
      />
      <div className="px-6">
        <QuestBar workspaceId={workspaceId} projectId={projectId} />
      </div>
      <AiProjectPanel workspaceId={workspaceId} projectId={projectId} />
      {error ? (
        <div className="px-6">
          <FormError message={error.message} />
        </div>
      ) : tasks.data ? (
        <>
          {tasks.data.length === 0 ? (
            <p className="px-6 text-sm text-slate-600 dark:text-slate-400">
              {canCreate
                ? 'This board is empty. Type a title under any column and press Enter to add the first task.'
                : 'This board has no tasks yet.'}
            </p>
          ) : null}
          <Board
            projectId={projectId}
            tasks={visible ?? tasks.data}
            directory={directory}
            canEdit={canEdit}
            complete={tasks.complete}
            grouping={filters.group ?? 'none'}
          />
        </>
      ) : (
        <BoardSkeleton />
      )}
      <TaskDrawer tasks={tasks.data} readOnly={!canEdit} />
      <ConflictDialog />
    </main>
  );
}
