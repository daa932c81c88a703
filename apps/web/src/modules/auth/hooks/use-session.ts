'use client';

import { MeResponse } from '@teamflow/contracts/auth';
import type { User } from '@teamflow/contracts/users';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { apiRequest, onSessionEnd, refreshAccessToken } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/** Restores a session from the refresh cookie: one refresh, then who the user is. */
async function restoreSession(): Promise<User | null> {
  if (!(await refreshAccessToken())) return null;
  const { user } = await apiRequest('GET', '/auth/me', { schema: MeResponse });
  return user;
}

export type SessionState =
  { status: 'loading' } | { status: 'signed-out' } | { status: 'signed-in'; user: User };

/** The signed-in user; the first call on a page load silently restores the session once. */
export function useSession(): SessionState {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: queryKeys.session,
    queryFn: restoreSession,
    staleTime: Infinity,
    retry: false,
  });

  // A failed silent refresh mid-session means the cookie is gone or revoked: drop to signed out.
  useEffect(() => onSessionEnd(() => queryClient.setQueryData(queryKeys.session, null)), [queryClient]);

  if (query.isPending) return { status: 'loading' };
  if (!query.data) return { status: 'signed-out' };
  return { status: 'signed-in', user: query.data };
}
