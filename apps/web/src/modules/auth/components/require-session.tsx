'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useEffect, type ReactNode } from 'react';
import { SkeletonList } from '@/modules/ui/components/skeleton';
import { useSession } from '../hooks/use-session';

/** Renders its children only for a signed-in user; otherwise sends them to /login?next=<here>. */
export function RequireSession({ children }: { children: ReactNode }) {
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
      </div>
    );
  }
  return children;
}
