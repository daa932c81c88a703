'use client';

import { MeResponse, type ChangePassword, type UpdateProfile } from '@teamflow/contracts/auth';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/** Renames the signed-in user; the session cache (header, profile) shows the new name at once. */
export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateProfile) => apiRequest('PATCH', '/auth/me', { body, schema: MeResponse }),
    onSuccess: ({ user }) => {
      queryClient.setQueryData(queryKeys.session, user);
      // Member lists show names too.
      void queryClient.invalidateQueries({ queryKey: queryKeys.workspaces });
    },
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: ChangePassword) => apiRequest('POST', '/auth/change-password', { body }),
  });
}

export function useResendVerification() {
  return useMutation({ mutationFn: () => apiRequest('POST', '/auth/verify-email/request') });
}
