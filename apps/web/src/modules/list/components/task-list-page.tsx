'use client';

import { TaskSort, TaskStatus, type Task } from '@teamflow/contracts/tasks';
import Link from 'next/link';
import { ProjectViewTabs } from '@/modules/projects/components/project-view-tabs';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { STATUS_LABEL } from '@/modules/tasks/task-status';
import { ConflictDialog } from '@/modules/tasks/components/conflict-dialog';
import { TaskDrawer } from '@/modules/tasks/components/task-drawer';
import { useProject } from '@/modules/projects/hooks/use-projects';
import { Button } from '@/modules/ui/components/button';
import { FormError } from '@/modules/ui/components/form-error';
import { SkeletonList } from '@/modules/ui/components/skeleton';
import { useCan } from '@/modules/workspaces/hooks/use-permission';
import { useWorkspace } from '@/modules/workspaces/hooks/use-workspaces';
import { useBulkStatus, type BulkResult } from '../hooks/use-bulk-status';
import { useTaskList } from '../hooks/use-task-list';
import { SortHeader } from './sort-header';
import { TaskRow } from './task-row';

function summary(result: BulkResult): string {
  const parts = [`${result.updated.length} updated`];
  if (result.conflicts.length > 0)
    parts.push(
      `${result.conflicts.length} changed by someone else and left as they were: ${result.conflicts.join(', ')}`,
    );
  if (result.failed.length > 0)
    parts.push(`${result.failed.length} failed: ${result.failed.map((f) => f.key).join(', ')}`);
  return parts.join('; ');
}

export function TaskListPage({ workspaceId, projectId }: { workspaceId: string; projectId: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const parsedSort = TaskSort.safeParse(params.get('sort'));
  const sort = parsedSort.success ? parsedSort.data : 'position';
  const project = useProject(projectId);
  const { workspace } = useWorkspace(workspaceId);
  const tasks = useTaskList(projectId, sort);
  const canEdit = useCan(workspaceId, 'task.update');
  const bulk = useBulkStatus(projectId);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [bulkStatus, setBulkStatus] = useState<TaskStatus>('done');
  const [result, setResult] = useState<string>();

  const setSort = (next: TaskSort) => {
    const query = new URLSearchParams(params.toString());
    query.set('sort', next);
    router.replace(`${pathname}?${query}`, { scroll: false });
  };
  const items = tasks.data ?? [];
  const allSelected = items.length > 0 && items.every((t) => selected.has(t.id));
  const toggle = (id: string, on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const applyBulk = () => {
    const chosen: Task[] = items.filter((t) => selected.has(t.id));
    bulk.mutate(
      { tasks: chosen, status: bulkStatus },
      {
        onSuccess: (r) => {
          setResult(summary(r));
          setSelected(new Set());
        },
      },
    );
  };
  const headerProps = { current: sort, onSort: setSort };

  return (
    <main className="flex flex-col gap-4 px-4 py-6 sm:px-6">
      <div>
        <nav aria-label="Breadcrumb" className="text-sm text-slate-500 dark:text-slate-400">
          <Link href={`/w/${workspaceId}`} className="hover:text-indigo-700">
            {workspace?.name ?? 'Workspace'}
          </Link>{' '}
          / List
        </nav>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-bold tracking-tight">{project.data?.name ?? 'Project'}</h1>
          <ProjectViewTabs workspaceId={workspaceId} projectId={projectId} current="list" />
        </div>
      </div>
      {canEdit ? (
        <div className="flex flex-wrap items-center gap-2 text-sm" aria-label="Bulk actions" role="group">
          <span>{selected.size} selected</span>
          <select
            aria-label="New status for selected tasks"
            value={bulkStatus}
            onChange={(event) => setBulkStatus(TaskStatus.parse(event.target.value))}
            className="rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-900"
          >
            {TaskStatus.options.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABEL[s]}
              </option>
            ))}
          </select>
          <Button variant="secondary" disabled={selected.size === 0 || bulk.isPending} onClick={applyBulk}>
            {bulk.isPending ? 'Updating…' : 'Set status'}
          </Button>
          {result ? (
            <p role="status" className="text-slate-700 dark:text-slate-300">
              {result}
            </p>
          ) : null}
        </div>
      ) : null}
      {tasks.error ? <FormError message={tasks.error.message} /> : null}
      {tasks.data ? (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900">
          <table className="w-full min-w-[40rem] text-sm">
            <thead className="bg-slate-50 text-slate-600 dark:bg-slate-800 dark:text-slate-300">
              <tr>
                {canEdit ? (
                  <th scope="col" className="px-3 py-2 text-left">
                    <input
                      type="checkbox"
                      aria-label="Select all tasks"
                      checked={allSelected}
                      onChange={(event) =>
                        setSelected(event.target.checked ? new Set(items.map((t) => t.id)) : new Set())
                      }
                    />
                  </th>
                ) : null}
                <SortHeader label="Key" asc="createdAt" desc="-createdAt" {...headerProps} />
                <SortHeader label="Title" asc="position" {...headerProps} />
                <th scope="col" className="px-3 py-2 text-left font-semibold">
                  Status
                </th>
                <SortHeader label="Priority" asc="priority" {...headerProps} />
                <SortHeader label="Due" asc="dueDate" {...headerProps} />
                <SortHeader label="Updated" asc="updatedAt" desc="-updatedAt" {...headerProps} />
              </tr>
            </thead>
            <tbody>
              {items.map((task) => (
                <TaskRow
                  key={task.id}
                  task={task}
                  canEdit={canEdit}
                  selected={selected.has(task.id)}
                  onSelect={(on) => toggle(task.id, on)}
                />
              ))}
            </tbody>
          </table>
          {items.length === 0 ? (
            <p className="p-4 text-sm text-slate-600 dark:text-slate-400">This project has no tasks yet.</p>
          ) : null}
        </div>
      ) : (
        <SkeletonList rows={5} label="Loading tasks" />
      )}
      <TaskDrawer tasks={tasks.data} readOnly={!canEdit} />
      <ConflictDialog />
    </main>
  );
}
