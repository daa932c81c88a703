'use client';

import { knownActivity, type Activity, type KnownActivity } from '@teamflow/contracts/activity';
import { ShowMoreButton } from '@/modules/ui/components/show-more-button';
import { useTaskActivity } from '../hooks/use-task-activity';

const timeFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

/** Who did it: the member, or the integration that acted on its own (a GitHub link or merge). */
function performer(entry: Activity, known: KnownActivity | null): string {
  if (entry.actor) return entry.actor.name;
  const task = known?.entityType === 'task' ? known : null;
  const viaGithub =
    (task?.action === 'moved' ||
      task?.action === 'commit_linked' ||
      task?.action === 'pull_request_linked') &&
    task.changes.integration === 'github';
  return viaGithub ? 'GitHub' : 'System';
}

/** "moved", "label added", "updated: title, status" (the fields of a task edit), "commented". */
function describe(entry: Activity, known: KnownActivity | null): string {
  const verb = entry.action.replace(/[._]/g, ' ').toLowerCase();
  const what = entry.entityType === 'task' ? '' : ` ${entry.entityType}`;
  const fields = known?.entityType === 'task' && known.action === 'updated' ? Object.keys(known.changes) : [];
  return fields.length > 0 ? `${verb}${what}: ${fields.join(', ')}` : `${verb}${what}`;
}

export function TaskActivity({ taskId }: { taskId: string }) {
  const activity = useTaskActivity(taskId);
  return (
    <section aria-labelledby="activity-heading" className="flex flex-col gap-2">
      <h3 id="activity-heading" className="text-sm font-semibold">
        Activity
      </h3>
      {activity.isError && !activity.isFetchNextPageError ? (
        <p className="text-sm text-rose-700 dark:text-rose-400">{activity.error.message}</p>
      ) : null}
      <ol
        aria-labelledby="activity-heading"
        className="flex flex-col gap-1 border-l border-slate-200 pl-3 dark:border-slate-700"
      >
        {activity.items.map((entry) => {
          const known = knownActivity(entry);
          return (
            <li key={entry.id} className="text-xs text-slate-600 dark:text-slate-400">
              <span className="font-medium text-slate-800 dark:text-slate-200">
                {performer(entry, known)}
              </span>{' '}
              {describe(entry, known)} · {timeFormat.format(new Date(entry.createdAt))}
            </li>
          );
        })}
      </ol>
      <ShowMoreButton feed={activity}>Show older activity</ShowMoreButton>
    </section>
  );
}
