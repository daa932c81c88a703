'use client';

import { LabelList, type Label } from '@teamflow/contracts/labels';
import type { UserSummary } from '@teamflow/contracts/users';
import { MemberList } from '@teamflow/contracts/workspaces';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { apiGetAll } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export interface WorkspaceDirectory {
  people: Map<string, UserSummary>;
  labels: Map<string, Label>;
}

/** All members and labels of a workspace (every page), by id, so cards can show initials and label chips. */
export function useWorkspaceDirectory(workspaceId: string): WorkspaceDirectory {
  const members = useQuery({
    queryKey: queryKeys.members(workspaceId),
    queryFn: ({ signal }) => apiGetAll(`/workspaces/${workspaceId}/members`, { schema: MemberList, signal }),
    staleTime: 5 * 60_000,
  });
  const labels = useQuery({
    queryKey: queryKeys.labels(workspaceId),
    queryFn: ({ signal }) => apiGetAll(`/workspaces/${workspaceId}/labels`, { schema: LabelList, signal }),
    staleTime: 5 * 60_000,
  });
  // Stable maps (new only when the data is), so a 2,000-card board does not regroup on every render.
  const people = useMemo(
    () => new Map((members.data?.items ?? []).map((m) => [m.user.id, m.user])),
    [members.data],
  );
  const labelMap = useMemo(() => new Map((labels.data?.items ?? []).map((l) => [l.id, l])), [labels.data]);
  return useMemo(() => ({ people, labels: labelMap }), [people, labelMap]);
}
