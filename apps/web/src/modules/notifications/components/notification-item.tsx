'use client';

import { notificationText, type Notification } from '@teamflow/contracts/notifications';

// Plain glyphs (emoji fonts are not everywhere), in a tinted circle per type.
const ICONS: Record<Notification['type'], { glyph: string; tint: string }> = {
  assigned: { glyph: '+', tint: 'bg-indigo-100 text-indigo-700 dark:bg-indigo-900 dark:text-indigo-200' },
  mentioned: { glyph: '@', tint: 'bg-sky-100 text-sky-700 dark:bg-sky-900 dark:text-sky-200' },
  commented: {
    glyph: '“',
    tint: 'bg-emerald-100 text-emerald-700 dark:bg-emerald-900 dark:text-emerald-200',
  },
  due_soon: { glyph: '!', tint: 'bg-amber-100 text-amber-800 dark:bg-amber-900 dark:text-amber-200' },
  check_in_reminder: { glyph: '✓', tint: 'bg-teal-100 text-teal-800 dark:bg-teal-900 dark:text-teal-200' },
  blocker_escalated: { glyph: '▲', tint: 'bg-rose-100 text-rose-800 dark:bg-rose-900 dark:text-rose-200' },
  mood_trend: { glyph: '~', tint: 'bg-violet-100 text-violet-800 dark:bg-violet-900 dark:text-violet-200' },
  // Email only (never in the inbox); listed because every type has an icon.
  daily_digest: { glyph: '≡', tint: 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-200' },
};

const timeFormat = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** "5 minutes ago", "yesterday": close enough for an inbox. */
export function relativeTime(iso: string, now = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const steps: [Intl.RelativeTimeFormatUnit, number][] = [
    ['second', 60],
    ['minute', 60],
    ['hour', 24],
    ['day', 7],
    ['week', 4.35],
    ['month', 12],
  ];
  let value = seconds;
  for (const [unit, size] of steps) {
    if (Math.abs(value) < size) return timeFormat.format(Math.round(value), unit);
    value /= size;
  }
  return timeFormat.format(Math.round(value), 'year');
}

/** What one notification reads like, in the bell's menu and on the inbox page. */
export function NotificationSummary({ notification }: { notification: Notification }) {
  const unread = notification.readAt === null;
  return (
    <span className="flex min-w-0 items-start gap-3">
      <span
        aria-hidden
        className={`mt-0.5 flex h-6 w-6 shrink-0 items-center justify-center rounded-full text-sm font-bold ${ICONS[notification.type].tint}`}
      >
        {ICONS[notification.type].glyph}
      </span>
      <span className="flex min-w-0 flex-col">
        <span
          className={`text-sm ${unread ? 'font-semibold text-slate-900 dark:text-slate-100' : 'text-slate-600 dark:text-slate-400'}`}
        >
          {notificationText(notification)}
        </span>
        <span className="text-xs text-slate-500 dark:text-slate-400">
          {relativeTime(notification.createdAt)}
        </span>
      </span>
      {unread ? (
        <span className="ml-auto mt-1.5 h-2 w-2 shrink-0 rounded-full bg-indigo-600" aria-label="unread" />
      ) : null}
    </span>
  );
}
