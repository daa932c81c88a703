'use client';

import { useMutation } from '@tanstack/react-query';
import { apiRequest, setAccessToken } from '@/lib/api-client';
import { useSession } from '@/modules/auth/hooks/use-session';
import { setQueueOwner } from '@/modules/offline/send-or-queue';
import { forgetCachedPages } from '@/modules/offline/cached-pages';
import { stopRealtime } from '@/modules/realtime/realtime-client';

// In the shell, not auth: signing out closes the socket first, and realtime depends on auth (for
// the session), so auth cannot depend on realtime.
export function useSignOut() {
  const session = useSession();
  const userId = session.status === 'signed-in' ? session.user.id : undefined;
  return useMutation({
    mutationFn: async () => {
      // Closed first: the api drops this user's sockets at logout and this one must not try to come back.
      stopRealtime();
      // Signing out is leaving this device: the saved cache and any unsent changes go with the session.
      setQueueOwner(undefined);
      if (userId)
        await import('@/modules/offline/offline-db')
          .then(({ wipeOfflineData }) => wipeOfflineData(userId))
          .catch(() => undefined);
      await forgetCachedPages().catch(() => undefined);
      return apiRequest('POST', '/auth/logout');
    },
    // Signed out locally even if the api call failed: the user asked to leave. A full page load
    // drops every cached query of this user along with the token.
    onSettled: () => {
      setAccessToken(undefined);
      window.location.replace('/login');
    },
  });
}
