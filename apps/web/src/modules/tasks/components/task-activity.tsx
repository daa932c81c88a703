'use client';

import { ShowMoreButton } from '@/modules/ui/components/show-more-button';
import { useTaskActivity } from '../hooks/use-task-activity';

const timeFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

function describe(action: string, entityType: string, changes: Record<string, unknown>): string {
  const fields = Object.keys(changes).filter((f) => f !== 'version');
  const verb = action.replace(/[._]/g, ' ').toLowerCase();
  const what = entityType === 'task' ? '' : ` ${entityType}`;
  return fields.length > 0 && verb.includes('updat')
    ? `${verb}${what}: ${fields.join(', ')}`
    : `${verb}${what}`;
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
        {activity.items.map((entry) => (
          <li key={entry.id} className="text-xs text-slate-600 dark:text-slate-400">
            <span className="font-medium text-slate-800 dark:text-slate-200">
              {entry.actor?.name ?? (entry.changes.integration === 'github' ? 'GitHub' : 'System')}
            </span>{' '}
            {describe(entry.action, entry.entityType, entry.changes)} ·{' '}
            {timeFormat.format(new Date(entry.createdAt))}
          </li>
        ))}
      </ol>
      <ShowMoreButton feed={activity}>Show older activity</ShowMoreButton>
    </section>
  );
}
