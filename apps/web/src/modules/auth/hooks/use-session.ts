'use client';

import { MeResponse } from '@teamflow/contracts/auth';
import type { User } from '@teamflow/contracts/users';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { apiRequest, onSessionEnd, refreshAccessToken } from '@/lib/api-client';
import { isApiError, isTransient } from '@/lib/api-error';
import { retryWait } from '@/lib/query-client';
import { queryKeys } from '@/lib/query-keys';
import { setQueueOwner } from '@/modules/offline/send-or-queue';

/**
 * Restores a session from the refresh cookie: one refresh, then who the user is. Without a network
 * (a reload on the train) the person signed in last gets their saved cache back and no token: the
 * first request once the network is back refreshes it, or asks them to sign in again.
 */
async function restoreSession(queryClient: QueryClient): Promise<User | null> {
  try {
    if (!(await refreshAccessToken())) return null;
  } catch (error) {
    if (!isApiError(error, 0)) throw error;
    // Loaded only here: IndexedDB code stays out of the first load of pages that never need it.
    const [{ lastUser }, { restoreCache }] = await Promise.all([
      import('@/modules/offline/offline-db'),
      import('@/modules/offline/persisted-cache'),
    ]);
    const user = await lastUser().catch(() => undefined);
    if (!user) throw error;
    await restoreCache(queryClient, user.id).catch(() => false);
    return user;
  }
  const me = await apiRequest('GET', '/auth/me', { schema: MeResponse });
  const { user } = me;
  // The same answer the header's admin check reads: one `auth/me` per page load, not two.
  queryClient.setQueryData(queryKeys.me, me);
  // Not awaited by the page: who signed in last, for a reload without a network.
  void import('@/modules/offline/offline-db')
    .then(({ rememberUser }) => rememberUser(user))
    .catch(() => undefined);
  return user;
}

/** Tries of a page load's session restore the api could not answer. */
const RESTORE_ATTEMPTS = 6;

export type SessionState =
  | {
      status: 'loading';
      /** Why the restore is being tried again, once an attempt failed: rate limited, or the api away. */
      retrying?: 'rate-limited' | 'unavailable';
    }
  | { status: 'signed-out' }
  | { status: 'signed-in'; user: User };

/** The signed-in user; the first call on a page load silently restores the session once. */
export function useSession(): SessionState {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: queryKeys.session,
    queryFn: () => restoreSession(queryClient),
    staleTime: Infinity,
    // A refresh the api could not answer (rate limited, failing) says nothing about the session:
    // keep restoring, when the api says to (its Retry-After) or with a growing pause, instead of
    // sending a signed-in person to the sign-in page. Without a network, the saved cache is used.
    retry: (failures, error) => failures < RESTORE_ATTEMPTS && isTransient(error) && error.status !== 0,
    retryDelay: retryWait,
    // Runs offline too (a paused session query would keep the app on its skeleton).
    networkMode: 'always',
  });

  // A failed silent refresh mid-session means the cookie is gone or revoked: drop to signed out.
  useEffect(() => onSessionEnd(() => queryClient.setQueryData(queryKeys.session, null)), [queryClient]);

  // Writes made offline join this person's queue from the moment the session is known (restored,
  // signed in, or taken from the last user offline), not once the queue's runner has loaded.
  const userId = query.data?.id;
  useEffect(() => setQueueOwner(userId), [userId]);

  if (query.isPending) {
    const failure = query.failureReason;
    if (!failure) return { status: 'loading' };
    return { status: 'loading', retrying: isApiError(failure, 429) ? 'rate-limited' : 'unavailable' };
  }
  if (!query.data) return { status: 'signed-out' };
  return { status: 'signed-in', user: query.data };
}
