'use client';

import { useMemo } from 'react';
import { formatLocalDate, shiftDate, todayIn } from '@/lib/local-dates';
import { useSession } from '@/modules/auth/hooks/use-session';
import { useTimeZone } from '@/modules/auth/hooks/use-time-zone';
import { MarkdownView } from '@/modules/markdown/components/markdown-view';
import { EmptyState } from '@/modules/ui/components/empty-state';
import { SkeletonList } from '@/modules/ui/components/skeleton';
import { useCan } from '@/modules/workspaces/hooks/use-permission';
import { useCheckInsOn, useStatusUpdates } from '../hooks/use-check-ins';
import { AreaPage, TaskKeyLinks } from './area-page';
import { AwayForm } from './away-form';
import { CheckInForm } from './check-in-form';

const FEED_DAYS = 7;

/** Today's check-in (draft prefilled), who has posted / is missing / is away, and the team's feed by day. */
export function UpdatesPage({ workspaceId }: { workspaceId: string }) {
  const zone = useTimeZone();
  const today = todayIn(zone);
  const from = shiftDate(today, -(FEED_DAYS - 1));
  const session = useSession();
  const selfId = session.status === 'signed-in' ? session.user.id : undefined;
  const canPost = useCan(workspaceId, 'statusUpdate.create');
  const feed = useStatusUpdates(workspaceId, from, today);
  const who = useCheckInsOn(workspaceId, today);
  const mine = feed.data?.items.find((u) => u.userId === selfId && u.date === today);
  const items = feed.data?.items;
  const byDay = useMemo(() => {
    const days = new Map<string, NonNullable<typeof items>>();
    for (const u of items ?? []) days.set(u.date, [...(days.get(u.date) ?? []), u]);
    return [...days.entries()];
  }, [items]);

  return (
    <AreaPage
      workspaceId={workspaceId}
      title="Updates"
      intro="Daily check-ins instead of a stand-up: what you did, what you are doing, what is in your way."
    >
      {canPost ? (
        <section
          aria-labelledby="checkin-heading"
          className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900"
        >
          <h2 id="checkin-heading" className="text-lg font-semibold">
            Your check-in for {formatLocalDate(today, 'long')}
          </h2>
          {feed.isPending ? (
            <SkeletonList label="Loading your check-in" rows={2} />
          ) : mine ? (
            <div className="flex flex-col gap-2" data-testid="my-check-in">
              <p className="text-sm text-emerald-700 dark:text-emerald-300">You have checked in today.</p>
              {mine.mood ? <p className="text-sm">Your mood: {mine.mood} / 5 (only you see this)</p> : null}
            </div>
          ) : (
            <CheckInForm workspaceId={workspaceId} date={today} />
          )}
        </section>
      ) : null}

      <section aria-labelledby="today-heading" className="flex flex-col gap-2">
        <h2 id="today-heading" className="text-lg font-semibold">
          Today
        </h2>
        {who.data ? (
          <dl className="grid gap-3 sm:grid-cols-3" data-testid="who-checked-in">
            {(
              [
                ['Posted', who.data.posted],
                ['Missing', who.data.missing],
                ['Away', who.data.away],
              ] as const
            ).map(([label, people]) => (
              <div key={label} className="rounded-lg border border-slate-200 p-3 dark:border-slate-700">
                <dt className="text-sm font-medium text-slate-600 dark:text-slate-400">
                  {label} ({people.length})
                </dt>
                <dd className="mt-1 text-sm">{people.length ? people.map((p) => p.name).join(', ') : '—'}</dd>
              </div>
            ))}
          </dl>
        ) : (
          <SkeletonList label="Loading who checked in" rows={1} />
        )}
      </section>

      <section aria-labelledby="feed-heading" className="flex flex-col gap-4">
        <h2 id="feed-heading" className="text-lg font-semibold">
          The team&apos;s last {FEED_DAYS} days
        </h2>
        {feed.isPending ? (
          <SkeletonList label="Loading updates" rows={3} />
        ) : byDay.length === 0 ? (
          <EmptyState title="No check-ins yet">Post yours above: the team sees it here, live.</EmptyState>
        ) : (
          byDay.map(([date, updates]) => (
            <div key={date} className="flex flex-col gap-2">
              <h3 className="text-sm font-semibold text-slate-600 dark:text-slate-400">
                {formatLocalDate(date, 'long')}
              </h3>
              <ul className="flex flex-col gap-3" aria-label={`Updates for ${date}`}>
                {updates.map((u) => (
                  <li
                    key={u.id}
                    data-testid="status-update"
                    className="rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-700 dark:bg-slate-900"
                  >
                    <p className="font-medium">{u.user.name}</p>
                    <div className="mt-2 grid gap-3 sm:grid-cols-3">
                      {(
                        [
                          ['Done', u.done],
                          ['Doing', u.doing],
                          ['Blockers', u.blockers],
                        ] as const
                      ).map(([label, text]) => (
                        <div key={label} className="min-w-0 text-sm">
                          <p className="text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">
                            {label}
                          </p>
                          {text.trim() ? (
                            <MarkdownView source={text} workspaceId={workspaceId} />
                          ) : (
                            <p className="text-slate-500 dark:text-slate-400">—</p>
                          )}
                        </div>
                      ))}
                    </div>
                    <TaskKeyLinks workspaceId={workspaceId} tasks={u.tasks} />
                  </li>
                ))}
              </ul>
            </div>
          ))
        )}
      </section>

      <section aria-labelledby="away-heading" className="flex flex-col gap-2">
        <h2 id="away-heading" className="text-lg font-semibold">
          Time off
        </h2>
        <AwayForm />
      </section>
    </AreaPage>
  );
}
