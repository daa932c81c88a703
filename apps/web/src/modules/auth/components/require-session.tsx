'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useEffect, type ReactNode } from 'react';
import { SkeletonList } from '@/modules/ui/components/skeleton';
import { useSession } from '../hooks/use-session';

// A restore the api could not answer is tried again (use-session.ts): say so, not just a skeleton.
const RETRYING = {
  'rate-limited':
    'Too many requests from you in the last minute: TeamFlow will load as soon as the server lets it.',
  unavailable: 'The TeamFlow server is not answering right now: trying again…',
} as const;

/**
 * Renders its children only for a signed-in user; otherwise sends them to /login?next=<here>.
 * `whileRestoring` renders beside the skeleton while a page load restores the session (a page's
 * prefetch that needs only the access token, not who the user is).
 */
export function RequireSession({
  children,
  whileRestoring,
}: {
  children: ReactNode;
  whileRestoring?: ReactNode;
}) {
  const session = useSession();
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams().toString();

  useEffect(() => {
    if (session.status !== 'signed-out') return;
    const here = search ? `${pathname}?${search}` : pathname;
    router.replace(`/login?next=${encodeURIComponent(here)}`);
  }, [session.status, router, pathname, search]);

  if (session.status !== 'signed-in') {
    return (
      <div className="mx-auto max-w-3xl px-6 py-16">
        <SkeletonList rows={4} label="Restoring your session" />
        {session.status === 'loading' && session.retrying ? (
          <p role="status" className="mt-4 text-sm text-slate-600 dark:text-slate-300">
            {RETRYING[session.retrying]}
          </p>
        ) : null}
        {session.status === 'loading' ? whileRestoring : null}
      </div>
    );
  }
  return children;
}
