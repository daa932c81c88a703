'use client';

import { notificationPath } from '@teamflow/contracts/notifications';
import Link from 'next/link';
import { useState } from 'react';
import { Button } from '@/modules/ui/components/button';
import { EmptyState } from '@/modules/ui/components/empty-state';
import { ShowMoreButton } from '@/modules/ui/components/show-more-button';
import { SkeletonList } from '@/modules/ui/components/skeleton';
import { useMarkRead, useNotificationList, useUnreadCount } from '../hooks/use-notifications';
import { NotificationSummary } from './notification-item';

/** The inbox: all or unread, newest first, mark one or all read; a click opens the task. */
export function NotificationsPage() {
  const [filter, setFilter] = useState<'all' | 'unread'>('all');
  const list = useNotificationList(filter);
  const count = useUnreadCount();
  const { one, all } = useMarkRead();
  const items = list.items;

  return (
    <main className="mx-auto flex w-full max-w-2xl flex-col gap-6 px-4 py-8 sm:px-6">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold tracking-tight">Notifications</h1>
        <Link
          href="/profile/notifications"
          className="text-sm text-indigo-700 hover:underline dark:text-indigo-300"
        >
          Preferences
        </Link>
        <div className="ml-auto flex items-center gap-2">
          <div
            role="group"
            aria-label="Show"
            className="flex rounded-md border border-slate-300 dark:border-slate-600"
          >
            {(['all', 'unread'] as const).map((f) => (
              <button
                key={f}
                type="button"
                aria-pressed={filter === f}
                onClick={() => setFilter(f)}
                className={`px-3 py-1.5 text-sm first:rounded-l-md last:rounded-r-md ${filter === f ? 'bg-indigo-600 text-white' : 'text-slate-700 dark:text-slate-300'}`}
              >
                {f === 'all' ? 'All' : 'Unread'}
              </button>
            ))}
          </div>
          <Button variant="secondary" disabled={!count.data || all.isPending} onClick={() => all.mutate()}>
            Mark all read
          </Button>
        </div>
      </div>
      {list.isPending ? (
        <SkeletonList label="Loading notifications" rows={4} />
      ) : list.isError && !list.isFetchNextPageError ? (
        <div role="alert" className="flex items-center gap-3 text-sm text-rose-700 dark:text-rose-400">
          Could not load notifications: {list.error.message}
          <Button variant="secondary" onClick={() => void list.refetch()}>
            Retry
          </Button>
        </div>
      ) : items.length === 0 ? (
        <EmptyState title={filter === 'unread' ? 'Nothing unread' : 'No notifications yet'}>
          You hear here when someone assigns you, mentions you or comments on your tasks.
        </EmptyState>
      ) : (
        <ul
          aria-label="Notifications"
          className="flex flex-col divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white dark:divide-slate-700 dark:border-slate-700 dark:bg-slate-900"
        >
          {items.map((n) => (
            <li key={n.id} className="flex items-center gap-2 px-3 py-2">
              <Link
                href={notificationPath(n)}
                onClick={() => {
                  if (n.readAt === null) one.mutate(n.id);
                }}
                className="min-w-0 flex-1 rounded px-1 py-1 hover:bg-slate-50 dark:hover:bg-slate-800"
              >
                <NotificationSummary notification={n} />
              </Link>
              {n.readAt === null ? (
                <Button variant="ghost" aria-label="Mark read" onClick={() => one.mutate(n.id)}>
                  ✓
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <ShowMoreButton feed={list}>Show older notifications</ShowMoreButton>
    </main>
  );
}
