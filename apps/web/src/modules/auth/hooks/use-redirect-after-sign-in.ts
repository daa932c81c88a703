'use client';

import { useRouter, useSearchParams } from 'next/navigation';
import { useEffect } from 'react';
import { safeNextPath } from '@/lib/safe-next-path';
import { useSession } from './use-session';

/** On the sign-in pages: once a session exists (restored or new), go where the user was headed. */
export function useRedirectAfterSignIn(): { nextPath: string; checking: boolean } {
  const session = useSession();
  const router = useRouter();
  const nextPath = safeNextPath(useSearchParams().get('next'));
  useEffect(() => {
    if (session.status === 'signed-in') router.replace(nextPath);
  }, [session.status, router, nextPath]);
  return { nextPath, checking: session.status !== 'signed-out' };
}
