'use client';

import { useMutation } from '@tanstack/react-query';
import { apiRequest, setAccessToken } from '@/lib/api-client';
import { stopRealtime } from '@/modules/realtime/realtime-client';

// In the shell, not auth: signing out closes the socket first, and realtime depends on auth (for
// the session), so auth cannot depend on realtime.
export function useSignOut() {
  return useMutation({
    mutationFn: () => {
      // Closed first: the api drops this user's sockets at logout and this one must not try to come back.
      stopRealtime();
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
