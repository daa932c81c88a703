'use client';

import { AuthSession, type Login, type Register } from '@teamflow/contracts/auth';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, setAccessToken } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import { stopRealtime } from '@/modules/realtime/realtime-client';

function useStartSession() {
  const queryClient = useQueryClient();
  return (session: AuthSession) => {
    setAccessToken(session.accessToken);
    queryClient.setQueryData(queryKeys.session, session.user);
  };
}

export function useSignIn() {
  const startSession = useStartSession();
  return useMutation({
    mutationFn: (body: Login) => apiRequest('POST', '/auth/login', { body, schema: AuthSession }),
    onSuccess: startSession,
  });
}

export function useSignUp() {
  const startSession = useStartSession();
  return useMutation({
    mutationFn: (body: Register) => apiRequest('POST', '/auth/register', { body, schema: AuthSession }),
    onSuccess: startSession,
  });
}

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
