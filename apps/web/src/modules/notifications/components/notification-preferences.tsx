'use client';

import {
  EMAIL_ONLY_TYPES,
  type NotificationPreference,
  type NotificationType,
} from '@teamflow/contracts/notifications';
import { Button } from '@/modules/ui/components/button';
import { SkeletonList } from '@/modules/ui/components/skeleton';
import { useNotificationPreferences, useUpdatePreference } from '../hooks/use-notification-preferences';

const LABELS: Record<NotificationType, { title: string; hint: string }> = {
  assigned: { title: 'Assigned to you', hint: 'Someone adds you to a task' },
  mentioned: { title: 'Mentions', hint: '@you in a comment or a task description' },
  commented: { title: 'Comments', hint: 'On tasks you created, are assigned to, or watch' },
  due_soon: { title: 'Due soon', hint: 'Your open tasks due within 24 hours' },
  check_in_reminder: { title: 'Check-in reminders', hint: 'On a check-in day with no update from you yet' },
  blocker_escalated: {
    title: 'Blocker escalations',
    hint: 'A blocker left open too long (owners and admins)',
  },
  mood_trend: {
    title: 'Team mood trend',
    hint: 'The team average stays below 2.5 for 3 days (owners and admins)',
  },
  daily_digest: {
    title: 'Daily digest',
    hint: "Each workspace's digest of the day by email, with a link to it (off unless you turn it on)",
  },
};

/** Per type: in the app, and by email (a digest of what is still unread after a while). */
export function NotificationPreferencesForm() {
  const prefs = useNotificationPreferences();
  const update = useUpdatePreference();

  if (prefs.isPending) return <SkeletonList label="Loading preferences" rows={4} />;
  if (prefs.isError) {
    return (
      <div role="alert" className="flex items-center gap-3 text-sm text-rose-700 dark:text-rose-400">
        Could not load your preferences: {prefs.error.message}
        <Button variant="secondary" onClick={() => void prefs.refetch()}>
          Retry
        </Button>
      </div>
    );
  }
  const set = (item: NotificationPreference, change: Partial<NotificationPreference>) =>
    update.mutate({ ...item, ...change });

  return (
    <table className="w-full text-left text-sm">
      <caption className="mb-3 text-left text-slate-600 dark:text-slate-400">
        Email is a digest of notifications still unread after a while (30 minutes unless your admin changed
        it), so it needs the in-app notification on. The daily digest is an email of its own.
      </caption>
      <thead>
        <tr className="border-b border-slate-200 dark:border-slate-700">
          <th scope="col" className="py-2 font-medium">
            Notification
          </th>
          <th scope="col" className="w-20 py-2 text-center font-medium">
            In app
          </th>
          <th scope="col" className="w-20 py-2 text-center font-medium">
            Email
          </th>
        </tr>
      </thead>
      <tbody>
        {prefs.data.map((item) => {
          const emailOnly = EMAIL_ONLY_TYPES.includes(item.type);
          return (
            <tr key={item.type} className="border-b border-slate-100 dark:border-slate-800">
              <th scope="row" className="py-3 font-normal">
                <span className="block font-medium">{LABELS[item.type].title}</span>
                <span className="block text-xs text-slate-500 dark:text-slate-400">
                  {LABELS[item.type].hint}
                </span>
              </th>
              <td className="text-center">
                {emailOnly ? (
                  <span
                    className="text-xs text-slate-500 dark:text-slate-400"
                    title="Email only: in the app it is the Digest page"
                  >
                    —
                  </span>
                ) : (
                  <input
                    type="checkbox"
                    className="h-4 w-4 accent-indigo-600"
                    aria-label={`${LABELS[item.type].title} in the app`}
                    checked={item.inApp}
                    onChange={(e) => set(item, { inApp: e.target.checked })}
                  />
                )}
              </td>
              <td className="text-center">
                <input
                  type="checkbox"
                  className="h-4 w-4 accent-indigo-600 disabled:opacity-40"
                  aria-label={`${LABELS[item.type].title} by email`}
                  checked={item.email && (item.inApp || emailOnly)}
                  disabled={!item.inApp && !emailOnly}
                  onChange={(e) => set(item, { email: e.target.checked })}
                />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
