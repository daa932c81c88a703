'use client';

import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { notificationPath, type Notification } from '@teamflow/contracts/notifications';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useLatestNotifications, useMarkRead, useUnreadCount } from '../hooks/use-notifications';
import { useNotificationEvents } from '../hooks/use-notification-events';
import { NotificationSummary } from './notification-item';

const itemClass =
  'flex cursor-pointer rounded px-2 py-2 outline-none data-[highlighted]:bg-indigo-50 dark:data-[highlighted]:bg-slate-800';

/** The header bell: unread count (live), and a menu of the latest notifications. */
export function NotificationBell() {
  useNotificationEvents();
  const router = useRouter();
  const count = useUnreadCount();
  const [open, setOpen] = useState(false);
  const unread = count.data ?? 0;
  const label = unread === 0 ? 'Notifications, none unread' : `Notifications, ${unread} unread`;

  return (
    <DropdownMenu.Root open={open} onOpenChange={setOpen}>
      <DropdownMenu.Trigger
        aria-label={label}
        className="relative inline-flex h-9 w-9 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:text-slate-300 dark:hover:bg-slate-800"
      >
        <svg
          aria-hidden
          viewBox="0 0 24 24"
          className="h-5 w-5"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
        >
          <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        {unread > 0 ? (
          <span
            data-testid="unread-badge"
            aria-hidden
            className="absolute -right-0.5 -top-0.5 min-w-5 rounded-full bg-rose-600 px-1 text-center text-xs font-semibold leading-5 text-white"
          >
            {unread > 99 ? '99+' : unread}
          </span>
        ) : null}
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={6}
          className="z-40 w-[min(24rem,calc(100vw-1rem))] rounded-lg border border-slate-200 bg-white p-1 shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          {open ? <BellMenuItems onOpen={(n) => router.push(notificationPath(n))} /> : null}
          <DropdownMenu.Separator className="my-1 h-px bg-slate-200 dark:bg-slate-700" />
          <DropdownMenu.Item
            onSelect={() => router.push('/notifications')}
            className={`${itemClass} text-sm text-indigo-700 dark:text-indigo-300`}
          >
            All notifications…
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

function BellMenuItems({ onOpen }: { onOpen: (n: Notification) => void }) {
  const list = useLatestNotifications();
  const { one, all } = useMarkRead();
  const items = list.data ?? [];
  if (list.isPending) {
    return (
      <p role="status" className="px-2 py-3 text-sm text-slate-500 dark:text-slate-400">
        Loading notifications…
      </p>
    );
  }
  if (list.isError) {
    return (
      <div className="flex items-center justify-between gap-2 px-2 py-2 text-sm text-rose-700 dark:text-rose-400">
        Could not load notifications.
        <DropdownMenu.Item
          onSelect={(e) => {
            e.preventDefault();
            void list.refetch();
          }}
          className={`${itemClass} text-indigo-700 dark:text-indigo-300`}
        >
          Retry
        </DropdownMenu.Item>
      </div>
    );
  }
  if (items.length === 0)
    return <p className="px-2 py-3 text-sm text-slate-500 dark:text-slate-400">You are all caught up.</p>;
  return (
    <>
      {items.some((n) => n.readAt === null) ? (
        <DropdownMenu.Item
          onSelect={(e) => {
            e.preventDefault();
            all.mutate();
          }}
          className={`${itemClass} justify-end text-xs text-indigo-700 dark:text-indigo-300`}
        >
          Mark all read
        </DropdownMenu.Item>
      ) : null}
      {items.map((n) => (
        <DropdownMenu.Item
          key={n.id}
          onSelect={() => {
            if (n.readAt === null) one.mutate(n.id);
            onOpen(n);
          }}
          className={itemClass}
        >
          <NotificationSummary notification={n} />
        </DropdownMenu.Item>
      ))}
    </>
  );
}
