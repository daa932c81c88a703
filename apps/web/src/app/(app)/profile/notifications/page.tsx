import type { Metadata } from 'next';
import Link from 'next/link';
import { NotificationPreferencesForm } from '@/modules/notifications/components/notification-preferences';

export const metadata: Metadata = { title: 'Notification preferences · TeamFlow' };

export default function Page() {
  return (
    <main className="mx-auto flex w-full max-w-2xl flex-col gap-6 px-4 py-8 sm:px-6">
      <div className="flex flex-wrap items-baseline gap-3">
        <h1 className="text-2xl font-bold tracking-tight">Notification preferences</h1>
        <Link href="/notifications" className="text-sm text-indigo-700 hover:underline dark:text-indigo-300">
          Back to notifications
        </Link>
      </div>
      <NotificationPreferencesForm />
    </main>
  );
}
