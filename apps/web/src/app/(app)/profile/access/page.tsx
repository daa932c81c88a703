import type { Metadata } from 'next';
import Link from 'next/link';
import { AccessSettings } from '@/modules/profile/components/access-settings';

export const metadata: Metadata = { title: 'API tokens and calendar · TeamFlow' };

export default function Page() {
  return (
    <main className="mx-auto flex w-full max-w-2xl flex-col gap-6 px-4 py-8 sm:px-6">
      <div className="flex flex-wrap items-baseline gap-3">
        <h1 className="text-2xl font-bold tracking-tight">API tokens and calendar</h1>
        <Link href="/profile" className="text-sm text-indigo-700 hover:underline dark:text-indigo-300">
          Back to your profile
        </Link>
      </div>
      <AccessSettings />
    </main>
  );
}
