'use client';

import Link from 'next/link';
import { STATUS_LABEL } from '@/modules/tasks/task-status';
import { useBoardTasks } from '@/modules/tasks/hooks/use-board-tasks';
import { Button } from '@/modules/ui/components/button';
import { FormError } from '@/modules/ui/components/form-error';
import { SkeletonList } from '@/modules/ui/components/skeleton';
import { useBurndown, useSprint } from '../hooks/use-sprints';
import { BurndownPanel } from './sprint-charts';
import { SprintStateBadge, sprintDates } from './sprint-header';
import { ProjectViewTabs } from '@/modules/projects/components/project-view-tabs';

function Figure({ label, value, hint }: { label: string; value: string | number; hint?: string }) {
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900">
      <dt className="text-sm text-slate-600 dark:text-slate-400">{label}</dt>
      <dd className="text-2xl font-semibold tabular-nums">{value}</dd>
      {hint ? <dd className="text-xs text-slate-500 dark:text-slate-400">{hint}</dd> : null}
    </div>
  );
}

/** One sprint at a glance: what was committed, what got done, what carried over, and the burndown. */
export function SprintReportPage({
  workspaceId,
  projectId,
  sprintId,
}: {
  workspaceId: string;
  projectId: string;
  sprintId: string;
}) {
  const sprint = useSprint(sprintId);
  const burndown = useBurndown(sprintId);
  const tasks = useBoardTasks(projectId);
  const error = sprint.error ?? burndown.error;
  const last = burndown.data?.days.filter((d) => d.remainingPoints !== null).at(-1);
  const scope = last?.scopePoints ?? sprint.data?.totalPoints ?? 0;
  const remaining = last?.remainingPoints ?? 0;
  const added = burndown.data?.days.reduce((n, d) => n + d.addedPoints, 0) ?? 0;
  const removed = burndown.data?.days.reduce((n, d) => n + d.removedPoints, 0) ?? 0;
  const members = (tasks.data ?? []).filter((t) => t.sprintId === sprintId);
  const sprintsHref = `/w/${workspaceId}/p/${projectId}/sprints`;

  return (
    <main className="flex flex-col gap-6 px-4 py-6 sm:px-6">
      <div className="flex flex-col gap-2">
        <nav aria-label="Breadcrumb" className="text-sm text-slate-500 dark:text-slate-400">
          <Link href={sprintsHref} className="hover:text-indigo-700">
            Sprints
          </Link>{' '}
          / Report
        </nav>
        <h1 className="flex flex-wrap items-center gap-2 text-2xl font-bold tracking-tight">
          {sprint.data?.name ?? 'Sprint'}{' '}
          {sprint.data ? <SprintStateBadge state={sprint.data.state} /> : null}
        </h1>
        {sprint.data ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {sprintDates(sprint.data)}
            {sprint.data.goal ? ` · Goal: ${sprint.data.goal}` : ''}
          </p>
        ) : null}
        <ProjectViewTabs workspaceId={workspaceId} projectId={projectId} current="sprints" />
      </div>
      {error ? (
        <div className="flex flex-col items-start gap-2">
          <FormError message={error.message} />
          <Button
            variant="secondary"
            onClick={() => void Promise.all([sprint.refetch(), burndown.refetch()])}
          >
            Try again
          </Button>
        </div>
      ) : !sprint.data || !burndown.data ? (
        <SkeletonList rows={3} label="Loading the sprint report" />
      ) : (
        <>
          <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
            <Figure
              label="Committed"
              value={`${burndown.data.committedPoints} pts`}
              hint={`${burndown.data.committedTasks} ${burndown.data.committedTasks === 1 ? 'task' : 'tasks'} at the start`}
            />
            <Figure
              label={sprint.data.state === 'completed' ? 'Final scope' : 'Scope now'}
              value={`${scope} pts`}
              hint={`+${added} added, −${removed} removed`}
            />
            <Figure label="Completed" value={`${scope - remaining} pts`} />
            <Figure
              label={sprint.data.state === 'completed' ? 'Carried over' : 'Remaining'}
              value={`${remaining} pts`}
              hint={
                last?.remainingTasks != null
                  ? `${last.remainingTasks} ${last.remainingTasks === 1 ? 'task' : 'tasks'}`
                  : undefined
              }
            />
          </dl>
          <BurndownPanel sprint={sprint.data} />
          <section aria-labelledby="sprint-tasks" className="flex flex-col gap-2">
            <h2 id="sprint-tasks" className="font-semibold">
              Tasks in this sprint
            </h2>
            {members.length === 0 ? (
              <p className="text-sm text-slate-600 dark:text-slate-400">No tasks are in this sprint now.</p>
            ) : (
              <table className="w-full text-left text-sm">
                <thead>
                  <tr className="border-b border-slate-200 text-slate-500 dark:text-slate-400 dark:border-slate-700">
                    <th scope="col" className="py-1 pr-3 font-medium">
                      Task
                    </th>
                    <th scope="col" className="py-1 pr-3 font-medium">
                      Status
                    </th>
                    <th scope="col" className="py-1 font-medium">
                      Points
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {members.map((t) => (
                    <tr key={t.id} className="border-b border-slate-100 dark:border-slate-800">
                      <td className="py-1 pr-3">
                        <span className="mr-2 text-xs font-semibold text-slate-500 dark:text-slate-400">
                          {t.key}
                        </span>
                        {t.title}
                      </td>
                      <td className="py-1 pr-3">{STATUS_LABEL[t.status]}</td>
                      <td className="py-1 tabular-nums">{t.storyPoints ?? '–'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </>
      )}
    </main>
  );
}
