'use client';

import {
  AuthSession,
  type ForgotPassword,
  type Login,
  type Register,
  type ResetPassword,
  type VerifyEmail,
} from '@teamflow/contracts/auth';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, setAccessToken } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

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

export function useForgotPassword() {
  return useMutation({
    mutationFn: (body: ForgotPassword) => apiRequest('POST', '/auth/forgot-password', { body }),
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: (body: ResetPassword) => apiRequest('POST', '/auth/reset-password', { body }),
  });
}

export function useVerifyEmail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: VerifyEmail) => apiRequest('POST', '/auth/verify-email', { body }),
    // A signed-in tab shows "verified" without a reload (the token names no user, so refetch).
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.session }),
  });
}
