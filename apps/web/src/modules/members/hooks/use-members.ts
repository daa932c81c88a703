'use client';

import type { Role } from '@teamflow/contracts/permissions';
import { InvitationCreated, MemberList, type InvitationCreate } from '@teamflow/contracts/workspaces';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGetAll, apiRequest } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import { showToast } from '@/modules/ui/toast';

/** Every member of the workspace with their role (same cache entry the board's directory reads). */
export function useMembers(workspaceId: string) {
  return useQuery({
    queryKey: queryKeys.members(workspaceId),
    queryFn: ({ signal }) => apiGetAll(`/workspaces/${workspaceId}/members`, { schema: MemberList, signal }),
  });
}

export function useInviteMember(workspaceId: string) {
  return useMutation({
    mutationFn: (body: InvitationCreate) =>
      apiRequest('POST', `/workspaces/${workspaceId}/invitations`, { body, schema: InvitationCreated }),
  });
}

function useMemberInvalidation(workspaceId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: queryKeys.members(workspaceId) });
}

export function useChangeMemberRole(workspaceId: string) {
  const invalidate = useMemberInvalidation(workspaceId);
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: Role }) =>
      apiRequest('PATCH', `/workspaces/${workspaceId}/members/${userId}`, { body: { role } }),
    onError: (error) => showToast({ tone: 'error', title: 'Role not changed', description: error.message }),
    onSettled: invalidate,
  });
}

export function useRemoveMember(workspaceId: string) {
  const invalidate = useMemberInvalidation(workspaceId);
  return useMutation({
    mutationFn: (userId: string) => apiRequest('DELETE', `/workspaces/${workspaceId}/members/${userId}`),
    onError: (error) => showToast({ tone: 'error', title: 'Member not removed', description: error.message }),
    onSettled: invalidate,
  });
}
